// Exception filters (`catch ... when`): true/false filters, filter side effects run in the
// first pass (before inner finally blocks), filters reading the exception, and filters on
// rethrown exceptions. Left out: a filter that throws (ECMA: treated as false), which
// Mono 6.8 instead reports as unhandled.
using System;

class CodeErr : Exception { public int Code; public CodeErr(int c) { Code = c; } }

class ExceptionFilters
{
    static bool Log(string s, bool result) { Console.WriteLine("filter " + s); return result; }

    static void Inner()
    {
        try { throw new CodeErr(2); }
        finally { Console.WriteLine("inner finally"); }
    }

    static void Main()
    {
        for (int c = 1; c <= 3; c++)
        {
            try { throw new CodeErr(c); }
            catch (CodeErr e) when (e.Code == 1) { Console.WriteLine("one"); }
            catch (CodeErr e) when (Log("code=" + e.Code, e.Code == 2)) { Console.WriteLine("two"); }
            catch (CodeErr e) { Console.WriteLine("other " + e.Code); }
        }
        try { Inner(); }
        catch (CodeErr e) when (Log("two-pass", true)) { Console.WriteLine("caught after finally " + e.Code); }
        try
        {
            try { throw new CodeErr(4); }
            catch (CodeErr) { throw; }
        }
        catch (CodeErr e) when (e.Code > 3) { Console.WriteLine("rethrown filtered " + e.Code); }
    }
}
