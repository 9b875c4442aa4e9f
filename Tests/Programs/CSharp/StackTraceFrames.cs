// Stack traces of thrown exceptions (`new StackTrace(e)`, `e.StackTrace`, `e.ToString()`): the
// frames from the throw to the catching frame, method names, and the IL offsets Mono's JIT
// reports without debug symbols (the nearest sequence point: statement starts and the points
// after calls). Covers throw through several frames, rethrow (`throw;` keeps the frames, `throw e`
// starts over), runtime exceptions, a catch in a middle frame, finally blocks on the way,
// filters, generic methods and types, constructors and accessors, type initializers, lambdas,
// reflection's Invoke, ExceptionDispatchInfo and an exception replacing another in a finally.
// Every method in a trace is [NoInlining]: Mono's JIT inlines small methods and their frames
// vanish (cilbox keeps every frame). The `<mvid>` of each line is replaced (it changes with
// every compile) and corlib frames are left out (Mono's corlib is AOT-compiled).
using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

class Holder { public int Value; }

class Box<T>
{
    T item;
    [MethodImpl(MethodImplOptions.NoInlining)] public Box(T item) { this.item = item; }
    [MethodImpl(MethodImplOptions.NoInlining)] public T Get(bool fail) { if (fail) throw new InvalidOperationException("box"); return item; }
}

class Failing
{
    public static int X;
    static Failing() { Console.WriteLine("cctor"); X = Compute(0); }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Compute(int d) { return 10 / d; }
}

class Account
{
    int balance;
    [MethodImpl(MethodImplOptions.NoInlining)] public Account(int b) { if (b < 0) throw new ArgumentOutOfRangeException("b"); balance = b; }
    public int Balance { [MethodImpl(MethodImplOptions.NoInlining)] get { if (balance == 0) throw new InvalidOperationException("empty"); return balance; } }
}

class MyError : Exception { public MyError(string m) : base(m) { } }

class StackTraceFrames
{
    static string Frames(Exception e)
    {
        var st = new StackTrace(e);
        var s = st.FrameCount + ":";
        for (int i = 0; i < st.FrameCount; i++)
        {
            var f = st.GetFrame(i);
            var m = f.GetMethod();
            if (m == null) { s += " (wrapper)"; continue; }
            s += " " + m.Name;
            if (m.DeclaringType.Assembly == typeof(StackTraceFrames).Assembly) s += "@" + f.GetILOffset().ToString("x");
        }
        return s;
    }

