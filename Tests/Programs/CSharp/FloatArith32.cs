// float32 add, sub, mul, div, neg on edge values. Each result is stored to a float field
// (fixed size) before being widened exactly to float64 for printing.
using System;

class FloatArith32
{
    static float r;
    static string B(float f) { r = f; double d = r; return double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16"); }

    static float[] values = { 0f, -0f, 1f, -1f, 0.1f, 16777216f, float.MaxValue, float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, float.NaN };

    static void Main()
    {
        foreach (float a in values)
        {
            Console.WriteLine(B(a) + " neg " + B(-a));
            foreach (float b in values)
            {
                float s = a + b; float d = a - b; float m = a * b; float q = a / b;
                Console.WriteLine(B(a) + " " + B(b) + ": " + B(s) + " " + B(d) + " " + B(m) + " " + B(q));
            }
        }
        float big = 16777216f, one = 1f;
        float acc = big + one; acc = acc + one;
        Console.WriteLine(B(acc));
    }
}
