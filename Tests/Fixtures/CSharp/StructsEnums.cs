// Structs (value semantics, constructors, methods, interfaces on structs),
// enums with int/byte/sbyte/short/ushort/long/ulong underlying types, [Flags] formatting,
// enum parsing and arithmetic.
using System;

[Flags]
enum Access : byte { None = 0, Read = 1, Write = 2, Exec = 4, All = Read | Write | Exec }

enum Color { Red, Green = 5, Blue }

enum Small : sbyte { Min = -128, Zero = 0, Max = 127 }

enum Wide : long { A = -1L, B = 1L << 40, C = long.MaxValue }

enum Huge : ulong { Top = ulong.MaxValue, Mid = 0x8000000000000000UL }

enum Short : short { X = -300, Y = 300 }

enum UShort : ushort { P = 65535 }

[Flags]
enum Big : uint { Bit0 = 1, Bit31 = 0x80000000 }

interface IMove { void Move(int dx, int dy); }

struct Point : IMove
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public void Move(int dx, int dy) { X += dx; Y += dy; }
    public int Manhattan { get { return Math.Abs(X) + Math.Abs(Y); } }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
}

struct Line
{
    public Point A, B;
    public Line(Point a, Point b) { A = a; B = b; }
    public override string ToString() { return A + "-" + B; }
}

struct Empty { }

static class Program
{
    static void MoveIt(Point p) { p.Move(100, 100); }
    static void MoveRef(ref Point p) { p.Move(100, 100); }
    static void MoveIface(IMove m) { m.Move(1000, 1000); }

    static int Main(string[] args)
    {
        Point p = new Point(1, 2);
        Point q = p;
        q.Move(1, 1);
        Console.WriteLine("p=" + p + " q=" + q);
        MoveIt(p);
        Console.WriteLine("after by-value " + p);
        MoveRef(ref p);
        Console.WriteLine("after by-ref " + p);
        object boxed = p;
        MoveIface((IMove)boxed);
        Console.WriteLine("boxed " + boxed + " original " + p);
        MoveIface(p);
        Console.WriteLine("after iface on copy " + p);
        Point def = default(Point);
        Console.WriteLine("default " + def + " manhattan " + new Point(-3, 4).Manhattan);
        Line l = new Line(p, q);
        l.A.X = -1;
        Console.WriteLine("line " + l + " p still " + p);
        Point[] arr = new Point[2];
        arr[1].X = 9;
        arr[1].Move(1, 1);
        Console.WriteLine("array " + arr[0] + " " + arr[1]);
        Console.WriteLine("empty equals " + new Empty().Equals(new Empty()));
        Console.WriteLine("point equals " + new Point(1, 2).Equals(new Point(1, 2)) + " " + new Point(1, 2).Equals(new Point(2, 1)));

        Access a = Access.Read | Access.Exec;
        Console.WriteLine(a + " " + (int)a + " " + (a & Access.Write) + " " + Access.All + " " + (Access)8 + " " + (Access)9);
        Console.WriteLine("has read " + ((a & Access.Read) != 0) + " " + a.HasFlag(Access.Exec));
        a |= Access.Write;
        a &= ~Access.Read;
        Console.WriteLine(a.ToString() + " " + Access.None);
        Color c = Color.Blue;
        Console.WriteLine(c + " " + (int)c + " " + (Color)1 + " " + (c + 1) + " " + (Color)5);
        c++;
        Console.WriteLine("incremented " + (int)c);
        Console.WriteLine(Small.Min + " " + (sbyte)Small.Min + " " + Small.Max + " " + (int)Small.Zero);
        Console.WriteLine(Wide.A + " " + (long)Wide.B + " " + (long)Wide.C);
        Console.WriteLine(Huge.Top + " " + (ulong)Huge.Top + " " + (ulong)Huge.Mid);
        Console.WriteLine(Short.X + " " + (short)Short.X + " " + UShort.P + " " + (ushort)UShort.P);
        Console.WriteLine((Big.Bit0 | Big.Bit31) + " " + (uint)(Big.Bit0 | Big.Bit31));
        Console.WriteLine("underlying " + Enum.GetUnderlyingType(typeof(Access)).Name + " " +
            Enum.GetUnderlyingType(typeof(Wide)).Name + " " + Enum.GetUnderlyingType(typeof(Huge)).Name + " " +
            Enum.GetUnderlyingType(typeof(Small)).Name);
        Console.WriteLine("parse " + (Color)Enum.Parse(typeof(Color), "Green") + " " + (Access)Enum.Parse(typeof(Access), "Read, Write"));
        Console.WriteLine("defined " + Enum.IsDefined(typeof(Color), 6) + " " + Enum.IsDefined(typeof(Color), 7));
        string[] names = Enum.GetNames(typeof(Color));
        Console.WriteLine("names " + string.Join(",", names));
        switch (c)
        {
            case Color.Red: Console.WriteLine("red"); break;
            case Color.Blue: Console.WriteLine("blue"); break;
            default: Console.WriteLine("other " + (int)c); break;
        }
        return 0;
    }
}
