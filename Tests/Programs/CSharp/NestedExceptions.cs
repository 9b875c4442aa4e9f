// Nested try blocks: exceptions crossing several frames and handlers, inner handlers that
// do not match, exceptions thrown from catch and finally blocks replacing the original,
// and InnerException chains.
using System;

class NestedExceptions
{
    static void Level3() { throw new FormatException("l3"); }
    static void Level2() { try { Level3(); } catch (ArgumentException) { Console.WriteLine("wrong handler"); } finally { Console.WriteLine("l2 finally"); } }
    static void Level1() { try { Level2(); } finally { Console.WriteLine("l1 finally"); } }

    static void Main()
    {
        try { Level1(); } catch (FormatException e) { Console.WriteLine("caught " + e.GetType().Name); }
        try
        {
            try { throw new ArgumentException("a"); }
            catch (ArgumentException e) { throw new InvalidOperationException("wrapped", e); }
        }
        catch (InvalidOperationException e) { Console.WriteLine(e.GetType().Name + " <- " + e.InnerException.GetType().Name); }
        try
        {
            try { throw new ArgumentException("first"); }
            finally { throw new NotSupportedException("from finally"); }
        }
        catch (Exception e) { Console.WriteLine("replaced by " + e.GetType().Name); }
        int depth = 0;
        try
        {
            try
            {
                try { depth++; throw new Exception("deep"); }
                catch (NullReferenceException) { depth += 100; }
            }
            catch (DivideByZeroException) { depth += 1000; }
        }
        catch (Exception) { depth += 10; }
        Console.WriteLine(depth);
    }
}
