// Integer arithmetic and conversions for every primitive integer type: unchecked
// wrap-around, checked overflow (OverflowException), division/remainder edge cases,
// shifts (count masking, arithmetic vs logical), bitwise ops, narrowing/widening between all
// integer types, checked/unchecked conversions from floating point (unchecked only where
// the value is in range: out-of-range float->int is implementation-defined), and integer
// to floating conversions (printed as bits). Values come from arrays so nothing is folded.
using System;

static class Program
{
    static readonly long[] Sources = {
        0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, -32768, -32769, 65535, 65536,
        int.MaxValue, int.MinValue, (long)int.MaxValue + 1, uint.MaxValue, (long)uint.MaxValue + 1,
        long.MaxValue, long.MinValue };

    static readonly double[] Reals = {
        0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 127.9, 128.0, -128.99, -129.0, 255.5, 256.0,
        32767.9, -32768.9, 65535.9, 2147483647.5, -2147483648.9, 2147483648.0, 4294967295.9,
        4294967296.0, 9.2233720368547748E+18, 9.2233720368547758E+18, -9.2233720368547758E+18,
        1.8446744073709550E+19, 1.8446744073709552E+19, double.NaN, double.PositiveInfinity,
        double.NegativeInfinity };

    delegate string Conv(long v);
    delegate string RConv(double v);

    static string Try(Func<string> f)
    {
        try { return f(); }
        catch (OverflowException) { return "OVF"; }
    }

    static string Both(Func<string> chk, Func<string> unchk)
    {
        string c = Try(chk);
        return c == "OVF" ? c : c + "=" + unchk();
    }

    static string Hex(double d) { return BitConverter.DoubleToInt64Bits(d).ToString("X16"); }

