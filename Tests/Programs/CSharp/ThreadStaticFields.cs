// Threads: [ThreadStatic] fields have one value per thread (a new thread starts with the
// default, the initializer in the type initializer runs for the first thread only); ordinary
// statics are shared. Each thread reports its own view into its own array slot; printed after Join.
using System;
using System.Threading;

class ThreadStaticFields
{
    [ThreadStatic] static int counter;
    [ThreadStatic] static string name;
    [ThreadStatic] static long big;
    static int shared;
    static string[] reports = new string[4];

    static void Work(object o)
    {
        int id = (int)o;
        string before = counter + "/" + (name ?? "null") + "/" + big;
        name = "worker" + id;
        for (int i = 0; i <= id; i++) { counter++; big += 1000000000000L; }
        Interlocked.Increment(ref shared);
        Thread.Sleep(10);  // let the other threads run and set their own values
        Thread.Yield();
        reports[id] = id + ": before " + before + ", after " + counter + "/" + name + "/" + big;
    }

    static void Main()
    {
        counter = 100;
        name = "main";
        big = -1;
        var threads = new Thread[4];
        for (int i = 0; i < threads.Length; i++) { threads[i] = new Thread(Work); threads[i].Start(i); }
        foreach (var t in threads) t.Join();
        foreach (var r in reports) Console.WriteLine(r);
        Console.WriteLine("main: " + counter + "/" + name + "/" + big + ", shared " + shared);
        Holder.Check();
        var t2 = new Thread(Holder.Check);
        t2.Start();
        t2.Join();
    }
}

static class Holder
{
    // C# puts this initializer in the type initializer: it runs once, on the first thread.
    [ThreadStatic] static int initialized = 42;

    public static void Check()
    {
        Console.WriteLine("initialized " + initialized);
        initialized++;
    }
}
