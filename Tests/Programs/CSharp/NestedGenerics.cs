// Nested generic types (Outer<T>.Inner<U>), generic types nested in non-generic ones,
// generics instantiated over generics (List<Dictionary<string,int[]>>), and typeof names.
using System;
using System.Collections.Generic;

class Outer<T>
{
    public class Inner<U>
    {
        public T A; public U B;
        public string Show() { return typeof(T).Name + "," + typeof(U).Name + ":" + A + "," + B; }
    }
    public class Plain { public T Value; }
}

class Host { public class G<V> { public V[] Items = new V[2]; } }

class NestedGenerics
{
    static void Main()
    {
        Outer<int>.Inner<string> x = new Outer<int>.Inner<string>();
        x.A = 1; x.B = "b";
        Console.WriteLine(x.Show());
        Outer<string>.Plain p = new Outer<string>.Plain { Value = "plain" };
        Console.WriteLine(p.Value + " " + typeof(Outer<string>.Plain).FullName.Length);
        Host.G<long> g = new Host.G<long>();
        g.Items[1] = 9;
        Console.WriteLine(g.Items[0] + g.Items[1]);
        var nested = new List<Dictionary<string, int[]>>();
        nested.Add(new Dictionary<string, int[]>());
        nested[0]["k"] = new[] { 1, 2, 3 };
        Console.WriteLine(nested[0]["k"][2] + " " + nested.Count);
        Outer<Outer<int>.Inner<bool>>.Inner<char> deep = new Outer<Outer<int>.Inner<bool>>.Inner<char>();
        deep.A = new Outer<int>.Inner<bool> { A = 4, B = true };
        deep.B = 'z';
        Console.WriteLine(deep.A.Show() + " " + deep.B);
    }
}
