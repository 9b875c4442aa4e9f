// System.Math on integers and exact float operations: Abs (incl. OverflowException for
// MinValue), Min, Max, Sign, BigMul, DivRem, and Floor/Ceiling/Round/Sqrt/Truncate
// results printed as bits.
using System;

class MathInts
{
    static string B(double d) { return double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16"); }

    static void Main()
    {
        Console.WriteLine(Math.Abs(-5) + " " + Math.Abs(-5L) + " " + Math.Abs((short)-3) + " " + Math.Max(3, 9) + " " + Math.Min(-1L, 4L) + " " + Math.Sign(-12) + " " + Math.Sign(0L));
        try { Math.Abs(int.MinValue); } catch (OverflowException e) { Console.WriteLine(e.GetType().FullName); }
        int rem;
        Console.WriteLine(Math.BigMul(int.MaxValue, int.MaxValue) + " " + Math.DivRem(17, 5, out rem) + " " + rem);
        double[] ds = { 2.5, -2.5, 3.5, 0.49999999999999994, -0.0, 1e16 + 1, 2.0, 1e300 * 10 };
        foreach (double d in ds)
            Console.WriteLine(B(Math.Floor(d)) + " " + B(Math.Ceiling(d)) + " " + B(Math.Round(d)) + " " + B(Math.Truncate(d)) + " " + B(Math.Sqrt(Math.Abs(d))));
        Console.WriteLine(B(Math.Sqrt(-1.0)) + " " + B(Math.Max(-0.0, 0.0)) + " " + B(Math.Min(double.NaN, 1.0)));
    }
}
