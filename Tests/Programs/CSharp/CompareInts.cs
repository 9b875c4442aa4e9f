// ceq/cgt/clt (signed and .un) on int32, int64, uint32, uint64 as bool values and branches.
using System;

class CompareInts
{
    static string C(bool b) { return b ? "1" : "0"; }

    static void Main()
    {
        int[] i = { int.MinValue, -1, 0, 1, int.MaxValue };
        foreach (int a in i)
            foreach (int b in i)
            {
                uint ua = (uint)a, ub = (uint)b;
                long la = a * 3L, lb = b * 3L;
                ulong ula = (ulong)la, ulb = (ulong)lb;
                Console.WriteLine(a + " " + b + " " + C(a == b) + C(a != b) + C(a < b) + C(a > b) + C(a <= b) + C(a >= b)
                    + " " + C(ua < ub) + C(ua > ub) + C(ua <= ub) + C(ua >= ub)
                    + " " + C(la < lb) + C(la > lb) + C(la == lb)
                    + " " + C(ula < ulb) + C(ula > ulb) + C(ula >= ulb));
            }
        object o = null, p = new object();
        Console.WriteLine(C(o == null) + C(p == null) + C(o != p) + C(p == p));
        bool t = true, f = false;
        Console.WriteLine(C(t == f) + C(t != f) + C(t & f) + C(t | f) + C(t ^ f) + C(!t));
    }
}
