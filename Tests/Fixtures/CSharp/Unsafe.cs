// mcs-flags: -unsafe
// Unsafe code: pointers to locals/fields/array elements, pointer arithmetic and comparison,
// fixed statements (arrays, strings, struct fields), stackalloc, fixed-size buffers,
// sizeof, pointer casts and reinterpretation (endianness shown via BitConverter.IsLittleEndian),
// void*, pointers to pointers, struct pointers with ->, function arguments by pointer.
using System;

struct Vec { public int X; public int Y; public long Z; }

unsafe struct Buffer16
{
    public fixed byte Data[16];
    public int Length;
}

unsafe struct Node
{
    public int Value;
    public Node* Next;
}

static unsafe class Program
{
    static void Fill(int* p, int count, int start) { for (int i = 0; i < count; i++) *p++ = start + i; }
    static long SumPtr(int* p, int count) { long s = 0; for (int* e = p + count; p < e; p++) s += *p; return s; }
    static void Swap(int* a, int* b) { int t = *a; *a = *b; *b = t; }
    static int Strlen(char* s) { int n = 0; while (*s++ != '\0') n++; return n; }

    static int Main(string[] args)
    {
        Console.WriteLine("sizes " + sizeof(byte) + sizeof(short) + sizeof(int) + sizeof(long) + sizeof(char) + sizeof(double) + sizeof(bool) + " Vec=" + sizeof(Vec) + " Buffer16=" + sizeof(Buffer16));
        int a = 5, b = 9;
        int* pa = &a;
        *pa += 10;
        Swap(&a, &b);
        Console.WriteLine("a=" + a + " b=" + b);

        int[] arr = new int[8];
        fixed (int* p = arr)
        {
            Fill(p, arr.Length, 100);
            Console.WriteLine("sum " + SumPtr(p, arr.Length) + " p[3]=" + p[3] + " *(p+7)=" + *(p + 7));
            int* q = p + 5;
            Console.WriteLine("diff " + (q - p) + " cmp " + (q > p) + (q == p + 5));
            q[-1] = -1;
        }
        Console.WriteLine("arr[4]=" + arr[4]);

        int* stack = stackalloc int[10];
        for (int i = 0; i < 10; i++) stack[i] = i * i;
        Console.WriteLine("stackalloc sum " + SumPtr(stack, 10));
        byte* bytes = stackalloc byte[8];
        *(long*)bytes = 0x0102030405060708;
        bool le = BitConverter.IsLittleEndian;
        Console.WriteLine("first byte is " + (le ? "low" : "high") + ": " + (le ? bytes[0] == 8 : bytes[0] == 1) + " int view " + (*(int*)(bytes + (le ? 0 : 4))).ToString("X8"));

        string s = "h\u00e9llo";
        fixed (char* cs = s)
        {
            Console.WriteLine("strlen " + Strlen(cs) + " cs[1]=" + (int)cs[1]);
            byte* raw = (byte*)cs;
            Console.WriteLine("utf16 unit bytes " + (le ? raw[2] : raw[3]).ToString("X2") + (le ? raw[3] : raw[2]).ToString("X2"));
        }

        Vec v = new Vec { X = 1, Y = 2, Z = 3 };
        Vec* pv = &v;
        pv->X = 10;
        (*pv).Y += 20;
        long* pz = &pv->Z;
        *pz = long.MinValue;
        Console.WriteLine("vec " + v.X + " " + v.Y + " " + v.Z);
        int* fieldPtr = &v.Y;
        Console.WriteLine("offset of Y " + ((byte*)fieldPtr - (byte*)pv));

        Buffer16 buf = new Buffer16();
        for (int i = 0; i < 16; i++) buf.Data[i] = (byte)(i * 17);
        buf.Length = 16;
        int total = 0;
        for (int i = 0; i < buf.Length; i++) total += buf.Data[i];
        Console.WriteLine("fixed buffer total " + total + " [15]=" + buf.Data[15]);

        Node* nodes = stackalloc Node[4];
        for (int i = 0; i < 4; i++) { nodes[i].Value = i + 1; nodes[i].Next = i < 3 ? &nodes[i + 1] : null; }
        int walk = 0;
        for (Node* n = nodes; n != null; n = n->Next) walk = walk * 10 + n->Value;
        Console.WriteLine("list " + walk);

        int** pp = &pa;
        **pp = 77;
        Console.WriteLine("through ** " + b + " " + (*pp == &b || *pp == &a));
        void* vp = &b;
        Console.WriteLine("void* " + *(int*)vp + " null " + (vp == null) + " " + ((IntPtr)vp != IntPtr.Zero));

        double d = -0.0;
        long bits = *(long*)&d;
        Console.WriteLine("double bits " + bits.ToString("X16"));
        float f = 1.0f;
        Console.WriteLine("float bits " + (*(uint*)&f).ToString("X8"));
        uint big = 0xDEADBEEF;
        Console.WriteLine("sign view " + *(int*)&big + " short view " + (le ? *(ushort*)&big : *((ushort*)&big + 1)).ToString("X4"));
        byte[] managed = { 1, 2, 3, 4 };
        fixed (byte* mb = &managed[1]) { mb[0] = 20; mb[1] = 30; }
        Console.WriteLine("managed " + BitConverter.ToString(managed));
        IntPtr ip = new IntPtr(stack + 2);
        Console.WriteLine("via IntPtr " + *(int*)ip.ToPointer());
        return 0;
    }
}