    // Replaces each "<32 hex digits>" (the module version id) and drops corlib frames.
    static string Clean(string text)
    {
        var lines = text.Split('\n');
        var result = "";
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("  at System.")) continue;
            int lt = line.LastIndexOf(" in <");
            if (lt >= 0 && line.Length > lt + 37 && line[lt + 37] == '>') line = line.Substring(0, lt) + " in <mvid>" + line.Substring(lt + 38);
            result += "|" + line + "\n";
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] static int Level3(int x) { if (x > 0) throw new MyError("deep"); return x; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Level2(int x) { Console.Write(""); return Level3(x) + 1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Level1(int x) { int y = x * 2; return Level2(y) * 3; }

    [MethodImpl(MethodImplOptions.NoInlining)] static void Rethrower() { try { Level1(1); } catch (MyError) { Console.WriteLine("rethrowing"); throw; } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Rethrower2() { try { Rethrower(); } catch (Exception) { throw; } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThrowAgain() { try { Level1(1); } catch (MyError e) { throw e; } }
    [MethodImpl(MethodImplOptions.NoInlining)] static string CatchInMiddle() { try { Level1(1); return "no"; } catch (MyError e) { return Frames(e); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void ThroughFinally(int x) { try { Level1(x); } finally { Console.WriteLine("finally ran"); } }

    [MethodImpl(MethodImplOptions.NoInlining)] static int Field(Holder h) { Console.Write(""); return h.Value; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Divide(int a, int b) { Console.Write(""); return a / b; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Index(int[] a, int i) { Console.Write(""); return a[i] + 1; }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Cast(object o) { Console.Write(""); return (string)o; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Checked(int a) { Console.Write(""); return checked(a * 1000000); }

    [MethodImpl(MethodImplOptions.NoInlining)] static T Pick<T>(T a, bool fail) { if (fail) throw new ArgumentException("pick"); return a; }
    [MethodImpl(MethodImplOptions.NoInlining)] static int Recurse(int n) { if (n == 0) throw new MyError("bottom"); return Recurse(n - 1) + 1; }
    [MethodImpl(MethodImplOptions.NoInlining)] public static void Target(int x) { Level1(x); }
    [MethodImpl(MethodImplOptions.NoInlining)] static int ReadFailing() { return Failing.X; }

    static int filterFrames = -1;
    [MethodImpl(MethodImplOptions.NoInlining)] static bool Check(Exception e) { filterFrames = new StackTrace(e).FrameCount; return e.Message == "deep"; }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Filtered() { try { Level1(1); } catch (Exception e) when (Check(e)) { return Frames(e); } return "no"; }

    [MethodImpl(MethodImplOptions.NoInlining)] static void Replaced()
    {
        try { Level1(1); }
        finally { Divide(1, 0); }
    }

    static ExceptionDispatchInfo captured;
    [MethodImpl(MethodImplOptions.NoInlining)] static void Capture() { try { Level1(1); } catch (MyError e) { captured = ExceptionDispatchInfo.Capture(e); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static void Replay() { captured.Throw(); }

    static void Main()
    {
        try { Level1(1); } catch (Exception e) { Console.WriteLine("throw: " + Frames(e)); Console.Write(Clean(e.StackTrace)); Console.Write(Clean(e.ToString())); }
        try { Rethrower2(); } catch (Exception e) { Console.WriteLine("rethrow: " + Frames(e)); Console.Write(Clean(e.StackTrace)); }
        try { ThrowAgain(); } catch (Exception e) { Console.WriteLine("throw e: " + Frames(e)); }
        Console.WriteLine("middle: " + CatchInMiddle());
        try { ThroughFinally(1); } catch (Exception e) { Console.WriteLine("finally: " + Frames(e)); }

        try { Field(null); } catch (NullReferenceException e) { Console.WriteLine("null: " + Frames(e)); }
        try { Divide(1, 0); } catch (DivideByZeroException e) { Console.WriteLine("divide: " + Frames(e)); }
        try { Index(new int[2], 2); } catch (IndexOutOfRangeException e) { Console.WriteLine("index: " + Frames(e)); }
        try { Cast(1); } catch (InvalidCastException e) { Console.WriteLine("cast: " + Frames(e)); }
        try { Checked(5000); } catch (OverflowException e) { Console.WriteLine("overflow: " + Frames(e)); }

        try { new Box<string>("s").Get(true); } catch (Exception e) { Console.WriteLine("generic type: " + Frames(e)); Console.Write(Clean(e.StackTrace)); }
        try { Pick<int>(1, true); } catch (Exception e) { Console.WriteLine("generic method: " + Frames(e)); Console.Write(Clean(e.StackTrace)); }
        try { new Account(-1); } catch (Exception e) { Console.WriteLine("ctor: " + Frames(e)); Console.Write(Clean(e.StackTrace)); }
        try { Console.WriteLine(new Account(0).Balance); } catch (Exception e) { Console.WriteLine("getter: " + Frames(e)); }
        try { Recurse(4); } catch (Exception e) { Console.WriteLine("recursion: " + Frames(e)); }

        try { ReadFailing(); }
        catch (TypeInitializationException e) { Console.WriteLine("cctor inner: " + Frames(e.InnerException)); }

        Func<int, int> lambda = x => Level1(x) + 1;
        try { lambda(1); } catch (Exception e) { Console.WriteLine("lambda: " + Frames(e)); }

        try { typeof(StackTraceFrames).GetMethod("Target").Invoke(null, new object[] { 1 }); }
        catch (TargetInvocationException e) { Console.WriteLine("invoke inner: " + Frames(e.InnerException)); }

        Console.WriteLine("filter: " + Filtered() + " / frames seen by the filter: " + filterFrames);
        try { Replaced(); } catch (Exception e) { Console.WriteLine("replaced in finally: " + e.GetType().Name + " " + Frames(e)); }

        Capture();
        try { Replay(); } catch (Exception e) { Console.WriteLine("dispatch info: " + Frames(e)); Console.Write(Clean(e.StackTrace)); }

        var fresh = new MyError("never thrown");
        Console.WriteLine("not thrown: " + (fresh.StackTrace == null) + " " + new StackTrace(fresh).FrameCount);
    }
}
