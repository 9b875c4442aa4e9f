// Finalizers: an unreachable object's finalizer runs by GC.Collect + GC.WaitForPendingFinalizers
// (objects made in a separate method; the stack is scrubbed so no stale copy keeps them);
// GC.SuppressFinalize prevents it; GC.ReRegisterForFinalize makes it run again; a finalizer
// can resurrect its object; a derived finalizer runs before its base's (C# destructors chain);
// objects referenced by a finalizable object stay usable in its finalizer; an object that stays
// reachable is not finalized. Every finalizable object is finalized or suppressed before Main
// ends: Mono's finalization at exit races with the console's own finalizer.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

class Tracked
{
    public static List<string> Log = new List<string>();
    public string Name;
    public Tracked(string name) { Name = name; }
    ~Tracked() { Log.Add(Name); }
}

class Base
{
    ~Base() { Console.WriteLine("Base finalizer"); }
}

class Derived : Base
{
    public int[] Data = { 1, 2, 3 };
    ~Derived() { Console.WriteLine("Derived finalizer, data " + Data[0] + Data[1] + Data[2]); }
}

class Lazarus
{
    public static Lazarus Saved;
    public static int Runs;
    public int Value = 9;
    ~Lazarus()
    {
        Runs++;
        Saved = this;
    }
}

class Holder
{
    public Tracked Inner;
    public string Text = "holder text";
    ~Holder() { Console.WriteLine("Holder finalizer sees " + Inner.Name + " and " + Text); }
}

class Finalizers
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Scrub(int depth)
    {
        long a = depth, b = depth * 3, c = depth * 5, d = depth * 7;
        if (depth > 0) a += Scrub(depth - 1);
        return a + b + c + d;
    }

    static void Collect()
    {
        Scrub(64);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Make(string name) { new Tracked(name); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeSuppressed(string name) { GC.SuppressFinalize(new Tracked(name)); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeDerived() { new Derived(); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeLazarus() { new Lazarus(); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeHolder() { new Holder { Inner = new Tracked("inner") }; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeMany(int n) { for (int i = 0; i < n; i++) new Tracked("many" + i); }

    // Kept out of Main so that no stale slot of Main's frame holds the resurrected object when
    // it is collected again (Mono scans frames conservatively).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ReportAndReRegister()
    {
        Console.WriteLine("resurrected: runs " + Lazarus.Runs + ", value " + Lazarus.Saved.Value);
        GC.ReRegisterForFinalize(Lazarus.Saved);
        Lazarus.Saved = null;
    }

    static void Show(string what)
    {
        var names = Tracked.Log.ToArray();
        Array.Sort(names, string.CompareOrdinal);
        Console.WriteLine(what + ": [" + string.Join(",", names) + "]");
        Tracked.Log.Clear();
    }

    static void Main()
    {
        var kept = new Tracked("kept");
        Make("first");
        Collect();
        Show("after first collection");

        MakeSuppressed("suppressed");
        Make("second");
        Collect();
        Show("suppressed one skipped");

        MakeDerived();
        Collect();

        MakeLazarus();
        Collect();
        ReportAndReRegister();
        Collect();
        Console.WriteLine("registered again: runs " + Lazarus.Runs + ", saved " + (Lazarus.Saved != null));
        Lazarus.Saved = null;
        Collect();
        Console.WriteLine("not registered: runs " + Lazarus.Runs);

        MakeHolder();
        Collect();
        Show("after holder");

        MakeMany(500);
        Collect();
        Console.WriteLine("many finalized: " + Tracked.Log.Count);
        Tracked.Log.Clear();

        var reRegistered = new Tracked("suppressed then registered");
        GC.SuppressFinalize(reRegistered);
        GC.ReRegisterForFinalize(reRegistered);
        reRegistered = null;
        Collect();
        Show("re-registered");

        try { GC.SuppressFinalize(null); } catch (ArgumentNullException) { Console.WriteLine("SuppressFinalize(null): ArgumentNullException"); }
        try { GC.ReRegisterForFinalize(null); } catch (ArgumentNullException) { Console.WriteLine("ReRegisterForFinalize(null): ArgumentNullException"); }

        Console.WriteLine("kept: " + kept.Name);
        GC.SuppressFinalize(kept);
    }
}
