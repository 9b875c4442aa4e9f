// Mutable structs through interfaces: calling a mutating interface method on a boxed struct
// changes the box, not the original; casting a struct to an interface boxes a copy;
// unboxing copies again; generic constrained calls mutate in place.
using System;

interface IInc { void Inc(); int Get(); }
struct Counter : IInc { int n; public void Inc() { n++; } public int Get() { return n; } }

class BoxedStructInterface
{
    static void IncViaGeneric<T>(ref T t) where T : IInc { t.Inc(); }
    static void IncViaInterface(IInc i) { i.Inc(); }

    static void Main()
    {
        Counter c = new Counter();
        c.Inc();
        IInc boxed = c;
        boxed.Inc(); boxed.Inc();
        Console.WriteLine(c.Get() + " " + boxed.Get());
        IncViaInterface(c);
        Console.WriteLine(c.Get());
        IncViaInterface(boxed);
        Console.WriteLine(boxed.Get());
        IncViaGeneric(ref c);
        Console.WriteLine(c.Get());
        Counter unboxed = (Counter)boxed;
        unboxed.Inc();
        Console.WriteLine(unboxed.Get() + " " + boxed.Get());
        object o = c;
        ((IInc)o).Inc();
        Console.WriteLine(((Counter)o).Get() + " " + c.Get());
    }
}
