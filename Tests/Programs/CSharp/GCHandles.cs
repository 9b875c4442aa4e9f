// GC handles (System.Runtime.InteropServices.GCHandle): Normal, Weak, WeakTrackResurrection and
// Pinned handles to live objects; Target get/set, IsAllocated, ToIntPtr/FromIntPtr round trips,
// equality, Free and the exceptions of misuse; AddrOfPinnedObject of arrays, strings and a
// sequential class, read and written through Marshal; many handles surviving collections.
// Left out: handle values (implementation-defined) and weak handles to dead objects (whether a
// conservative stack scan keeps them is up to the runtime).
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
class Point { public int X; public int Y; public Point(int x, int y) { X = x; Y = y; } }

class Node { public int Value; public Node Next; }

class GCHandles
{
    static void Try(string what, Action a)
    {
        try { a(); Console.WriteLine(what + ": ok"); }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().FullName); }
    }

    static void Main()
    {
        var s = "payload";
        var h = GCHandle.Alloc(s);
        Console.WriteLine(h.IsAllocated);
        Console.WriteLine(object.ReferenceEquals(h.Target, s));
        IntPtr p = GCHandle.ToIntPtr(h);
        Console.WriteLine(p != IntPtr.Zero);
        var h2 = GCHandle.FromIntPtr(p);
        Console.WriteLine(h2 == h);
        Console.WriteLine(h2.Equals(h));
        Console.WriteLine((string)h2.Target);
        Console.WriteLine((IntPtr)h == p);
        h.Target = "other";
        Console.WriteLine((string)h2.Target);
        h.Target = null;
        Console.WriteLine(h2.Target == null);
        h.Free();
        Console.WriteLine(h.IsAllocated);
        Try("Free twice", () => { var t = h; t.Free(); });
        Try("Target of a freed handle", () => { var t = h; var o = t.Target; });
        Try("FromIntPtr(Zero)", () => GCHandle.FromIntPtr(IntPtr.Zero));
        var none = new GCHandle();
        Console.WriteLine(none.IsAllocated);
        Try("Target of default", () => { var o = none.Target; });

        var nullHandle = GCHandle.Alloc(null);
        Console.WriteLine(nullHandle.IsAllocated + " " + (nullHandle.Target == null));
        nullHandle.Free();

        // Weak handles to objects that stay reachable.
        var keep = new Node { Value = 42 };
        var weak = GCHandle.Alloc(keep, GCHandleType.Weak);
        var track = GCHandle.Alloc(keep, GCHandleType.WeakTrackResurrection);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine(object.ReferenceEquals(weak.Target, keep) + " " + object.ReferenceEquals(track.Target, keep));
        weak.Target = "replaced";
        Console.WriteLine(weak.Target);
        weak.Free();
        track.Free();
        GC.KeepAlive(keep);

        // Pinned handles: the address of the data.
        var numbers = new int[] { 10, 20, 30, 40 };
        var pin = GCHandle.Alloc(numbers, GCHandleType.Pinned);
        IntPtr a = pin.AddrOfPinnedObject();
        Console.WriteLine(Marshal.ReadInt32(a) + " " + Marshal.ReadInt32(a, 4) + " " + Marshal.ReadInt32(a, 12));
        Marshal.WriteInt32(a, 8, 333);
        Console.WriteLine(numbers[2]);
        Console.WriteLine(Marshal.UnsafeAddrOfPinnedArrayElement(numbers, 1) == a + 4);
        pin.Free();

        var longs = new long[] { -1, 1L << 40 };
        var pinLongs = GCHandle.Alloc(longs, GCHandleType.Pinned);
        Console.WriteLine(Marshal.ReadInt64(pinLongs.AddrOfPinnedObject(), 8));
        pinLongs.Free();

        var text = "Hi!";
        var pinText = GCHandle.Alloc(text, GCHandleType.Pinned);
        IntPtr t0 = pinText.AddrOfPinnedObject();
        Console.WriteLine((char)Marshal.ReadInt16(t0) + "" + (char)Marshal.ReadInt16(t0, 2) + (char)Marshal.ReadInt16(t0, 4) + " " + Marshal.ReadInt16(t0, 6));
        pinText.Free();

        var pt = new Point(7, -3);
        var pinPoint = GCHandle.Alloc(pt, GCHandleType.Pinned);
        IntPtr pp = pinPoint.AddrOfPinnedObject();
        Console.WriteLine(Marshal.ReadInt32(pp) + " " + Marshal.ReadInt32(pp, 4));
        Marshal.WriteInt32(pp, 4, 99);
        Console.WriteLine(pt.Y);
        pinPoint.Free();

        var pinNull = GCHandle.Alloc(null, GCHandleType.Pinned);
        Console.WriteLine(pinNull.AddrOfPinnedObject() == IntPtr.Zero);
        pinNull.Free();

        var normal = GCHandle.Alloc(numbers);
        Try("AddrOfPinnedObject of a normal handle", () => normal.AddrOfPinnedObject());
        normal.Free();

        var node = new Node();
        var pinNode = GCHandle.Alloc(node, GCHandleType.Pinned);
        Try("AddrOfPinnedObject of an auto-layout class", () => pinNode.AddrOfPinnedObject());
        pinNode.Free();

        // Many handles; their targets are reachable only through them.
        var handles = new GCHandle[5000];
        for (int i = 0; i < handles.Length; i++)
            handles[i] = GCHandle.Alloc(new Node { Value = i * 3, Next = new Node { Value = -i } });
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20000; i++) { var garbage = new int[16]; }
            GC.Collect();
        }
        long sum = 0;
        bool ok = true;
        for (int i = 0; i < handles.Length; i++) {
            var n = (Node)handles[i].Target;
            if (n.Value != i * 3 || n.Next.Value != -i) ok = false;
            sum += n.Value + n.Next.Value;
            if (i % 2 == 0) handles[i].Free();
        }
        Console.WriteLine(ok + " " + sum);
        for (int i = 0; i < 100; i++)
            handles[2 * i] = GCHandle.Alloc(i.ToString());
        GC.Collect();
        Console.WriteLine((string)handles[198].Target + " " + ((Node)handles[199].Target).Value);
        for (int i = 0; i < handles.Length; i++)
            if (handles[i].IsAllocated && (i % 2 == 1 || i < 200)) handles[i].Free();
        Console.WriteLine("done");
    }
}