    static int Main(string[] args)
    {
        Console.WriteLine("-- integer narrowing: unchecked | checked");
        foreach (long v in Sources)
        {
            Console.WriteLine(v + ": " +
                unchecked((sbyte)v) + " " + unchecked((byte)v) + " " + unchecked((short)v) + " " + unchecked((ushort)v) + " " +
                unchecked((int)v) + " " + unchecked((uint)v) + " " + unchecked((ulong)v) + " " + (int)unchecked((char)v) + " | " +
                Try(() => checked((sbyte)v).ToString()) + " " + Try(() => checked((byte)v).ToString()) + " " +
                Try(() => checked((short)v).ToString()) + " " + Try(() => checked((ushort)v).ToString()) + " " +
                Try(() => checked((int)v).ToString()) + " " + Try(() => checked((uint)v).ToString()) + " " +
                Try(() => checked((ulong)v).ToString()) + " " + Try(() => ((int)checked((char)v)).ToString()));
        }
        Console.WriteLine("-- from ulong / uint");
        ulong[] us = { 0, 127, 255, 65535, uint.MaxValue, (ulong)long.MaxValue, (ulong)long.MaxValue + 1, ulong.MaxValue };
        foreach (ulong u in us)
        {
            uint u32 = unchecked((uint)u);
            Console.WriteLine(u + ": " + unchecked((long)u) + " " + unchecked((int)u) + " " + unchecked((sbyte)u) + " | " +
                Try(() => checked((long)u).ToString()) + " " + Try(() => checked((int)u).ToString()) + " " +
                Try(() => checked((int)u32).ToString()) + " " + Try(() => checked((short)u32).ToString()) +
                " | r8 " + Hex((double)u) + " r4 " + Hex((float)u) + " u32->r8 " + Hex((double)u32));
        }
        Console.WriteLine("-- int to float");
        foreach (long v in Sources)
            Console.WriteLine(v + ": r8 " + Hex((double)v) + " r4 " + Hex((float)v) + " i4->r4 " + Hex((float)unchecked((int)v)) + " i4->r8 " + Hex((double)unchecked((int)v)));
        Console.WriteLine("-- float to int (checked; unchecked shown only when in range)");
        foreach (double d in Reals)
        {
            float f = (float)d;
            Console.WriteLine(Hex(d) + ": " +
                Both(() => checked((sbyte)d).ToString(), () => unchecked((sbyte)d).ToString()) + " " +
                Both(() => checked((byte)d).ToString(), () => unchecked((byte)d).ToString()) + " " +
                Both(() => checked((short)d).ToString(), () => unchecked((short)d).ToString()) + " " +
                Both(() => checked((ushort)d).ToString(), () => unchecked((ushort)d).ToString()) + " " +
                Both(() => checked((int)d).ToString(), () => unchecked((int)d).ToString()) + " " +
                Both(() => checked((uint)d).ToString(), () => unchecked((uint)d).ToString()) + " " +
                Both(() => checked((long)d).ToString(), () => unchecked((long)d).ToString()) + " " +
                Both(() => checked((ulong)d).ToString(), () => unchecked((ulong)d).ToString()) + " " +
                Both(() => ((int)checked((char)d)).ToString(), () => ((int)unchecked((char)d)).ToString()) + " f:" +
                Both(() => checked((int)f).ToString(), () => unchecked((int)f).ToString()) + " " +
                Both(() => checked((long)f).ToString(), () => unchecked((long)f).ToString()));
        }

        Console.WriteLine("-- int32 ops");
        int[] ia = { 0, 1, -1, 7, -7, int.MaxValue, int.MinValue };
        foreach (int a in ia)
            foreach (int b in ia)
            {
                string line = a + "," + b + ": " + unchecked(a + b) + " " + unchecked(a - b) + " " + unchecked(a * b) + " " +
                    Try(() => checked(a + b).ToString()) + " " + Try(() => checked(a - b).ToString()) + " " + Try(() => checked(a * b).ToString());
                string div;
                try { div = (a / b) + " " + (a % b); }
                catch (DivideByZeroException) { div = "DIV0"; }
                catch (OverflowException) { div = "DIVOVF"; }
                Console.WriteLine(line + " " + div + " " + (a & b) + " " + (a | b) + " " + (a ^ b) + " " + (a << (b & 63)) + " " + (a >> b) + " " + (int)((uint)a >> b));
            }
        Console.WriteLine("neg " + unchecked(-int.MinValue) + " " + Try(() => checked(-ia[6]).ToString()) + " " + ~ia[5] + " " + unchecked(-long.MinValue));

        Console.WriteLine("-- uint32/int64/uint64 ops");
        uint[] ua = { 0, 1, 7, 0x80000000, uint.MaxValue };
        foreach (uint a in ua)
            foreach (uint b in ua)
            {
                string div;
                try { div = (a / b) + " " + (a % b); } catch (DivideByZeroException) { div = "DIV0"; }
                Console.WriteLine(a + "," + b + ": " + unchecked(a + b) + " " + unchecked(a - b) + " " + unchecked(a * b) + " " +
                    Try(() => checked(a + b).ToString()) + " " + Try(() => checked(a - b).ToString()) + " " + Try(() => checked(a * b).ToString()) + " " +
                    div + " " + (a >> (int)(b & 31)) + " " + (a < b) + (a > b));
            }
        long[] la = { 0, 3, -3, long.MaxValue, long.MinValue };
        foreach (long a in la)
            foreach (long b in la)
            {
                string div;
                try { div = (a / b) + " " + (a % b); } catch (DivideByZeroException) { div = "DIV0"; } catch (OverflowException) { div = "DIVOVF"; }
                Console.WriteLine(a + "," + b + ": " + unchecked(a + b) + " " + unchecked(a * b) + " " + Try(() => checked(a + b).ToString()) + " " +
                    Try(() => checked(a - b).ToString()) + " " + Try(() => checked(a * b).ToString()) + " " + div + " " + (a >> (int)(b & 63)) + " " + (a << (int)b));
            }
        ulong[] ula = { 0, 5, 1UL << 63, ulong.MaxValue };
        foreach (ulong a in ula)
            foreach (ulong b in ula)
            {
                string div;
                try { div = (a / b) + " " + (a % b); } catch (DivideByZeroException) { div = "DIV0"; }
                Console.WriteLine(a + "," + b + ": " + unchecked(a + b) + " " + unchecked(a * b) + " " + Try(() => checked(a + b).ToString()) + " " +
                    Try(() => checked(a - b).ToString()) + " " + Try(() => checked(a * b).ToString()) + " " + div + " " + (a >> (int)b) + " " + (a < b));
            }

        Console.WriteLine("-- small types promote to int");
        byte bx = (byte)Sources[5]; sbyte sx = (sbyte)Sources[7]; short hx = (short)Sources[11]; ushort ux = (ushort)Sources[13]; char cx = (char)Sources[13];
        Console.WriteLine((bx + bx) + " " + (sx * sx) + " " + (hx - 1) + " " + (ux + 1) + " " + (cx + 1) + " " + unchecked((byte)(bx + 1)) + " " + unchecked((sbyte)(sx - 1)) + " " + unchecked((short)(hx - 1)));
        bx++; sx--; hx--; ux++; cx++;
        Console.WriteLine(bx + " " + sx + " " + hx + " " + ux + " " + (int)cx);
        try { checked { bx = (byte)Sources[5]; bx++; } Console.WriteLine("no overflow?"); }
        catch (OverflowException) { Console.WriteLine("checked byte++ overflow"); }
        bool t = Sources[1] == 1, fl = !t;
        Console.WriteLine((t & fl) + " " + (t | fl) + " " + (t ^ t) + " " + (!fl));
        return 0;
    }
}
