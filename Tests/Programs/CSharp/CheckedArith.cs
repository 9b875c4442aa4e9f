// add.ovf, sub.ovf, mul.ovf and their .un forms on int32, int64, uint32, uint64.
using System;

class CheckedArith
{
    delegate long Op();

    static void Try(string name, Op op)
    {
        try { Console.WriteLine(name + " = " + op()); }
        catch (OverflowException e) { Console.WriteLine(name + " -> " + e.GetType().FullName); }
    }

    static int iMax = int.MaxValue, iMin = int.MinValue, one = 1, mone = -1, two = 2;
    static long lMax = long.MaxValue, lMin = long.MinValue;
    static uint uMax = uint.MaxValue, uZero = 0, uOne = 1;
    static ulong ulMax = ulong.MaxValue, ulZero = 0, ulOne = 1;

    static void Main()
    {
        Try("iMax+1", () => checked(iMax + one));
        Try("iMax+0", () => checked(iMax + 0 * one));
        Try("iMin-1", () => checked(iMin - one));
        Try("iMin+-1", () => checked(iMin + mone));
        Try("iMin*-1", () => checked(iMin * mone));
        Try("iMax*2", () => checked(iMax * two));
        Try("iMin/2*2", () => checked(iMin / two * two));
        Try("lMax+1", () => checked(lMax + one));
        Try("lMin-1", () => checked(lMin - one));
        Try("lMin*-1", () => checked(lMin * mone));
        Try("lMax*lMax", () => checked(lMax * lMax));
        Try("3037000499^2", () => { long x = 3037000499L; return checked(x * x); });
        Try("3037000500^2", () => { long x = 3037000500L; return checked(x * x); });
        Try("uMax+1", () => checked(uMax + uOne));
        Try("u0-1", () => checked(uZero - uOne));
        Try("uMax*2", () => checked(uMax * (uint)two));
        Try("u65535*65537", () => checked((uint)65535 * (uint)(65536 + one)));
        Try("ulMax+1", () => (long)(checked(ulMax + ulOne) & 1));
        Try("ul0-1", () => (long)(checked(ulZero - ulOne) & 1));
        Try("ulMax*1", () => (long)(checked(ulMax * ulOne) >> 1));
        Try("2^32*2^32", () => { ulong x = 0x100000000UL; return (long)checked(x * x); });
        Try("ulMax*2", () => (long)(checked(ulMax * 2UL)));
        Try("byte++", () => { byte b = 255; b = checked((byte)(b + one)); return b; });
    }
}
