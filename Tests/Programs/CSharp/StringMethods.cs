// Common ordinal String methods: Substring, IndexOf, LastIndexOf, Replace, Split, Join,
// Trim, StartsWith/EndsWith (ordinal), ToUpperInvariant, PadLeft, Contains, Insert, Remove.
using System;

class StringMethods
{
    static void Main()
    {
        string s = "  the quick brown fox  ";
        string t = s.Trim();
        Console.WriteLine("[" + t + "] [" + s.TrimStart() + "] [" + s.TrimEnd() + "]");
        Console.WriteLine(t.Substring(4) + "|" + t.Substring(4, 5) + "|" + t.IndexOf('q') + " " + t.IndexOf("fox", StringComparison.Ordinal) + " " + t.LastIndexOf('o') + " " + t.IndexOf('z'));
        Console.WriteLine(t.Replace("quick", "slow") + "|" + t.Replace('o', '0'));
        string[] parts = t.Split(' ');
        Console.WriteLine(parts.Length + " " + string.Join("+", parts));
        Console.WriteLine(t.StartsWith("the", StringComparison.Ordinal) + " " + t.EndsWith("fox", StringComparison.Ordinal) + " " + t.Contains("brown"));
        Console.WriteLine(t.ToUpperInvariant() + " " + "MiXeD".ToLowerInvariant());
        Console.WriteLine("7".PadLeft(3, '0') + " " + "ab".PadRight(4, '.') + "|");
        Console.WriteLine(t.Insert(3, "!!!") + " " + t.Remove(3, 6));
        Console.WriteLine(string.Join(",", "a,b,,c".Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine("abc".CompareTo("abd") + " " + string.Concat(new[] { "x", "y", "z" }));
    }
}
