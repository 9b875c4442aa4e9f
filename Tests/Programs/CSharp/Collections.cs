// BCL generic collections: List<T> (add, insert, remove, sort, contains), Dictionary<K,V>
// with string and int keys (lookups, TryGetValue, ordered printing of sorted keys),
// HashSet<T>, Queue<T>, Stack<T>.
using System;
using System.Collections.Generic;

class Collections
{
    static void Main()
    {
        List<int> list = new List<int>();
        for (int i = 10; i > 0; i--) list.Add(i * 3 % 7);
        list.Insert(0, 100);
        list.Remove(3);
        list.RemoveAt(list.Count - 1);
        list.Sort();
        Console.WriteLine(string.Join(",", list) + " " + list.Count + " " + list.Contains(100) + " " + list.IndexOf(5));
        Dictionary<string, int> d = new Dictionary<string, int>();
        foreach (string w in "the cat and the dog and the bird".Split(' ')) { int c; d.TryGetValue(w, out c); d[w] = c + 1; }
        List<string> keys = new List<string>(d.Keys);
        keys.Sort(string.CompareOrdinal);
        foreach (string k in keys) Console.Write(k + "=" + d[k] + " ");
        Console.WriteLine(d.ContainsKey("cat") + " " + d.ContainsKey("cow"));
        Dictionary<int, string> byInt = new Dictionary<int, string>();
        for (int i = 0; i < 100; i++) byInt[i * 7] = "v" + i;
        Console.WriteLine(byInt.Count + " " + byInt[693] + " " + byInt.Remove(0) + " " + byInt.Count);
        HashSet<int> set = new HashSet<int> { 1, 2, 3, 2, 1 };
        Console.WriteLine(set.Count + " " + set.Contains(2) + " " + set.Add(3) + " " + set.Add(4));
        Queue<string> q = new Queue<string>(); q.Enqueue("a"); q.Enqueue("b");
        Stack<string> s = new Stack<string>(); s.Push("a"); s.Push("b");
        Console.WriteLine(q.Dequeue() + s.Pop() + q.Count + s.Count);
        try { string x = byInt[-1]; } catch (KeyNotFoundException e) { Console.WriteLine(e.GetType().FullName); }
    }
}
