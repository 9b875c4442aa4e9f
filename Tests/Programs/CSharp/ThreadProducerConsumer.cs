// Threads: a producer/consumer pair over a bounded queue guarded by lock + Monitor.Wait/Pulse
// (PulseAll wakes both sides), and a nested lock held twice across Wait (Wait releases it
// entirely and takes it back with the same recursion count). What is printed does not depend
// on how the threads interleave: totals, counts, and checks made after Join.
using System;
using System.Collections.Generic;
using System.Threading;

class ThreadProducerConsumer
{
    const int Capacity = 3;
    static readonly object gate = new object();
    static readonly Queue<int> queue = new Queue<int>();
    static bool done;
    static long consumedSum;
    static int consumedCount;
    static int maxSeen;

    static void Produce(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            lock (gate)
            {
                while (queue.Count == Capacity) Monitor.Wait(gate);
                queue.Enqueue(i * i);
                if (queue.Count > maxSeen) maxSeen = queue.Count;
                Monitor.PulseAll(gate);
            }
        }
        lock (gate) { done = true; Monitor.PulseAll(gate); }
    }

    static void Consume()
    {
        while (true)
        {
            int item;
            lock (gate)
            {
                while (queue.Count == 0 && !done) Monitor.Wait(gate);
                if (queue.Count == 0) return;
                item = queue.Dequeue();
                Monitor.PulseAll(gate);
            }
            consumedSum += item;
            consumedCount++;
        }
    }

    static int recursionAfterWait;

    static void Main()
    {
        var consumer = new Thread(Consume);
        var producer = new Thread(() => Produce(200));
        consumer.Start();
        producer.Start();
        producer.Join();
        consumer.Join();
        Console.WriteLine("consumed " + consumedCount + " sum " + consumedSum);
        Console.WriteLine("queue never above capacity: " + (maxSeen <= Capacity));
        Console.WriteLine("queue empty: " + (queue.Count == 0));

        // Wait inside a lock taken twice: the waker can enter, and after Wait the lock is
        // still held twice (two Exits succeed, a third one throws).
        object o = new object();
        bool signalled = false;
        var waker = new Thread(() => { lock (o) { signalled = true; Monitor.Pulse(o); } });
        lock (o)
        {
            lock (o)
            {
                waker.Start();
                while (!signalled) Monitor.Wait(o);
                recursionAfterWait = Monitor.IsEntered(o) ? 1 : 0;
            }
            Console.WriteLine("still entered after inner exit: " + Monitor.IsEntered(o));
        }
        waker.Join();
        Console.WriteLine("entered after outer exit: " + Monitor.IsEntered(o) + " " + recursionAfterWait);
        try { Monitor.Exit(o); } catch (SynchronizationLockException) { Console.WriteLine("exit without lock: SynchronizationLockException"); }
        try { Monitor.Pulse(o); } catch (SynchronizationLockException) { Console.WriteLine("pulse without lock: SynchronizationLockException"); }
        try { Monitor.Wait(o); } catch (SynchronizationLockException) { Console.WriteLine("wait without lock: SynchronizationLockException"); }
        // A timed Wait nobody pulses returns false, with the lock held again.
        lock (o) { Console.WriteLine("timed wait: " + Monitor.Wait(o, 20) + " " + Monitor.IsEntered(o)); }
    }
}
