// Instance fields of every primitive type, references and structs (ldfld/stfld), field
// initializers, default values, and fields inherited from a base class.
using System;

struct Pair { public long A; public byte B; }

class Base { public int BaseField = 11; protected string Name = "base"; }

class Holder : Base
{
    public sbyte I1; public byte U1; public short I2; public ushort U2; public int I4; public uint U4;
    public long I8; public ulong U8; public float R4; public double R8; public char C; public bool B;
    public string S; public object O; public Pair P; public Holder Next;
    public int Initialized = 123;
    public string Describe() { return Name + ":" + BaseField; }
}

class InstanceFields
{
    static void Main()
    {
        Holder h = new Holder();
        Console.WriteLine(h.I1 + " " + h.U1 + " " + h.I4 + " " + h.I8 + " " + (int)h.C + " " + h.B + " " + (h.S == null) + " " + (h.O == null) + " " + h.P.A + " " + h.Initialized);
        h.I1 = -128; h.U1 = 255; h.I2 = short.MinValue; h.U2 = ushort.MaxValue; h.I4 = -7; h.U4 = 3000000000;
        h.I8 = 1L << 40; h.U8 = 1UL << 63; h.R4 = -0.5f; h.R8 = 1e100; h.C = 'q'; h.B = true; h.S = "str"; h.O = h;
        h.P.A = 9; h.P.B = 8; h.Next = new Holder(); h.Next.I4 = 99; h.BaseField++;
        Console.WriteLine(h.I1 + " " + h.U1 + " " + h.I2 + " " + h.U2 + " " + h.I4 + " " + h.U4 + " " + h.I8 + " " + h.U8);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(h.R4).ToString("X16") + " " + BitConverter.DoubleToInt64Bits(h.R8).ToString("X16"));
        Console.WriteLine(h.C + " " + h.B + " " + h.S + " " + (h.O == h) + " " + h.P.A + " " + h.P.B + " " + h.Next.I4 + " " + h.Describe());
        h.I1 += 1; h.U1 += 1; h.U2 += 1;
        Console.WriteLine(h.I1 + " " + h.U1 + " " + h.U2);
    }
}
