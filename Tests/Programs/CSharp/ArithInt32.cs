// int32 add, sub, mul, div, rem (unchecked) on edge values. Skips rem MinValue,-1 and
// div MinValue,-1 (see DivRemExceptions.cs). Values come from an array so nothing is folded.
using System;

class ArithInt32
{
    static int[] values = { int.MinValue, int.MinValue + 1, -100, -7, -1, 0, 1, 2, 7, 100, int.MaxValue - 1, int.MaxValue };

    static void Main()
    {
        foreach (int a in values)
        {
            foreach (int b in values)
            {
                int add = unchecked(a + b), sub = unchecked(a - b), mul = unchecked(a * b);
                string line = a + " " + b + ": " + add + " " + sub + " " + mul;
                if (b != 0 && !(a == int.MinValue && b == -1))
                    line += " " + (a / b) + " " + (a % b);
                Console.WriteLine(line);
            }
        }
    }
}
