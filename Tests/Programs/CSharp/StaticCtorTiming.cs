// Static constructor timing for types with an explicit static constructor (not
// beforefieldinit): runs exactly once, just before the first static field access, static
// method call or instance creation, and not at all if the type is never touched.
using System;

class Log { public static string Text = ""; }

class A { public static int F = Init("A.F"); static A() { Log.Text += "[A]"; } static int Init(string s) { Log.Text += s + ";"; return 1; } }
class B { static B() { Log.Text += "[B]"; } public static void M() { Log.Text += "B.M;"; } }
class C { static C() { Log.Text += "[C]"; } public C() { Log.Text += "C();"; } }
class D { static D() { Log.Text += "[D]"; } public static int Never = 5; }
class E : C { static E() { Log.Text += "[E]"; } public E() { Log.Text += "E();"; } }

class StaticCtorTiming
{
    static void Main()
    {
        Log.Text += "main;";
        Console.WriteLine(Log.Text);
        int x = A.F + A.F;
        Console.WriteLine(Log.Text + " " + x);
        B.M(); B.M();
        Console.WriteLine(Log.Text);
        new C(); new C();
        Console.WriteLine(Log.Text);
        Log.Text = "";
        new E();
        Console.WriteLine(Log.Text);
    }
}
