// Main(string[] args) returning a non-zero int (expected exit code: 17), with a mix of small
// algorithms: sieve, recursion, insertion sort, a tiny stack-machine interpreter,
// Dictionary/List/Stack/Queue usage, StringBuilder, and `args` (empty when run by tests).
using System;
using System.Collections.Generic;
using System.Text;

static class Program
{
    static int Ackermann(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ackermann(m - 1, 1);
        return Ackermann(m - 1, Ackermann(m, n - 1));
    }

    static void InsertionSort(int[] a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            int v = a[i], j = i - 1;
            while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    static long Run(string program)
    {
        var stack = new Stack<long>();
        var vars = new Dictionary<string, long>();
        foreach (string tok in program.Split(' '))
        {
            long n;
            if (long.TryParse(tok, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out n)) { stack.Push(n); continue; }
            switch (tok)
            {
                case "+": stack.Push(stack.Pop() + stack.Pop()); break;
                case "*": stack.Push(stack.Pop() * stack.Pop()); break;
                case "-": { long b = stack.Pop(), a = stack.Pop(); stack.Push(a - b); break; }
                case "dup": stack.Push(stack.Peek()); break;
                case "swap": { long b = stack.Pop(), a = stack.Pop(); stack.Push(b); stack.Push(a); break; }
                default:
                    if (tok.StartsWith("!", StringComparison.Ordinal)) vars[tok.Substring(1)] = stack.Pop();
                    else if (tok.StartsWith("@", StringComparison.Ordinal)) stack.Push(vars[tok.Substring(1)]);
                    else throw new ArgumentException("bad token " + tok);
                    break;
            }
        }
        return stack.Pop();
    }

    static int Main(string[] args)
    {
        Console.WriteLine("args " + args.Length);
        bool[] composite = new bool[100];
        var primes = new List<int>();
        for (int i = 2; i < composite.Length; i++)
        {
            if (composite[i]) continue;
            primes.Add(i);
            for (int j = i * i; j < composite.Length; j += i) composite[j] = true;
        }
        Console.WriteLine(primes.Count + " primes, last " + primes[primes.Count - 1]);
        Console.WriteLine("ackermann(2,3)=" + Ackermann(2, 3));
        int[] data = { 9, -2, 7, 7, 0, 13, -8, 4 };
        InsertionSort(data);
        Console.WriteLine(string.Join(" ", data));
        Console.WriteLine("rpn " + Run("3 4 + dup * !x @x 1 - 2 swap -"));
        var q = new Queue<string>();
        foreach (string w in "the quick brown fox".Split(' ')) q.Enqueue(w);
        var sb = new StringBuilder();
        while (q.Count > 0) { string w = q.Dequeue(); sb.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1); }
        Console.WriteLine(sb);
        var counts = new Dictionary<char, int>();
        foreach (char c in "mississippi") { int n; counts.TryGetValue(c, out n); counts[c] = n + 1; }
        var keys = new List<char>(counts.Keys);
        keys.Sort();
        foreach (char k in keys) Console.Write(k + "=" + counts[k] + " ");
        Console.WriteLine();
        return 17;
    }
}
