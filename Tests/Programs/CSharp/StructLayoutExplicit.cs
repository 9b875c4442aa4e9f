// mcs-flags: -unsafe
// [StructLayout(Explicit)] unions (overlapping fields), Sequential with Pack, sizeof of
// user structs (the `sizeof` opcode), and byte views of a struct through pointers.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct Union
{
    [FieldOffset(0)] public long L;
    [FieldOffset(0)] public int Lo;
    [FieldOffset(4)] public int Hi;
    [FieldOffset(0)] public double D;
    [FieldOffset(2)] public byte B2;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Packed { public byte A; public int B; public short C; }

struct Natural { public byte A; public long B; public byte C; }
struct Small { public byte A, B, C; }

unsafe class StructLayoutExplicit
{
    static void Main()
    {
        Union u = new Union();
        u.L = 0x1122334455667788L;
        Console.WriteLine(u.Lo.ToString("X8") + " " + u.Hi.ToString("X8") + " " + u.B2.ToString("X2"));
        u.Hi = -1;
        Console.WriteLine(u.L.ToString("X16"));
        u.D = -2.0;
        Console.WriteLine(u.L.ToString("X16") + " " + u.Hi.ToString("X8"));
        Console.WriteLine(sizeof(Union) + " " + sizeof(Packed) + " " + sizeof(Natural) + " " + sizeof(Small));
        Packed p = new Packed(); p.A = 1; p.B = 0x02030405; p.C = 0x0607;
        byte* bp = (byte*)&p;
        string s = "";
        for (int i = 0; i < sizeof(Packed); i++) s += bp[i].ToString("X2");
        Console.WriteLine(s);
    }
}
