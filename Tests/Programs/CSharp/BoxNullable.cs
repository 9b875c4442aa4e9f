// Nullable<T> boxing: a null Nullable boxes to null, a non-null one to a boxed T (not a boxed
// Nullable); unboxing a boxed T or null to Nullable<T>; `as int?`; GetType of boxed value.
using System;

struct S { public int V; }

class BoxNullable
{
    static object BoxIt<T>(T value) { return value; }

    static void Main()
    {
        int? none = null, some = 5;
        object bn = none, bs = some;
        Console.WriteLine((bn == null) + " " + (bs == null) + " " + bs.GetType().FullName + " " + (int)bs);
        int? back = (int?)bs;
        int? backNull = (int?)bn;
        Console.WriteLine(back.Value + " " + backNull.HasValue);
        object boxedInt = 7;
        int? fromInt = (int?)boxedInt;
        Console.WriteLine(fromInt.HasValue + " " + fromInt.Value);
        object str = "x";
        int? asInt = str as int?;
        int? asInt2 = boxedInt as int?;
        Console.WriteLine(asInt.HasValue + " " + asInt2.GetValueOrDefault(-1));
        S? ss = new S { V = 9 };
        object bss = ss;
        Console.WriteLine(bss.GetType().FullName + " " + ((S)bss).V + " " + (bss is S) + " " + (bss is S?));
        object g1 = BoxIt<int?>(null), g2 = BoxIt<int?>(3);
        Console.WriteLine((g1 == null) + " " + g2.GetType().FullName);
        long? l = 1L << 40;
        Console.WriteLine(l.Equals(1L << 40) + " " + ((object)l).Equals(1L << 40));
        try { int bad = (int)bn; Console.WriteLine(bad); }
        catch (Exception e) { Console.WriteLine(e.GetType().FullName); }
    }
}
