// Threads: [MethodImpl(MethodImplOptions.Synchronized)] methods hold the monitor of `this`
// (of the type for a static method) while they run, so read-modify-write sequences that yield
// in the middle still add up; TextWriter.Synchronized serializes writers the same way (Mono's
// Console.Out is such a writer). Lines are sorted before printing, so the order threads wrote
// them in does not matter.
using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

class ThreadSynchronizedMethods
{
    int instanceCount;
    static int staticCount;

    [MethodImpl(MethodImplOptions.Synchronized)]
    void AddInstance()
    {
        int v = instanceCount;
        Thread.Yield();
        instanceCount = v + 1;
    }

    [MethodImpl(MethodImplOptions.Synchronized)]
    static void AddStatic()
    {
        int v = staticCount;
        Thread.Sleep(0);
        staticCount = v + 1;
    }

    [MethodImpl(MethodImplOptions.Synchronized)]
    bool HoldsOwnLock() { return Monitor.IsEntered(this); }

    [MethodImpl(MethodImplOptions.Synchronized)]
    static bool HoldsTypeLock() { return Monitor.IsEntered(typeof(ThreadSynchronizedMethods)); }

    [MethodImpl(MethodImplOptions.Synchronized)]
    void Throws() { throw new InvalidOperationException(); }

    static void Main()
    {
        var o = new ThreadSynchronizedMethods();
        var writer = new StringWriter();
        var shared = TextWriter.Synchronized(writer);
        var threads = new Thread[4];
        for (int i = 0; i < threads.Length; i++)
        {
            int k = i;
            threads[i] = new Thread(() =>
            {
                for (int j = 0; j < 50; j++)
                {
                    o.AddInstance();
                    AddStatic();
                    shared.WriteLine("thread " + k + " line " + j.ToString("D2"));
                }
            });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        Console.WriteLine("instance count " + o.instanceCount + ", static count " + staticCount);
        var lines = writer.ToString().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).OrderBy(l => l, StringComparer.Ordinal).ToArray();
        Console.WriteLine("lines " + lines.Length + ", first " + lines[0] + ", last " + lines[lines.Length - 1]);
        Console.WriteLine("all whole: " + lines.All(l => l.StartsWith("thread ") && l.Length == "thread 0 line 00".Length));
        Console.WriteLine("holds own lock: " + o.HoldsOwnLock() + ", type lock: " + HoldsTypeLock() + ", after: " + Monitor.IsEntered(o));
        try { o.Throws(); } catch (InvalidOperationException) { Console.WriteLine("released after throw: " + !Monitor.IsEntered(o)); }
    }
}
