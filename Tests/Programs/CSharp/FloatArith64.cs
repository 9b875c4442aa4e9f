// float64 add, sub, mul, div, neg on edge values (±0, ±1, ±inf, NaN, Max, Epsilon); printed
// as bit patterns, any NaN as "NaN" (its payload is implementation-specific).
using System;

class FloatArith64
{
    static string B(double d) { return double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16"); }

    static double[] values = { 0.0, -0.0, 1.0, -1.0, 0.1, 3.5, double.MaxValue, double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN };

    static void Main()
    {
        foreach (double a in values)
        {
            Console.WriteLine(B(a) + " neg " + B(-a));
            foreach (double b in values)
                Console.WriteLine(B(a) + " " + B(b) + ": " + B(a + b) + " " + B(a - b) + " " + B(a * b) + " " + B(a / b));
        }
        double third = 1.0 / 3.0;
        Console.WriteLine(B(third) + " " + B(third * 3.0) + " " + B(0.1 + 0.2));
    }
}
