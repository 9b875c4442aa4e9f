// unbox / unbox.any checks: wrong type (InvalidCastException, also int as long and int as
// uint), null (NullReferenceException), boxed enum as another enum or as its underlying type
// and boxed int as an enum (all allowed), castclass of boxed values to interfaces.
using System;

enum E1 { X = 1 }
enum E2 { Y = 1 }

class UnboxErrors
{
    static void Try(string name, Func<object> f)
    {
        try { Console.WriteLine(name + " = " + f()); }
        catch (Exception e) { Console.WriteLine(name + " -> " + e.GetType().FullName); }
    }

    static object boxedInt = 1, boxedNull = null, boxedE1 = E1.X, boxedString = "s", boxedLong = 1L;

    static void Main()
    {
        Try("int->long", () => (long)boxedInt);
        Try("long->int", () => (int)boxedLong);
        Try("null->int", () => (int)boxedNull);
        Try("string->int", () => (int)boxedString);
        Try("E1->E2", () => (int)(E2)boxedE1);
        Try("E1->int", () => (int)boxedE1);
        Try("int->E1", () => (E1)boxedInt);
        Try("int->uint", () => (uint)boxedInt);
        Try("null->string", () => (string)boxedNull ?? "null");
        Try("int->string", () => (string)boxedInt);
        Try("int->IComparable", () => ((IComparable)boxedInt).CompareTo(0));
        Try("int->IDisposable", () => (IDisposable)boxedInt);
    }
}
