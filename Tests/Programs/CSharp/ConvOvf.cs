// Checked integer conversions (conv.ovf.* and conv.ovf.*.un): in range and OverflowException.
using System;

class ConvOvf
{
    delegate long Op(long v);
    static void Row(string name, Op op)
    {
        long[] values = { long.MinValue, int.MinValue, -129, -128, -1, 0, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, uint.MaxValue, long.MaxValue };
        string s = name + ":";
        foreach (long v in values)
        {
            try { s += " " + op(v); }
            catch (OverflowException) { s += " X"; }
        }
        Console.WriteLine(s);
    }

    static void Main()
    {
        Row("i8->i1", v => checked((sbyte)v));
        Row("i8->u1", v => checked((byte)v));
        Row("i8->i2", v => checked((short)v));
        Row("i8->u2", v => checked((ushort)v));
        Row("i8->i4", v => checked((int)v));
        Row("i8->u4", v => checked((uint)v));
        Row("i8->u8", v => (long)(checked((ulong)v) >> 1));
        Row("i4->i1", v => { int i = unchecked((int)v); return checked((sbyte)i); });
        Row("i4->u1", v => { int i = unchecked((int)v); return checked((byte)i); });
        Row("i4->u4", v => { int i = unchecked((int)v); return checked((uint)i); });
        Row("i4->u8", v => { int i = unchecked((int)v); return (long)checked((ulong)i); });
        Row("u8->i8", v => { ulong u = unchecked((ulong)v); return checked((long)u); });
        Row("u8->i4", v => { ulong u = unchecked((ulong)v); return checked((int)u); });
        Row("u8->u2", v => { ulong u = unchecked((ulong)v); return checked((ushort)u); });
        Row("u4->i4", v => { uint u = unchecked((uint)v); return checked((int)u); });
        Row("u4->i1", v => { uint u = unchecked((uint)v); return checked((sbyte)u); });
        Row("u4->u1", v => { uint u = unchecked((uint)v); return checked((byte)u); });
        Row("u4->char", v => { uint u = unchecked((uint)v); return checked((char)u); });
    }
}
