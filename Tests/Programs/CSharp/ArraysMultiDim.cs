// Multi-dimensional arrays: rank 2 and 3 of int, string and double; Get/Set/Address via the
// runtime-provided accessors; GetLength, Rank, Length; IndexOutOfRange on each dimension.
using System;

class ArraysMultiDim
{
    static void Main()
    {
        int[,] m = new int[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i, j] = i * 10 + j;
        m[2, 3] += 100;
        Console.WriteLine(m[0, 0] + " " + m[1, 2] + " " + m[2, 3] + " " + m.Length + " " + m.Rank + " " + m.GetLength(0) + " " + m.GetLength(1));
        string[,,] cube = new string[2, 2, 2];
        cube[1, 0, 1] = "x";
        Console.WriteLine(cube[1, 0, 1] + (cube[0, 0, 0] == null) + cube.Length + cube.Rank);
        double[,] d = { { 1.5, 2.5 }, { 3.5, 4.5 } };
        Console.WriteLine(BitConverter.DoubleToInt64Bits(d[1, 0]).ToString("X16"));
        long total = 0;
        foreach (int v in m) total += v;
        Console.WriteLine(total);
        try { m[3, 0] = 1; } catch (IndexOutOfRangeException e) { Console.WriteLine(e.GetType().FullName); }
        try { Console.WriteLine(m[0, -1]); } catch (IndexOutOfRangeException e) { Console.WriteLine(e.GetType().FullName); }
        int[,] copy = (int[,])m.Clone();
        copy[0, 0] = -1;
        Console.WriteLine(m[0, 0] + " " + copy[0, 0]);
        Array lb = Array.CreateInstance(typeof(int), new int[] { 2 }, new int[] { 5 });
        lb.SetValue(9, 6);
        Console.WriteLine(lb.GetLowerBound(0) + " " + lb.GetValue(6) + " " + lb.GetType().FullName);
    }
}
