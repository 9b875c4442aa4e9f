// ref and out parameters (ldarga/ldloca, ldind/stind through byrefs), assignment to
// arguments (starg), ref to array elements, fields and statics, and swapping via refs.
using System;

class RefArgs
{
    static int sField = 5;
    int iField = 6;

    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
    static void Out(out int x, out string s, out long l) { x = 42; s = "out"; l = -1L; }
    static void Inc(ref int x) { x++; }
    static void IncTwice(ref int x) { Inc(ref x); Inc(ref x); }
    static void Mutate(int a, string b)
    {
        a = a * 10;        // starg
        b = b + "!";
        Console.WriteLine(a + " " + b);
    }
    static int UseAddressOfArg(int a) { Inc(ref a); Inc(ref a); return a; }
    static void RefDouble(ref double d) { d = d * 2; }
    static void RefByte(ref byte b) { b = (byte)(b + 1); }
    static void RefObj(ref object o) { o = "replaced"; }

    static void Main()
    {
        int a = 1, b = 2;
        Swap(ref a, ref b);
        string s1 = "x", s2 = "y";
        Swap(ref s1, ref s2);
        Console.WriteLine(a + " " + b + " " + s1 + " " + s2);
        int x; string s; long l;
        Out(out x, out s, out l);
        Console.WriteLine(x + " " + s + " " + l);
        int[] arr = { 10, 20, 30 };
        IncTwice(ref arr[1]);
        IncTwice(ref sField);
        RefArgs r = new RefArgs();
        IncTwice(ref r.iField);
        Console.WriteLine(arr[1] + " " + sField + " " + r.iField);
        int keep = 3;
        Mutate(keep, "s");
        Console.WriteLine(keep + " " + UseAddressOfArg(40));
        double d = 1.5; RefDouble(ref d); Console.WriteLine(BitConverter.DoubleToInt64Bits(d).ToString("X16"));
        byte bt = 255; RefByte(ref bt); Console.WriteLine(bt);
        object o = 1; RefObj(ref o); Console.WriteLine(o);
        Swap(ref arr[0], ref arr[2]);
        Console.WriteLine(arr[0] + " " + arr[2]);
    }
}
