// Collector under pressure: about 3 GiB allocated in all (1 MiB arrays and small objects), far
// more than the heap may hold at once (cilbox's default heap budget is 512 MiB), while a linked
// list reachable only through a GCHandle, an object held by a static and watched by a weak
// reference, and a ConditionalWeakTable value of a live key must survive every collection
// intact. Garbage with finalizers is made along the way; their finalizers run (counted at the end).
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

class Node
{
    public int Value;
    public Node Next;
    public byte[] Payload;
}

class Counted
{
    public static int Finalized;
    public byte[] Ballast = new byte[1000];
    ~Counted() { Finalized++; }
}

class GCStress
{
    static Node keptByStatic;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static GCHandle BuildList(int count)
    {
        Node head = null;
        for (int i = 0; i < count; i++) {
            var payload = new byte[64];
            for (int k = 0; k < payload.Length; k++) payload[k] = (byte)(i + k);
            head = new Node { Value = i, Next = head, Payload = payload };
        }
        return GCHandle.Alloc(head);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeCounted(int n) { for (int i = 0; i < n; i++) new Counted(); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Scrub(int depth)
    {
        long a = depth, b = depth * 3, c = depth * 5, d = depth * 7;
        if (depth > 0) a += Scrub(depth - 1);
        return a + b + c + d;
    }

    static void Main()
    {
        var handle = BuildList(2000);
        keptByStatic = new Node { Value = 12345 };
        var weak = new WeakReference(keptByStatic);
        var key = new object();
        var table = new ConditionalWeakTable<object, Node>();
        table.Add(key, new Node { Value = 777, Payload = new byte[100000] });

        long allocated = 0;
        long checksum = 0;
        for (int i = 0; i < 3000; i++) {
            var big = new byte[1 << 20];
            big[i * 331 % big.Length] = (byte)i;
            checksum += big[i * 331 % big.Length];
            allocated += big.Length;
            if (i % 100 == 0) {
                Node chain = null;
                for (int k = 0; k < 5000; k++) chain = new Node { Value = k, Next = chain };
                checksum += chain.Value;
                MakeCounted(50);
            }
        }
        Console.WriteLine("allocated MiB: " + (allocated >> 20));
        Console.WriteLine("checksum: " + checksum);

        var node = (Node)handle.Target;
        int count = 0;
        bool intact = true;
        while (node != null) {
            int i = node.Value;
            if (i != 1999 - count || node.Payload.Length != 64) intact = false;
            for (int k = 0; k < 64; k++) if (node.Payload[k] != (byte)(i + k)) intact = false;
            count++;
            node = node.Next;
        }
        Console.WriteLine("handle-rooted list: " + count + " nodes, intact " + intact);
        handle.Free();
        Console.WriteLine("weak reference to a static's object: " + (weak.Target == keptByStatic) + " " + ((Node)weak.Target).Value);
        Node v;
        Console.WriteLine("table value: " + table.TryGetValue(key, out v) + " " + v.Value + " " + v.Payload.Length);
        Console.WriteLine("collections happened: " + (GC.CollectionCount(0) + GC.CollectionCount(1) > 0));

        Scrub(64);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("finalized: " + Counted.Finalized);
        GC.KeepAlive(key);
    }
}
