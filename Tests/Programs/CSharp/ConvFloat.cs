// Conversions to float: conv.r4/conv.r8 from int32/int64, conv.r.un from uint32/uint64,
// float64<->float32 rounding, and float->int truncation for in-range values only.
using System;

class ConvFloat
{
    static string B(double d) { return double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16"); }
    static float fs;
    static string F(float f) { fs = f; return B(fs); }

    static void Main()
    {
        long[] ls = { long.MinValue, -9007199254740993L, int.MinValue, -1, 0, 1, 16777217, 9007199254740993L, long.MaxValue };
        foreach (long l in ls) Console.WriteLine(l + ": " + B((double)l) + " " + F((float)l) + " " + B((double)(int)l) + " " + F((float)(int)l));
        ulong[] us = { 0, 1, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFF800, 0xFFFFFFFFFFFFFFFF };
        foreach (ulong u in us) Console.WriteLine(u + ": " + B((double)u) + " " + F((float)u));
        uint[] u32 = { 0, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF };
        foreach (uint u in u32) Console.WriteLine(u + ": " + B((double)u) + " " + F((float)u));
        double[] ds = { 0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 123456.789, -2147483648.9, 2147483647.9, 1e15 + 0.5, 3.4e38, 1e-50, double.PositiveInfinity, double.NaN };
        foreach (double d in ds)
        {
            string s = B(d) + " -> r4 " + F((float)d);
            if (d > -2147483649.0 && d < 2147483648.0) s += " i4 " + (int)d + " i8 " + (long)d;
            if (d > -1.0 && d < 65536.0) s += " u2 " + (ushort)d;
            if (d > -1.0 && d < 18446744073709551616.0) s += " u8 " + (ulong)d;
            Console.WriteLine(s);
        }
        float[] fsv = { 1.5f, -1.5f, 16777215f, float.MaxValue, float.Epsilon };
        foreach (float f in fsv) Console.WriteLine(F(f) + " -> r8 " + B((double)f) + " i4 " + (int)Math.Min(f, 1e9f));
    }
}
