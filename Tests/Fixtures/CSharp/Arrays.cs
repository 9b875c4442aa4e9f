// Arrays: initialisers of every primitive type (large ones become RVA `.data` fields
// copied with InitializeArray), jagged arrays, rectangular 2-D and 3-D arrays, arrays of
// structs and strings, covariance and ArrayTypeMismatchException, bounds errors,
// Array.Copy/Reverse/Sort/IndexOf/Resize, non-zero lower bounds, ldelema, Length/Rank.
using System;

struct P { public int A; public long B; }

static class Program
{
    static readonly byte[] Bytes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 200, 255 };
    static readonly sbyte[] SBytes = { -128, -1, 0, 1, 127, 5, 6, 7, 8, 9 };
    static readonly short[] Shorts = { -32768, -1, 0, 1, 32767, 6, 7, 8 };
    static readonly ushort[] UShorts = { 0, 1, 65535, 4, 5, 6, 7 };
    static readonly int[] Ints = { int.MinValue, -1, 0, 1, int.MaxValue, 0x12345678, 7, 8, 9 };
    static readonly uint[] UInts = { 0, 1, uint.MaxValue, 0x80000000, 5, 6 };
    static readonly long[] Longs = { long.MinValue, -1, 0, 1, long.MaxValue, 0x0123456789ABCDEF };
    static readonly ulong[] ULongs = { 0, ulong.MaxValue, 0x8000000000000000, 3, 4 };
    static readonly char[] Chars = { 'h', 'e', 'l', 'l', 'o', '\u00ff', '\u4e2d', '\0' };
    static readonly bool[] Bools = { true, false, true, true, false, false, true, false, true };
    static readonly float[] Floats = { 0f, -0f, 1.5f, float.MaxValue, float.Epsilon, float.NaN, float.NegativeInfinity };
    static readonly double[] Doubles = { 0.0, -0.0, 0.1, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity };

    static string Hex(byte[] a) { return BitConverter.ToString(a); }

    static void Sum<T>(string name, T[] arr, Func<T, long> f)
    {
        long s = 0; foreach (T t in arr) s = unchecked(s * 31 + f(t));
        Console.WriteLine(name + " len=" + arr.Length + " hash=" + s);
    }

    static int Main(string[] args)
    {
        Console.WriteLine(Hex(Bytes));
        Sum("sbyte", SBytes, x => x);
        Sum("short", Shorts, x => x);
        Sum("ushort", UShorts, x => x);
        Sum("int", Ints, x => x);
        Sum("uint", UInts, x => x);
        Sum("long", Longs, x => x);
        Sum("ulong", ULongs, x => unchecked((long)x));
        Sum("char", Chars, x => x);
        Sum("bool", Bools, x => x ? 1 : 0);
        Sum("float", Floats, x => BitConverter.DoubleToInt64Bits(x));
        Sum("double", Doubles, x => BitConverter.DoubleToInt64Bits(x));
        Console.WriteLine(Ints[0] + " " + Longs[5].ToString("X") + " " + ULongs[1] + " " + (int)Chars[6]);

        int[][] jag = new int[4][];
        for (int i = 0; i < jag.Length; i++)
        {
            jag[i] = new int[i + 1];
            for (int j = 0; j <= i; j++) jag[i][j] = i == j || j == 0 ? 1 : jag[i - 1][j - 1] + jag[i - 1][j];
        }
        foreach (int[] row in jag) Console.WriteLine(string.Join(" ", row));
        string[][] words = { new[] { "a", "b" }, new string[0], new[] { "c" } };
        Console.WriteLine(words.Length + " " + words[1].Length + " " + words[2][0]);

        int[,] m = new int[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i, j] = i * 10 + j;
        Console.WriteLine("rank " + m.Rank + " len " + m.Length + " dims " + m.GetLength(0) + "x" + m.GetLength(1) + " m[2,3]=" + m[2, 3]);
        m[1, 1] += 100;
        int total = 0; foreach (int v in m) total += v;
        Console.WriteLine("sum " + total);
        int[,] lit = { { 1, 2, 3 }, { 4, 5, 6 } };
        Console.WriteLine(lit[1, 0] + lit[0, 2] + " upper " + lit.GetUpperBound(1));
        string[,,] cube = new string[2, 2, 2];
        cube[1, 0, 1] = "x";
        Console.WriteLine("cube " + cube.Rank + " " + cube.Length + " " + cube[1, 0, 1] + " " + (cube[0, 0, 0] == null));
        long[,] big = new long[2, 2] { { long.MinValue, 1 }, { 2, long.MaxValue } };
        Console.WriteLine(big[0, 0] + " " + big[1, 1]);
        P[,] ps = new P[2, 2];
        ps[1, 1].A = 5; ps[1, 1].B = 6;
        Console.WriteLine("struct md " + ps[1, 1].A + ps[1, 1].B + ps[0, 0].A);

        P[] parr = new P[3];
        parr[2].A = 7;
        Console.WriteLine("struct array " + parr[2].A + " " + parr[0].B);

        object[] objs = new string[2];
        try { objs[0] = "fine"; objs[1] = 42; }
        catch (ArrayTypeMismatchException) { Console.WriteLine("ArrayTypeMismatchException, [0]=" + objs[0]); }
        try { Console.WriteLine(Ints[Ints.Length]); }
        catch (IndexOutOfRangeException) { Console.WriteLine("IndexOutOfRangeException"); }
        try { Console.WriteLine(m[3, 0]); }
        catch (IndexOutOfRangeException) { Console.WriteLine("IndexOutOfRangeException md"); }
        try { var neg = Array.CreateInstance(typeof(int), args.Length - 1); Console.WriteLine(neg.Length); }
        catch (ArgumentOutOfRangeException) { Console.WriteLine("ArgumentOutOfRangeException negative size"); }

        int[] copy = new int[5];
        Array.Copy(Ints, 2, copy, 1, 3);
        Console.WriteLine(string.Join(",", copy));
        Array.Reverse(copy);
        Console.WriteLine(string.Join(",", copy));
        int[] sorted = (int[])Ints.Clone();
        Array.Sort(sorted);
        Console.WriteLine(string.Join(",", sorted) + " idx=" + Array.IndexOf(sorted, 7) + " bs=" + Array.BinarySearch(sorted, 9));
        Array.Resize(ref sorted, 3);
        Console.WriteLine(sorted.Length + " " + sorted[2]);
        Array nz = Array.CreateInstance(typeof(int), new[] { 3 }, new[] { 5 });
        nz.SetValue(55, 5); nz.SetValue(77, 7);
        Console.WriteLine("lower bound " + nz.GetLowerBound(0) + " " + nz.GetValue(5) + " " + nz.GetValue(7));
        char[] cs = "dcba".ToCharArray();
        Array.Sort(cs);
        Console.WriteLine(new string(cs) + " " + new string('*', 3));
        int[] empty = new int[0];
        Console.WriteLine("empty " + empty.Length + " " + typeof(int[][]).Name + " " + typeof(int[,]).Name + " " + m.GetType().GetArrayRank());
        return 0;
    }
}
