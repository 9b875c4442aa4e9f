// `constrained.` calls from generic code: ToString/Equals/GetHashCode-free object methods and
// interface methods on T where T is a struct (no boxing; mutations visible), a class, an enum
// and a primitive; IComparable<T> on int and string.
using System;

interface ICounter { int Next(); }
struct SCounter : ICounter { int n; public int Next() { return ++n; } public override string ToString() { return "S" + n; } }
class CCounter : ICounter { int n; public int Next() { return n += 10; } public override string ToString() { return "C" + n; } }

class ConstrainedCalls
{
    static string Run<T>(ref T c) where T : ICounter
    {
        c.Next(); c.Next();
        return c.Next() + " " + c.ToString();
    }

    static int Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? 0 : 1; }
    static string Str<T>(T v) { return v.ToString(); }
    static bool Eq<T>(T a, T b) { return a.Equals(b); }

    static void Main()
    {
        SCounter s = new SCounter();
        CCounter c = new CCounter();
        Console.WriteLine(Run(ref s) + " | " + s.ToString());
        Console.WriteLine(Run(ref c) + " | " + c.ToString());
        Console.WriteLine(Max(3, 5) + " " + Max("b", "a") + " " + Max(2L, 2L));
        Console.WriteLine(Str(42) + " " + Str("s") + " " + Str(DayOfWeek.Friday) + " " + Str(true) + " " + Str('q') + " " + Str(s));
        Console.WriteLine(Eq(1, 1) + " " + Eq("a", "b") + " " + Eq(s, s) + " " + Eq<object>(null == null, true));
    }
}
