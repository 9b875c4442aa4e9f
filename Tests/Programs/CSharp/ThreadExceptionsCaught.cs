// Threads: exceptions thrown and caught inside a thread (catch, filter, finally, rethrow, an
// exception from a nested call) stay in that thread; each thread records what it saw, and Main
// prints it after Join. Also: Join on a thread that was never started is ThreadStateException,
// starting a thread twice is ThreadStateException.
using System;
using System.Threading;

class ThreadExceptionsCaught
{
    static string[] log = new string[3];

    static int Divide(int a, int b) { return a / b; }

    static void Worker(object o)
    {
        int id = (int)o;
        string s = "";
        try { s += Divide(10, id - id); } catch (DivideByZeroException) { s += "div0 "; }
        try
        {
            try { throw new InvalidOperationException("x" + id); }
            finally { s += "finally "; }
        }
        catch (InvalidOperationException e) when (e.Message == "x" + id) { s += "filtered "; }
        try
        {
            try { object n = null; n.ToString(); }
            catch (NullReferenceException) { s += "nre "; throw; }
        }
        catch (Exception e) { s += "rethrown:" + e.GetType().Name; }
        log[id] = s;
    }

    static void Main()
    {
        var threads = new Thread[3];
        for (int i = 0; i < 3; i++) { threads[i] = new Thread(Worker); threads[i].Start(i); }
        for (int i = 0; i < 3; i++) threads[i].Join();
        for (int i = 0; i < 3; i++) Console.WriteLine(i + ": " + log[i]);
        var never = new Thread(() => { });
        try { never.Join(); } catch (ThreadStateException) { Console.WriteLine("join unstarted: ThreadStateException"); }
        never.Start();
        never.Join();
        try { never.Start(); } catch (ThreadStateException) { Console.WriteLine("start twice: ThreadStateException"); }
        Console.WriteLine("done");
    }
}
