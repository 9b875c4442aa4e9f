// Integer conversions (unchecked): conv.i1/u1/i2/u2/i4/u4/i8/u8 between int32, int64,
// uint32, uint64, char; sign and zero extension.
using System;

class ConvInt
{
    static long[] values = { long.MinValue, int.MinValue - 1L, int.MinValue, -32769, -32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, int.MaxValue + 1L, uint.MaxValue, uint.MaxValue + 1L, long.MaxValue };

    static void Main()
    {
        foreach (long v in values)
        {
            int i = unchecked((int)v);
            Console.WriteLine(v + ": " + unchecked((sbyte)v) + " " + unchecked((byte)v) + " " + unchecked((short)v) + " " + unchecked((ushort)v) + " " + i + " " + unchecked((uint)v) + " " + unchecked((ulong)v) + " " + (int)unchecked((char)v));
            Console.WriteLine("  from int: " + unchecked((sbyte)i) + " " + unchecked((byte)i) + " " + unchecked((short)i) + " " + unchecked((ushort)i) + " " + (long)i + " " + unchecked((ulong)i) + " " + (long)unchecked((uint)i));
        }
        byte b = 200; sbyte sb = -56; ushort us = 60000; short s = -5536; char c = '\uFFFF';
        Console.WriteLine((int)b + " " + (int)sb + " " + (int)us + " " + (int)s + " " + (int)c + " " + (long)us + " " + (ulong)(uint)sb);
    }
}
