// Threads: the thread pool and tasks. QueueUserWorkItem with a CountdownEvent, Task.Run
// results, WaitAll, ContinueWith, a task that throws (AggregateException), Parallel.For,
// a one-shot Timer, async/await over Task.Delay, a long-running task on its own thread, and
// SemaphoreSlim/ManualResetEventSlim between threads. Printed results do not depend on the
// order the work ran in.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

class ThreadPoolTasks
{
    static async Task<int> AddLater(int a, int b)
    {
        await Task.Delay(10);
        int x = a + b;
        await Task.Yield();
        return x * 2;
    }

    static void Main()
    {
        int queued = 0;
        using (var countdown = new CountdownEvent(5))
        {
            for (int i = 1; i <= 5; i++) { int k = i; ThreadPool.QueueUserWorkItem(_ => { Interlocked.Add(ref queued, k); countdown.Signal(); }); }
            countdown.Wait();
        }
        Console.WriteLine("work items: " + queued);

        var tasks = Enumerable.Range(1, 6).Select(i => Task.Run(() => i * i)).ToArray();
        Task.WaitAll(tasks);
        Console.WriteLine("task results: " + string.Join(",", tasks.Select(t => t.Result)));

        var chained = Task.Run(() => 20).ContinueWith(t => t.Result + 1).ContinueWith(t => t.Result * 2);
        Console.WriteLine("continuations: " + chained.Result);

        var failing = Task.Run(() => { throw new InvalidOperationException("task failed"); });
        try { failing.Wait(); }
        catch (AggregateException e) { Console.WriteLine("task exception: " + e.InnerException.GetType().Name + ", faulted " + failing.IsFaulted); }

        long sum = 0;
        Parallel.For(0, 100, i => Interlocked.Add(ref sum, i));
        Console.WriteLine("Parallel.For: " + sum);

        using (var fired = new ManualResetEventSlim())
        using (var timer = new Timer(_ => fired.Set(), null, 15, Timeout.Infinite))
        {
            Console.WriteLine("timer fired: " + fired.Wait(5000));
        }

        Console.WriteLine("async: " + AddLater(3, 4).Result);

        var longRunning = Task.Factory.StartNew(() => Thread.CurrentThread.IsThreadPoolThread, TaskCreationOptions.LongRunning);
        Console.WriteLine("long-running task on a pool thread: " + longRunning.Result);
        Console.WriteLine("Task.Run on a pool thread: " + Task.Run(() => Thread.CurrentThread.IsThreadPoolThread).Result);

        var slim = new SemaphoreSlim(0);
        var ready = new ManualResetEventSlim(false);
        int produced = 0;
        var producer = new Thread(() => { for (int i = 0; i < 4; i++) { Interlocked.Increment(ref produced); slim.Release(); } ready.Set(); });
        producer.Start();
        for (int i = 0; i < 4; i++) slim.Wait();
        ready.Wait();
        producer.Join();
        Console.WriteLine("SemaphoreSlim: " + produced + ", count now " + slim.CurrentCount);
    }
}
