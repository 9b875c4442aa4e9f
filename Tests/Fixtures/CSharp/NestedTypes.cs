// Nested types: nested classes, structs, enums, interfaces and delegates; access to the
// outer type's private members; nested generics; deep nesting; reflection names.
using System;

class Outer
{
    private int secret = 7;
    private static string staticSecret = "s";

    public enum Mode { Off, On }
    public delegate int Op(int x);
    public interface IInner { string Tell(Outer o); }

    public class Inner : IInner
    {
        public string Tell(Outer o) { return "secret=" + o.secret + " static=" + staticSecret; }

        public class Deeper
        {
            public struct Deepest
            {
                public int Value;
                public override string ToString() { return "Deepest(" + Value + ")"; }
            }
            public static Deepest Make(int v) { Deepest d; d.Value = v * 2; return d; }
        }
    }

    private class Hidden
    {
        public int Twice(Outer o) { return o.secret * 2; }
    }

    protected internal struct Pos { public int A; }

    public int UseHidden() { return new Hidden().Twice(this); }

    public Op MakeOp(Mode m)
    {
        if (m == Mode.On) return x => x + secret;
        return x => x;
    }
}

class Derived : Outer
{
    public class Inner2 : Inner
    {
        public string Both() { return Tell(new Derived()) + "|" + (int)Mode.On; }
    }
}

class Gen<T>
{
    public class Node
    {
        public T Value; public Node Next;
        public Node(T v, Node n) { Value = v; Next = n; }
    }
    public Node Head;
    public void Push(T v) { Head = new Node(v, Head); }
    public string Dump()
    {
        string s = "";
        for (Node n = Head; n != null; n = n.Next) s += n.Value + ";";
        return s;
    }
    public struct Enumerator
    {
        Node cur; bool started; Gen<T> owner;
        public Enumerator(Gen<T> g) { owner = g; cur = null; started = false; }
        public bool MoveNext()
        {
            cur = started ? (cur == null ? null : cur.Next) : owner.Head;
            started = true;
            return cur != null;
        }
        public T Current { get { return cur.Value; } }
    }
    public Enumerator GetEnumerator() { return new Enumerator(this); }
}

static class Program
{
    static int Main(string[] args)
    {
        var o = new Outer();
        Console.WriteLine(new Outer.Inner().Tell(o));
        Console.WriteLine(Outer.Inner.Deeper.Make(21));
        Console.WriteLine(o.UseHidden());
        Console.WriteLine(o.MakeOp(Outer.Mode.On)(3) + " " + o.MakeOp(Outer.Mode.Off)(3));
        Console.WriteLine(new Derived.Inner2().Both());
        Outer.IInner ii = new Derived.Inner2();
        Console.WriteLine(ii.Tell(o));
        var p = new Outer.Pos { A = 5 };
        Console.WriteLine("pos " + p.A);

        var g = new Gen<string>();
        g.Push("a"); g.Push("b"); g.Push("c");
        Console.WriteLine(g.Dump());
        foreach (var s in g) Console.Write("<" + s + ">");
        Console.WriteLine();
        var gi = new Gen<int>();
        for (int i = 0; i < 4; i++) gi.Push(i * i);
        Console.WriteLine(gi.Dump());

        Console.WriteLine(typeof(Outer.Inner.Deeper.Deepest).FullName);
        Console.WriteLine(typeof(Outer.Inner.Deeper.Deepest).DeclaringType.Name + " " + typeof(Outer.Inner).IsNested);
        Console.WriteLine(typeof(Gen<int>.Node).FullName.Split('[')[0]);
        Console.WriteLine(typeof(Outer.Mode).IsNestedPublic + " " + typeof(Outer).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Length);
        return 0;
    }
}
