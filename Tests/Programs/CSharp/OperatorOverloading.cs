// User-defined operators (op_Addition etc.), equality operators, implicit/explicit
// conversions, true/false operators and compound assignment on a struct.
using System;

struct Frac
{
    public readonly long N, D;
    public Frac(long n, long d) { long g = Gcd(Math.Abs(n), Math.Abs(d)); if (d < 0) { n = -n; d = -d; } N = n / g; D = d / g; }
    static long Gcd(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a == 0 ? 1 : a; }
    public static Frac operator +(Frac a, Frac b) { return new Frac(a.N * b.D + b.N * a.D, a.D * b.D); }
    public static Frac operator -(Frac a) { return new Frac(-a.N, a.D); }
    public static Frac operator *(Frac a, Frac b) { return new Frac(a.N * b.N, a.D * b.D); }
    public static bool operator ==(Frac a, Frac b) { return a.N == b.N && a.D == b.D; }
    public static bool operator !=(Frac a, Frac b) { return !(a == b); }
    public static implicit operator Frac(long n) { return new Frac(n, 1); }
    public static explicit operator long(Frac f) { return f.N / f.D; }
    public static bool operator true(Frac f) { return f.N != 0; }
    public static bool operator false(Frac f) { return f.N == 0; }
    public override bool Equals(object o) { return o is Frac && (Frac)o == this; }
    public override int GetHashCode() { return 0; }
    public override string ToString() { return N + "/" + D; }
}

class OperatorOverloading
{
    static void Main()
    {
        Frac a = new Frac(1, 2), b = new Frac(1, 3);
        Frac c = a + b;
        Console.WriteLine(c + " " + (a * b) + " " + (-a) + " " + (a + 2) + " " + (long)new Frac(7, 2));
        c += a;
        Console.WriteLine(c + " " + (c == new Frac(8, 6)) + " " + (c != a) + " " + c.Equals(new Frac(4, 3)));
        Frac zero = 0;
        if (zero) Console.WriteLine("zero true"); else Console.WriteLine("zero false");
        if (a) Console.WriteLine("a true");
        Console.WriteLine(new Frac(6, -4));
    }
}
