// The live stack: `new StackTrace()`, `new StackFrame(n)`, `Environment.StackTrace` and
// `StackTrace.GetFrames()` from ordinary methods, instance methods, generic methods, lambdas
// and multicast delegates, constructors, a catch block and a method called through reflection.
// Mono reports IL offset 0 for every live frame of code without debug symbols. Methods are
// [NoInlining] (Mono's JIT would inline small ones); native offsets are not printed (machine
// code offsets on Mono); corlib frames other than reflection's are left out of the text.
using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

class Widget
{
    public string Made;
    [MethodImpl(MethodImplOptions.NoInlining)] public Widget() { Made = StackTraceLive.Names(new StackTrace()); }
    [MethodImpl(MethodImplOptions.NoInlining)] public string Describe() { return StackTraceLive.Names(new StackTrace()); }
}

class StackTraceLive
{
    public static string Names(StackTrace st)
    {
        var s = st.FrameCount + ":";
        foreach (var f in st.GetFrames())
        {
            var m = f.GetMethod();
            s += " " + m.DeclaringType.Name + "." + m.Name + "@" + f.GetILOffset();
        }
        return s;
    }

    static string Clean(string text)
    {
        var result = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            int lt = line.LastIndexOf(" in <");
            if (lt >= 0 && line.Length > lt + 37 && line[lt + 37] == '>') line = line.Substring(0, lt) + " in <mvid>" + line.Substring(lt + 38);
            result += "|" + line + "\n";
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] static string Leaf() { return Names(new StackTrace()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Middle(int depth) { return depth == 0 ? Leaf() : Middle(depth - 1); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Caller() { return new StackFrame(1).GetMethod().Name; }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Self() { return new StackFrame().GetMethod().Name + "/" + new StackFrame(0).GetMethod().Name; }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Skip(int n) { return Names(new StackTrace(n)); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Gen<T>(T x) { return Names(new StackTrace()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string Env() { return Clean(Environment.StackTrace); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string InCatch() { try { throw new Exception(); } catch { return Leaf(); } }
    [MethodImpl(MethodImplOptions.NoInlining)] static string InFinally() { string s = null; try { s = "x"; } finally { s = Leaf(); } return s; }
    [MethodImpl(MethodImplOptions.NoInlining)] public static string Reflected() { return Names(new StackTrace()); }
    [MethodImpl(MethodImplOptions.NoInlining)] static string FrameBeyondTheStack() { return (new StackFrame(50).GetMethod() == null) + " " + new StackTrace(50).FrameCount; }

    static void Main()
    {
        Console.WriteLine("main: " + Names(new StackTrace()));
        Console.WriteLine("leaf: " + Leaf());
        Console.WriteLine("recursive: " + Middle(3));
        Console.WriteLine("caller: " + Caller() + " self: " + Self());
        Console.WriteLine("skip 1: " + Skip(1));
        Console.WriteLine("skip 0: " + Skip(0));
        Console.WriteLine("generic: " + Gen(5) + " | " + Gen("s"));
        Console.WriteLine("ctor: " + new Widget().Made);
        Console.WriteLine("instance: " + new Widget().Describe());
        Console.WriteLine("catch: " + InCatch());
        Console.WriteLine("finally: " + InFinally());
        Func<string> f = () => Leaf();
        Console.WriteLine("lambda: " + f());
        Func<string> multi = Leaf;
        multi += () => Leaf();
        Console.WriteLine("multicast: " + multi());
        Console.WriteLine("reflection: " + typeof(StackTraceLive).GetMethod("Reflected").Invoke(null, null));
        Console.WriteLine("beyond: " + FrameBeyondTheStack());
        Console.Write("environment:\n" + Env());
        Console.Write("to string:\n" + Clean(new StackTrace().ToString()));
    }
}
