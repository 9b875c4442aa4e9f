// Integer division and remainder exceptions: x/0, x%0 (DivideByZeroException) for int32,
// int64 and unsigned; MinValue/-1 (Mono throws OverflowException). Also checks remainder signs.
using System;

class DivRemExceptions
{
    static int zero = 0, mone = -1, seven = 7;
    static long lzero = 0, lmone = -1;
    static uint uzero = 0;

    delegate long Op();
    static void Try(string name, Op op)
    {
        try { Console.WriteLine(name + " = " + op()); }
        catch (ArithmeticException e) { Console.WriteLine(name + " -> " + e.GetType().FullName); }
    }

    static void Main()
    {
        Try("7/0", () => seven / zero);
        Try("7%0", () => seven % zero);
        Try("7L/0", () => seven / lzero);
        Try("7L%0", () => seven % lzero);
        Try("7u/0", () => (uint)seven / uzero);
        Try("7u%0", () => (uint)seven % uzero);
        Try("min/-1", () => int.MinValue / mone);
        Try("lmin/-1", () => long.MinValue / lmone);
        Try("-7/2", () => -seven / 2);
        Try("-7%2", () => -seven % 2);
        Try("7%-2", () => seven % -2);
        Try("-7%-2", () => -seven % -2);
        Try("min%2", () => int.MinValue % (mone * -2));
    }
}
