// Strings: ldstr literals (empty, escapes, non-ASCII as UTF-16 code units), Length, indexer,
// concatenation of strings and values, String.Concat with null, char arithmetic on indexer.
using System;

class Strings
{
    static void Main()
    {
        string empty = "", s = "Hello, World", esc = "tab\tquote\"back\\nl";
        Console.WriteLine(empty.Length + " " + s.Length + " " + esc.Length + " " + s[0] + s[s.Length - 1]);
        string u = "\u00e9\u4e2d\U0001F600";
        Console.WriteLine(u.Length + " " + (int)u[0] + " " + (int)u[1] + " " + (int)u[2] + " " + (int)u[3]);
        string c = s + "!" + 42 + true + 'x' + null + 1.5f.GetType().Name;
        Console.WriteLine(c);
        Console.WriteLine(string.Concat("a", "b", "c", "d", "e") + string.Concat((string)null, "z"));
        int sum = 0;
        for (int i = 0; i < s.Length; i++) sum += s[i];
        Console.WriteLine(sum);
        string built = "";
        for (int i = 0; i < 10; i++) built += (char)('a' + i);
        Console.WriteLine(built + " " + built.Length);
        char[] chars = s.ToCharArray();
        Array.Reverse(chars);
        Console.WriteLine(new string(chars) + " " + new string('-', 5));
        Console.WriteLine("line1\nline2");
    }
}
