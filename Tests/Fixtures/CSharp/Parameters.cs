// Parameter passing: params arrays (empty, single, explicit array, null, params object[]
// with boxing), ref and out (locals, fields, static fields, array elements, struct fields,
// nested ref forwarding), optional parameters with every constant kind, named arguments
// (evaluation order stays left to right), overload resolution between them.
using System;

struct Counter { public int N; }

class Holder
{
    public int Field;
    public static long StaticField;
    public Counter C;
}

static class Program
{
    static int Sum(params int[] xs)
    {
        if (xs == null) return -1;
        int s = 0; foreach (int x in xs) s += x; return s * 100 + xs.Length;
    }

    static string Describe(string head, params object[] rest)
    {
        if (rest == null) return head + ":null";
        string r = head + ":" + rest.Length;
        foreach (object o in rest) r += " " + (o == null ? "null" : o.GetType().Name + "=" + Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture));
        return r;
    }

    static string Over(object o) { return "object"; }
    static string Over(params object[] o) { return "params"; }
    static string Over(int i) { return "int"; }
    static string Over(long l) { return "long"; }
    static string Over(int i, int j = 5) { return "int,int=" + j; }

    static void Inc(ref int x) { x++; }
    static void IncTwice(ref int x) { Inc(ref x); Inc(ref x); }
    static void Set(out int x, out string s, out Counter c) { x = 42; s = "out"; c = new Counter { N = 7 }; }
    static bool TryHalf(int v, out int half) { if (v % 2 != 0) { half = 0; return false; } half = v / 2; return true; }
    static void SwapRef(ref string a, ref string b) { string t = a; a = b; b = t; }
    static void ReplaceArray(ref int[] arr) { arr = new[] { 9, 9 }; }
    static void ModifyArray(int[] arr) { arr[0] = -1; arr = null; }
    static void AddL(ref long l, long v) { l += v; }
    static void Bump(ref Counter c) { c.N += 1000; }

    static string Opt(int a, int b = 2, string s = "def", double d = 0.5, bool flag = true, char c = 'q',
        long l = -1L << 40, Level lv = Level.Two, object o = null, string n = null, decimal m = 1.25m, byte by = 255)
    {
        return a + " " + b + " " + s + " " + BitConverter.DoubleToInt64Bits(d).ToString("X") + " " + flag + " " + c + " " + l + " " + lv + " " +
            (o == null ? "null" : o.ToString()) + " " + (n ?? "nulls") + " " + decimal.ToInt32(m * 100) + " " + by;
    }

    enum Level { One = 1, Two = 2 }

    static int trace;
    static int T(int v) { trace = trace * 10 + v; return v; }
    static string Named(int first, int second, int third) { return first + "," + second + "," + third; }

    static int Main(string[] args)
    {
        Console.WriteLine(Sum() + " " + Sum(5) + " " + Sum(1, 2, 3) + " " + Sum(new[] { 10, 20 }) + " " + Sum(null));
        Console.WriteLine(Describe("a"));
        Console.WriteLine(Describe("b", 1, "x", null, 2.5m, 'c', true));
        Console.WriteLine(Describe("c", (object[])null));
        Console.WriteLine(Describe("d", (object)null));
        Console.WriteLine(Describe("e", new object[] { 1, 2 }));
        Console.WriteLine(Describe("f", (object)new object[] { 1, 2 }));
        Console.WriteLine(Over(1) + " " + Over(1L) + " " + Over("s") + " " + Over() + " " + Over(1, 2) + " " + Over(1, 2, 3));

        int v = 0;
        Inc(ref v); IncTwice(ref v);
        var h = new Holder();
        Inc(ref h.Field); IncTwice(ref h.Field);
        AddL(ref Holder.StaticField, 1L << 33);
        AddL(ref Holder.StaticField, -1);
        int[] arr = { 1, 2, 3 };
        Inc(ref arr[1]);
        Counter[] cs = new Counter[2];
        Inc(ref cs[1].N);
        Bump(ref cs[1]);
        Inc(ref h.C.N);
        Console.WriteLine(v + " " + h.Field + " " + Holder.StaticField + " " + arr[1] + " " + cs[1].N + " " + h.C.N);

        int x; string s; Counter c;
        Set(out x, out s, out c);
        Console.WriteLine(x + " " + s + " " + c.N);
        int half;
        Console.WriteLine(TryHalf(10, out half) + " " + half + " " + TryHalf(7, out half) + " " + half);
        string p = "p", q = "q";
        SwapRef(ref p, ref q);
        Console.WriteLine(p + q);
        int[] ra = { 1 };
        ModifyArray(ra);
        Console.WriteLine("modified " + ra[0]);
        ReplaceArray(ref ra);
        Console.WriteLine("replaced " + ra.Length + " " + ra[1]);

        Console.WriteLine(Opt(1));
        Console.WriteLine(Opt(1, 3, "x", 1.0, false, 'z', 5, Level.One, "obj", "n", 0.5m, 0));
        Console.WriteLine(Opt(1, s: "named", lv: Level.One, by: 1));
        Console.WriteLine(Opt(b: 7, a: 8));
        Console.WriteLine(Named(third: T(3), first: T(1), second: T(2)) + " eval order " + trace);
        var m = typeof(Program).GetMethod("Opt", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        foreach (var pi in m.GetParameters())
            Console.Write(pi.Name + (pi.IsOptional ? "?" : "") + (pi.HasDefaultValue && pi.DefaultValue != null ? "=" + pi.DefaultValue.GetType().Name : "") + " ");
        Console.WriteLine();
        return 0;
    }
}
