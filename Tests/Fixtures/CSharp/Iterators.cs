// Iterators without LINQ: yield return / yield break, iterator methods with parameters,
// infinite generators, iterators with try/finally (Dispose on early exit), nested iterators,
// IEnumerable<T> properties, hand-written IEnumerator, recursion through iterators.
using System;
using System.Collections;
using System.Collections.Generic;

class Tree
{
    public int Value; public Tree Left, Right;
    public Tree(int v, Tree l = null, Tree r = null) { Value = v; Left = l; Right = r; }
    public IEnumerable<int> InOrder()
    {
        if (Left != null) foreach (int v in Left.InOrder()) yield return v;
        yield return Value;
        if (Right != null) foreach (int v in Right.InOrder()) yield return v;
    }
}

class Countdown : IEnumerable
{
    readonly int from;
    public Countdown(int from) { this.from = from; }
    public IEnumerator GetEnumerator() { return new E(from); }
    class E : IEnumerator
    {
        int cur; readonly int start;
        public E(int s) { start = s; cur = s + 1; }
        public bool MoveNext() { return --cur >= 0; }
        public object Current { get { return cur; } }
        public void Reset() { cur = start + 1; }
    }
}

static class Program
{
    static IEnumerable<int> Range(int start, int count)
    {
        for (int i = 0; i < count; i++) yield return start + i;
    }

    static IEnumerable<long> Fib()
    {
        long a = 0, b = 1;
        while (true) { yield return a; long t = a + b; a = b; b = t; }
    }

    static IEnumerable<string> Guarded(string name)
    {
        Console.WriteLine("  enter " + name);
        try
        {
            yield return name + "1";
            yield return name + "2";
            yield return name + "3";
        }
        finally
        {
            Console.WriteLine("  finally " + name);
        }
    }

    static IEnumerable<int> Evens(IEnumerable<int> source)
    {
        foreach (int x in source)
        {
            if (x > 20) yield break;
            if (x % 2 == 0) yield return x;
        }
    }

    static IEnumerable<T> Interleave<T>(IEnumerable<T> a, IEnumerable<T> b)
    {
        using (var ea = a.GetEnumerator())
        using (var eb = b.GetEnumerator())
        {
            bool ma = ea.MoveNext(), mb = eb.MoveNext();
            while (ma || mb)
            {
                if (ma) { yield return ea.Current; ma = ea.MoveNext(); }
                if (mb) { yield return eb.Current; mb = eb.MoveNext(); }
            }
        }
    }

    static IEnumerable<string> Lazy()
    {
        Console.WriteLine("  lazy started");
        yield return "only";
    }

    static int Main(string[] args)
    {
        foreach (int i in Range(5, 4)) Console.Write(i + " ");
        Console.WriteLine();
        int n = 0;
        foreach (long f in Fib()) { if (n++ == 15) break; Console.Write(f + ","); }
        Console.WriteLine();
        foreach (string s in Guarded("a")) Console.WriteLine("got " + s);
        foreach (string s in Guarded("b")) { Console.WriteLine("got " + s); if (s == "b2") break; }
        var e = Guarded("c").GetEnumerator();
        Console.WriteLine("created, not started");
        e.MoveNext();
        Console.WriteLine("current " + e.Current);
        e.Dispose();
        Console.WriteLine("after dispose MoveNext=" + e.MoveNext());

        foreach (int x in Evens(Range(10, 100))) Console.Write(x + " ");
        Console.WriteLine();
        var t = new Tree(4, new Tree(2, new Tree(1), new Tree(3)), new Tree(6, null, new Tree(7)));
        foreach (int v in t.InOrder()) Console.Write(v);
        Console.WriteLine();
        foreach (string s in Interleave(new[] { "a", "b", "c" }, new[] { "1" })) Console.Write(s);
        Console.WriteLine();
        foreach (object o in new Countdown(3)) Console.Write(o + ";");
        Console.WriteLine();
        var lazy = Lazy();
        Console.WriteLine("lazy not yet");
        foreach (var s in lazy) Console.WriteLine("lazy " + s);
        foreach (var s in lazy) Console.WriteLine("again " + s);
        IEnumerator<int> r = Range(0, 2).GetEnumerator();
        while (r.MoveNext()) Console.Write("r" + r.Current);
        Console.WriteLine(" end " + r.MoveNext());
        return 0;
    }
}
