// Main(string[] args): the test runner passes `a b c`. Prints the count and each argument,
// and returns the count as the exit code (3).
using System;

class MainArgs
{
    static int Main(string[] args)
    {
        Console.WriteLine(args.Length);
        for (int i = 0; i < args.Length; i++) Console.WriteLine(i + ": " + args[i] + " (" + args[i].Length + ")");
        Console.WriteLine(string.Join("|", args));
        return args.Length;
    }
}
