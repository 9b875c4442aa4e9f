// Inheritance: virtual/override chains, base.Method() calls (call, not callvirt), hiding with
// `new`, virtual calls from base constructors, sealed overrides, field shadowing.
using System;

class A
{
    public string Field = "A.Field";
    public A() { Console.WriteLine("A ctor sees " + Who()); }
    public virtual string Who() { return "A"; }
    public string NonVirtual() { return "A.NonVirtual"; }
    public virtual string Chain() { return "A"; }
}

class B : A
{
    public new string Field = "B.Field";
    protected string initialized = "init";
    public override string Who() { return "B(" + (initialized ?? "null") + ")"; }
    public new string NonVirtual() { return "B.NonVirtual"; }
    public override string Chain() { return base.Chain() + "B"; }
}

class C : B
{
    public sealed override string Chain() { return base.Chain() + "C"; }
    public new virtual string Who() { return "C-new"; }
}

class Inheritance
{
    static void Main()
    {
        A ab = new B();
        Console.WriteLine(ab.Who() + " " + ab.NonVirtual() + " " + ((B)ab).NonVirtual() + " " + ab.Field + " " + ((B)ab).Field);
        C c = new C();
        A ac = c;
        Console.WriteLine(ac.Who() + " " + c.Who() + " " + ((B)c).Who() + " " + ac.Chain());
        A[] all = { new A(), new B(), new C() };
        foreach (A x in all) Console.Write(x.Chain() + " ");
        Console.WriteLine();
    }
}
