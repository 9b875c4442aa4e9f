// Boxing and unboxing: primitives, enums, structs (copy semantics), unboxing to the wrong
// type (InvalidCastException) and to the enum's underlying type, boxed struct mutation via
// interfaces, Nullable<T> (HasValue, GetValueOrDefault, lifted operators, boxing a null
// Nullable gives null, boxing a non-null one gives the underlying type, unboxing to T?),
// ?? operator, object.Equals/ReferenceEquals on boxes, ToString overrides through object.
using System;

enum Color : short { Red = 1, Green = 2 }

interface IBump { int Bump(); }

struct S : IBump
{
    public int V;
    public int Bump() { return ++V; }
    public override string ToString() { return "S(" + V + ")"; }
}

struct Plain { public int A; public string B; }

static class Program
{
    static string Show(object o)
    {
        if (o == null) return "null";
        IFormattable f = o as IFormattable;
        return o.GetType().Name + ":" + (f != null ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : o.ToString());
    }

    static string Unbox<T>(object o)
    {
        try { T v = (T)o; return "ok " + Show(v); }
        catch (InvalidCastException) { return "InvalidCast"; }
        catch (NullReferenceException) { return "NullReference"; }
    }

    static int? Parse(string s) { int v; return int.TryParse(s, out v) ? v : (int?)null; }

    static int Main(string[] args)
    {
        object[] boxes = { 1, 2L, 3.5f, 'c', true, (byte)4, (sbyte)-5, (short)6, (ushort)7, 8u, 9UL, Color.Green, new S { V = 1 }, 1.25m, IntPtr.Zero };
        foreach (object o in boxes) Console.Write(Show(o) + " ");
        Console.WriteLine();

        object bi = 42;
        Console.WriteLine(Unbox<int>(bi) + " | " + Unbox<long>(bi) + " | " + Unbox<uint>(bi) + " | " + Unbox<int?>(bi) + " | " + Unbox<object>(bi));
        object be = Color.Red;
        Console.WriteLine(Unbox<Color>(be) + " | " + Unbox<short>(be) + " | " + Unbox<int>(be) + " | " + Unbox<Color>((short)2) + " | " + Unbox<int>(null) + " | " + Unbox<int?>(null));

        S s = new S { V = 10 };
        object bs = s;
        s.V = 20;
        Console.WriteLine("box is a copy: " + bs + " " + s);
        ((IBump)bs).Bump();
        ((IBump)bs).Bump();
        Console.WriteLine("mutated through interface: " + bs);
        ((S)bs).Bump();
        Console.WriteLine("unboxed copy mutation lost: " + bs);
        IBump ib = s;
        ib.Bump();
        Console.WriteLine("s unchanged " + s + " iface " + ib);

        object x1 = 5, x2 = 5;
        Console.WriteLine("ReferenceEquals " + ReferenceEquals(x1, x2) + " Equals " + x1.Equals(x2) + " == " + (x1 == x2) + " int vs long " + x1.Equals(5L));
        var pl = new Plain { A = 1, B = "b" };
        object pb = pl;
        Console.WriteLine("struct Equals " + pb.Equals(new Plain { A = 1, B = "b" }) + " " + pb.Equals(new Plain { A = 1, B = "c" }));

        int? n1 = 5, n2 = null;
        Console.WriteLine(n1.HasValue + " " + n2.HasValue + " " + n1.Value + " " + n2.GetValueOrDefault() + " " + n2.GetValueOrDefault(-1) + " " + (n2 ?? 77));
        int? sum = n1 + n2, prod = n1 * 3;
        Console.WriteLine("lifted " + (sum.HasValue ? "value" : "null") + " " + prod + " " + (n1 > n2) + " " + (n1 < n2) + " " + (n2 == null) + " " + (n1 == 5) + " " + (n2 != n1));
        object bn1 = n1, bn2 = n2;
        Console.WriteLine("boxed nullable: " + Show(bn1) + " " + (bn2 == null));
        int? back = (int?)bn1;
        int? backNull = (int?)bn2;
        Console.WriteLine("unboxed " + back + " " + backNull.HasValue);
        try { int bad = (int)bn2; Console.WriteLine(bad); }
        catch (NullReferenceException) { Console.WriteLine("unbox null to int: NullReferenceException"); }
        try { int v = n2.Value; Console.WriteLine(v); }
        catch (InvalidOperationException) { Console.WriteLine("n2.Value: InvalidOperationException"); }
        Console.WriteLine(Parse("12") + "|" + Parse("x") + "|" + (Parse("x") ?? Parse("3") ?? 0));
        bool? t = true, f = false, u = null;
        Console.WriteLine("bool? " + (t & u) + "|" + (f & u) + "|" + (t | u) + "|" + (f | u) + "|" + (u ^ t));
        Color? oc = Color.Green;
        double? od = null;
        Console.WriteLine(oc + " " + (od.HasValue ? "has" : "none") + " " + typeof(int?).Name + " " + Nullable.GetUnderlyingType(typeof(int?)).Name + " " + (n1.GetType() == typeof(int)));
        long widened = n1 ?? 0;
        long? lifted = n1;
        Console.WriteLine("conversions " + widened + " " + lifted + " " + (int?)(long?)null + "|" + (short?)n1);
        string str = null;
        Console.WriteLine("string ?? " + (str ?? "fallback") + " " + (str ?? null ?? "second"));
        return 0;
    }
}
