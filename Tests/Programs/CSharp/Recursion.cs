// Recursion: depth 10,000 (linear), mutual recursion, Fibonacci and Ackermann(2, n),
// recursion through virtual and interface calls, and recursion with struct arguments.
using System;

interface IWalker { int Walk(int n); }
class Walker : IWalker { public virtual int Walk(int n) { return n == 0 ? 0 : 1 + Walk(n - 1); } }

struct Acc { public long Sum; public int Depth; }

class Recursion
{
    static long SumTo(int n) { return n == 0 ? 0 : n + SumTo(n - 1); }
    static bool IsEven(int n) { return n == 0 || IsOdd(n - 1); }
    static bool IsOdd(int n) { return n != 0 && IsEven(n - 1); }
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    static int Ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? Ack(m - 1, 1) : Ack(m - 1, Ack(m, n - 1)); }
    static Acc Deep(Acc a, int n) { if (n == 0) return a; a.Sum += n; a.Depth++; return Deep(a, n - 1); }

    static void Main()
    {
        Console.WriteLine(SumTo(10000));
        Console.WriteLine(IsEven(5001) + " " + IsOdd(5001));
        Console.WriteLine(Fib(20));
        Console.WriteLine(Ack(2, 50));
        IWalker w = new Walker();
        Console.WriteLine(w.Walk(10000));
        Acc r = Deep(new Acc(), 10000);
        Console.WriteLine(r.Sum + " " + r.Depth);
    }
}
