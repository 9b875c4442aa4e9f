// Lambdas and closures: captured locals shared between closures, captured loop variables
// (per-iteration in foreach), captured parameters and `this`, nested closures, and
// closures outliving their frame.
using System;
using System.Collections.Generic;

class Closures
{
    int field = 100;
    Func<int> CaptureThis() { return () => field++; }

    static Func<int> MakeCounter(int start)
    {
        int count = start;
        return () => ++count;
    }

    static void Main()
    {
        int shared = 0;
        Action inc = () => shared++;
        Func<int> get = () => shared * 10;
        inc(); inc();
        Console.WriteLine(shared + " " + get());
        Func<int> c1 = MakeCounter(0), c2 = MakeCounter(100);
        c1(); c1();
        Console.WriteLine(c1() + " " + c2());
        List<Func<int>> fs = new List<Func<int>>();
        foreach (int i in new[] { 1, 2, 3 }) fs.Add(() => i * i);
        for (int j = 0; j < 3; j++) fs.Add(() => j);
        foreach (var f in fs) Console.Write(f() + " ");
        Console.WriteLine();
        Closures obj = new Closures();
        Func<int> ft = obj.CaptureThis();
        ft(); ft();
        Console.WriteLine(obj.field);
        Func<int, Func<int, int>> adder = a => b => a + b;
        Console.WriteLine(adder(3)(4) + " " + adder(10)(-1));
        int outer = 1;
        Action nested = () => { int inner = 2; Action deeper = () => { outer += inner; inner++; }; deeper(); deeper(); };
        nested();
        Console.WriteLine(outer);
    }
}
