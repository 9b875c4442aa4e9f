// rem on float64 and float32: sign of the dividend, x rem 0 = NaN, x rem inf = x, inf rem y = NaN.
using System;

class FloatRem
{
    static string B(double d) { return double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16"); }
    static float f;
    static string F(float x) { f = x; return B(f); }

    static double[] values = { 0.0, -0.0, 1.5, -1.5, 7.0, -7.0, 0.3, 1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN };

    static void Main()
    {
        foreach (double a in values)
            foreach (double b in values)
                Console.WriteLine(B(a) + " % " + B(b) + " = " + B(a % b));
        float x = 7.5f, y = -2f, z = 0f;
        Console.WriteLine(F(x % y) + " " + F(-x % y) + " " + F(x % z) + " " + F(x % float.PositiveInfinity));
    }
}
