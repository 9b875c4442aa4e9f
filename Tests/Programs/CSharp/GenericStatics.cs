// Static fields and static constructors of generic types: one copy per instantiation
// (reference-type instantiations share code but not statics), static ctor per instantiation.
using System;

class Counter<T>
{
    public static int Count;
    public static string Created;
    static Counter() { Created = "cctor<" + typeof(T).Name + ">"; Console.WriteLine(Created); }
    public static void Hit() { Count++; }
}

class Cache<T> { public static T Value; }

class GenericStatics
{
    static void Main()
    {
        Counter<int>.Hit(); Counter<int>.Hit();
        Counter<string>.Hit();
        Counter<object>.Hit(); Counter<object>.Hit(); Counter<object>.Hit();
        Counter<long>.Hit();
        Console.WriteLine(Counter<int>.Count + " " + Counter<string>.Count + " " + Counter<object>.Count + " " + Counter<long>.Count + " " + Counter<byte>.Count);
        Cache<int>.Value = 5; Cache<string>.Value = "s"; Cache<object>.Value = 1.5;
        Console.WriteLine(Cache<int>.Value + " " + Cache<string>.Value + " " + Cache<object>.Value.GetType().Name + " " + Cache<long>.Value + " " + (Cache<Exception>.Value == null));
    }
}
