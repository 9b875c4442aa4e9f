// Operator overloading: arithmetic, unary, comparison, equality with Equals/GetHashCode
// (hash values are never printed), true/false operators with && and ||, implicit and explicit
// conversions, ++/--, compound assignment, shifts, operators on generic-free structs and classes.
using System;

struct Money : IEquatable<Money>, IComparable<Money>
{
    public readonly long Cents;
    public Money(long cents) { Cents = cents; }
    public static Money operator +(Money a, Money b) { return new Money(a.Cents + b.Cents); }
    public static Money operator -(Money a, Money b) { return new Money(a.Cents - b.Cents); }
    public static Money operator -(Money a) { return new Money(-a.Cents); }
    public static Money operator +(Money a) { return a; }
    public static Money operator *(Money a, int k) { return new Money(a.Cents * k); }
    public static Money operator *(int k, Money a) { return new Money(a.Cents * k * 1); }
    public static Money operator /(Money a, int k) { return new Money(a.Cents / k); }
    public static Money operator %(Money a, int k) { return new Money(a.Cents % k); }
    public static Money operator ++(Money a) { return new Money(a.Cents + 1); }
    public static Money operator --(Money a) { return new Money(a.Cents - 1); }
    public static bool operator ==(Money a, Money b) { return a.Cents == b.Cents; }
    public static bool operator !=(Money a, Money b) { return !(a == b); }
    public static bool operator <(Money a, Money b) { return a.Cents < b.Cents; }
    public static bool operator >(Money a, Money b) { return a.Cents > b.Cents; }
    public static bool operator <=(Money a, Money b) { return a.Cents <= b.Cents; }
    public static bool operator >=(Money a, Money b) { return a.Cents >= b.Cents; }
    public static implicit operator Money(int whole) { return new Money(whole * 100L); }
    public static explicit operator long(Money m) { return m.Cents / 100; }
    public static explicit operator Money(string s) { return new Money(long.Parse(s)); }
    public bool Equals(Money o) { return Cents == o.Cents; }
    public override bool Equals(object o) { return o is Money && Equals((Money)o); }
    public override int GetHashCode() { return Cents.GetHashCode(); }
    public int CompareTo(Money o) { return Cents.CompareTo(o.Cents); }
    public override string ToString() { return (Cents < 0 ? "-" : "") + "$" + Math.Abs(Cents / 100) + "." + Math.Abs(Cents % 100).ToString("00"); }
}

class Tri
{
    readonly int state; // -1 false, 0 unknown, 1 true
    public static int Evaluations;
    Tri(int s) { state = s; }
    public static readonly Tri True = new Tri(1), False = new Tri(-1), Unknown = new Tri(0);
    public static bool operator true(Tri t) { Evaluations++; return t.state > 0; }
    public static bool operator false(Tri t) { Evaluations++; return t.state < 0; }
    public static Tri operator &(Tri a, Tri b) { return new Tri(Math.Min(a.state, b.state)); }
    public static Tri operator |(Tri a, Tri b) { return new Tri(Math.Max(a.state, b.state)); }
    public static Tri operator !(Tri a) { return new Tri(-a.state); }
    public override string ToString() { return state > 0 ? "T" : state < 0 ? "F" : "?"; }
}

class Bits
{
    public readonly uint V;
    public Bits(uint v) { V = v; }
    public static Bits operator <<(Bits b, int n) { return new Bits(b.V << n); }
    public static Bits operator >>(Bits b, int n) { return new Bits(b.V >> n); }
    public static Bits operator ~(Bits b) { return new Bits(~b.V); }
    public static Bits operator &(Bits a, Bits b) { return new Bits(a.V & b.V); }
    public static Bits operator |(Bits a, Bits b) { return new Bits(a.V | b.V); }
    public static Bits operator ^(Bits a, Bits b) { return new Bits(a.V ^ b.V); }
    public static bool operator ==(Bits a, Bits b)
    {
        if (ReferenceEquals(a, b)) return true;
        if ((object)a == null || (object)b == null) return false;
        return a.V == b.V;
    }
    public static bool operator !=(Bits a, Bits b) { return !(a == b); }
    public override bool Equals(object o) { return this == (o as Bits); }
    public override int GetHashCode() { return (int)V; }
    public override string ToString() { return "0x" + V.ToString("X8"); }
}

static class Program
{
    static int Main(string[] args)
    {
        Money a = new Money(1050), b = 3;
        Console.WriteLine(a + b + " " + (a - b) + " " + (-a) + " " + (+b) + " " + a * 3 + " " + 2 * a + " " + a / 4 + " " + a % 7);
        Console.WriteLine((a == b) + " " + (a != b) + " " + (a < b) + " " + (a > b) + " " + (a <= new Money(1050)) + " " + (a >= b));
        Money c = a;
        c++; c++; c--;
        c += 1;
        c -= new Money(1);
        c *= 2;
        Console.WriteLine(c + " " + (long)c + " " + (Money)"-250" + " " + a.Equals((object)new Money(1050)) + " " + a.Equals("x") + " " + a.CompareTo(b));
        Money[] ms = { 5, new Money(-1), 0, new Money(499) };
        Array.Sort(ms);
        Console.WriteLine(string.Join(" ", Array.ConvertAll(ms, m => m.ToString())));
        Console.WriteLine("equal hashes for equal values: " + (new Money(77).GetHashCode() == new Money(77).GetHashCode()));

        Tri[] tris = { Tri.True, Tri.False, Tri.Unknown };
        foreach (Tri x in tris)
            foreach (Tri y in tris)
            {
                Tri.Evaluations = 0;
                Tri and = x && y, or = x || y;
                Console.Write(x + "&&" + y + "=" + and + " " + x + "||" + y + "=" + or + " (" + Tri.Evaluations + ") ");
            }
        Console.WriteLine();
        Console.WriteLine("not " + !Tri.True + !Tri.Unknown);
        if (Tri.True) Console.WriteLine("if(Tri.True) taken");
        if (Tri.Unknown) Console.WriteLine("unexpected"); else Console.WriteLine("if(Tri.Unknown) not taken");

        Bits p = new Bits(0xF0F0), q = new Bits(0x0FF0);
        Console.WriteLine((p << 4) + " " + (p >> 4) + " " + ~p + " " + (p & q) + " " + (p | q) + " " + (p ^ q));
        Bits n = null;
        Console.WriteLine((p == new Bits(0xF0F0)) + " " + (p == q) + " " + (n == null) + " " + (p == n) + " " + (p != null) + " " + p.Equals(new Bits(0xF0F0)));
        p <<= 8;
        p ^= q;
        Console.WriteLine(p);
        return 0;
    }
}
