// mcs-flags: -unsafe
// stackalloc (localloc): typed buffers of int, long, byte, char; use across a loop and in
// a called method; contents computed then summed.
using System;

unsafe class Stackalloc
{
    static long Fill(int n)
    {
        long* buf = stackalloc long[n];
        for (int i = 0; i < n; i++) buf[i] = (long)i * i;
        long s = 0;
        for (int i = 0; i < n; i++) s += buf[i];
        return s;
    }

    static void Main()
    {
        int* a = stackalloc int[10];
        for (int i = 0; i < 10; i++) a[i] = i * 3;
        int t = 0;
        for (int i = 0; i < 10; i++) t += a[i];
        Console.WriteLine(t);
        Console.WriteLine(Fill(100) + " " + Fill(1));
        char* c = stackalloc char[5];
        c[0] = 'h'; c[1] = 'e'; c[2] = 'l'; c[3] = 'l'; c[4] = 'o';
        Console.WriteLine(new string(c, 0, 5));
        byte* b = stackalloc byte[256];
        for (int i = 0; i < 256; i++) b[i] = (byte)i;
        int x = 0;
        for (int i = 0; i < 256; i++) x ^= b[i] << (i & 7);
        Console.WriteLine(x);
    }
}
