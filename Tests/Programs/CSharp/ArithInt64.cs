// int64 add, sub, mul, div, rem (unchecked) on edge values; skips MinValue / -1.
using System;

class ArithInt64
{
    static long[] values = { long.MinValue, long.MinValue + 1, int.MinValue, -1000000007L, -1, 0, 1, 3, 4294967296L, int.MaxValue, long.MaxValue - 1, long.MaxValue };

    static void Main()
    {
        long checksum = 0;
        foreach (long a in values)
        {
            foreach (long b in values)
            {
                long add = unchecked(a + b), sub = unchecked(a - b), mul = unchecked(a * b);
                Console.Write(a + " " + b + ": " + add + " " + sub + " " + mul);
                if (b != 0 && !(a == long.MinValue && b == -1))
                    Console.Write(" " + (a / b) + " " + (a % b));
                Console.WriteLine();
                checksum = unchecked(checksum * 31 + add ^ mul);
            }
        }
        Console.WriteLine(checksum);
    }
}
