// using statements: Dispose runs on normal exit and on exceptions, nested usings dispose in
// reverse order, using on a struct (constrained call, no boxing copy visible), null resource.
using System;

class Res : IDisposable
{
    string name; public Res(string n) { name = n; Console.WriteLine("open " + n); }
    public void Dispose() { Console.WriteLine("dispose " + name); }
}
struct SRes : IDisposable { public static int Count; public void Dispose() { Count++; } }

class UsingDispose
{
    static void Main()
    {
        using (Res a = new Res("a"), b = new Res("b")) { Console.WriteLine("body"); }
        try { using (new Res("c")) { throw new Exception("x"); } }
        catch (Exception) { Console.WriteLine("caught"); }
        using (SRes s = new SRes()) { }
        using (SRes s = new SRes()) { }
        Console.WriteLine(SRes.Count);
        Res none = null;
        using (none) { Console.WriteLine("null resource ok"); }
    }
}
