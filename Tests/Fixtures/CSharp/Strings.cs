// Strings: every C# escape, control characters, NUL, quotes, backslashes, tabs, unicode
// (BMP and surrogate pairs), verbatim strings, empty vs null, concatenation, comparisons
// (ordinal), Substring/IndexOf/Replace/Split/Trim, StringBuilder, char arithmetic.
// Non-ASCII and control characters are printed as code points so output does not depend
// on the console encoding.
using System;
using System.Text;

static class Program
{
    static string Codes(string s)
    {
        if (s == null) return "null";
        var sb = new StringBuilder();
        sb.Append(s.Length).Append(':');
        foreach (char c in s)
        {
            if (c >= 0x20 && c < 0x7f && c != '\\') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.ToString();
    }

    static int Main(string[] args)
    {
        string[] samples =
        {
            "plain",
            "",
            "tab\there",
            "line1\nline2\r\nline3",
            "quote\" apostrophe\' backslash\\ end",
            "nul\0inside",
            "bell\a back\b ff\f vt\v",
            "hex \x41\x4a\x7e \x7f",
            "unicode \u00e9\u00df\u4e2d\u0627",
            "surrogate \U0001F600 \ud83d\ude00",
            "lone high \ud800 lone low \udc00",
            "control \u0001\u001f\u0085\u2028\u2029",
            "bom \ufeff nonchar \uffff",
            @"verbatim ""quoted"" C:\path\file.txt",
            @"multi
line",
        };
        foreach (string s in samples) Console.WriteLine(Codes(s));
        string nul = null;
        Console.WriteLine(Codes(nul) + " concat-null='" + ("a" + nul + "b") + "' isnull=" + string.IsNullOrEmpty(nul));
        Console.WriteLine("empty==\"\" " + (string.Empty == "") + " ref " + ReferenceEquals(string.Empty, ""));

        string smile = "\U0001F600";
        Console.WriteLine("smile len " + smile.Length + " high " + char.IsHighSurrogate(smile[0]) + " cp " + char.ConvertToUtf32(smile, 0).ToString("X"));
        Console.WriteLine(Codes(char.ConvertFromUtf32(0x1F680)));
        byte[] utf8 = Encoding.UTF8.GetBytes("a\u00e9\u4e2d" + smile);
        Console.WriteLine("utf8 " + BitConverter.ToString(utf8));
        Console.WriteLine(Codes(Encoding.UTF8.GetString(utf8)));
        Console.WriteLine("utf16 " + BitConverter.ToString(Encoding.Unicode.GetBytes("A\u00e9")));

        string s1 = "Hello, World";
        Console.WriteLine(s1.Substring(7) + "|" + s1.Substring(0, 5) + "|" + s1.IndexOf('o') + "|" + s1.LastIndexOf("o", StringComparison.Ordinal) + "|" + s1.IndexOf("xyz", StringComparison.Ordinal));
        Console.WriteLine(s1.Replace("l", "L") + "|" + s1.ToUpperInvariant() + "|" + s1.ToLowerInvariant() + "|" + s1.Insert(5, "!!").Remove(0, 2));
        string[] parts = "a,b,,c".Split(',');
        Console.WriteLine(parts.Length + " [" + string.Join("][", parts) + "]");
        Console.WriteLine("[" + "  trim me \t\n".Trim() + "][" + "xxabcxx".Trim('x') + "][" + "abc".PadLeft(6, '.') + "][" + "abc".PadRight(5) + "]");
        Console.WriteLine(string.CompareOrdinal("a", "b") < 0 ? "a<b" : "a>=b");
        Console.WriteLine(string.CompareOrdinal("B", "a") < 0 ? "B<a ordinal" : "B>=a ordinal");
        Console.WriteLine("abc".Equals("ABC", StringComparison.OrdinalIgnoreCase) + " " + "abc".StartsWith("ab", StringComparison.Ordinal) + " " + "abc".EndsWith("bc", StringComparison.Ordinal) + " " + "abc".Contains("d"));
        Console.WriteLine(string.Concat("x", 1, 'c', true, null, 2L) + " " + string.Format("{0}-{1}-{0}", "p", 42));
        Console.WriteLine(string.Join("/", new[] { "u", "v", "w" }) + " " + new string('=', 5) + " " + new string(new[] { 'c', 'h' }));

        var sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.Append(i).Append(';');
        sb.Insert(0, "[").Append(']').Replace(";]", "]");
        sb[1] = 'Z';
        Console.WriteLine(sb.ToString() + " len " + sb.Length);
        sb.Length = 3;
        string cut = sb.ToString();
        Console.WriteLine(cut + " " + Codes(sb.Append('\t').Append("\u00e9").ToString()));

        char c = 'a';
        c++;
        c += (char)2;
        Console.WriteLine(c + " " + (int)c + " " + (char)(c + 1) + " " + char.IsLetter(c) + char.IsUpper(c) + " " + char.ToUpperInvariant(c) + " " + ('z' - 'a'));
        string interned = string.Intern(new string(new[] { 'p', 'l', 'a', 'i', 'n' }));
        Console.WriteLine("intern same as literal " + ReferenceEquals(interned, "plain"));
        string built = new StringBuilder("pl").Append("ain").ToString();
        Console.WriteLine("built == literal " + (built == "plain") + " same ref " + ReferenceEquals(built, "plain"));
        char[] chars = { 'x', '\0', 'y' };
        Console.WriteLine(Codes(new string(chars)) + " " + Codes("x\0y".Substring(1)));
        return 0;
    }
}
