// String equality and interning: ==, Equals, CompareOrdinal; literals are interned (same
// object), built strings are not until String.Intern; String.IsInterned; null handling.
using System;
using System.Text;

class StringEquality
{
    static void Main()
    {
        string a = "hello", b = "hello";
        string c = new StringBuilder("hel").Append("lo").ToString();
        Console.WriteLine((a == b) + " " + (object)a.Equals(b) + " " + ReferenceEquals(a, b));
        Console.WriteLine((a == c) + " " + a.Equals(c) + " " + ReferenceEquals(a, c));
        string ic = string.Intern(c);
        Console.WriteLine(ReferenceEquals(ic, a) + " " + (string.IsInterned(c) != null));
        string n = null;
        Console.WriteLine((n == null) + " " + (a == n) + " " + string.Equals(n, null) + " " + string.IsNullOrEmpty(n) + " " + string.IsNullOrEmpty(""));
        Console.WriteLine(string.CompareOrdinal("a", "b") < 0);
        Console.WriteLine(string.CompareOrdinal("b", "a") > 0);
        Console.WriteLine(string.CompareOrdinal("abc", "abc") + " " + "Abc".Equals("abc", StringComparison.OrdinalIgnoreCase));
        object o1 = "x", o2 = new string('x', 1);
        Console.WriteLine((o1 == o2) + " " + o1.Equals(o2) + " " + ((string)o1 == (string)o2));
        Console.WriteLine(ReferenceEquals("con" + "cat", "concat") + " " + ReferenceEquals(string.Empty, ""));
    }
}
