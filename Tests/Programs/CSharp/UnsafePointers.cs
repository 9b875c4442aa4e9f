// mcs-flags: -unsafe
// ldind/stind of every width through unmanaged pointers: sbyte, byte, short, ushort, int,
// uint, long, ulong, float, double, IntPtr, char, bool; sign/zero extension on load.
using System;

unsafe class UnsafePointers
{
    static void Main()
    {
        long storage = 0;
        byte* p = (byte*)&storage;
        *(ulong*)p = 0xF0E0D0C0B0A09080UL;
        Console.WriteLine(*(sbyte*)p + " " + *p + " " + *(short*)p + " " + *(ushort*)p + " " + *(int*)p + " " + *(uint*)p + " " + *(long*)p + " " + *(ulong*)p);
        Console.WriteLine(*(sbyte*)(p + 7) + " " + *(short*)(p + 6) + " " + *(int*)(p + 4) + " " + (int)*(char*)(p + 2) + " " + *(bool*)(p + 1));
        *(sbyte*)p = -1; *(short*)(p + 2) = -2; *(int*)(p + 4) = -3;
        Console.WriteLine(storage.ToString("X16"));
        *(float*)p = -1.5f;
        Console.WriteLine((*(uint*)p).ToString("X8") + " " + BitConverter.DoubleToInt64Bits(*(float*)p).ToString("X16"));
        *(double*)p = 0.1;
        Console.WriteLine(storage.ToString("X16"));
        *(IntPtr*)p = new IntPtr(-2);
        Console.WriteLine(storage + " " + (*(IntPtr*)p).ToInt64() + " " + (long)*(UIntPtr*)p);
        *(char*)p = 'A'; *(bool*)(p + 2) = true;
        Console.WriteLine(storage.ToString("X16"));
        int x = 10;
        int* px = &x;
        *px += 5;
        (*px)++;
        Console.WriteLine(x + " " + *px);
        double d = 2.0;
        double* pd = &d;
        *pd = *pd * *pd;
        Console.WriteLine(BitConverter.DoubleToInt64Bits(d).ToString("X16"));
    }
}
