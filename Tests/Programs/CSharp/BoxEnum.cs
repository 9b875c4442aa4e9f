// Enums: boxing (the boxed type is the enum type), unboxing an enum box as its underlying
// type and vice versa, enum arithmetic and bit flags, enums with byte/long underlying types.
using System;

enum Color { Red, Green = 5, Blue }
enum Small : byte { A = 1, B = 200 }
enum Big : long { Huge = 1L << 40, Neg = -1 }
[Flags] enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, All = 7 }

class BoxEnum
{
    static void Main()
    {
        Color c = Color.Blue;
        object o = c;
        Console.WriteLine(o.GetType().FullName + " " + (int)(Color)o + " " + (int)o + " " + (o is Color) + " " + (o is int));
        object i = 5;
        Color fromInt = (Color)i;
        Console.WriteLine((int)fromInt + " " + (fromInt == Color.Green));
        Small s = Small.B;
        Console.WriteLine((int)s + " " + (byte)(s + 10) + " " + (int)(Small)(object)Small.A);
        Big b = Big.Huge;
        Console.WriteLine((long)b + " " + (long)Big.Neg + " " + (long)(b | Big.Neg));
        Perm p = Perm.Read | Perm.Exec;
        Console.WriteLine((int)p + " " + ((p & Perm.Write) != 0) + " " + ((p & Perm.Exec) == Perm.Exec) + " " + (int)(~p & Perm.All));
        Color next = c + 1;
        c++;
        Console.WriteLine((int)next + " " + (int)c + " " + (Color.Blue - Color.Red));
        Console.WriteLine(Color.Green.CompareTo(Color.Blue) + " " + Color.Green.Equals(Color.Green) + " " + ((object)Color.Red).Equals(0));
    }
}
