// Generic classes and methods, constraints (class, struct, new(), interface, base class,
// naked type parameter), nested generics, generic interfaces, covariance/contravariance,
// static fields per instantiation, default(T), generic virtual methods.
using System;
using System.Collections.Generic;

interface IProducer<out T> { T Produce(); }
interface IConsumer<in T> { void Consume(T value); }

class Animal { public virtual string Sound() { return "..."; } public override string ToString() { return GetType().Name; } }
class Dog : Animal { public override string Sound() { return "woof"; } }

class DogProducer : IProducer<Dog> { public Dog Produce() { return new Dog(); } }
class AnimalPrinter : IConsumer<Animal> { public void Consume(Animal a) { Console.WriteLine("consumed " + a + " " + a.Sound()); } }

class Box<T>
{
    public static int Instances;
    public T Value;
    public Box(T value) { Value = value; Instances++; }
    public Box<U> Map<U>(Func<T, U> f) { return new Box<U>(f(Value)); }
    public override string ToString() { return "Box<" + typeof(T).Name + ">(" + (Value == null ? "null" : Value.ToString()) + ")"; }

    public class Inner<U>
    {
        public T First; public U Second;
        public Inner(T t, U u) { First = t; Second = u; }
        public string Show() { return typeof(T).Name + "/" + typeof(U).Name + ":" + First + "," + Second; }
    }
}

class Pair<TKey, TValue> where TKey : IComparable<TKey>
{
    public TKey Key; public TValue Value;
    public Pair(TKey k, TValue v) { Key = k; Value = v; }
    public bool Less(Pair<TKey, TValue> other) { return Key.CompareTo(other.Key) < 0; }
}

class Factory<T> where T : class, new()
{
    public T Make() { return new T(); }
}

struct Cell<T> where T : struct
{
    public T Value;
    public bool HasValue;
    public override string ToString() { return HasValue ? "Cell(" + Value + ")" : "Cell()"; }
}

abstract class Visitor
{
    public abstract string Visit<T>(T value);
}

class NameVisitor : Visitor
{
    public override string Visit<T>(T value) { return typeof(T).Name + "=" + value; }
}

static class Util
{
    public static T Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? a : b; }
    public static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
    public static T Default<T>() { return default(T); }
    public static TBase Upcast<TDerived, TBase>(TDerived d) where TDerived : TBase { return d; }
    public static int CountIf<T>(T[] items, Predicate<T> p) { int n = 0; foreach (T t in items) if (p(t)) n++; return n; }
    public static string Describe<T>(T value) { return value is string ? "string" : value is ValueType ? "value" : "ref"; }
    public static List<List<T>> Chunks<T>(T[] items, int size)
    {
        var result = new List<List<T>>();
        for (int i = 0; i < items.Length; i += size)
        {
            var chunk = new List<T>();
            for (int j = i; j < i + size && j < items.Length; j++) chunk.Add(items[j]);
            result.Add(chunk);
        }
        return result;
    }
}

static class Program
{
    static int Main(string[] args)
    {
        var bi = new Box<int>(42);
        var bs = bi.Map(x => "n" + x);
        var bd = bs.Map(s => s.Length * 3L);
        Console.WriteLine(bi + " " + bs + " " + bd);
        new Box<int>(1);
        Console.WriteLine("instances int=" + Box<int>.Instances + " string=" + Box<string>.Instances + " long=" + Box<long>.Instances + " double=" + Box<double>.Instances);
        var inner = new Box<string>.Inner<int>("a", 7);
        Console.WriteLine(inner.Show());
        Console.WriteLine(typeof(Box<string>.Inner<int>).Name + " generic args " + typeof(Box<string>.Inner<int>).GetGenericArguments().Length);

        Console.WriteLine(Util.Max(3, 9) + " " + Util.Max("pear", "apple") + " " + Util.Max(-5L, -7L));
        int a = 1, b = 2;
        Util.Swap(ref a, ref b);
        string s1 = "x", s2 = "y";
        Util.Swap(ref s1, ref s2);
        Console.WriteLine("swapped " + a + b + s1 + s2);
        Console.WriteLine("defaults " + Util.Default<int>() + " " + (Util.Default<string>() == null) + " " + Util.Default<Cell<int>>() + " " + Util.Default<bool>());
        Animal up = Util.Upcast<Dog, Animal>(new Dog());
        Console.WriteLine("upcast " + up + " " + up.Sound());
        Console.WriteLine("count even " + Util.CountIf(new[] { 1, 2, 3, 4, 6 }, x => x % 2 == 0));
        Console.WriteLine(Util.Describe(1) + " " + Util.Describe("s") + " " + Util.Describe(new object()));

        var p1 = new Pair<string, int>("b", 1);
        var p2 = new Pair<string, int>("a", 2);
        Console.WriteLine("less " + p1.Less(p2) + " " + p2.Less(p1));
        Console.WriteLine("factory " + new Factory<Dog>().Make().Sound() + " " + new Factory<List<int>>().Make().Count);
        var cell = new Cell<short> { Value = -3, HasValue = true };
        Console.WriteLine(cell + " " + new Cell<char>());

        IProducer<Animal> producer = new DogProducer();
        Console.WriteLine("covariant " + producer.Produce().Sound());
        IConsumer<Dog> consumer = new AnimalPrinter();
        consumer.Consume(new Dog());
        IEnumerable<object> objs = new List<string> { "s1", "s2" };
        foreach (object o in objs) Console.Write(o + ";");
        Console.WriteLine();
        Func<Animal> fa = new Func<Dog>(() => new Dog());
        Console.WriteLine("func variance " + fa());

        Visitor v = new NameVisitor();
        Console.WriteLine(v.Visit(5) + " " + v.Visit("str") + " " + v.Visit<long>(6) + " " + v.Visit(new Box<byte>(3)));

        var nested = new Dictionary<string, List<Box<int>>>();
        nested["a"] = new List<Box<int>> { new Box<int>(1), new Box<int>(2) };
        nested["b"] = new List<Box<int>>();
        foreach (var kv in nested) Console.WriteLine(kv.Key + " -> " + kv.Value.Count);
        var chunks = Util.Chunks(new[] { 'a', 'b', 'c', 'd', 'e' }, 2);
        foreach (var ch in chunks) Console.WriteLine("chunk " + new string(ch.ToArray()));
        Console.WriteLine(typeof(Dictionary<,>).GetGenericArguments().Length + " " + typeof(List<int>).IsGenericType + " " + typeof(List<>).IsGenericTypeDefinition);
        return 0;
    }
}
