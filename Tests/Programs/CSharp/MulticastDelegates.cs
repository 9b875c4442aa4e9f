// Multicast delegates: Delegate.Combine (+=) and Remove (-=) order, the return value is the
// last invocation's, removing a non-member, removing the last one gives null,
// GetInvocationList, and an exception in the middle stops the chain.
using System;

delegate int Step(int x);

class MulticastDelegates
{
    static string log = "";
    static int A(int x) { log += "A"; return x + 1; }
    static int B(int x) { log += "B"; return x + 2; }
    static int C(int x) { log += "C"; return x + 3; }
    static int Boom(int x) { log += "!"; throw new InvalidOperationException(); }

    static void Main()
    {
        Step s = A;
        s += B;
        s += C;
        s += A;
        Console.WriteLine(s(10) + " " + log + " " + s.GetInvocationList().Length); log = "";
        s -= A;   // removes the last occurrence
        Console.WriteLine(s(0) + " " + log); log = "";
        s -= C; s -= C;
        Console.WriteLine(s(0) + " " + log); log = "";
        Step t = (Step)Delegate.Combine(new Step(B), new Step(C));
        Step u = s + t;
        Console.WriteLine(u(0) + " " + log + " " + u.GetInvocationList().Length); log = "";
        u -= t;
        Console.WriteLine(u(0) + " " + log); log = "";
        Step only = A;
        only -= A;
        Console.WriteLine(only == null);
        Step chain = A;
        chain += Boom; chain += C;
        try { chain(0); } catch (InvalidOperationException) { Console.WriteLine("stopped " + log); }
    }
}
