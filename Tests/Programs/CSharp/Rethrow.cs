// rethrow (`throw;`) vs `throw e;`: the same exception object propagates; catch blocks at
// several levels rethrow; rethrow from a nested catch inside a catch.
using System;

class MyErr : Exception { public int Hops; public MyErr() : base("my") { } }

class Rethrow
{
    static void Thrower() { throw new MyErr(); }
    static void Middle() { try { Thrower(); } catch (MyErr e) { e.Hops++; throw; } }
    static void Outer() { try { Middle(); } catch (Exception e) { ((MyErr)e).Hops += 10; throw e; } }

    static void Main()
    {
        MyErr original = null;
        try { Thrower(); } catch (MyErr e) { original = e; }
        try { Outer(); }
        catch (MyErr e) { Console.WriteLine("hops " + e.Hops + " " + (e != original)); }
        try
        {
            try { throw new MyErr(); }
            catch (MyErr e)
            {
                try { throw new InvalidOperationException(); }
                catch (InvalidOperationException) { Console.WriteLine("inner handled"); }
                e.Hops = 5;
                throw;
            }
        }
        catch (MyErr e) { Console.WriteLine("outer got hops " + e.Hops); }
    }
}
