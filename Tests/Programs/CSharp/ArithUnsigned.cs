// Unsigned int32/int64 arithmetic: div.un, rem.un, and comparisons that compile to .un forms.
using System;

class ArithUnsigned
{
    static uint[] u32 = { 0, 1, 2, 7, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF };
    static ulong[] u64 = { 0, 1, 3, 0xFFFFFFFF, 0x100000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF };

    static void Main()
    {
        foreach (uint a in u32)
            foreach (uint b in u32)
            {
                string s = a + " " + b + ": " + unchecked(a + b) + " " + unchecked(a - b) + " " + unchecked(a * b);
                if (b != 0) s += " " + (a / b) + " " + (a % b);
                s += " " + (a < b) + " " + (a >= b);
                Console.WriteLine(s);
            }
        foreach (ulong a in u64)
            foreach (ulong b in u64)
            {
                string s = a + " " + b + ": " + unchecked(a + b) + " " + unchecked(a * b);
                if (b != 0) s += " " + (a / b) + " " + (a % b);
                s += " " + (a > b) + " " + (a <= b);
                Console.WriteLine(s);
            }
    }
}
