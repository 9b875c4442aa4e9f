// params arrays (zero, several, an explicit array, null), optional parameters with default
// values of several types, named arguments, and overload resolution between them.
using System;

class ParamsAndOptional
{
    static int Count(params object[] items) { return items == null ? -1 : items.Length; }
    static int Sum(int first, params int[] rest) { int s = first; foreach (int r in rest) s += r; return s; }
    static string Opt(int a, string b = "def", long c = -1, bool d = true, char e = 'z') { return a + b + c + d + e; }
    static string Over(object o) { return "object"; }
    static string Over(params string[] s) { return "params" + s.Length; }

    static void Main()
    {
        Console.WriteLine(Count() + " " + Count(1, "two", 3.0) + " " + Count(new object[] { 1, 2 }) + " " + Count((object[])null) + " " + Count((object)null));
        Console.WriteLine(Sum(1) + " " + Sum(1, 2, 3) + " " + Sum(1, new[] { 10, 20 }));
        Console.WriteLine(Opt(1) + " " + Opt(2, "x") + " " + Opt(3, c: 7) + " " + Opt(4, e: 'q', d: false));
        Console.WriteLine(Over("a") + " " + Over("a", "b") + " " + Over(5) + " " + Over());
    }
}
