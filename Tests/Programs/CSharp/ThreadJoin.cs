// Threads: start two threads that each compute a result into their own slot, Join them,
// then print (deterministic because output happens only after both joined).
using System;
using System.Threading;

class ThreadJoin
{
    static long[] results = new long[2];

    static void Work(object o)
    {
        int id = (int)o;
        long s = 0;
        for (int i = 0; i < 10000 * (id + 1); i++) s += i % (id + 3);
        results[id] = s;
    }

    static void Main()
    {
        Thread t0 = new Thread(Work), t1 = new Thread(Work);
        t0.Start(0); t1.Start(1);
        t0.Join(); t1.Join();
        Console.WriteLine(results[0] + " " + results[1]);
        int shared = 0;
        Thread t2 = new Thread(() => { for (int i = 0; i < 1000; i++) Interlocked.Increment(ref shared); });
        t2.Start();
        for (int i = 0; i < 1000; i++) Interlocked.Increment(ref shared);
        t2.Join();
        Console.WriteLine(shared);
    }
}
