// Equals on structs: default ValueType.Equals (field-by-field, also for structs with
// reference fields), overridden Equals, IEquatable<T>, and equality of boxed structs.
using System;

struct Plain { public int A; public long B; }
struct WithRef { public string S; public int N; }
struct Custom : IEquatable<Custom> { public int V; public bool Equals(Custom o) { return V % 10 == o.V % 10; } public override bool Equals(object o) { return o is Custom && Equals((Custom)o); } public override int GetHashCode() { return V % 10; } }

class ValueTypeEquals
{
    static void Main()
    {
        Plain p1 = new Plain { A = 1, B = 2 }, p2 = new Plain { A = 1, B = 2 }, p3 = new Plain { A = 1, B = 3 };
        Console.WriteLine(p1.Equals(p2) + " " + p1.Equals(p3) + " " + p1.Equals((object)p2) + " " + p1.Equals(null) + " " + p1.Equals(5));
        WithRef w1 = new WithRef { S = "x", N = 1 }, w2 = new WithRef { S = new string('x', 1), N = 1 }, w3 = new WithRef { S = null, N = 1 };
        Console.WriteLine(w1.Equals(w2) + " " + w1.Equals(w3) + " " + w3.Equals(new WithRef { N = 1 }));
        Custom c1 = new Custom { V = 3 }, c2 = new Custom { V = 13 };
        Console.WriteLine(c1.Equals(c2) + " " + ((object)c1).Equals(c2) + " " + object.Equals(c1, c2));
        object b1 = p1, b2 = p2;
        Console.WriteLine((b1 == b2) + " " + b1.Equals(b2));
    }
}
