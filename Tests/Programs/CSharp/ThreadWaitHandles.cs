// Threads: wait handles. A ManualResetEvent releases every waiter; two AutoResetEvents make
// two threads print strictly in turn; a Semaphore lets at most two threads in at once; a Mutex
// guards a counter (and ReleaseMutex without owning it throws); WaitOne times out;
// SignalAndWait; SemaphoreFullException. (WaitAny/WaitAll are left out: Mono's versions
// initialize the remoting services, which cilbox does not model yet.)
using System;
using System.Threading;

class ThreadWaitHandles
{
    static void Main()
    {
        // A gate that several threads wait on.
        var gate = new ManualResetEvent(false);
        int passed = 0;
        var waiters = new Thread[3];
        for (int i = 0; i < 3; i++) { waiters[i] = new Thread(() => { gate.WaitOne(); Interlocked.Increment(ref passed); }); waiters[i].Start(); }
        Thread.Sleep(20);
        Console.WriteLine("passed before Set: " + passed);
        gate.Set();
        foreach (var t in waiters) t.Join();
        Console.WriteLine("passed after Set: " + passed + ", still set: " + gate.WaitOne(0));
        gate.Reset();
        Console.WriteLine("after Reset: " + gate.WaitOne(0));

        // Ping-pong: each side waits for its turn, so the lines alternate.
        var ping = new AutoResetEvent(true);
        var pong = new AutoResetEvent(false);
        var other = new Thread(() => { for (int i = 0; i < 3; i++) { pong.WaitOne(); Console.WriteLine("pong " + i); ping.Set(); } });
        other.Start();
        for (int i = 0; i < 3; i++) { ping.WaitOne(); Console.WriteLine("ping " + i); pong.Set(); }
        other.Join();
        Console.WriteLine("auto-reset consumed: " + !pong.WaitOne(0));

        // A semaphore of two.
        var sem = new Semaphore(2, 2);
        int inside = 0, maxInside = 0, finished = 0;
        var users = new Thread[5];
        for (int i = 0; i < 5; i++)
        {
            users[i] = new Thread(() =>
            {
                sem.WaitOne();
                int now = Interlocked.Increment(ref inside);
                int seen;
                do { seen = maxInside; } while (now > seen && Interlocked.CompareExchange(ref maxInside, now, seen) != seen);
                Thread.Sleep(5);
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref finished);
                sem.Release();
            });
            users[i].Start();
        }
        foreach (var t in users) t.Join();
        Console.WriteLine("semaphore: finished " + finished + ", at most two inside: " + (maxInside <= 2));
        try { sem.Release(); } catch (SemaphoreFullException) { Console.WriteLine("release past maximum: SemaphoreFullException"); }

        // A mutex around a counter.
        var mutex = new Mutex();
        int counter = 0;
        var incs = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            incs[i] = new Thread(() => { for (int k = 0; k < 100; k++) { mutex.WaitOne(); int v = counter; if (k % 10 == 0) Thread.Yield(); counter = v + 1; mutex.ReleaseMutex(); } });
            incs[i].Start();
        }
        foreach (var t in incs) t.Join();
        Console.WriteLine("mutex counter " + counter);
        try { mutex.ReleaseMutex(); } catch (ApplicationException) { Console.WriteLine("release unowned mutex: ApplicationException"); }
        mutex.WaitOne(); mutex.WaitOne();
        mutex.ReleaseMutex(); mutex.ReleaseMutex();
        Console.WriteLine("recursive mutex released twice");

        // Timeouts: a wait that nobody satisfies in time returns false.
        var never = new ManualResetEvent(false);
        var late = new AutoResetEvent(false);
        var setter = new Thread(() => { Thread.Sleep(50); late.Set(); });
        setter.Start();
        Console.WriteLine("WaitOne 10 ms: " + never.WaitOne(10) + ", poll: " + late.WaitOne(0) + ", WaitOne 1 s: " + late.WaitOne(1000));
        setter.Join();

        // SignalAndWait: signal one handle and wait on another in one step.
        var request = new AutoResetEvent(false);
        var reply = new AutoResetEvent(false);
        string answer = null;
        var server = new Thread(() => { request.WaitOne(); answer = "answered"; reply.Set(); });
        server.Start();
        Console.WriteLine("SignalAndWait: " + WaitHandle.SignalAndWait(request, reply) + " " + answer);
        server.Join();
    }
}
