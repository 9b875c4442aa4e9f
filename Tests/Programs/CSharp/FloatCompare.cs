// Comparisons of float64/float32 with NaN, ±0 and ±inf: ==, !=, <, <=, >, >= (C# compiles
// negated forms to clt.un / cgt.un and bge.un etc.), and branches on them.
using System;

class FloatCompare
{
    static double[] values = { double.NegativeInfinity, -1.0, -0.0, 0.0, 1.0, double.PositiveInfinity, double.NaN };

    static string Bits(bool a, bool b, bool c, bool d, bool e, bool g)
    {
        return (a ? "1" : "0") + (b ? "1" : "0") + (c ? "1" : "0") + (d ? "1" : "0") + (e ? "1" : "0") + (g ? "1" : "0");
    }

    static void Main()
    {
        for (int i = 0; i < values.Length; i++)
            for (int j = 0; j < values.Length; j++)
            {
                double a = values[i], b = values[j];
                string s = Bits(a == b, a != b, a < b, a <= b, a > b, a >= b);
                string n = Bits(!(a == b), !(a != b), !(a < b), !(a <= b), !(a > b), !(a >= b));
                string br = "";
                if (a < b) br += "L"; else br += "l";
                if (a >= b) br += "G"; else br += "g";
                if (!(a > b)) br += "n"; else br += "N";
                float fa = (float)a, fb = (float)b;
                string f = Bits(fa == fb, fa != fb, fa < fb, fa <= fb, fa > fb, fa >= fb);
                Console.WriteLine(i + " " + j + " " + s + " " + n + " " + br + " " + f);
            }
        Console.WriteLine(double.IsNaN(0.0 / values[3]) + " " + (values[6].Equals(values[6])) + " " + (0.0).Equals(-0.0));
        Console.WriteLine(values[6].CompareTo(values[0]) + " " + values[2].CompareTo(values[3]));
    }
}
