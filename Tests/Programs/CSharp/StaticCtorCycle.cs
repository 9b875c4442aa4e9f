// Cyclic static constructors: A's cctor reads B's field and B's cctor reads A's field. On the
// same thread the runtime lets the inner access see the partially initialized type (default
// values) instead of deadlocking.
using System;

class A
{
    public static int X;
    public static int SeenB;
    static A() { Console.WriteLine("A cctor start"); X = 10; SeenB = B.Y; Console.WriteLine("A cctor end, saw B.Y=" + SeenB); }
}

class B
{
    public static int Y;
    public static int SeenA;
    static B() { Console.WriteLine("B cctor start"); SeenA = A.X; Y = 20; Console.WriteLine("B cctor end, saw A.X=" + SeenA); }
}

class StaticCtorCycle
{
    static void Main()
    {
        Console.WriteLine(A.X + " " + A.SeenB + " " + B.Y + " " + B.SeenA);
    }
}
