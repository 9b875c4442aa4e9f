// Seed for the hostile-corpus test: generics (types and methods, constraints, variance),
// nested types, exception handlers of every kind, custom attributes with arguments, and an
// embedded resource (added by the test's mcs command line).
using System;
using System.Collections.Generic;

[assembly: System.Reflection.AssemblyTitle("hostile seed")]

namespace HostileSeed
{
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public sealed class NoteAttribute : Attribute
    {
        public NoteAttribute(string text, int level) { Text = text; Level = level; }
        public string Text { get; }
        public int Level { get; }
        public Type Related { get; set; }
        public int[] Codes;
    }

    public interface IProducer<out T> { T Produce(); }

    [Note("pair", 1, Related = typeof(Dictionary<string, List<int>>), Codes = new[] { 1, 2, 3 })]
    public class Pair<TKey, TValue> where TKey : IComparable<TKey>
    {
        public TKey Key;
        public TValue Value;

        public class Node
        {
            public Pair<TKey, TValue> Owner;
            public Node Next;

            public struct Cursor
            {
                public int Index;
                public Node At;
            }
        }

        public Pair(TKey key, TValue value) { Key = key; Value = value; }

        public TResult Map<TResult>(Func<TKey, TValue, TResult> f) => f(Key, Value);

        public static Pair<TKey, TOther> With<TOther>(TKey key, TOther other) => new Pair<TKey, TOther>(key, other);
    }

    public class Producer<T> : IProducer<T> where T : new()
    {
        public T Produce() => new T();
    }

    public static class Program
    {
        [Note("main", 2)]
        public static int Main(string[] args)
        {
            var pairs = new List<Pair<string, int[]>>();
            pairs.Add(new Pair<string, int[]>("a", new[] { 1, 2 }));
            var matrix = new double[2, 3];
            matrix[1, 2] = 4.5;
            int total = 0;
            foreach (var p in pairs) total += p.Map((k, v) => k.Length + v.Length);
            try
            {
                total += Divide(10, args.Length);
            }
            catch (DivideByZeroException e) when (e.Message.Length > 0)
            {
                total -= 1;
            }
            catch (Exception)
            {
                total -= 2;
            }
            finally
            {
                total *= 2;
            }
            using (var d = new Disposable()) total += d.Value;
            var node = new Pair<string, int>.Node.Cursor();
            total += node.Index;
            total += new Producer<List<string>>().Produce().Count;
            return total + (int)matrix[1, 2];
        }

        static int Divide(int a, int b)
        {
            checked { return a / b; }
        }

        sealed class Disposable : IDisposable
        {
            public int Value = 3;
            public void Dispose() { Value = 0; }
        }
    }
}
