// Generic methods: type inference, explicit type arguments, generic recursion, methods
// generic over arrays, out T, and static generic methods in generic classes.
using System;

static class Util
{
    public static T Max<T>(T[] values, Comparison<T> cmp) { T best = values[0]; foreach (T v in values) if (cmp(v, best) > 0) best = v; return best; }
    public static void Fill<T>(T[] arr, T v) { for (int i = 0; i < arr.Length; i++) arr[i] = v; }
    public static bool TryFirst<T>(T[] arr, out T first) { if (arr.Length > 0) { first = arr[0]; return true; } first = default(T); return false; }
    public static string Nest<T>(int depth, T v) { return depth == 0 ? v.ToString() : "[" + Nest<T[]>(depth - 1, new T[] { v }).Length + "]"; }
    public static U[] Map<T, U>(T[] a, Func<T, U> f) { U[] r = new U[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = f(a[i]); return r; }
}

class Holder<T>
{
    public static string Describe<U>(U u) { return typeof(T).Name + "/" + typeof(U).Name + ":" + u; }
}

class GenericMethods
{
    static void Main()
    {
        Console.WriteLine(Util.Max(new[] { 3, 9, 2 }, (a, b) => a - b) + " " + Util.Max(new[] { "pear", "apple" }, string.CompareOrdinal));
        long[] ls = new long[3]; Util.Fill(ls, 7L);
        Console.WriteLine(ls[0] + ls[1] + ls[2]);
        string f; int g;
        Console.WriteLine(Util.TryFirst(new[] { "x" }, out f) + f + Util.TryFirst(new int[0], out g) + g);
        Console.WriteLine(Util.Nest(3, 5));
        Console.WriteLine(string.Join(",", Util.Map(new[] { 1, 2, 3 }, x => "n" + x * 2)));
        Console.WriteLine(Holder<int>.Describe("s") + " " + Holder<string>.Describe<long>(4));
    }
}
