// shl, shr, shr.un on int32 and int64 with every in-range count (C# masks the count).
using System;

class Shifts
{
    static void Main()
    {
        int[] i32 = { int.MinValue, -1, 1, 0x12345678 };
        long[] i64 = { long.MinValue, -1, 1, 0x123456789ABCDEF0L };
        foreach (int v in i32)
        {
            long sum = 0;
            for (int n = 0; n < 32; n++)
            {
                int l = v << n, r = v >> n;
                uint ru = (uint)v >> n;
                Console.WriteLine(v + "," + n + ": " + l + " " + r + " " + ru);
                sum += l;
            }
            Console.WriteLine("sum " + sum);
        }
        foreach (long v in i64)
        {
            for (int n = 0; n < 64; n += 3)
            {
                long l = v << n, r = v >> n;
                ulong ru = (ulong)v >> n;
                Console.WriteLine(v + "," + n + ": " + l + " " + r + " " + ru);
            }
        }
        // Variable counts above the width: C# masks them (& 31 / & 63) before shifting.
        int big = 33;
        Console.WriteLine((1 << big) + " " + (1L << (big + 32)) + " " + (-8 >> big));
    }
}
