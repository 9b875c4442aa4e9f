// Addresses of fields (ldflda, ldsflda) passed as ref: instance and static, in classes and
// structs, nested struct fields, and struct fields of array elements.
using System;

struct Inner { public int V; public long W; }
struct Outer { public Inner In; public int Tail; }

class Obj { public Inner In; public int Plain; public static Outer StaticOuter; public static int StaticInt; }

class FieldAddresses
{
    static void Add(ref int x, int n) { x += n; }
    static void AddL(ref long x, long n) { x += n; }
    static void SetInner(ref Inner i) { i.V = 100; i.W = 200; }

    static void Main()
    {
        Obj o = new Obj();
        Add(ref o.Plain, 5);
        Add(ref o.In.V, 6);
        AddL(ref o.In.W, 7);
        Add(ref Obj.StaticInt, 8);
        Add(ref Obj.StaticOuter.In.V, 9);
        Add(ref Obj.StaticOuter.Tail, 10);
        Console.WriteLine(o.Plain + " " + o.In.V + " " + o.In.W + " " + Obj.StaticInt + " " + Obj.StaticOuter.In.V + " " + Obj.StaticOuter.Tail);
        SetInner(ref Obj.StaticOuter.In);
        Console.WriteLine(Obj.StaticOuter.In.V + " " + Obj.StaticOuter.In.W);
        Outer[] arr = new Outer[3];
        Add(ref arr[1].In.V, 11);
        SetInner(ref arr[2].In);
        Add(ref arr[2].In.V, 1);
        Console.WriteLine(arr[0].In.V + " " + arr[1].In.V + " " + arr[2].In.V + " " + arr[2].In.W);
        Outer local = new Outer();
        Add(ref local.In.V, 12);
        Add(ref local.Tail, 13);
        Console.WriteLine(local.In.V + " " + local.Tail);
    }
}
