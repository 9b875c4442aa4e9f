// Threads: a type initializer runs once even when several threads need the type at the same
// time; the threads that come second wait until it has finished (II.10.5.3.3), so every thread
// sees the initialized value. When the initializer throws, every thread gets
// TypeInitializationException. The initializers sleep to make the other threads arrive while
// they run.
using System;
using System.Threading;

class Slow
{
    public static int Runs;
    public static int Value;
    static Slow() { Runs++; Thread.Sleep(30); Value = 42; }
}

class Broken
{
    public static int Value;
    static Broken() { Thread.Sleep(30); throw new InvalidOperationException("init"); }
}

class ThreadTypeInitializer
{
    static void Main()
    {
        var seen = new int[3];
        var failures = new string[3];
        var threads = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            int k = i;
            threads[i] = new Thread(() =>
            {
                seen[k] = Slow.Value;
                try { failures[k] = "value " + Broken.Value; }
                catch (TypeInitializationException e) { failures[k] = e.GetType().Name + "/" + e.InnerException.GetType().Name; }
            });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        for (int i = 0; i < 3; i++) Console.WriteLine(i + ": " + seen[i] + " " + failures[i]);
        Console.WriteLine("initializer runs: " + Slow.Runs);
    }
}
