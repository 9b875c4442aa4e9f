// Value-type copy semantics: assignment, passing by value, returning, fields of structs,
// arrays of structs (copy out vs modify in place), readonly struct fields, and this-mutation.
using System;

struct Counter
{
    public int Value;
    public string Tag;
    public void Bump() { Value++; }
    public Counter Bumped() { Counter c = this; c.Value += 10; return c; }
}

class Box { public Counter C; public readonly Counter R; }

class StructCopy
{
    static void Modify(Counter c) { c.Value = 999; c.Tag = "modified"; }
    static Counter Make(int v) { Counter c; c.Value = v; c.Tag = "made"; return c; }

    static void Main()
    {
        Counter a = Make(1);
        Counter b = a;
        b.Value = 2; b.Tag = "b";
        Modify(a);
        Console.WriteLine(a.Value + " " + a.Tag + " " + b.Value + " " + b.Tag);
        a.Bump(); a.Bump();
        Counter c = a.Bumped();
        Console.WriteLine(a.Value + " " + c.Value);
        Counter[] arr = new Counter[2];
        Counter copy = arr[0];
        copy.Value = 5;
        arr[1].Value = 6;
        arr[1].Bump();
        Console.WriteLine(arr[0].Value + " " + arr[1].Value + " " + copy.Value + " " + (arr[0].Tag == null));
        Box box = new Box();
        box.C.Bump();
        box.R.Bump();   // operates on a copy of the readonly field
        Counter fromBox = box.C; fromBox.Bump();
        Console.WriteLine(box.C.Value + " " + box.R.Value + " " + fromBox.Value);
        Counter d = new Counter();
        Console.WriteLine(d.Value + " " + (d.Tag == null));
    }
}
