// box / unbox.any of primitives and structs: boxed copies are independent, Equals on
// boxed values, unboxing to the exact type, object.ToString of boxed ints.
using System;

struct P { public int X; public override string ToString() { return "P(" + X + ")"; } }

class Boxing
{
    static void Main()
    {
        int i = 42;
        object o = i;
        i = 43;
        Console.WriteLine((int)o + " " + i + " " + o);
        P p = new P(); p.X = 1;
        object bp = p;
        p.X = 2;
        Console.WriteLine(((P)bp).X + " " + p.X + " " + bp);
        object[] boxes = { (sbyte)-1, (byte)2, (short)-3, (ushort)4, 5, 6u, 7L, 8UL, 'c', true, 1.5f, 2.5 };
        foreach (object b in boxes) Console.Write(b.GetType().FullName + " ");
        Console.WriteLine();
        Console.WriteLine((sbyte)boxes[0] + " " + (byte)boxes[1] + " " + (short)boxes[2] + " " + (ushort)boxes[3] + " " + (int)boxes[4] + " " + (uint)boxes[5] + " " + (long)boxes[6] + " " + (ulong)boxes[7] + " " + (char)boxes[8] + " " + (bool)boxes[9]);
        object a1 = 5, a2 = 5;
        Console.WriteLine((a1 == a2) + " " + a1.Equals(a2) + " " + a1.Equals(5L) + " " + object.Equals(a1, a2));
        object s1 = 'x';
        Console.WriteLine(s1.Equals('x') + " " + ((IComparable)a1).CompareTo(4));
        long sum = 0;
        object[] many = new object[100];
        for (int k = 0; k < many.Length; k++) many[k] = k;
        foreach (object m in many) sum += (int)m;
        Console.WriteLine(sum);
    }
}
