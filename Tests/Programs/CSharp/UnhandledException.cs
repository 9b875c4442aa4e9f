// An unhandled exception: prints a line, then throws InvalidOperationException out of Main.
// Mono writes "Unhandled Exception:" and the exception to stderr and exits with code 1;
// finally blocks on the way run first.
using System;

class UnhandledException
{
    static void Fail() { try { throw new InvalidOperationException("nobody catches this"); } finally { Console.WriteLine("finally ran"); } }

    static void Main()
    {
        Console.WriteLine("before");
        Fail();
        Console.WriteLine("after");
    }
}
