// Threads: an exception that escapes a thread ends the whole program, as an unhandled exception
// does in Main: Mono prints it and exits with code 1 while Main still waits in Join. Expected
// exit code: 1.
using System;
using System.Threading;

class ThreadUnhandledException
{
    static void Main()
    {
        Console.WriteLine("start");
        var t = new Thread(() => { Console.WriteLine("thread runs"); throw new ArgumentException("from a thread"); });
        t.Start();
        t.Join();
        Console.WriteLine("never printed");
    }
}
