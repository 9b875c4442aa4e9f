// Exceptions raised by the runtime itself: NullReferenceException (field, method, array,
// unbox, throw null), IndexOutOfRange, InvalidCast, Overflow, DivideByZero,
// ArrayTypeMismatch, and catching each by its exact type.
using System;

class Node { public int V; public int Get() { return V; } public virtual int VGet() { return V; } }

class RuntimeExceptions
{
    static Node nullNode = null;
    static object boxed = "s";
    static int zero = 0;
    static void Check(string what, Action a)
    {
        try { a(); Console.WriteLine(what + " no exception"); }
        catch (Exception e) { Console.WriteLine(what + " " + e.GetType().FullName); }
    }

    static void Main()
    {
        Check("ldfld", () => { int x = nullNode.V; });
        Check("stfld", () => { nullNode.V = 1; });
        Check("call", () => nullNode.Get());
        Check("callvirt", () => nullNode.VGet());
        Check("throw null", () => { throw null; });
        Check("ldlen", () => { int[] a = null; int l = a.Length; });
        Check("index", () => { int[] a = new int[1]; a[1] = 0; });
        Check("cast", () => { Node n = (Node)boxed; });
        Check("unbox", () => { int i = (int)boxed; });
        Check("overflow", () => { int x = int.MaxValue; x = checked(x + 1); });
        Check("div", () => { int x = 1 / zero; });
        Check("mismatch", () => { object[] a = new string[1]; a[0] = 1; });
        Check("delegate", () => { Action n = null; n(); });
        Check("string", () => { string s = null; int l = s.Length; });
    }
}
