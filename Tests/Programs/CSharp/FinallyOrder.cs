// finally blocks run when leaving a try by return, break, continue, goto, and exceptions;
// nested finally blocks run innermost first; `leave` across several protected regions.
using System;

class FinallyOrder
{
    static string log = "";
    static int Ret(int x)
    {
        try { try { if (x > 0) return x * 2; log += "n"; } finally { log += "a"; } }
        finally { log += "b"; }
        return -1;
    }

    static void Main()
    {
        Console.WriteLine(Ret(5) + " " + log); log = "";
        Console.WriteLine(Ret(0) + " " + log); log = "";
        for (int i = 0; i < 5; i++)
        {
            try
            {
                if (i == 1) continue;
                if (i == 3) break;
                log += i;
            }
            finally { log += "f" + i; }
        }
        Console.WriteLine(log); log = "";
        int k = 0;
    top:
        try { k++; if (k < 3) goto top; }
        finally { log += "g" + k; }
        Console.WriteLine(log); log = "";
        try
        {
            try { try { throw new Exception(); } finally { log += "1"; } }
            finally { log += "2"; }
        }
        catch { log += "c"; }
        finally { log += "3"; }
        Console.WriteLine(log);
    }
}
