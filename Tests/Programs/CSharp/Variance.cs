// Generic variance: IEnumerable<string> as IEnumerable<object> (covariant out T),
// Action<object> as Action<string> (contravariant in T), Func<string> as Func<object>,
// isinst/castclass with variant interfaces and delegates, and invariance of classes.
using System;
using System.Collections.Generic;

interface IProducer<out T> { T Make(); }
interface IConsumer<in T> { string Take(T t); }
class StrProducer : IProducer<string> { public string Make() { return "made"; } }
class ObjConsumer : IConsumer<object> { public string Take(object o) { return "took " + o; } }

class Variance
{
    static void Main()
    {
        IEnumerable<string> strs = new List<string> { "a", "b" };
        IEnumerable<object> objs = strs;
        foreach (object o in objs) Console.Write(o);
        Console.WriteLine();
        object p = new StrProducer();
        Console.WriteLine((p is IProducer<object>) + " " + (p is IProducer<string>) + " " + (p is IProducer<int>));
        IProducer<object> po = (IProducer<object>)p;
        Console.WriteLine(po.Make());
        object c = new ObjConsumer();
        Console.WriteLine((c is IConsumer<string>) + " " + ((IConsumer<string>)c).Take("s"));
        Func<string> fs = () => "f";
        Func<object> fo = fs;
        Action<object> ao = x => Console.WriteLine("act " + x);
        Action<string> ast = ao;
        ast("s");
        object fsObj = fs;
        Console.WriteLine(fo() + " " + (fsObj is Func<object>) + " " + (fsObj is Func<int>));
        object list = new List<string>();
        Console.WriteLine((list is List<object>) + " " + (list is IEnumerable<object>) + " " + (list is IList<object>));
        object ints = new List<int>();
        Console.WriteLine(ints is IEnumerable<object>);
    }
}
