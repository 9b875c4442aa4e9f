// A static constructor that throws: the first access raises TypeInitializationException
// wrapping the original exception; later accesses raise TypeInitializationException again
// without re-running the cctor; other types are unaffected.
using System;

class Broken
{
    public static int Value = 1;
    static Broken() { Console.WriteLine("Broken cctor runs"); throw new InvalidOperationException("boom"); }
    public static void Touch() { }
}

class Fine { public static int Value = 2; static Fine() { Console.WriteLine("Fine cctor"); } }

class TypeInitException
{
    static void Main()
    {
        for (int i = 0; i < 2; i++)
        {
            try { Console.WriteLine(Broken.Value); }
            catch (TypeInitializationException e) { Console.WriteLine("TIE " + e.TypeName + " inner " + (e.InnerException == null ? "none" : e.InnerException.GetType().FullName)); }
        }
        try { Broken.Touch(); }
        catch (Exception e) { Console.WriteLine(e.GetType().FullName); }
        Console.WriteLine(Fine.Value);
    }
}
