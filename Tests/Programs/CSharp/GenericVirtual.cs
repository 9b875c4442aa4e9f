// Generic virtual methods: overridden in derived classes, called with different type
// arguments (value and reference types), generic interface methods, and through abstract bases.
using System;

abstract class Visitor
{
    public abstract string Visit<T>(T value);
    public virtual string Twice<T>(T a) { return Visit(a) + Visit(a); }
}

class Namer : Visitor
{
    public override string Visit<T>(T value) { return typeof(T).Name + "=" + value + ";"; }
}

class Counter : Namer
{
    public int Count;
    public override string Visit<T>(T value) { Count++; return base.Visit(value); }
}

interface IConvert { U Convert<U>(object o); }
class Converter : IConvert { public U Convert<U>(object o) { return (U)o; } }

class GenericVirtual
{
    static void Main()
    {
        Visitor v = new Counter();
        Console.WriteLine(v.Visit(1) + v.Visit("s") + v.Visit(2L) + v.Twice('c'));
        Console.WriteLine(((Counter)v).Count);
        IConvert c = new Converter();
        Console.WriteLine(c.Convert<int>(5) + " " + c.Convert<string>("x") + " " + c.Convert<object>(null));
    }
}
