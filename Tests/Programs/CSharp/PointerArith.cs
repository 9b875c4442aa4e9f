// mcs-flags: -unsafe
// Pointer arithmetic and comparisons: p + n scaled by element size, p - q, ++/--, pointer
// comparisons (unsigned), pointer <-> integer conversions, and fixed arrays/strings.
using System;

unsafe class PointerArith
{
    static void Main()
    {
        int[] arr = { 1, 2, 3, 4, 5, 6, 7, 8 };
        fixed (int* p0 = arr)
        {
            int* p = p0;
            int sum = 0;
            while (p < p0 + arr.Length) { sum += *p; p += 2; }
            Console.WriteLine(sum + " " + (p - p0) + " " + (p > p0) + " " + (p0 == &p0[0]));
            p = p0 + 7;
            p--;
            Console.WriteLine(*p + " " + p[-1] + " " + *(p0 + 3) + " " + ((long)(p0 + 1) - (long)p0));
            long* lp = (long*)p0;
            Console.WriteLine(lp[1].ToString("X16") + " " + (((byte*)(lp + 1)) - (byte*)p0));
        }
        string s = "hello";
        fixed (char* c = s)
        {
            int h = 0;
            for (char* q = c; *q != '\0'; q++) h = h * 31 + *q;
            Console.WriteLine(h + " " + (int)c[4]);
        }
        byte[] bytes = new byte[16];
        fixed (byte* b = bytes)
        {
            for (int i = 0; i < 16; i++) b[i] = (byte)(i * 17);
            Console.WriteLine(((uint*)b)[1].ToString("X8") + " " + ((ushort*)b)[7]);
        }
        Console.WriteLine(bytes[15]);
    }
}
