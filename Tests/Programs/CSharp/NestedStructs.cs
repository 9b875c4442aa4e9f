// Nested value types: structs containing structs containing references; copying the outer
// copies everything; methods on nested members; large structs passed and returned by value.
using System;

struct Vec { public long X, Y, Z; public Vec(long x, long y, long z) { X = x; Y = y; Z = z; } public long Dot(Vec o) { return X * o.X + Y * o.Y + Z * o.Z; } }
struct Segment { public Vec From, To; public string Name; }
struct Shape { public Segment A, B; public int Id; }

class NestedStructs
{
    static Shape Grow(Shape s, long by)
    {
        s.A.To.X += by; s.B.From.Z -= by; s.Id++;
        return s;
    }

    static void Main()
    {
        Shape s = new Shape();
        s.A.From = new Vec(1, 2, 3);
        s.A.To = new Vec(4, 5, 6);
        s.B = s.A;
        s.B.Name = "b";
        s.A.Name = "a";
        s.Id = 7;
        Shape t = Grow(s, 100);
        Console.WriteLine(s.A.To.X + " " + s.B.From.Z + " " + s.Id + " " + t.A.To.X + " " + t.B.From.Z + " " + t.Id);
        Console.WriteLine(s.A.From.Dot(s.A.To) + " " + t.A.To.Dot(t.B.From) + " " + s.A.Name + s.B.Name + t.B.Name);
        Shape[] shapes = new Shape[3];
        shapes[1] = t;
        shapes[2].B.To.Y = 42;
        shapes[0] = shapes[2];
        shapes[2].B.To.Y = 43;
        Console.WriteLine(shapes[0].B.To.Y + " " + shapes[1].A.To.X + " " + shapes[2].B.To.Y);
    }
}
