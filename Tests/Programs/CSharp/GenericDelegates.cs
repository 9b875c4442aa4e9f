// Generic delegates: Func<> and Action<> of several arities, a user generic delegate,
// delegates to generic methods (ldftn of a method instantiation), Predicate/Comparison with
// Array.FindAll and Array.Sort.
using System;

delegate TOut Transform<TIn, TOut>(TIn input);

class GenericDelegates
{
    static T Identity<T>(T v) { return v; }
    static string Show<T>(T v) { return "<" + v + ">"; }

    static void Main()
    {
        Func<int, int, int> add = (a, b) => a + b;
        Func<string> hello = () => "hello";
        Action<string, int> print = (s, n) => Console.WriteLine(s + n);
        print(hello(), add(2, 3));
        Transform<int, string> t = Show<int>;
        Transform<string, string> t2 = Show;
        Func<long, long> id = Identity<long>;
        Console.WriteLine(t(5) + t2("x") + id(1L << 50));
        int[] nums = { 5, 3, 8, 1, 9, 2 };
        int[] evens = Array.FindAll(nums, n => n % 2 == 0);
        Console.WriteLine(string.Join(",", Array.ConvertAll(evens, n => n.ToString())));
        Array.Sort(nums, (a, b) => b.CompareTo(a));
        Console.WriteLine(string.Join(",", Array.ConvertAll(nums, n => n.ToString())));
        Func<Func<int>, int> callTwice = f => f() + f();
        int k = 0;
        Console.WriteLine(callTwice(() => ++k) + " " + k);
        Action<int>[] acts = new Action<int>[3];
        for (int i = 0; i < 3; i++) { int j = i; acts[i] = x => Console.Write(x * j + " "); }
        foreach (var a in acts) a(10);
        Console.WriteLine();
    }
}
