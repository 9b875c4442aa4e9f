// Threads: Join with a timeout returns false while the thread still runs and true once it
// has ended; Join(0) polls; Thread.Sleep lets time pass for the waiting thread; a worker
// blocked in Monitor.Wait wakes on Pulse; a foreground thread still running when Main returns
// keeps the program alive until it ends, a background thread does not.
using System;
using System.Threading;

class ThreadJoinTimeout
{
    static readonly object gate = new object();
    static bool go;

    static void Main()
    {
        var worker = new Thread(() =>
        {
            lock (gate) { while (!go) Monitor.Wait(gate); }
        });
        worker.Start();
        Console.WriteLine("join 50 ms: " + worker.Join(50));
        Console.WriteLine("join 0: " + worker.Join(0));
        Console.WriteLine("join timespan: " + worker.Join(TimeSpan.FromMilliseconds(10)));
        Console.WriteLine("state while waiting: " + worker.ThreadState);
        lock (gate) { go = true; Monitor.Pulse(gate); }
        Console.WriteLine("join after pulse: " + worker.Join(5000));
        Console.WriteLine("join again: " + worker.Join(0));

        var sleeper = new Thread(() => { Thread.Sleep(100); });
        sleeper.Start();
        Console.WriteLine("sleeper join 10 ms: " + sleeper.Join(10));
        Console.WriteLine("sleeper join: " + sleeper.Join(10000));

        var forever = new Thread(() => { Thread.Sleep(Timeout.Infinite); });
        forever.IsBackground = true;
        forever.Start();
        var late = new Thread(() => { Thread.Sleep(200); Console.WriteLine("foreground thread ends after Main"); });
        late.Start();
        Console.WriteLine("Main returns");
    }
}
