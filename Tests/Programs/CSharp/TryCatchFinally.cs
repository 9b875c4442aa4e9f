// try/catch/finally basics: order of execution, catch by base type, finally on normal
// exit and on exception, catch-all, value returned from try with finally.
using System;

class TryCatchFinally
{
    static int Ret()
    {
        int x = 1;
        try { return x; }
        finally { x = 2; Console.WriteLine("finally in Ret, x=" + x); }
    }

    static void Throws(int kind)
    {
        if (kind == 1) throw new InvalidOperationException("io");
        if (kind == 2) throw new ArgumentException("arg");
        if (kind == 3) throw new ArgumentNullException("p");
    }

    static void Main()
    {
        for (int k = 0; k <= 3; k++)
        {
            try
            {
                Console.WriteLine("try " + k);
                Throws(k);
                Console.WriteLine("no throw");
            }
            catch (ArgumentNullException e) { Console.WriteLine("ANE " + e.GetType().FullName); }
            catch (ArgumentException e) { Console.WriteLine("AE " + e.GetType().FullName); }
            catch (Exception e) { Console.WriteLine("E " + e.GetType().FullName); }
            finally { Console.WriteLine("finally " + k); }
        }
        Console.WriteLine(Ret());
        try { try { Throws(1); } finally { Console.WriteLine("inner finally"); } }
        catch { Console.WriteLine("catch-all"); }
    }
}
