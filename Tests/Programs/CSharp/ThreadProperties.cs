// Threads: ParameterizedThreadStart and closures, Thread.CurrentThread inside a thread is the
// Thread object that started it, ManagedThreadId differs between threads (values are not
// printed: they are the runtime's), Name set once, IsBackground, IsAlive and ThreadState before,
// during (seen by the thread itself) and after a run.
using System;
using System.Threading;

class ThreadProperties
{
    static Thread seenInside;
    static int idInside;
    static string nameInside;
    static bool aliveInside, backgroundInside;
    static ThreadState stateInside;

    static void Main()
    {
        int mainId = Thread.CurrentThread.ManagedThreadId;
        Console.WriteLine("main alive " + Thread.CurrentThread.IsAlive + ", background " + Thread.CurrentThread.IsBackground + ", state " + Thread.CurrentThread.ThreadState);
        Console.WriteLine("main same object: " + (Thread.CurrentThread == Thread.CurrentThread));
        Thread t = null;
        t = new Thread(arg =>
        {
            seenInside = Thread.CurrentThread;
            idInside = Thread.CurrentThread.ManagedThreadId;
            nameInside = Thread.CurrentThread.Name + ":" + arg;
            aliveInside = Thread.CurrentThread.IsAlive;
            backgroundInside = Thread.CurrentThread.IsBackground;
            stateInside = Thread.CurrentThread.ThreadState;
        });
        Console.WriteLine("before start: " + t.ThreadState + ", alive " + t.IsAlive);
        t.Name = "worker";
        try { t.Name = "again"; } catch (InvalidOperationException) { Console.WriteLine("name twice: InvalidOperationException"); }
        t.IsBackground = true;
        int idBefore = t.ManagedThreadId;
        t.Start("argument");
        t.Join();
        Console.WriteLine("inside: same object " + (seenInside == t) + ", id same as outside " + (idInside == idBefore) + ", differs from main " + (idInside != mainId));
        Console.WriteLine("inside: name " + nameInside + ", alive " + aliveInside + ", background " + backgroundInside + ", state " + stateInside);
        Console.WriteLine("after: alive " + t.IsAlive + ", name " + t.Name + ", state " + t.ThreadState);
        var ids = new int[5];
        var ts = new Thread[5];
        for (int i = 0; i < 5; i++) { int k = i; ts[i] = new Thread(() => ids[k] = Thread.CurrentThread.ManagedThreadId); ts[i].Start(); }
        foreach (var x in ts) x.Join();
        bool distinct = true;
        for (int i = 0; i < 5; i++) { if (ids[i] == mainId) distinct = false; for (int j = 0; j < i; j++) if (ids[i] == ids[j]) distinct = false; }
        Console.WriteLine("five ids distinct: " + distinct);
        Console.WriteLine("priority " + t.Priority);
    }
}
