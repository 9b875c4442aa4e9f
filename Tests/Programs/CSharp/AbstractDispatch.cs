// Abstract classes and methods: dispatch through abstract slots across a three-level
// hierarchy, abstract properties, template-method pattern, and calling through base refs.
using System;

abstract class Shape
{
    public abstract long Area { get; }
    public abstract string Name();
    public string Describe() { return Name() + ":" + Area; }
}

class Rect : Shape
{
    protected long w, h;
    public Rect(long w, long h) { this.w = w; this.h = h; }
    public override long Area { get { return w * h; } }
    public override string Name() { return "rect"; }
}

class Square : Rect
{
    public Square(long s) : base(s, s) { }
    public override string Name() { return "square"; }
}

abstract class Tri : Shape { public override string Name() { return "tri"; } }
class RightTri : Tri { public override long Area { get { return 6; } } }

class AbstractDispatch
{
    static void Main()
    {
        Shape[] shapes = { new Rect(2, 3), new Square(4), new RightTri() };
        long total = 0;
        foreach (Shape s in shapes) { Console.WriteLine(s.Describe()); total += s.Area; }
        Console.WriteLine(total);
    }
}
