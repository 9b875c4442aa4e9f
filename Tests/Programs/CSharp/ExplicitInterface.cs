// Explicit interface implementations (methodimpls): two interfaces with the same method
// name, explicit plus public methods of the same name, explicit properties, and calls
// through each interface.
using System;

interface ILeft { string Go(); int Value { get; } }
interface IRight { string Go(); }

class Both : ILeft, IRight
{
    public string Go() { return "public"; }
    string ILeft.Go() { return "left"; }
    string IRight.Go() { return "right"; }
    int ILeft.Value { get { return 7; } }
}

class OnlyExplicit : IDisposable
{
    public int Disposed;
    void IDisposable.Dispose() { Disposed++; }
}

class ExplicitInterface
{
    static void Main()
    {
        Both b = new Both();
        Console.WriteLine(b.Go() + " " + ((ILeft)b).Go() + " " + ((IRight)b).Go() + " " + ((ILeft)b).Value);
        OnlyExplicit o = new OnlyExplicit();
        using (o) { }
        ((IDisposable)o).Dispose();
        Console.WriteLine(o.Disposed);
    }
}
