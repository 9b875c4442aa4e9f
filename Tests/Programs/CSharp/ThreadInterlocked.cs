// Threads: counters updated by several threads at once. Interlocked operations, lock and a
// spin lock keep them exact whatever the interleaving; each thread also yields and sleeps now
// and then so the threads really interleave. Prints the totals after Join.
using System;
using System.Threading;

class ThreadInterlocked
{
    static int count;
    static long total;
    static int max;
    static int locked;
    static readonly object gate = new object();
    static int spinLock;
    static int spinProtected;

    static void Work(object o)
    {
        int id = (int)o;
        for (int i = 0; i < 2000; i++)
        {
            Interlocked.Increment(ref count);
            Interlocked.Add(ref total, id * 1000 + i);
            int seen;
            do { seen = max; } while (seen < i && Interlocked.CompareExchange(ref max, i, seen) != seen);
            lock (gate) { int v = locked; if (i % 97 == 0) Thread.Yield(); locked = v + 1; }
            // A spin lock made of CompareExchange and Exchange.
            while (Interlocked.CompareExchange(ref spinLock, 1, 0) != 0) Thread.Yield();
            spinProtected++;
            Interlocked.Exchange(ref spinLock, 0);
            if (i % 500 == 0) Thread.Sleep(1);
        }
    }

    static void Main()
    {
        var threads = new Thread[4];
        for (int i = 0; i < threads.Length; i++) { threads[i] = new Thread(Work); threads[i].Start(i); }
        foreach (var t in threads) t.Join();
        Console.WriteLine("count " + count);
        Console.WriteLine("total " + Interlocked.Read(ref total));
        Console.WriteLine("max " + max);
        Console.WriteLine("locked " + locked);
        Console.WriteLine("spin-locked " + spinProtected);
    }
}
