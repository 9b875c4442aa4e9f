// Virtual and interface calls through a base class.
interface IShape { int Area(); }
abstract class Shape : IShape { public abstract int Area(); }
class Square : Shape { int s; public Square(int s) { this.s = s; } public override int Area() { return s * s; } }
class Rect : Shape { int w, h; public Rect(int w, int h) { this.w = w; this.h = h; } public override int Area() { return w * h; } }
class P { static int Main() {
  Shape[] shapes = { new Square(3), new Rect(2, 5), new Square(4) };
  long total = 0;
  for (int i = 0; i < 10000000; i++) { total += shapes[i % 3].Area(); IShape x = shapes[(i + 1) % 3]; total += x.Area(); }
  System.Console.WriteLine(total); return 0; } }
