// switch on strings: few cases (if-chain of string equality) and many cases (mcs builds a
// Dictionary<string,int> lookup), null selector, and the default branch.
using System;

class SwitchString
{
    static int Few(string s)
    {
        switch (s) { case "a": return 1; case "b": return 2; case null: return -1; default: return 0; }
    }

    static int Many(string s)
    {
        switch (s)
        {
            case "alpha": return 1; case "beta": return 2; case "gamma": return 3; case "delta": return 4;
            case "epsilon": return 5; case "zeta": return 6; case "eta": return 7; case "theta": return 8;
            case "iota": return 9; case "kappa": return 10; case "lambda": return 11; case "mu": return 12;
            case null: return -1;
            default: return 0;
        }
    }

    static void Main()
    {
        string[] inputs = { "a", "b", "c", null, "", "A" };
        foreach (string s in inputs) Console.Write(Few(s) + " ");
        Console.WriteLine();
        string[] greek = { "alpha", "mu", "theta", "omega", null, "Alpha", "eta", "lambda", "zeta" };
        foreach (string s in greek) Console.Write(Many(s) + " ");
        Console.WriteLine();
        Console.WriteLine(Many("ka" + "ppa"));
    }
}
