// Static constructors and static fields: explicit cctors (precise: run exactly at first
// access), initialisation order between dependent types, static readonly and const fields,
// static fields of every primitive type, statics in generic types (one per instantiation),
// a cctor that throws (TypeInitializationException, then the type stays unusable).
// Only types with explicit static constructors print from their initialisers, because
// beforefieldinit types may be initialised at any time.
using System;

static class Trace
{
    public static string Log = "";
    public static int Note(string s) { Log += s + ";"; Console.WriteLine("  init " + s); return s.Length; }
}

class A
{
    public static int X = Trace.Note("A.X");
    public static int Y;
    static A() { Y = B.Z + 1; Trace.Note("A.cctor Y=" + Y); }
    public static void Touch() { Console.WriteLine("A.Touch"); }
}

class B
{
    public static int Z = Trace.Note("B.Z") * 10;
    static B() { Trace.Note("B.cctor"); }
}

class Gen<T>
{
    public static int Count;
    public static readonly string Name;
    static Gen() { Name = typeof(T).Name; Console.WriteLine("  Gen<" + Name + "> cctor"); }
    public static void Inc() { Count++; }
}

class Broken
{
    public static int Value = 1;
    static Broken() { Console.WriteLine("  Broken cctor throws"); throw new InvalidOperationException("cctor failed"); }
}

class Prims
{
    public static bool Bo = true;
    public static char Ch = 'Z';
    public static sbyte I1 = -8;
    public static byte U1 = 200;
    public static short I2 = -30000;
    public static ushort U2 = 60000;
    public static int I4 = -2000000000;
    public static uint U4 = 4000000000;
    public static long I8 = -9000000000000000000;
    public static ulong U8 = 18000000000000000000;
    public static float R4Bits = 1.5f;
    public static double R8Bits = -2.25;
    public static string Str = "static string";
    public static object Obj;
    public const int Const = 12345;
    public const string ConstStr = "const";
    public static readonly DateTimeKind Kind = DateTimeKind.Utc;
    static Prims() { Console.WriteLine("  Prims cctor"); }
}

struct SVal
{
    public static int Counter;
    static SVal() { Counter = 500; Console.WriteLine("  SVal cctor"); }
    public int Instance;
}

static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("main start, log='" + Trace.Log + "'");
        Console.WriteLine("A.Y = " + A.Y);
        Console.WriteLine("A.X = " + A.X + " B.Z = " + B.Z);
        A.Touch();
        Console.WriteLine("log " + Trace.Log);

        Gen<int>.Inc(); Gen<int>.Inc(); Gen<string>.Inc();
        Console.WriteLine(Gen<int>.Name + "=" + Gen<int>.Count + " " + Gen<string>.Name + "=" + Gen<string>.Count);

        for (int i = 0; i < 2; i++)
        {
            try { Console.WriteLine("Broken.Value " + Broken.Value); }
            catch (TypeInitializationException e)
            {
                Console.WriteLine("attempt " + i + ": " + e.GetType().Name + " inner " + e.InnerException.GetType().Name + ": " + e.InnerException.Message);
            }
        }

        Console.WriteLine("before Prims");
        Console.WriteLine(Prims.Bo + " " + Prims.Ch + " " + Prims.I1 + " " + Prims.U1 + " " + Prims.I2 + " " + Prims.U2);
        Console.WriteLine(Prims.I4 + " " + Prims.U4 + " " + Prims.I8 + " " + Prims.U8);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(Prims.R4Bits).ToString("X16") + " " + BitConverter.DoubleToInt64Bits(Prims.R8Bits).ToString("X16"));
        Console.WriteLine(Prims.Str + " " + (Prims.Obj == null) + " " + Prims.Const + " " + Prims.ConstStr + " " + Prims.Kind);
        Prims.I4++;
        Prims.U8 += 1;
        Prims.Obj = "now set";
        Console.WriteLine(Prims.I4 + " " + Prims.U8 + " " + Prims.Obj);

        var sv = new SVal();
        Console.WriteLine("new SVal instance " + sv.Instance);
        Console.WriteLine("SVal.Counter " + SVal.Counter);
        return 0;
    }
}
