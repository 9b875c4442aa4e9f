// LINQ to Objects (System.Core): Where, Select, OrderBy, GroupBy, Sum, Count, Any, All,
// First, Distinct, Take/Skip, ToArray/ToList, Aggregate; query syntax and method syntax.
using System;
using System.Linq;
using System.Collections.Generic;

class Linq
{
    static void Main()
    {
        int[] nums = { 5, 3, 8, 1, 9, 2, 8, 3 };
        Console.WriteLine(string.Join(",", nums.Where(n => n > 2).Select(n => n * 10)));
        Console.WriteLine(string.Join(",", nums.OrderBy(n => n).Distinct()) + " " + nums.Sum() + " " + nums.Count(n => n % 2 == 0) + " " + nums.Max() + " " + nums.Min());
        Console.WriteLine(nums.Any(n => n > 8) + " " + nums.All(n => n > 0) + " " + nums.First(n => n > 5) + " " + nums.FirstOrDefault(n => n > 100));
        var groups = from n in nums group n by n % 3 into g orderby g.Key select g.Key + ":" + string.Join("/", g);
        Console.WriteLine(string.Join(" ", groups));
        List<string> words = new List<string> { "pear", "fig", "apple", "kiwi" };
        Console.WriteLine(string.Join(",", words.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)));
        Console.WriteLine(nums.Skip(2).Take(3).Aggregate(0, (acc, n) => acc * 10 + n) + " " + Enumerable.Range(1, 5).Select(i => i * i).Sum());
        var pairs = words.Select((w, i) => new { w, i }).Where(p => p.i % 2 == 0).Select(p => p.w.ToUpperInvariant());
        Console.WriteLine(string.Join(",", pairs.ToArray()) + " " + words.ToList().Count);
    }
}
