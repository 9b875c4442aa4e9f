// Jagged arrays: arrays of arrays of different lengths, triangular fill, nested ldelem.ref,
// arrays of arrays of structs, and replacing a row.
using System;

class ArraysJagged
{
    static void Main()
    {
        int[][] tri = new int[6][];
        for (int i = 0; i < tri.Length; i++)
        {
            tri[i] = new int[i + 1];
            tri[i][0] = tri[i][i] = 1;
            for (int j = 1; j < i; j++) tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j];
        }
        foreach (int[] row in tri) Console.WriteLine(string.Join(" ", Array.ConvertAll(row, x => x.ToString())));
        string[][] words = { new[] { "a", "b" }, new string[0], new[] { "c" } };
        int count = 0;
        foreach (var r in words) count += r.Length;
        Console.WriteLine(count + " " + words[2][0]);
        tri[0] = new int[] { 7, 8, 9 };
        Console.WriteLine(tri[0].Length + " " + tri[0][2]);
        long[][][] deep = new long[2][][];
        deep[1] = new long[3][];
        deep[1][2] = new long[] { 5, 6 };
        Console.WriteLine(deep[1][2][1] + " " + (deep[0] == null) + " " + (deep[1][0] == null));
    }
}
