// char: arithmetic, comparisons, conversions to/from int, char.IsDigit/IsLetter/IsWhiteSpace,
// ToUpperInvariant, char in switch, increments, and surrogate checks.
using System;

class CharOps
{
    static void Main()
    {
        char c = 'a';
        c++;
        char d = (char)(c + 2);
        Console.WriteLine(c + " " + d + " " + (int)d + " " + (d > c) + " " + (char)65 + " " + ('z' - 'a'));
        string sample = "a1 Z_\t\u00e9";
        foreach (char x in sample)
            Console.WriteLine((int)x + " " + char.IsDigit(x) + " " + char.IsLetter(x) + " " + char.IsWhiteSpace(x) + " " + char.IsUpper(x) + " " + (int)char.ToUpperInvariant(x));
        Console.WriteLine(char.IsSurrogate('\ud83d') + " " + char.IsHighSurrogate("\U0001F600"[0]) + " " + char.ConvertToUtf32('\ud83d', '\ude00'));
        Console.WriteLine((int)char.MaxValue + " " + (int)char.MinValue + " " + unchecked((char)(char.MaxValue + 1) == '\0'));
        Console.WriteLine(char.GetNumericValue('7') == 7.0);
        Console.WriteLine('x'.CompareTo('y') < 0);
        Console.WriteLine('x'.Equals('x'));
    }
}
