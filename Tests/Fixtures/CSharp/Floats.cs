// Floating point: edge values (NaN payloads, infinities, signed zero, epsilon, max/min,
// subnormals) printed as bits via BitConverter.DoubleToInt64Bits, IEEE arithmetic on them,
// comparisons with NaN, float (32-bit) rounding, double<->float conversions, remainder,
// correctly rounded Math functions (Sqrt, Floor, Ceiling, Round, Truncate, Abs), parsing and
// formatting with InvariantCulture.
// The sign and payload of a NaN produced by arithmetic differ between CPUs (x86 gives the
// negative "default NaN", ARM a positive one), so computed values print NaN as "NaN";
// bit patterns of NaNs that are only loaded and stored are printed raw.
using System;
using System.Globalization;

static class Program
{
    static readonly double[] D = {
        0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, double.Epsilon, -double.Epsilon, double.MaxValue,
        double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        2.2250738585072014E-308, 4.9406564584124654E-324 * 3, 9007199254740993.0, 1e308 };

    static readonly float[] F = {
        0f, -0f, 1f, 0.1f, 1f / 3f, float.Epsilon, float.MaxValue, float.MinValue,
        float.PositiveInfinity, float.NegativeInfinity, float.NaN, 16777217f, 1.17549435E-38f };

    static string H(double d) { return double.IsNaN(d) ? "NaN" : Raw(d); }
    static string H(float f) { return float.IsNaN(f) ? "NaN" : Raw(f); }
    static string Raw(double d) { return BitConverter.DoubleToInt64Bits(d).ToString("X16"); }
    static string Raw(float f) { return BitConverter.ToInt32(BitConverter.GetBytes(f), 0).ToString("X8"); }
    static string B(bool b) { return b ? "T" : "F"; }

