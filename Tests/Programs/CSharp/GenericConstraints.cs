// Generic constraints: where T : struct / class / new() / base class / interface, calling
// constrained members, new T() (Activator path for classes), and default(T) per kind.
using System;

interface IShape { int Sides(); }
class Poly : IShape { public int N = 3; public int Sides() { return N; } }
class Quad : Poly { public Quad() { N = 4; } }
struct Dot : IShape { public int Sides() { return 0; } }

class GenericConstraints
{
    static T Make<T>() where T : new() { return new T(); }
    static int SidesOf<T>(T s) where T : IShape { return s.Sides(); }
    static int BaseN<T>(T p) where T : Poly { return p.N; }
    static bool IsNull<T>(T v) where T : class { return v == null; }
    static T Def<T>() where T : struct { return default(T); }
    static string Kind<T>() { return default(T) == null ? "ref" : "val"; }

    static void Main()
    {
        Console.WriteLine(Make<Poly>().N + " " + Make<Quad>().N + " " + Make<int>() + " " + Make<Dot>().Sides());
        Console.WriteLine(SidesOf(new Quad()) + " " + SidesOf(new Dot()) + " " + BaseN(new Quad()));
        Console.WriteLine(IsNull<string>(null) + " " + IsNull("x") + " " + Def<long>() + " " + Def<bool>());
        Console.WriteLine(Kind<int>() + " " + Kind<string>() + " " + Kind<Dot>() + " " + Kind<int?>());
    }
}
