// WeakReference and WeakReference<T>: targets that stay reachable (IsAlive, Target,
// TryGetTarget, SetTarget, TrackResurrection, null targets) and targets that die: an object
// allocated in a separate method and referenced only weakly is gone after
// GC.Collect + WaitForPendingFinalizers (deterministic on Mono 6.8: 20 runs agree).
// A short weak reference to a finalizable object is cleared when it becomes unreachable, before
// its finalizer runs; a long one (trackResurrection) follows the resurrected object.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

class Box { public int V; public Box(int v) { V = v; } }

class Phoenix
{
    public static Phoenix Saved;
    public static WeakReference ShortRef, LongRef;
    public int Id;
    ~Phoenix()
    {
        Console.WriteLine("finalizer: short " + (ShortRef.Target == null) + ", long " + (LongRef.Target == this));
        Saved = this;
    }
}

class WeakReferences
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference MakeWeak() { return new WeakReference(new Box(5)); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference<Box> MakeWeakT() { return new WeakReference<Box>(new Box(6)); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static List<WeakReference> MakeMany(List<Box> keep)
    {
        var list = new List<WeakReference>();
        for (int i = 0; i < 100; i++) {
            var b = new Box(i);
            if (i % 10 == 0) keep.Add(b);
            list.Add(new WeakReference(b));
        }
        return list;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakePhoenix()
    {
        var p = new Phoenix { Id = 77 };
        Phoenix.ShortRef = new WeakReference(p);
        Phoenix.LongRef = new WeakReference(p, true);
    }

    // Overwrites the stack below the caller with other values, so no stale copy of a dead
    // reference stays where a conservative scan would find it.
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

    static void Main()
    {
        var live = new Box(1);
        var w = new WeakReference(live);
        Console.WriteLine(w.IsAlive + " " + ((Box)w.Target).V + " " + w.TrackResurrection);
        var longRef = new WeakReference(live, true);
        Console.WriteLine(longRef.TrackResurrection + " " + (longRef.Target == live));
        var wt = new WeakReference<Box>(live);
        Box b;
        Console.WriteLine(wt.TryGetTarget(out b) + " " + b.V);
        Collect();
        Console.WriteLine(w.IsAlive + " " + (w.Target == live) + " " + wt.TryGetTarget(out b) + " " + (b == live));
        var other = new Box(2);
        w.Target = other;
        wt.SetTarget(other);
        Console.WriteLine(((Box)w.Target).V + " " + wt.TryGetTarget(out b) + " " + b.V);
        w.Target = null;
        Console.WriteLine(w.IsAlive + " " + (w.Target == null));
        var empty = new WeakReference(null);
        Console.WriteLine(empty.IsAlive);
        var emptyT = new WeakReference<Box>(null);
        Console.WriteLine(emptyT.TryGetTarget(out b) + " " + (b == null));
        GC.KeepAlive(live);
        GC.KeepAlive(other);

        // Targets that die.
        var dead = MakeWeak();
        var deadT = MakeWeakT();
        Collect();
        Console.WriteLine(dead.IsAlive + " " + (dead.Target == null) + " " + deadT.TryGetTarget(out b) + " " + (b == null));

        var keep = new List<Box>();
        var many = MakeMany(keep);
        Collect();
        int alive = 0;
        bool keptAlive = true;
        for (int i = 0; i < many.Count; i++) {
            var t = many[i].Target as Box;
            if (t != null) alive++;
            if (i % 10 == 0 && t != keep[i / 10]) keptAlive = false;
        }
        // Exactly 10 on cilbox; a conservative scan may keep one more (Mono keeps the last one).
        Console.WriteLine(keptAlive + " " + (alive <= 11));
        GC.KeepAlive(keep);

        // Short and long weak references to a finalizable object.
        MakePhoenix();
        Collect();
        Console.WriteLine("after: short " + (Phoenix.ShortRef.Target == null) + ", long " + (Phoenix.LongRef.Target == Phoenix.Saved) + ", id " + Phoenix.Saved.Id);
        Phoenix.Saved = null;
        Collect();
        Console.WriteLine("resurrected object dropped: long " + (Phoenix.LongRef.Target == null));
    }
}
