// System.Tuple and KeyValuePair: creation, Item access, structural Equals, tuples as
// dictionary keys, nested tuples, and ToString of tuples holding ints and strings.
using System;
using System.Collections.Generic;

class Tuples
{
    static Tuple<int, string> Pair(int i) { return Tuple.Create(i, "v" + i); }

    static void Main()
    {
        var t = Pair(3);
        Console.WriteLine(t.Item1 + " " + t.Item2 + " " + t);
        Console.WriteLine(t.Equals(Pair(3)) + " " + t.Equals(Pair(4)) + " " + (t == Pair(3)));
        var d = new Dictionary<Tuple<int, int>, string>();
        d[Tuple.Create(1, 2)] = "a";
        d[Tuple.Create(2, 1)] = "b";
        Console.WriteLine(d[Tuple.Create(1, 2)] + d[Tuple.Create(2, 1)] + d.Count);
        var nested = Tuple.Create(1, Tuple.Create("x", 'y'), 3L);
        Console.WriteLine(nested.Item2.Item2 + " " + nested);
        var kv = new KeyValuePair<string, int>("k", 9);
        Console.WriteLine(kv.Key + kv.Value + " " + kv);
        var seven = Tuple.Create(1, 2, 3, 4, 5, 6, 7);
        Console.WriteLine(seven.Item7 + " " + seven);
    }
}
