// Conditional branches in loops: every comparison on int32/int64 (signed and unsigned),
// brtrue/brfalse on bool and object, short-circuit && and ||, goto.
using System;

class Branches
{
    static int Classify(int a, int b)
    {
        int r = 0;
        if (a == b) r |= 1;
        if (a != b) r |= 2;
        if (a < b) r |= 4;
        if (a <= b) r |= 8;
        if (a > b) r |= 16;
        if (a >= b) r |= 32;
        if ((uint)a < (uint)b) r |= 64;
        if ((uint)a <= (uint)b) r |= 128;
        if ((uint)a > (uint)b) r |= 256;
        if ((uint)a >= (uint)b) r |= 512;
        return r;
    }

    static int ClassifyLong(long a, long b)
    {
        int r = 0;
        if (a == b) r |= 1;
        if (a < b) r |= 2;
        if (a > b) r |= 4;
        if ((ulong)a < (ulong)b) r |= 8;
        if ((ulong)a > (ulong)b) r |= 16;
        return r;
    }

    static bool Side(string s, bool v) { Console.Write(s); return v; }

    static void Main()
    {
        int[] v = { int.MinValue, -5, 0, 5, int.MaxValue };
        foreach (int a in v) foreach (int b in v) Console.Write(Classify(a, b) + " ");
        Console.WriteLine();
        foreach (int a in v) foreach (int b in v) Console.Write(ClassifyLong(a * 4L, b * 4L) + " ");
        Console.WriteLine();
        Console.WriteLine(Side("a", false) && Side("b", true));
        Console.WriteLine(Side("c", true) || Side("d", true));
        Console.WriteLine(Side("e", true) && Side("f", false) || Side("g", true));
        object o = "x";
        if (o != null) Console.WriteLine("nonnull");
        int n = 0;
    again:
        n++;
        if (n < 10) goto again;
        Console.WriteLine(n);
        int sum = 0;
        for (int i = 0; i < 100; i++) { if (i % 3 == 0) continue; if (i > 50) break; sum += i; }
        Console.WriteLine(sum);
        int k = 10; do { k -= 3; } while (k > 0); Console.WriteLine(k);
    }
}
