// Main returning int: the value becomes the process exit code. Expected exit code: 42.
using System;

class MainReturn
{
    static int Compute() { int s = 0; for (int i = 1; i <= 8; i++) s += i; return s + 6; }
    static int Main()
    {
        Console.WriteLine("returning");
        return Compute();
    }
}
