// Generic classes: a Stack<T> and Pair<A,B> written here, instantiated over ints, strings,
// structs and other generics; generic fields, arrays of T, default(T).
using System;

class MyStack<T>
{
    T[] items = new T[2];
    int count;
    public void Push(T v) { if (count == items.Length) { T[] n = new T[count * 2]; Array.Copy(items, n, count); items = n; } items[count++] = v; }
    public T Pop() { T v = items[--count]; items[count] = default(T); return v; }
    public int Count { get { return count; } }
    public T PeekOr(T fallback) { return count == 0 ? fallback : items[count - 1]; }
}

class Pair<A, B>
{
    public A First; public B Second;
    public Pair(A a, B b) { First = a; Second = b; }
    public Pair<B, A> Swap() { return new Pair<B, A>(Second, First); }
    public override string ToString() { return "(" + First + ", " + Second + ")"; }
}

struct Pt { public int X; public override string ToString() { return "Pt" + X; } }

class GenericClasses
{
    static void Main()
    {
        MyStack<int> si = new MyStack<int>();
        for (int i = 0; i < 10; i++) si.Push(i * i);
        int s = 0;
        while (si.Count > 0) s += si.Pop();
        Console.WriteLine(s + " " + si.PeekOr(-1));
        MyStack<string> ss = new MyStack<string>();
        ss.Push("a"); ss.Push("b"); ss.Push("c");
        Console.WriteLine(ss.Pop() + ss.Pop() + " " + ss.Count + " " + (new MyStack<string>().PeekOr(null) == null));
        MyStack<Pt> sp = new MyStack<Pt>();
        sp.Push(new Pt { X = 3 });
        Console.WriteLine(sp.Pop());
        Pair<int, string> p = new Pair<int, string>(1, "one");
        Console.WriteLine(p + " " + p.Swap() + " " + new Pair<Pair<int, string>, long>(p, 9L));
        Console.WriteLine(typeof(Pair<int, string>).Name + " " + p.GetType().GetGenericArguments()[1].Name);
    }
}
