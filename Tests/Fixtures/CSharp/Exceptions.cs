// Exceptions: try/catch/finally, catch ordering, `when` filters (with side effects showing
// evaluation order), nested handlers, rethrow (`throw;`) vs `throw e`, custom exception
// types with extra data, InnerException, exceptions from finally, return inside finally paths,
// runtime exceptions (null, bounds, cast, divide, overflow), `using` and Dispose order.
using System;

class AppException : Exception
{
    public readonly int Code;
    public AppException(string msg, int code) : base(msg) { Code = code; }
    public AppException(string msg, Exception inner) : base(msg, inner) { Code = -1; }
}

class DerivedAppException : AppException
{
    public DerivedAppException(int code) : base("derived " + code, code) { }
}

class Res : IDisposable
{
    readonly string name;
    public Res(string n) { name = n; Console.WriteLine("open " + n); }
    public void Dispose() { Console.WriteLine("dispose " + name); }
}

static class Program
{
    static int depth;

    static bool Log(string what, bool result)
    {
        Console.WriteLine("  filter " + what + " -> " + result);
        return result;
    }

    static void Thrower(int kind)
    {
        switch (kind)
        {
            case 0: throw new AppException("plain", 10);
            case 1: throw new DerivedAppException(20);
            case 2: throw new InvalidOperationException("invalid");
            case 3: object o = null; o.ToString(); break;
            case 4: int[] a = new int[1]; a[kind] = 1; break;
            case 5: object s = "str"; Console.WriteLine(((Exception)s).Message); break;
            case 6: int z = kind - 6; Console.WriteLine(10 / z); break;
            case 7: checked { int big = int.MaxValue; big += kind; } break;
            case 8: throw new ArgumentNullException("param");
            case 9: throw new AppException("low", 2);
        }
        Console.WriteLine("  no throw for " + kind);
    }

    // Filters and plain catches sit in different try blocks on purpose: Mono's ilasm
    // mis-encodes the clause flags when one try has both kinds, which would break the
    // disassemble/re-assemble round trip for reasons unrelated to the disassembler.
    static string Classify(int kind)
    {
        try
        {
            try
            {
                Thrower(kind);
                return "none";
            }
            catch (DerivedAppException e) when (Log("derived code " + e.Code, e.Code > 100))
            {
                return "derived>100";
            }
            catch (AppException e) when (Log("app code " + e.Code, e.Code >= 10))
            {
                return "app:" + e.GetType().Name + ":" + e.Message + ":" + e.Code;
            }
        }
        catch (ArgumentException e)
        {
            return "arg:" + e.GetType().Name + ":" + ((ArgumentNullException)e).ParamName;
        }
        catch (SystemException e)
        {
            return "system:" + e.GetType().Name;
        }
        catch (AppException e)
        {
            return "unfiltered app:" + e.Code;
        }
        finally
        {
            Console.WriteLine("  finally for " + kind);
        }
    }

    static int FinallyOrder()
    {
        int x = 1;
        try
        {
            try
            {
                x *= 10;
                throw new AppException("inner", 1);
            }
            finally
            {
                x += 1;
                Console.WriteLine("inner finally x=" + x);
            }
        }
        catch (AppException)
        {
            x *= 2;
            Console.WriteLine("outer catch x=" + x);
        }
        finally
        {
            x += 100;
            Console.WriteLine("outer finally x=" + x);
        }
        return x;
    }

    static int ReturnThroughFinally()
    {
        int r = 0;
        try { r = 5; return r; }
        finally { r = 99; Console.WriteLine("finally sets r=" + r + " after return value captured"); }
    }

    static void Rethrow(bool preserve)
    {
        try
        {
            try { throw new AppException("orig", 3); }
            catch (AppException e)
            {
                if (preserve) throw;
                throw new AppException("wrapped", e);
            }
        }
        catch (AppException e)
        {
            Console.WriteLine("rethrow preserve=" + preserve + ": " + e.Message + " code=" + e.Code +
                " inner=" + (e.InnerException == null ? "none" : e.InnerException.Message));
        }
    }

    static void Recurse(int n)
    {
        depth++;
        try
        {
            if (n == 0) throw new AppException("bottom", depth);
            Recurse(n - 1);
        }
        finally
        {
            Console.Write("u" + n + " ");
        }
    }

    static void FinallyThrows()
    {
        try
        {
            try { throw new AppException("first", 1); }
            finally { throw new InvalidOperationException("from finally"); }
        }
        catch (Exception e)
        {
            Console.WriteLine("finally replaced exception: " + e.GetType().Name + " " + e.Message);
        }
    }

    static int Main(string[] args)
    {
        for (int k = 0; k <= 10; k++) Console.WriteLine(k + " => " + Classify(k));
        Console.WriteLine("FinallyOrder returned " + FinallyOrder());
        Console.WriteLine("ReturnThroughFinally returned " + ReturnThroughFinally());
        Rethrow(true);
        Rethrow(false);
        try { Recurse(4); }
        catch (AppException e) { Console.WriteLine("| caught " + e.Message + " at depth " + e.Code); }
        FinallyThrows();
        try
        {
            using (new Res("a"))
            using (new Res("b"))
            {
                Console.WriteLine("body");
                throw new AppException("in using", 0);
            }
        }
        catch (AppException e) { Console.WriteLine("after using: " + e.Message); }
        int count = 0;
        for (int i = 0; i < 5; i++)
        {
            try { if (i % 2 == 0) continue; count += 10; if (i == 3) break; }
            finally { count++; }
        }
        Console.WriteLine("loop with finally count=" + count);
        Exception ex = new DerivedAppException(7);
        Console.WriteLine((ex is AppException) + " " + (ex as DerivedAppException).Code + " " + ex.Message);
        try { throw ex; }
        catch (Exception e) when (e.Message.StartsWith("derived")) { Console.WriteLine("filter on message ok"); }
        return 0;
    }
}
