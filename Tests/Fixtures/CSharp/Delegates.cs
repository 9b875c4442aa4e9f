// Delegates: named, static and instance targets, multicast with return values, removal,
// anonymous methods, lambdas, closures over locals/loop variables/parameters,
// nested closures, generic delegates, delegates to struct methods, Invoke via reflection.
using System;

delegate int BinOp(int a, int b);
delegate void Notify(string msg);
delegate T Maker<T>();
delegate void RefAction(ref int x);

class Acc
{
    int total;
    public int Add(int v) { total += v; return total; }
    public static int Twice(int v) { return v * 2; }
}

struct Scaler
{
    public int Factor;
    public int Scale(int v) { return v * Factor; }
}

static class Program
{
    static int Sub(int a, int b) { return a - b; }
    static int Mul(int a, int b) { return a * b; }

    static Func<int> MakeCounter(int start, int step)
    {
        int n = start;
        return () => { n += step; return n; };
    }

    static Func<int, Func<int, int>> Curry(BinOp op) { return a => b => op(a, b); }

    static int Main(string[] args)
    {
        BinOp op = Sub;
        Console.WriteLine(op(10, 3) + " " + op.Method.Name);
        op += Mul;
        Console.WriteLine("multicast returns last: " + op(10, 3) + ", count " + op.GetInvocationList().Length);
        op -= Sub;
        Console.WriteLine("after removal " + op(10, 3));
        op -= Mul;
        Console.WriteLine("empty is null: " + (op == null));

        var acc = new Acc();
        Func<int, int> add = acc.Add;
        add(5); add(6);
        Console.WriteLine("instance target " + add(0) + " " + (add.Target == acc));
        Func<int, int> twice = Acc.Twice;
        Console.WriteLine("static target null: " + (twice.Target == null) + " " + twice(21));
        var sc = new Scaler { Factor = 3 };
        Func<int, int> scale = sc.Scale;
        sc.Factor = 100;
        Console.WriteLine("struct delegate copies: " + scale(7));

        Notify n = delegate (string msg) { Console.WriteLine("anon: " + msg); };
        n += msg => Console.WriteLine("lambda: " + msg.ToUpperInvariant());
        n("hello");

        var c1 = MakeCounter(0, 1);
        var c2 = MakeCounter(100, 10);
        Console.WriteLine(c1() + " " + c1() + " " + c2() + " " + c1() + " " + c2());

        var fs = new Func<int>[4];
        for (int i = 0; i < fs.Length; i++) { int copy = i; fs[i] = () => copy * copy; }
        foreach (var f in fs) Console.Write(f() + " ");
        Console.WriteLine();
        var shared = new Action[3];
        int k = 0;
        for (; k < 3; k++) shared[k] = () => Console.Write("k=" + k + " ");
        foreach (var a in shared) a();
        Console.WriteLine();

        Console.WriteLine("curry " + Curry(Sub)(50)(8) + " " + Curry((a, b) => a << b)(1)(10));
        int outer = 1;
        Func<int, Func<int>> nested = x => { int inner = x * 10; return () => outer + inner + x; };
        var nf = nested(2);
        outer = 1000;
        Console.WriteLine("nested closure " + nf());

        Maker<string> mk = () => "made";
        Maker<int[]> mka = () => new[] { 1, 2, 3 };
        Console.WriteLine(mk() + " " + mka().Length);
        RefAction inc = (ref int x) => x += 5;
        int val = 1;
        inc(ref val); inc(ref val);
        Console.WriteLine("ref delegate " + val);

        Predicate<string> empty = string.IsNullOrEmpty;
        Comparison<int> cmp = (a, b) => b.CompareTo(a);
        int[] arr = { 3, 1, 2, 5, 4 };
        Array.Sort(arr, cmp);
        Console.WriteLine("sorted desc " + string.Join(",", arr) + " empty('')=" + empty("") + " empty(x)=" + empty("x"));
        Converter<int, string> conv = i => "#" + i;
        Console.WriteLine(string.Join(" ", Array.ConvertAll(arr, conv)));

        Delegate d = new Func<int, int, int>(Math.Max);
        Console.WriteLine("DynamicInvoke " + d.DynamicInvoke(4, 9));
        Action<string> combined = (Action<string>)Delegate.Combine(new Action<string>(s => Console.Write("[1" + s + "]")), new Action<string>(s => Console.WriteLine("[2" + s + "]")));
        combined("x");
        Func<Func<int>, int> apply = f => f() + 1;
        Console.WriteLine(apply(() => 41));
        return 0;
    }
}
