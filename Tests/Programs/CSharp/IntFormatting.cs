// Integer formatting and parsing (no floats): ToString() of every integer type at its
// extremes, hex "X"/"x"/"X8", "D5", int.Parse/long.Parse/TryParse, and string.Format.
using System;
using System.Globalization;

class IntFormatting
{
    static void Main()
    {
        Console.WriteLine(sbyte.MinValue + " " + byte.MaxValue + " " + short.MinValue + " " + ushort.MaxValue + " " + int.MinValue + " " + uint.MaxValue + " " + long.MinValue + " " + ulong.MaxValue);
        Console.WriteLine(255.ToString("X") + " " + 255.ToString("x4") + " " + (-1).ToString("X8") + " " + long.MinValue.ToString("X") + " " + 42.ToString("D5") + " " + (-42).ToString("D5"));
        Console.WriteLine(int.Parse("-12345") + " " + long.Parse("9223372036854775807") + " " + uint.Parse("4294967295") + " " + int.Parse("ff", NumberStyles.HexNumber));
        int r;
        Console.WriteLine(int.TryParse("12x", out r) + " " + r + " " + int.TryParse(" 77 ", out r) + " " + r + " " + int.TryParse("99999999999", out r));
        Console.WriteLine(string.Format("{0}-{1}-{2}|{0,5}|{1,-4}|", 1, "two", 'c'));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:X4} {1:D3}", 171, 7));
        try { int.Parse("abc"); } catch (FormatException e) { Console.WriteLine(e.GetType().FullName); }
        try { int.Parse("2147483648"); } catch (OverflowException e) { Console.WriteLine(e.GetType().FullName); }
    }
}
