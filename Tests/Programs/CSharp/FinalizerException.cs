// An exception escaping a finalizer is unhandled, as on a thread of its own: Mono prints
// "Unhandled Exception:" with the exception and ends the process with code 255 while Main
// waits in GC.WaitForPendingFinalizers. Expected exit code: 255.
using System;
using System.Runtime.CompilerServices;

class Faulty
{
    ~Faulty()
    {
        Console.WriteLine("finalizer runs");
        throw new InvalidOperationException("thrown by a finalizer");
    }
}

class FinalizerException
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Scrub(int depth)
    {
        long a = depth, b = depth * 3, c = depth * 5, d = depth * 7;
        if (depth > 0) a += Scrub(depth - 1);
        return a + b + c + d;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Make() { new Faulty(); }

    static void Main()
    {
        Console.WriteLine("start");
        Make();
        Scrub(64);
        try {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        } catch (Exception e) {
            Console.WriteLine("never caught here: " + e.GetType());
        }
        Console.WriteLine("never printed");
    }
}
