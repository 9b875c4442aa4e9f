// Checked float->integer conversions: truncation toward zero in range; NaN, ±inf and
// out-of-range values throw OverflowException.
using System;

class ConvOvfFloat
{
    delegate long Op(double d);
    static void Row(string name, Op op)
    {
        double[] values = { double.NegativeInfinity, -1e20, -9223372036854775809.0, -2147483649.0, -2147483648.9, -129.0, -128.9, -1.0, -0.9, -0.0, 0.9, 127.9, 128.0, 255.9, 256.0, 2147483647.9, 2147483648.0, 4294967295.9, 4294967296.0, 9.2233720368547748E+18, 1.8446744073709550E+19, 1e20, double.PositiveInfinity, double.NaN };
        string s = name + ":";
        foreach (double v in values)
        {
            try { s += " " + op(v); }
            catch (OverflowException) { s += " X"; }
        }
        Console.WriteLine(s);
    }

    static void Main()
    {
        Row("i1", d => checked((sbyte)d));
        Row("u1", d => checked((byte)d));
        Row("i2", d => checked((short)d));
        Row("u2", d => checked((ushort)d));
        Row("i4", d => checked((int)d));
        Row("u4", d => checked((uint)d));
        Row("i8", d => checked((long)d));
        Row("u8", d => unchecked((long)checked((ulong)d)));
        Row("f:i4", d => { float f = (float)d; return checked((int)f); });
        Row("f:u8", d => { float f = (float)d; return unchecked((long)checked((ulong)f)); });
    }
}
