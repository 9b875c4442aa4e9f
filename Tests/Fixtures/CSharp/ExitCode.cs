// Environment.Exit with a non-zero code: output written before the call must appear,
// code after it (including the finally block below) must not run. Expected exit code: 3.
using System;

static class Program
{
    static int Compute(int n) { int r = 0; for (int i = 1; i <= n; i++) r += i % 3 == 0 ? i : 0; return r; }

    static int Main(string[] args)
    {
        int r = Compute(20);
        Console.WriteLine("computed " + r);
        try
        {
            Console.WriteLine("exiting with 3");
            Console.Out.Flush();
            if (r == 63) Environment.Exit(3);
            Console.WriteLine("not reached");
        }
        finally
        {
            Console.WriteLine("finally does not run on Environment.Exit");
        }
        return 0;
    }
}
