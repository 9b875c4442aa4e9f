// An unhandled exception: the program prints a few lines, runs a finally block while the
// exception propagates, then dies. Expected exit code: 1; expected first stderr line on Mono:
// "Unhandled Exception:" (the following lines contain the message and a stack trace).
using System;

class FatalException : Exception
{
    public FatalException(string msg) : base(msg) { }
}

static class Program
{
    static void Level3(int v)
    {
        if (v > 2) throw new FatalException("level3 failed with v=" + v);
        Console.WriteLine("level3 ok " + v);
    }

    static void Level2(int v)
    {
        try { Level3(v); }
        finally { Console.WriteLine("level2 finally v=" + v); }
    }

    static int Main(string[] args)
    {
        Console.WriteLine("start");
        try { Level2(1); }
        catch (FatalException) { Console.WriteLine("not expected"); }
        try { Level2(5); }
        catch (InvalidOperationException) { Console.WriteLine("wrong handler"); }
        Console.WriteLine("not reached");
        return 0;
    }
}
