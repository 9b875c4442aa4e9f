// Threads: busy waiting. Main spins on a volatile flag without ever blocking or yielding, so
// the other thread only gets to set it if the runtime preempts the spinning one; SpinWait,
// SpinWait.SpinUntil and a SpinLock shared by three threads.
using System;
using System.Threading;

class ThreadSpinning
{
    static volatile bool flag;
    static int stage;

    static void Main()
    {
        long work = 0;
        var setter = new Thread(() => { for (int i = 0; i < 100000; i++) work += i % 7; flag = true; });
        setter.Start();
        long spins = 0;
        while (!flag) spins++;
        Console.WriteLine("flag seen, work " + work);
        setter.Join();

        var stager = new Thread(() => { Thread.Sleep(5); Volatile.Write(ref stage, 1); });
        stager.Start();
        var sw = new SpinWait();
        while (Volatile.Read(ref stage) == 0) sw.SpinOnce();
        Console.WriteLine("SpinWait saw stage " + stage);
        stager.Join();

        var finisher = new Thread(() => { Thread.Sleep(5); Interlocked.Exchange(ref stage, 2); });
        finisher.Start();
        Console.WriteLine("SpinUntil: " + SpinWait.SpinUntil(() => Volatile.Read(ref stage) == 2, 10000));
        Console.WriteLine("SpinUntil timeout: " + SpinWait.SpinUntil(() => false, 10));
        finisher.Join();

        var spinLock = new SpinLock(false);
        int counter = 0;
        var threads = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            threads[i] = new Thread(() =>
            {
                for (int k = 0; k < 1000; k++)
                {
                    bool taken = false;
                    spinLock.Enter(ref taken);
                    counter++;
                    if (taken) spinLock.Exit();
                }
            });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        Console.WriteLine("SpinLock counter " + counter);
    }
}
