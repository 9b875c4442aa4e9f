// switch statements compiled to the `switch` opcode: dense cases, gaps, negative and
// out-of-range selectors, a switch with a base offset, and a long selector.
using System;

class SwitchDense
{
    static string Dense(int x)
    {
        switch (x)
        {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "three";
            case 5: return "five";
            case 6: return "six";
            default: return "other";
        }
    }

    static int Offset(int x)
    {
        switch (x)
        {
            case 100: return 1;
            case 101: return 2;
            case 102: return 3;
            case 103: return 4;
            case 104: return 5;
            default: return -1;
        }
    }

    static int Fall(long x)
    {
        int r = 0;
        switch (x)
        {
            case 1: r += 1; goto case 2;
            case 2: r += 10; goto case 3;
            case 3: r += 100; break;
            case 4: r = -4; break;
        }
        return r;
    }

    static void Main()
    {
        for (int i = -2; i <= 8; i++) Console.WriteLine(i + " " + Dense(i));
        Console.WriteLine(Dense(int.MinValue) + " " + Dense(int.MaxValue));
        for (int i = 98; i <= 106; i++) Console.Write(Offset(i) + " ");
        Console.WriteLine();
        for (long i = 0; i <= 5; i++) Console.Write(Fall(i) + " ");
        Console.WriteLine(Fall(long.MinValue));
        char c = 'c';
        switch (c) { case 'a': Console.WriteLine("A"); break; case 'b': Console.WriteLine("B"); break; case 'c': Console.WriteLine("C"); break; case 'd': Console.WriteLine("D"); break; }
    }
}
