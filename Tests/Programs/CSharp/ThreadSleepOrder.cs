// Threads: threads that sleep for different times wake up in the order of their deadlines
// (started in the reverse order, 60 ms apart), and a Stopwatch around a Sleep sees at least the
// time slept. Each thread prints under a lock when it wakes up.
using System;
using System.Diagnostics;
using System.Threading;

class ThreadSleepOrder
{
    static readonly object gate = new object();

    static void Main()
    {
        var threads = new Thread[4];
        for (int i = threads.Length - 1; i >= 0; i--)
        {
            int k = i;
            threads[i] = new Thread(() => { Thread.Sleep(60 * (k + 1)); lock (gate) Console.WriteLine("woke " + k); });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        var sw = Stopwatch.StartNew();
        Thread.Sleep(100);
        sw.Stop();
        Console.WriteLine("slept at least 100 ms: " + (sw.ElapsedMilliseconds >= 99));
        Thread.Sleep(TimeSpan.FromMilliseconds(30));
        Console.WriteLine("TimeSpan sleep done");
    }
}
