// Array index checks: IndexOutOfRangeException for -1, Length, int.MaxValue, with long and
// uint indices; negative sizes in newarr throw OverflowException; null arrays throw
// NullReferenceException on ldlen/ldelem.
using System;

class ArrayBounds
{
    static void Try(string name, Func<object> f)
    {
        try { Console.WriteLine(name + " = " + f()); }
        catch (Exception e) { Console.WriteLine(name + " -> " + e.GetType().FullName); }
    }

    static int[] arr = { 1, 2, 3 };
    static int[] nullArr = null;
    static int minus = -1, three = 3, big = int.MaxValue;

    static void Main()
    {
        Try("arr[-1]", () => arr[minus]);
        Try("arr[3]", () => arr[three]);
        Try("arr[2]", () => arr[three - 1]);
        Try("arr[max]", () => arr[big]);
        Try("arr[3L]", () => arr[(long)three]);
        Try("arr[2u]", () => arr[(uint)2]);
        Try("arr[-1L]", () => arr[(long)minus]);
        Try("store[3]", () => { arr[three] = 0; return "stored"; });
        Try("new[-1]", () => new int[minus]);
        Try("new[0]", () => new int[0].Length);
        Try("null.Length", () => nullArr.Length);
        Try("null[0]", () => nullArr[0]);
        Try("string[5]", () => "abc"[three + 2]);
        Try("bytes[-1]", () => new byte[4][minus]);
    }
}
