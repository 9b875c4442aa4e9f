// Classes, inheritance, virtual/abstract/sealed members, hiding with `new`,
// interfaces with implicit and explicit implementations, base calls, ToString overrides.
using System;

interface IShape
{
    string Name { get; }
    int Area();
}

interface IDescribe
{
    string Describe();
}

interface ILabel
{
    string Describe();
}

abstract class Shape : IShape, IDescribe
{
    static int created;
    protected readonly int id;

    protected Shape() { id = ++created; }

    public abstract string Name { get; }
    public abstract int Area();
    public virtual int Sides() { return 0; }
    public string Describe() { return Name + "#" + id + " area=" + Area() + " sides=" + Sides(); }
    public override string ToString() { return "Shape(" + Name + ")"; }
    public static int Created { get { return created; } }
}

class Rect : Shape, ILabel
{
    protected readonly int w, h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public override string Name { get { return "Rect"; } }
    public override int Area() { return w * h; }
    public override int Sides() { return 4; }
    string ILabel.Describe() { return "label:" + w + "x" + h; }
}

sealed class Square : Rect
{
    public Square(int s) : base(s, s) { }
    public override string Name { get { return "Square"; } }
    public override int Sides() { return base.Sides() * 1; }
    public override string ToString() { return "Square[" + w + "] via " + base.ToString(); }
}

class Circle : Shape
{
    readonly int r;
    public Circle(int r) { this.r = r; }
    public override string Name { get { return "Circle"; } }
    public override int Area() { return 3 * r * r; }
    public new string ToString() { return "hidden ToString"; }
}

class Base
{
    public virtual string Who() { return "Base.Who"; }
    public string NonVirtual() { return "Base.NonVirtual"; }
    public virtual string Chain() { return "B"; }
}

class Middle : Base
{
    public override string Who() { return "Middle.Who>" + base.Who(); }
    public new string NonVirtual() { return "Middle.NonVirtual"; }
    public override string Chain() { return base.Chain() + "M"; }
}

class Derived : Middle
{
    public new virtual string Who() { return "Derived.Who (newslot)"; }
    public sealed override string Chain() { return base.Chain() + "D"; }
}

interface ICounter { int Next(); }

class Counter : ICounter
{
    int n;
    int ICounter.Next() { return ++n; }
    public int Next() { return -(++n); }
}

static class Program
{
    static void Show(IShape s) { Console.WriteLine("IShape " + s.Name + " " + s.Area()); }

    static int Main(string[] args)
    {
        Shape[] shapes = { new Rect(2, 3), new Square(4), new Circle(2) };
        foreach (Shape s in shapes)
        {
            Console.WriteLine(s.Describe());
            Console.WriteLine(s.ToString());
            Show(s);
            ILabel l = s as ILabel;
            Console.WriteLine(l == null ? "no label" : l.Describe());
            Console.WriteLine("is Rect: " + (s is Rect) + ", is Square: " + (s is Square));
        }
        Circle r = new Circle(1);
        Console.WriteLine(r.ToString());
        Console.WriteLine(((object)r).ToString());
        Console.WriteLine("created " + Shape.Created);

        Base b = new Derived();
        Middle m = (Middle)b;
        Derived d = (Derived)b;
        Console.WriteLine(b.Who());
        Console.WriteLine(m.Who());
        Console.WriteLine(d.Who());
        Console.WriteLine(b.NonVirtual() + " " + m.NonVirtual() + " " + d.NonVirtual());
        Console.WriteLine(b.Chain());
        Console.WriteLine(b.GetType().Name + " base " + b.GetType().BaseType.Name);

        Counter c = new Counter();
        ICounter ic = c;
        Console.WriteLine(ic.Next() + " " + c.Next() + " " + ic.Next());

        try
        {
            object o = new Circle(1);
            Rect bad = (Rect)o;
            Console.WriteLine("no cast error " + bad);
        }
        catch (InvalidCastException)
        {
            Console.WriteLine("InvalidCastException");
        }
        return 0;
    }
}
