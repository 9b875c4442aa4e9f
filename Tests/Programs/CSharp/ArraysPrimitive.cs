// One-dimensional arrays of every primitive element type (ldelem/stelem i1 u1 i2 u2 i4 u4
// i8 r4 r8 i ref, ldelem.any/stelem.any for generics): store, load, sign/zero extension,
// default zeroing, ldlen.
using System;

class ArraysPrimitive
{
    static T Roundtrip<T>(T[] a, int i, T v) { a[i] = v; return a[i]; }

    static void Main()
    {
        sbyte[] i1 = new sbyte[3]; i1[1] = -100; i1[2] = unchecked((sbyte)0xFF);
        byte[] u1 = new byte[3]; u1[1] = 200; u1[2] = 0xFF;
        short[] i2 = new short[2]; i2[1] = -30000;
        ushort[] u2 = new ushort[2]; u2[1] = 60000;
        int[] i4 = new int[2]; i4[1] = int.MinValue;
        uint[] u4 = new uint[2]; u4[1] = uint.MaxValue;
        long[] i8 = new long[2]; i8[1] = long.MinValue;
        ulong[] u8 = new ulong[2]; u8[1] = ulong.MaxValue;
        float[] r4 = new float[2]; r4[1] = -1.25f;
        double[] r8 = new double[2]; r8[1] = 6.5;
        char[] ch = new char[2]; ch[1] = '\u00E9';
        bool[] bo = new bool[2]; bo[1] = true;
        IntPtr[] ip = new IntPtr[2]; ip[1] = new IntPtr(-5);
        string[] st = new string[2]; st[1] = "s";
        Console.WriteLine(i1[0] + " " + i1[1] + " " + i1[2] + " " + u1[1] + " " + u1[2] + " " + i2[1] + " " + u2[1] + " " + i4[1] + " " + u4[1] + " " + i8[1] + " " + u8[1]);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(r4[1]).ToString("X16") + " " + BitConverter.DoubleToInt64Bits(r8[1]).ToString("X16") + " " + (int)ch[1] + " " + bo[1] + " " + bo[0] + " " + ip[1].ToInt64() + " " + st[1] + " " + (st[0] == null));
        int sum = u1[2] + i1[2] + u2[1] + i2[1];
        Console.WriteLine(sum);
        Console.WriteLine(i1.Length + " " + r8.Length + " " + new int[0].Length + " " + i4.LongLength);
        Console.WriteLine(Roundtrip(new int[3], 2, 7) + " " + Roundtrip(new string[1], 0, "g") + " " + Roundtrip(new byte[1], 0, (byte)250) + " " + Roundtrip(new long[2], 1, -9L));
        int[] fib = new int[30];
        fib[0] = 0; fib[1] = 1;
        for (int k = 2; k < fib.Length; k++) fib[k] = fib[k - 1] + fib[k - 2];
        Console.WriteLine(fib[29]);
        i4[0] += 5; i4[0] *= 3; u1[0]--;
        Console.WriteLine(i4[0] + " " + u1[0]);
    }
}
