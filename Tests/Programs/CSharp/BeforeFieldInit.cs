// Types without an explicit static constructor (beforefieldinit): field initializers must
// have run by the time a static field is read. Only values are printed, since the exact
// moment is left to the runtime.
using System;

class Config
{
    public static int Size = Compute();
    public static string Name = "cfg" + Size;
    public static readonly int[] Table = MakeTable();
    static int Compute() { return 6 * 7; }
    static int[] MakeTable() { int[] t = new int[4]; for (int i = 0; i < t.Length; i++) t[i] = i * Size; return t; }
}

class Lazy2 { public static readonly string Greeting = string.Concat("he", "llo"); public static int Plain; }

class BeforeFieldInit
{
    static void Main()
    {
        Console.WriteLine(Config.Size + " " + Config.Name + " " + Config.Table[3]);
        Lazy2.Plain = 3;
        Console.WriteLine(Lazy2.Greeting + " " + Lazy2.Plain);
    }
}
