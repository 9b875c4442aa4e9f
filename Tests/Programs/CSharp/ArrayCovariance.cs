// Array covariance: string[] seen as object[]; storing a wrong type throws
// ArrayTypeMismatchException (stelem.ref's check); storing null and the right type works;
// castclass/isinst between array types; value-type arrays are not covariant.
using System;

class Animal { } class Dog : Animal { } class Cat : Animal { }

class ArrayCovariance
{
    static void Store(object[] arr, object v)
    {
        try { arr[0] = v; Console.WriteLine("stored " + (v == null ? "null" : v.GetType().Name)); }
        catch (ArrayTypeMismatchException e) { Console.WriteLine(e.GetType().FullName); }
    }

    static void Main()
    {
        object[] strings = new string[1];
        Store(strings, "ok");
        Store(strings, 1);
        Store(strings, null);
        Animal[] dogs = new Dog[2];
        Store(dogs, new Dog());
        Store(dogs, new Cat());
        Store(dogs, new Animal());
        object o = new Dog[0];
        Console.WriteLine((o is Animal[]) + " " + (o is object[]) + " " + (o is Cat[]) + " " + (o is Dog[]));
        object ints = new int[1];
        Console.WriteLine((ints is object[]) + " " + (ints is int[]) + " " + (ints is uint[]) + " " + (ints is long[]));
        try { object[] bad = (object[])ints; Console.WriteLine(bad.Length); }
        catch (InvalidCastException e) { Console.WriteLine(e.GetType().FullName); }
        object[] real = new object[1];
        Store(real, 5);
        Console.WriteLine(real[0]);
    }
}
