// castclass and isinst: up/down casts in a hierarchy, interface casts, null (castclass of
// null succeeds, isinst gives null), failing casts throw InvalidCastException, `as`.
using System;

interface IFly { } class Animal { } class Bird : Animal, IFly { } class Penguin : Bird { } class Rock { }

class Casts
{
    static string Try(Func<object> f)
    {
        try { object r = f(); return r == null ? "null" : r.GetType().Name; }
        catch (InvalidCastException e) { return e.GetType().FullName; }
    }

    static void Main()
    {
        object b = new Bird(), p = new Penguin(), r = new Rock(), n = null;
        Console.WriteLine((b is Animal) + " " + (b is Penguin) + " " + (p is Bird) + " " + (p is IFly) + " " + (r is IFly) + " " + (n is object));
        Console.WriteLine(Try(() => (Animal)b) + " " + Try(() => (Penguin)b) + " " + Try(() => (IFly)p) + " " + Try(() => (IFly)r) + " " + Try(() => (Bird)n));
        Console.WriteLine(((b as Penguin) == null) + " " + ((p as Animal) != null) + " " + ((r as IFly) == null));
        object s = "str";
        Console.WriteLine(Try(() => (string)s) + " " + Try(() => (Exception)s) + " " + Try(() => (IComparable)s) + " " + Try(() => (ICloneable)(object)5));
        object arr = new Bird[1];
        Console.WriteLine(Try(() => (Animal[])arr) + " " + Try(() => (Penguin[])arr) + " " + Try(() => (IFly[])arr) + " " + Try(() => (Array)arr));
    }
}
