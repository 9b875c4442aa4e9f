// System.Array helpers and array interfaces: Array.Sort, Reverse, IndexOf, BinarySearch,
// Resize, Clear, Copy with overlap, Buffer.BlockCopy, int[] as IList<int>/ICollection<int>/
// IEnumerable<int>, and IList<T> write-through.
using System;
using System.Collections.Generic;

class ArrayMethods
{
    static void Main()
    {
        int[] a = { 5, 3, 9, 1, 7, 3 };
        Array.Sort(a);
        Console.WriteLine(string.Join(",", a) + " " + Array.IndexOf(a, 7) + " " + Array.BinarySearch(a, 9) + " " + Array.IndexOf(a, 42));
        Array.Reverse(a);
        Console.WriteLine(string.Join(",", a));
        Array.Resize(ref a, 8);
        Console.WriteLine(a.Length + " " + a[7]);
        Array.Clear(a, 0, 2);
        Console.WriteLine(string.Join(",", a));
        int[] b = { 1, 2, 3, 4, 5, 6 };
        Array.Copy(b, 0, b, 2, 4);
        Console.WriteLine(string.Join(",", b));
        byte[] bytes = new byte[8];
        Buffer.BlockCopy(new int[] { 0x04030201, -1 }, 0, bytes, 0, 8);
        Console.WriteLine(string.Join(",", bytes));
        IList<int> list = b;
        list[0] = 100;
        ICollection<int> col = b;
        IEnumerable<int> en = b;
        int sum = 0;
        foreach (int x in en) sum += x;
        Console.WriteLine(b[0] + " " + col.Count + " " + list.Contains(4) + " " + list.IndexOf(3) + " " + sum + " " + col.IsReadOnly);
        try { list.Add(1); } catch (NotSupportedException e) { Console.WriteLine(e.GetType().FullName); }
        string[] s = { "pear", "apple", "fig" };
        Array.Sort(s, StringComparer.Ordinal);
        Console.WriteLine(string.Join(",", s));
    }
}
