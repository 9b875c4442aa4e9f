// Nullable<T>: HasValue/Value/GetValueOrDefault, lifted arithmetic and comparisons (null
// propagates; comparisons with null are false), ?? operator, InvalidOperationException on
// .Value of null, nullable bool three-valued logic.
using System;

class NullableOps
{
    static string S(int? v) { return v.HasValue ? v.Value.ToString() : "null"; }
    static string B(bool? v) { return v.HasValue ? v.Value.ToString() : "null"; }

    static void Main()
    {
        int? a = 5, b = null, c = 3;
        Console.WriteLine(S(a + c) + " " + S(a + b) + " " + S(a * c) + " " + S(-a) + " " + S(b * 2));
        Console.WriteLine((a > c) + " " + (a > b) + " " + (a < b) + " " + (b == null) + " " + (a == 5) + " " + (b != a));
        Console.WriteLine((b ?? 42) + " " + (a ?? 42) + " " + b.GetValueOrDefault() + " " + b.GetValueOrDefault(9));
        bool? t = true, f = false, n = null;
        Console.WriteLine(B(t & n) + " " + B(f & n) + " " + B(t | n) + " " + B(f | n) + " " + B(!n));
        try { int x = b.Value; Console.WriteLine(x); }
        catch (InvalidOperationException e) { Console.WriteLine(e.GetType().FullName); }
        long? big = int.MaxValue;
        big++;
        Console.WriteLine(big + " " + (big.HasValue ? big.Value.GetType().Name : ""));
        int? fromNull = new int?();
        Console.WriteLine(fromNull.HasValue + " " + a.Equals(5) + " " + b.Equals(null));
    }
}
