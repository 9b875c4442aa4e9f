// Switch statements: dense integer switch (IL `switch`), sparse switch (compare chain),
// ranges with gaps, negative cases, long/char/byte switches, goto case/default,
// string switch (small and large; large ones may hash), null string case, enum switch.
using System;

enum Op { Add, Sub, Mul, Div, Mod, Neg }

static class Program
{
    static string Dense(int x)
    {
        switch (x)
        {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "three";
            case 4: return "four";
            case 5: return "five";
            case 6: return "six";
            case 7: return "seven";
            case 8: return "eight";
            case 9: return "nine";
            default: return "many";
        }
    }

    static int Offset(int x)
    {
        switch (x)
        {
            case 100: case 101: return 1;
            case 102: return 2;
            case 104: return 4;
            case 105: goto case 102;
            case 106: goto default;
            case -3: return -3;
            default: return 0;
        }
    }

    static string Sparse(int x)
    {
        switch (x)
        {
            case -1000000: return "neg million";
            case 1: return "one";
            case 1000: return "thousand";
            case 65536: return "64k";
            case int.MaxValue: return "max";
            case int.MinValue: return "min";
            default: return "?";
        }
    }

    static string Chars(char c)
    {
        switch (c)
        {
            case 'a': case 'e': case 'i': case 'o': case 'u': return "vowel";
            case ' ': return "space";
            case '\n': return "newline";
            case '\u00e9': return "e-acute";
            default: return char.IsDigit(c) ? "digit" : "other";
        }
    }

    static int Longs(long v)
    {
        switch (v)
        {
            case 0L: return 0;
            case 1L: return 1;
            case 2L: return 2;
            case 3L: return 3;
            case 4L: return 4;
            case 5L: return 5;
            case 1L << 40: return 40;
            case long.MinValue: return -64;
            default: return -1;
        }
    }

    static int Bytes(byte b)
    {
        switch (b) { case 0: return 10; case 1: return 11; case 2: return 12; case 255: return 99; default: return -b; }
    }

    static int SmallString(string s)
    {
        switch (s)
        {
            case "a": return 1;
            case "b": return 2;
            case null: return -1;
            case "": return 0;
            default: return 99;
        }
    }

    static string BigString(string s)
    {
        switch (s)
        {
            case "January": return "01";
            case "February": return "02";
            case "March": return "03";
            case "April": return "04";
            case "May": return "05";
            case "June": return "06";
            case "July": return "07";
            case "August": return "08";
            case "September": return "09";
            case "October": return "10";
            case "November": return "11";
            case "December": return "12";
            case "Smarch": goto default;
            default: return "??";
        }
    }

    static int Eval(Op op, int a, int b)
    {
        switch (op)
        {
            case Op.Add: return a + b;
            case Op.Sub: return a - b;
            case Op.Mul: return a * b;
            case Op.Div: return a / b;
            case Op.Mod: return a % b;
            case Op.Neg: return -a;
        }
        return int.MinValue;
    }

    static int Main(string[] args)
    {
        for (int i = -2; i <= 11; i++) Console.Write(Dense(i) + " ");
        Console.WriteLine();
        for (int i = 98; i <= 108; i++) Console.Write(Offset(i) + " ");
        Console.WriteLine(Offset(-3));
        int[] sparse = { -1000000, 1, 1000, 65536, int.MaxValue, int.MinValue, 2, -1 };
        foreach (int s in sparse) Console.Write(Sparse(s) + "|");
        Console.WriteLine();
        foreach (char c in "ai 9\n\u00e9z") Console.Write(Chars(c) + " ");
        Console.WriteLine();
        long[] ls = { 0, 3, 5, 6, 1L << 40, long.MinValue, -1 };
        foreach (long l in ls) Console.Write(Longs(l) + " ");
        Console.WriteLine();
        Console.WriteLine(Bytes(0) + " " + Bytes(2) + " " + Bytes(3) + " " + Bytes(255));
        Console.WriteLine(SmallString("a") + " " + SmallString("b") + " " + SmallString(null) + " " + SmallString("") + " " + SmallString("c"));
        string[] months = { "January", "March", "June", "December", "Smarch", "july", "", "October", "May" };
        foreach (string m in months) Console.Write(BigString(m) + " ");
        Console.WriteLine();
        Console.WriteLine(BigString(null));
        for (Op op = Op.Add; op <= Op.Neg; op++) Console.Write(op + "=" + Eval(op, 17, 5) + " ");
        Console.WriteLine();
        Console.WriteLine(Eval((Op)42, 1, 1));
        return 0;
    }
}
