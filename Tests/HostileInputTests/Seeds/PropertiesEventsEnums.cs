// Seed for the hostile-corpus test: properties, indexers, events, enums with constants,
// structs with explicit layout, delegates, iterators, switches, static constructors and
// unsafe code with fixed buffers and pointers (compiled with -unsafe).
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace HostileSeed
{
    public enum Shade : byte { Light = 1, Dark = 200 }

    [Flags]
    public enum Rights : long { None = 0, Read = 1, Write = 2, All = -1 }

    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct Overlay
    {
        [FieldOffset(0)] public long Whole;
        [FieldOffset(0)] public int Low;
        [FieldOffset(4)] public int High;
        [FieldOffset(8)] public double Real;
    }

    public unsafe struct Buffer16
    {
        public fixed byte Bytes[16];
    }

    public delegate int Transform(int value);

    public class Counter
    {
        static readonly int[] Primes = { 2, 3, 5, 7, 11, 13 };
        public const string Label = "counter";
        int[] values = new int[4];

        public event EventHandler Changed;
        public int Count { get; private set; }
        public int this[int index]
        {
            get => values[index & 3];
            set { values[index & 3] = value; Changed?.Invoke(this, EventArgs.Empty); }
        }

        public IEnumerable<int> Evens(int limit)
        {
            for (int i = 0; i < limit; i += 2) yield return i;
        }

        public static string Describe(object o)
        {
            if (o is int) return (int)o > 10 ? "big" : "int";
            var s = o as string;
            return s ?? "other";
        }

        public static int Classify(int n)
        {
            switch (n)
            {
                case 0: return 10;
                case 1: return 20;
                case 2: return 30;
                case 3: return 40;
                case 7: return 50;
                default: return Primes[n % Primes.Length];
            }
        }

        public static unsafe int Sum(Buffer16 b)
        {
            int s = 0;
            byte* p = b.Bytes;
            for (int i = 0; i < 16; i++) s += p[i];
            return s;
        }

        [DllImport("libc", EntryPoint = "getpid")]
        static extern int GetPid();

        public static int Run(Transform t) => t(Classify(3)) + (int)Shade.Dark + (int)Rights.Write;
    }
}
