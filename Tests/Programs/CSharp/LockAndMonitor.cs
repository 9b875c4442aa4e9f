// lock statements (Monitor.Enter/Exit with lockTaken), re-entrant locking on one thread,
// lock released when the body throws, Monitor.IsEntered.
using System;
using System.Threading;

class LockAndMonitor
{
    static readonly object gate = new object();
    static int counter;

    static void Add(int depth)
    {
        lock (gate)
        {
            counter++;
            if (depth > 0) Add(depth - 1);
        }
    }

    static void Main()
    {
        Add(5);
        Console.WriteLine(counter + " " + Monitor.IsEntered(gate));
        try { lock (gate) { Console.WriteLine("inside " + Monitor.IsEntered(gate)); throw new Exception(); } }
        catch (Exception) { Console.WriteLine("released " + !Monitor.IsEntered(gate)); }
        Console.WriteLine(Monitor.TryEnter(gate));
        Monitor.Exit(gate);
        Console.WriteLine(Interlocked.Increment(ref counter) + " " + Interlocked.CompareExchange(ref counter, 100, 7) + " " + counter + " " + Interlocked.Exchange(ref counter, 1));
    }
}
