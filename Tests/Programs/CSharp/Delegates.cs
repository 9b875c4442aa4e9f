// Delegates: static and instance methods, virtual methods (dispatch at bind time via
// ldvirtftn), delegates to struct methods (boxed target), Target/Method-free comparison,
// passing delegates as arguments, and delegate equality.
using System;

delegate int BinOp(int a, int b);
delegate string Describe();

class Calc
{
    int offset;
    public Calc(int o) { offset = o; }
    public int AddOffset(int a, int b) { return a + b + offset; }
    public virtual string Name() { return "Calc"; }
    public static int Mul(int a, int b) { return a * b; }
}
class SubCalc : Calc { public SubCalc() : base(100) { } public override string Name() { return "SubCalc"; } }
struct Val { public int X; public string Show() { return "Val" + X; } }

class Delegates
{
    static int Apply(BinOp op, int a, int b) { return op(a, b); }

    static void Main()
    {
        BinOp mul = Calc.Mul;
        BinOp add = new Calc(10).AddOffset;
        Console.WriteLine(Apply(mul, 6, 7) + " " + Apply(add, 1, 2) + " " + mul.Invoke(2, 3));
        Calc c = new SubCalc();
        Describe d = c.Name;
        Console.WriteLine(d() + " " + new Describe(new Calc(0).Name)());
        Val v = new Val { X = 3 };
        Describe dv = v.Show;
        v.X = 4;
        Console.WriteLine(dv() + " " + v.Show());
        BinOp mul2 = Calc.Mul;
        Console.WriteLine((mul == mul2) + " " + mul.Equals(add) + " " + (mul.Target == null) + " " + mul.Method.Name);
        BinOp anon = delegate (int a, int b) { return a - b; };
        Console.WriteLine(anon(10, 3));
    }
}
