// Which IL offset a stack frame reports (Mono 6.8's JIT without debug symbols): the nearest
// sequence point at or before the call or faulting instruction. Sequence points are where the
// evaluation stack is empty and right after each call, callvirt and newobj, except: `ldtoken` +
// `Type.GetTypeFromHandle`, `ldftn`/`ldvirtftn` + a delegate constructor, a corlib exception's
// constructor (at most two string parameters) in a block that ends in `throw`, and the arms of
// `c ? a : b` that the JIT turns into a conditional move (integer and reference loads, not
// floating point). Each case calls Boom() or faults in a [NoInlining] method (Mono inlines small
// methods) and prints the frames' IL offsets.
using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

struct Pair { public int A; [MethodImpl(MethodImplOptions.NoInlining)] public Pair(int a) { A = a; } }
class Node { public int F; [MethodImpl(MethodImplOptions.NoInlining)] public Node() { } public int Get() { return F; } }
class Custom : Exception { }
static class G { public static T Id<T>(T x) { return x; } }

class StackTraceOffsets
{
    [MethodImpl(MethodImplOptions.NoInlining)] static int Boom() { throw new Exception(); }
    [MethodImpl(MethodImplOptions.NoInlining)] static int One() { return 1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Use(int a, int b) { }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Use3(int a, int b, int c) { }
    [MethodImpl(MethodImplOptions.NoInlining)] static void UseO(object a, int b) { }
    [MethodImpl(MethodImplOptions.NoInlining)] static void UseL(long a, int b) { }
    [MethodImpl(MethodImplOptions.NoInlining)] static void UseD(double a, int b) { }

    [MethodImpl(MethodImplOptions.NoInlining)] static void ArgThenCall(int x) { Console.Write(""); Use(x, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void CallThenCall(int x) { Console.Write(""); Use3(x, One(), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Arithmetic(int x) { Console.Write(""); int y = x + One() * 3 + Boom(); Console.Write(y); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void FirstCall() { Console.Write(""); int y = One() + Boom(); Console.Write(y); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Virtual(object o) { Console.Write(""); UseO(o.ToString(), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Intrinsic(string s) { Console.Write(""); Use(s.Length, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Generic(int a) { Console.Write(""); Use(G.Id(a), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Constrained(int i) { Console.Write(""); UseO(i.ToString(), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NewClass() { Console.Write(""); UseO(new Node(), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NewStruct() { Console.Write(""); UseO(new Pair(1), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NewString() { Console.Write(""); UseO(new string('a', 2), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NewArray() { Console.Write(""); UseO(new int[2, 2], Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NewException() { Console.Write(""); UseO(new Exception(), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TypeOf() { Console.Write(""); UseO(typeof(int), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Delegate() { Console.Write(""); UseO(new Func<int>(One), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void VirtualDelegate(object o) { Console.Write(""); UseO(new Func<string>(o.ToString), Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Boxed(int x) { Console.Write(""); UseO(x, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowCall() { Console.Write(""); throw Make(); }
    [MethodImpl(MethodImplOptions.NoInlining)] static Exception Make() { return new Exception(); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowCorlib(bool c) { Console.Write(""); if (c) throw new ArgumentException("x"); Console.Write(""); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowCorlib2() { Console.Write(""); throw new ArgumentException("a", "b"); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowCustom() { Console.Write(""); throw new Custom(); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowLocal() { Console.Write(""); var e = new Exception(); throw e; }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowAfterCall(bool c) { Console.Write(""); if (c) { Console.Write(""); throw new ArgumentException(One().ToString()); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NullField(Node n) { Console.Write(""); Use(One(), n.F); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void NullCall(Node n) { Console.Write(""); Use(One(), n.Get()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void DivideInArgs(int x, int z) { Console.Write(""); Use(One(), x / z); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ArrayInArgs(int[] a, int i) { Console.Write(""); Use(a.Length, a[i]); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Loop(int x) { for (int i = 0; i < 3; i++) { if (i == x) Boom(); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryConstants(int x) { Console.Write(""); Use(x > 0 ? 1 : 2, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryArguments(int x, int z) { Console.Write(""); Use(x > 0 ? x : z, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryStrings(bool x) { Console.Write(""); UseO(x ? "a" : "b", Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryNull(bool x, object o) { Console.Write(""); UseO(x ? o : null, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryLocals(bool x) { Console.Write(""); object a = "q", b = "r"; UseO(x ? a : b, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryLongs(bool x) { Console.Write(""); UseL(x ? 1L : 2L, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryDoubles(bool x) { Console.Write(""); UseD(x ? 1.0 : 2.0, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryDoubleArgs(bool x, double d, double e) { Console.Write(""); UseD(x ? d : e, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryCall(int x) { Console.Write(""); Use(x > 0 ? One() : 2, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryAnd(int x, int y) { Console.Write(""); UseO(x > 0 && y > 0 ? "a" : "b", Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void TernaryElement(int x, int[] a) { Console.Write(""); UseO(x > 0 ? a[0] : 2, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void IfElse(int x) { Console.Write(""); int y; if (x > 0) y = 1; else y = 2; Use(y, Boom()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static void InHandler() { try { Boom(); } catch (Exception) { Console.Write(""); Use(One(), Boom()); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void InFinally() { try { Console.Write(""); } finally { Use(One(), Boom()); } }

    static void Run(string name, Action a)
    {
        try { a(); Console.WriteLine(name + ": no exception"); }
        catch (Exception e)
        {
            var st = new StackTrace(e);
            var s = name + ":";
            for (int i = 0; i < st.FrameCount; i++)
            {
                var m = st.GetFrame(i).GetMethod();
                if (m.DeclaringType != typeof(StackTraceOffsets) || m.Name.StartsWith("<")) continue;
                s += " " + m.Name + "@" + st.GetFrame(i).GetILOffset().ToString("x");
            }
            Console.WriteLine(s + " (" + e.GetType().Name + ")");
        }
    }

    static void Main()
    {
        Run("ArgThenCall", () => ArgThenCall(1));
        Run("CallThenCall", () => CallThenCall(1));
        Run("Arithmetic", () => Arithmetic(1));
        Run("FirstCall", () => FirstCall());
        Run("Virtual", () => Virtual(new object()));
        Run("Intrinsic", () => Intrinsic("abc"));
        Run("Generic", () => Generic(1));
        Run("Constrained", () => Constrained(1));
        Run("NewClass", () => NewClass());
        Run("NewStruct", () => NewStruct());
        Run("NewString", () => NewString());
        Run("NewArray", () => NewArray());
        Run("NewException", () => NewException());
        Run("TypeOf", () => TypeOf());
        Run("Delegate", () => Delegate());
        Run("VirtualDelegate", () => VirtualDelegate(new object()));
        Run("Boxed", () => Boxed(1));
        Run("ThrowCall", () => ThrowCall());
        Run("ThrowCorlib", () => ThrowCorlib(true));
        Run("ThrowCorlib2", () => ThrowCorlib2());
        Run("ThrowCustom", () => ThrowCustom());
        Run("ThrowLocal", () => ThrowLocal());
        Run("ThrowAfterCall", () => ThrowAfterCall(true));
        Run("NullField", () => NullField(null));
        Run("NullCall", () => NullCall(null));
        Run("DivideInArgs", () => DivideInArgs(1, 0));
        Run("ArrayInArgs", () => ArrayInArgs(new int[1], 3));
        Run("Loop", () => Loop(1));
        Run("TernaryConstants", () => TernaryConstants(-1));
        Run("TernaryArguments", () => TernaryArguments(1, 2));
        Run("TernaryStrings", () => TernaryStrings(true));
        Run("TernaryNull", () => TernaryNull(true, 1));
        Run("TernaryLocals", () => TernaryLocals(true));
        Run("TernaryLongs", () => TernaryLongs(true));
        Run("TernaryDoubles", () => TernaryDoubles(true));
        Run("TernaryDoubleArgs", () => TernaryDoubleArgs(true, 1, 2));
        Run("TernaryCall", () => TernaryCall(1));
        Run("TernaryAnd", () => TernaryAnd(1, 1));
        Run("TernaryElement", () => TernaryElement(1, new int[1]));
        Run("IfElse", () => IfElse(1));
        Run("InHandler", () => InHandler());
        Run("InFinally", () => InFinally());
    }
}
