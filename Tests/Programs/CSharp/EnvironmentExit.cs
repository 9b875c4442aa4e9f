// Environment.Exit(n) from a nested call ends the process with that exit code immediately;
// output written before it is kept. Expected exit code: 7.
using System;

class EnvironmentExit
{
    static void Deep(int n)
    {
        if (n == 0) { Console.WriteLine("exiting"); Environment.Exit(7); }
        Deep(n - 1);
        Console.WriteLine("never");
    }

    static void Main()
    {
        Console.WriteLine("start");
        Deep(5);
        Console.WriteLine("after");
    }
}
