// System.Text.StringBuilder: Append of strings, chars, ints, AppendLine-free building,
// Insert, Remove, Replace, indexer set, Length truncation, capacity growth.
using System;
using System.Text;

class StringBuilderUse
{
    static void Main()
    {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) sb.Append(i).Append(',');
        sb.Length -= 1;
        Console.WriteLine(sb.Length + " " + sb.ToString().Substring(0, 20));
        sb.Clear();
        sb.Append("hello").Append(' ').Append("world").Append(true).Append('!').Append(-12L);
        sb.Insert(0, ">> ");
        sb.Replace("world", "there");
        sb[3] = 'H';
        sb.Remove(sb.Length - 3, 3);
        Console.WriteLine(sb.ToString());
        StringBuilder big = new StringBuilder(4);
        for (int i = 0; i < 1000; i++) big.Append((char)('a' + i % 26));
        Console.WriteLine(big.Length + " " + big[999] + " " + big.ToString(500, 10));
    }
}
