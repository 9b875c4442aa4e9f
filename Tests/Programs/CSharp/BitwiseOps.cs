// and, or, xor, not, neg on int32 and int64 edge values.
using System;

class BitwiseOps
{
    static int[] i32 = { int.MinValue, -1, 0, 1, 0x5A5A5A5A, int.MaxValue };
    static long[] i64 = { long.MinValue, -1, 0, 1, 0x5A5A5A5A5A5A5A5AL, long.MaxValue };

    static void Main()
    {
        foreach (int a in i32)
        {
            Console.WriteLine("~" + a + "=" + ~a + " -" + a + "=" + unchecked(-a));
            foreach (int b in i32)
                Console.WriteLine(a + " " + b + ": " + (a & b) + " " + (a | b) + " " + (a ^ b));
        }
        foreach (long a in i64)
        {
            Console.WriteLine("~" + a + "=" + ~a + " -" + a + "=" + unchecked(-a));
            foreach (long b in i64)
                Console.WriteLine(a + " " + b + ": " + (a & b) + " " + (a | b) + " " + (a ^ b));
        }
        uint u = 0xF0F0F0F0;
        Console.WriteLine(~u);
        byte lo = 0x0F; Console.WriteLine(unchecked((byte)~lo));
    }
}
