// Iterators (yield return / yield break): compiler-generated state machines, lazy
// evaluation order, iterators with finally blocks run on Dispose (foreach break), nested
// iterators, and IEnumerable<T> over generic types.
using System;
using System.Collections.Generic;

class Iterators
{
    static IEnumerable<int> Range(int from, int count) { for (int i = 0; i < count; i++) { Console.Write("y" + (from + i) + " "); yield return from + i; } }
    static IEnumerable<string> WithFinally() { try { yield return "a"; yield return "b"; yield return "c"; } finally { Console.Write("cleanup "); } }
    static IEnumerable<T> Concat<T>(IEnumerable<T> x, IEnumerable<T> y) { foreach (T v in x) yield return v; foreach (T v in y) yield return v; }
    static IEnumerable<int> Evens(int max) { for (int i = 0; ; i += 2) { if (i > max) yield break; yield return i; } }

    static void Main()
    {
        foreach (int i in Range(5, 3)) Console.Write("got" + i + " ");
        Console.WriteLine();
        foreach (string s in WithFinally()) { Console.Write(s + " "); if (s == "b") break; }
        Console.WriteLine();
        int sum = 0;
        foreach (int v in Concat(Evens(6), Range(100, 2))) sum += v;
        Console.WriteLine();
        Console.WriteLine(sum);
        IEnumerator<int> e = Evens(4).GetEnumerator();
        while (e.MoveNext()) Console.Write(e.Current + ";");
        Console.WriteLine(e.MoveNext());
    }
}
