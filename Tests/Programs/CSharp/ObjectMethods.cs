// System.Object members: default ToString (type full name), GetType, ReferenceEquals,
// Equals defaults, MemberwiseClone (shallow copy), and ToString of arrays and generics.
using System;
using System.Collections.Generic;

namespace Sample.Ns
{
    class Thing : ICloneable
    {
        public int N; public int[] Arr = { 1, 2 };
        public object Clone() { return MemberwiseClone(); }
    }
    class Gen<T> { }

    class ObjectMethods
    {
        static void Main()
        {
            Thing t = new Thing { N = 5 };
            Console.WriteLine(t.ToString() + " " + t.GetType().Name + " " + t.GetType().Namespace);
            Thing c = (Thing)t.Clone();
            c.N = 6; c.Arr[0] = 99;
            Console.WriteLine(t.N + " " + c.N + " " + t.Arr[0] + " " + ReferenceEquals(t.Arr, c.Arr) + " " + ReferenceEquals(t, c));
            Console.WriteLine(t.Equals(t) + " " + t.Equals(c) + " " + object.Equals(null, null));
            Console.WriteLine(new int[0].ToString() + " " + new string[0, 0].GetType().FullName + " " + new Gen<int>().GetType().Name);
            Console.WriteLine(typeof(List<string>).Name + " " + typeof(int).FullName + " " + typeof(Thing).BaseType.FullName + " " + 5.GetType().BaseType.FullName);
            Console.WriteLine((t.GetType() == typeof(Thing)) + " " + (typeof(Thing).IsValueType) + " " + typeof(DayOfWeek).IsEnum);
        }
    }
}
