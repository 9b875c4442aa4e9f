// System.Decimal arithmetic (managed code in mscorlib and runtime helpers): add, multiply,
// divide with rounding, comparison, conversion to/from long, invariant-culture ToString.
using System;
using System.Globalization;

class DecimalArith
{
    static string S(decimal d) { return d.ToString(CultureInfo.InvariantCulture); }

    static void Main()
    {
        decimal a = 1.1m, b = 2.25m;
        Console.WriteLine(S(a + b) + " " + S(a * b) + " " + S(b - a) + " " + S(b / 4) + " " + S(1m / 3));
        Console.WriteLine(S(decimal.MaxValue) + " " + S(decimal.MinValue + 1) + " " + (a < b) + " " + decimal.Compare(b, a));
        Console.WriteLine((long)(b * 100) + " " + S((decimal)long.MaxValue) + " " + S(decimal.Round(2.5m)) + " " + S(decimal.Round(3.5m)) + " " + S(decimal.Truncate(-7.9m)));
        try { decimal x = decimal.MaxValue; x = x + 1; Console.WriteLine(S(x)); }
        catch (OverflowException e) { Console.WriteLine(e.GetType().FullName); }
        try { Console.WriteLine(S(a / 0)); }
        catch (DivideByZeroException e) { Console.WriteLine(e.GetType().FullName); }
        Console.WriteLine(S(decimal.Parse("123.4500", CultureInfo.InvariantCulture)) + " " + S(0.1m + 0.2m));
    }
}