    static int Main(string[] args)
    {
        Console.WriteLine("-- doubles: bits, neg, +1, *2, /2, 1/x, x-x, x*0, sqrt, floor, ceil, round, trunc, abs");
        foreach (double x in D)
            Console.WriteLine(H(x) + " " + H(-x) + " " + H(x + 1) + " " + H(x * 2) + " " + H(x / 2) + " " + H(1 / x) + " " +
                H(x - x) + " " + H(x * 0) + " " + H(Math.Sqrt(x)) + " " + H(Math.Floor(x)) + " " + H(Math.Ceiling(x)) + " " +
                H(Math.Round(x)) + " " + H(Math.Truncate(x)) + " " + H(Math.Abs(x)));
        Console.WriteLine("-- double comparisons with NaN and zeros");
        double nan = D[12], pz = D[0], nz = D[1], inf = D[10];
        Console.WriteLine(B(nan == nan) + B(nan != nan) + B(nan < 1) + B(nan > 1) + B(nan <= nan) + B(!(nan >= 0)) +
            B(pz == nz) + B(inf > double.MaxValue) + B(-inf < double.MinValue) + B(double.IsNaN(nan)) + B(nan.Equals(nan)) +
            B(pz.Equals(nz)) + " " + pz.CompareTo(nz) + nan.CompareTo(pz) + pz.CompareTo(nan) + inf.CompareTo(nan));
        Console.WriteLine(H(inf - inf) + " " + H(inf * 0) + " " + H(pz / pz) + " " + H(1 / nz) + " " + H(nz + nz) + " " + H(nz + pz) + " " + H(pz * -1));
        Console.WriteLine("-- remainder");
        double[] rem = { 5.5, -5.5, 1e300, 0.0, double.PositiveInfinity };
        foreach (double a in rem)
            Console.WriteLine(H(a % 2.0) + " " + H(a % -3.0) + " " + H(a % 0.0) + " " + H(2.0 % a) + " " + H(Math.IEEERemainder(a, 2.0)));
        Console.WriteLine("-- rounding modes of Math.Round");
        double[] halves = { 0.5, 1.5, 2.5, -0.5, -1.5, 2.4999999999999996, 0.49999999999999994 };
        foreach (double h in halves)
            Console.WriteLine(H(h) + " even " + H(Math.Round(h)) + " away " + H(Math.Round(h, MidpointRounding.AwayFromZero)) + " 1dp " + H(Math.Round(h * 1.25, 1)));
        Console.WriteLine("-- floats: bits, neg, +1, *3, /3, widen, narrow back");
        foreach (float x in F)
        {
            float s = x + 1f, m = x * 3f, dv = x / 3f;
            Console.WriteLine(H(x) + " " + H(-x) + " " + H(s) + " " + H(m) + " " + H(dv) + " " + H((double)x) + " " + H((float)(double)x) + " " + B(x == x));
        }
        Console.WriteLine("-- double to float narrowing");
        foreach (double x in D) Console.WriteLine(H(x) + " -> " + H((float)x));
        double big = D[8];
        float fl = (float)big;
        Console.WriteLine("overflow to inf " + H(fl) + " " + B(float.IsPositiveInfinity(fl)) + " underflow " + H((float)D[6]));
        float third = F[1] + 1f / F[2] / 3f;
        double thirdD = 1.0 / 3.0;
        Console.WriteLine("float third " + H(third) + " widened " + H((double)third) + " double third " + H(thirdD) + " eq " + B(third == thirdD));
        float acc = 0f; for (int i = 0; i < 10; i++) acc += F[3];
        double accD = 0; for (int i = 0; i < 10; i++) accD += D[4];
        Console.WriteLine("sum of ten 0.1: float " + H(acc) + " double " + H(accD) + " ==1 " + B(accD == 1.0));
        Console.WriteLine("-- formatting and parsing (InvariantCulture)");
        CultureInfo ic = CultureInfo.InvariantCulture;
        double[] fmt = { 0.0, -0.0, 1.5, -2.25, 1e21, 1e-7, 123456789.125, 0.1 };
        foreach (double x in fmt) Console.WriteLine(x.ToString("R", ic) + " " + x.ToString("F3", ic) + " " + x.ToString("E4", ic) + " " + x.ToString(ic));
        Console.WriteLine(double.NaN.ToString(ic) + " " + double.PositiveInfinity.ToString(ic) + " " + double.NegativeInfinity.ToString(ic) + " " + float.MaxValue.ToString("R", ic));
        string[] parse = { "1.5", "-0", "1e308", "-1e-400", "4.9e-324", "0.1", "NaN", "Infinity", "-Infinity", "  42  " };
        foreach (string p in parse) Console.Write(H(double.Parse(p, NumberStyles.Float, ic)) + " ");
        Console.WriteLine();
        double outv;
        Console.WriteLine("TryParse bad " + B(double.TryParse("1,5x", NumberStyles.Float, ic, out outv)) + " " + H(outv));
        Console.WriteLine("-- misc Math");
        Console.WriteLine(H(Math.Max(1.0, nan)) + " " + H(Math.Min(-0.0, 0.0)) + " " + H(Math.Max(-0.0, 0.0)) + " " + Math.Sign(-0.0) + Math.Sign(-2.5) + Math.Sign(3.0) + " " + H(Math.Pow(2, 10)) + " " + H(Math.Pow(2, -1074)) + " " + H(Math.Sqrt(-1)));
        Console.WriteLine("raw NaN constants " + Raw(D[12]) + " " + Raw(F[10]) + " " + Raw(BitConverter.Int64BitsToDouble(0x7FF8000000000001)) + " " + Raw(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF4000000000000))));
        Console.WriteLine(H(BitConverter.Int64BitsToDouble(0x7FF8000000000001)) + " " + B(double.IsNaN(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF0000000000001)))) + " " + H(BitConverter.Int64BitsToDouble(0x0000000000000001) * 2));
        Console.WriteLine(B(double.IsInfinity(inf)) + B(double.IsNegativeInfinity(-inf)) + B(float.IsNaN(F[10])) + B(double.IsNaN(F[10])) + " " + H((double)F[10]) + " " + H(Math.Abs(nan)));
        return 0;
    }
}
