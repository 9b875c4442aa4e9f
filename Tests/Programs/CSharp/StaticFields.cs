// Static fields of every primitive type, reference type and struct type; initializers;
// read-modify-write (ldsfld/stsfld), const vs static readonly, statics of another class.
using System;

struct Point { public int X, Y; }

static class Store
{
    public static sbyte I1 = -5; public static byte U1 = 250; public static short I2 = -30000; public static ushort U2 = 65000;
    public static int I4 = int.MinValue; public static uint U4 = uint.MaxValue; public static long I8 = long.MinValue; public static ulong U8 = ulong.MaxValue;
    public static float R4 = 1.5f; public static double R8 = -2.25; public static char C = 'Z'; public static bool B = true;
    public static string S = "static"; public static object O; public static Point P;
    public static readonly int[] Arr = { 1, 2, 3 };
    public const int Const = 77;
}

class StaticFields
{
    static int counter;
    static void Main()
    {
        Store.I1++; Store.U1 += 10; Store.I2--; Store.U2 += 1000; Store.I4--; Store.U4++; Store.I8--; Store.U8++;
        Store.R4 *= 2; Store.R8 -= 1; Store.C++; Store.B = !Store.B; Store.S += "!"; Store.O = Store.S;
        Store.P.X = 3; Store.P.Y = Store.P.X * 4;
        Console.WriteLine(Store.I1 + " " + Store.U1 + " " + Store.I2 + " " + Store.U2 + " " + Store.I4 + " " + Store.U4 + " " + Store.I8 + " " + Store.U8);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(Store.R4).ToString("X16") + " " + BitConverter.DoubleToInt64Bits(Store.R8).ToString("X16"));
        Console.WriteLine(Store.C + " " + Store.B + " " + Store.S + " " + Store.O + " " + Store.P.X + " " + Store.P.Y + " " + Store.Const + " " + Store.Arr[2]);
        for (int i = 0; i < 10; i++) counter += i;
        Console.WriteLine(counter);
    }
}
