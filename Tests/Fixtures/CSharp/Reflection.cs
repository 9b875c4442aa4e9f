// Reflection over members: GetMethods/GetFields/GetProperties/GetEvents/GetConstructors/
// GetNestedTypes with BindingFlags (public, non-public, static, instance, declared-only,
// flatten-hierarchy, ignore-case), hiding of overridden methods, MethodInfo.Invoke (static,
// instance, virtual through a base MethodInfo, struct methods, ref/out arguments, exceptions
// wrapped in TargetInvocationException, parameter count mismatch), ConstructorInfo.Invoke,
// FieldInfo.GetValue/SetValue (instance, static, struct, enum, literal), PropertyInfo
// GetValue/SetValue and indexers, events through EventInfo, Delegate.CreateDelegate (static,
// closed, open instance), generic methods (MakeGenericMethod, GetGenericArguments), member
// identity, MethodBase.GetCurrentMethod, GetBaseDefinition, parameter info and default values,
// metadata tokens compared between members, assemblies and modules by name. Prints the module's
// file name, so a monodis round trip (which renames the file) differs in that line.
using System;
using System.Collections.Generic;
using System.Reflection;

public interface IShape { double Area(); }

public abstract class Shape : IShape
{
    public static int Created;
    protected string tag = "shape";
    private int secret = 1;
    public abstract double Area();
    public virtual string Describe() { return "shape " + tag; }
    public override string ToString() { return GetType().Name; }
    public int Secret { get { return secret; } }
    public static string Kind() { return "Shape"; }
}

public class Circle : Shape
{
    public const int Sides = 0;
    public static readonly string Unit = "cm";
    public double Radius;
    private int hidden = 7;
    internal int Internal = 3;
    public Circle() : this(1) { }
    public Circle(double r) { Radius = r; Created++; tag = "circle"; }
    private Circle(int x, int y) { Radius = x + y; }
    public override double Area() { return 3 * Radius * Radius; }
    public override string Describe() { return "circle r=" + Radius; }
    public new static string Kind() { return "Circle"; }
    public int Hidden { get { return hidden; } private set { hidden = value; } }
    public static int Count { get { return Created; } }
    public event EventHandler Changed;
    public void Fire() { if (Changed != null) Changed(this, EventArgs.Empty); }
    public int Scale(int by) { return (int)Radius * by; }
    public string Overload(int x) { return "int " + x; }
    public string Overload(string s) { return "string " + s; }
    public string Overload(int x, int y = 5) { return "two " + x + " " + y; }
    private static int Twice(int v) { return 2 * v; }
    public static void Swap(ref int a, ref int b, out string note) { int t = a; a = b; b = t; note = "swapped"; }
    public static void Fail() { throw new InvalidOperationException("boom"); }
    public T Echo<T>(T value) { return value; }
    public static string Pair<A, B>(A a, B b) { return typeof(A).Name + "," + typeof(B).Name + ":" + a + "," + b; }
    public class Inner { }
    private class Secret2 { }
    public enum Mode { Off = 0, On = 5 }
    public Mode CurrentMode = Mode.On;
}

public struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public int Sum() { return X + Y; }
    public void Move(int dx) { X += dx; }
}

public class Grid
{
    int[] cells = new int[4];
    public int this[int i] { get { return cells[i]; } set { cells[i] = value; } }
}

static class Program
{
    static string Names(IEnumerable<MemberInfo> members)
    {
        var list = new List<string>();
        foreach (var m in members) list.Add(m.Name);
        list.Sort(string.CompareOrdinal);
        return string.Join(",", list.ToArray());
    }

    static void Show(string label, object value) { Console.WriteLine(label + ": " + (value == null ? "null" : value.ToString())); }

    static int Main()
    {
        Type t = typeof(Circle);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        Show("public instance methods declared", Names(t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)));
        Show("all declared methods", Names(t.GetMethods(all | BindingFlags.DeclaredOnly)));
        Show("public static methods", Names(t.GetMethods(BindingFlags.Public | BindingFlags.Static)));
        Show("public static flattened", Names(t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)));
        Show("Describe count", t.GetMethods().Length > 0 ? Array.FindAll(t.GetMethods(), m => m.Name == "Describe").Length : -1);
        Show("public fields", Names(t.GetFields()));
        Show("all fields", Names(t.GetFields(all)));
        Show("declared nonpublic fields", Names(t.GetFields(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)));
        Show("static fields flattened", Names(t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)));
        Show("properties", Names(t.GetProperties()));
        Show("all properties", Names(t.GetProperties(all)));
        Show("events", Names(t.GetEvents()));
        Show("constructors", t.GetConstructors().Length + " " + t.GetConstructors(all).Length);
        Show("nested", Names(t.GetNestedTypes()) + " / " + Names(t.GetNestedTypes(BindingFlags.NonPublic)));
        Show("ignore case", t.GetMethod("describe", BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance).Name);
        Show("member kinds", Names(t.GetMember("Overload")) + " " + t.GetMember("Ov*").Length);

        var c = new Circle(2);
        MethodInfo area = typeof(Shape).GetMethod("Area");
        Show("virtual invoke", area.Invoke(c, null));
        Show("overload int", t.GetMethod("Overload", new[] { typeof(int) }).Invoke(c, new object[] { 4 }));
        Show("overload string", t.GetMethod("Overload", new[] { typeof(string) }).Invoke(c, new object[] { "s" }));
        Show("private static", t.GetMethod("Twice", BindingFlags.NonPublic | BindingFlags.Static).Invoke(null, new object[] { 21 }));
        object[] swapArgs = { 1, 2, null };
        t.GetMethod("Swap").Invoke(null, swapArgs);
        Show("ref/out", swapArgs[0] + " " + swapArgs[1] + " " + swapArgs[2]);
        try { t.GetMethod("Fail").Invoke(null, null); }
        catch (TargetInvocationException e) { Show("wrapped", e.InnerException.GetType().Name + " " + e.InnerException.Message); }
        try { t.GetMethod("Scale").Invoke(c, new object[0]); }
        catch (TargetParameterCountException) { Show("count mismatch", "TargetParameterCountException"); }
        try { t.GetMethod("Scale").Invoke(null, new object[] { 1 }); }
        catch (TargetException) { Show("no target", "TargetException"); }
        object p = new Point(3, 4);
        typeof(Point).GetMethod("Move").Invoke(p, new object[] { 10 });
        Show("struct invoke", typeof(Point).GetMethod("Sum").Invoke(p, null));
        Show("ctor invoke", ((Circle)t.GetConstructor(new[] { typeof(double) }).Invoke(new object[] { 3.0 })).Radius);
        Show("private ctor", ((Circle)t.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(int), typeof(int) }, null).Invoke(new object[] { 2, 5 })).Radius);
        Show("struct ctor", ((Point)typeof(Point).GetConstructor(new[] { typeof(int), typeof(int) }).Invoke(new object[] { 5, 6 })).Sum());
        Show("activator", ((Circle)Activator.CreateInstance(typeof(Circle), 4.0)).Radius);

        FieldInfo radius = t.GetField("Radius");
        radius.SetValue(c, 9.0);
        Show("field get/set", radius.GetValue(c) + " " + c.Radius);
        FieldInfo hidden = t.GetField("hidden", BindingFlags.NonPublic | BindingFlags.Instance);
        hidden.SetValue(c, 70);
        Show("private field", hidden.GetValue(c) + " " + c.Hidden);
        Show("static field", t.GetField("Unit").GetValue(null) + " " + typeof(Shape).GetField("Created").GetValue(null));
        Show("const field", t.GetField("Sides").GetValue(null) + " " + t.GetField("Sides").IsLiteral + " " + t.GetField("Sides").GetRawConstantValue());
        Show("enum field", t.GetField("CurrentMode").GetValue(c) + " " + t.GetField("CurrentMode").FieldType.Name);
        t.GetField("CurrentMode").SetValue(c, Circle.Mode.Off);
        Show("enum set", c.CurrentMode);
        object boxedPoint = new Point(1, 2);
        typeof(Point).GetField("Y").SetValue(boxedPoint, 40);
        Show("struct field", ((Point)boxedPoint).Y);
        Show("inherited protected", t.GetField("tag", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(c));
        Show("base private via base", typeof(Shape).GetField("secret", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(c));

        PropertyInfo hiddenProp = t.GetProperty("Hidden");
        Show("property", hiddenProp.GetValue(c, null) + " " + hiddenProp.CanRead + " " + hiddenProp.CanWrite + " " + (hiddenProp.GetSetMethod() == null) + " " + (hiddenProp.GetSetMethod(true) != null));
        hiddenProp.SetValue(c, 11, null);
        Show("private setter", c.Hidden);
        Show("static property", t.GetProperty("Count").GetValue(null, null));
        PropertyInfo indexer = typeof(Grid).GetProperty("Item");
        var g = new Grid();
        indexer.SetValue(g, 42, new object[] { 2 });
        Show("indexer", indexer.GetValue(g, new object[] { 2 }) + " " + indexer.GetIndexParameters().Length + " " + indexer.GetIndexParameters()[0].ParameterType.Name);

        EventInfo changed = t.GetEvent("Changed");
        int fired = 0;
        EventHandler h = (s, e) => fired++;
        changed.AddEventHandler(c, h);
        c.Fire();
        changed.RemoveEventHandler(c, h);
        c.Fire();
        Show("event", fired + " " + changed.EventHandlerType.Name + " " + changed.GetAddMethod().Name + " " + changed.DeclaringType.Name);

        var twice = (Func<int, int>)Delegate.CreateDelegate(typeof(Func<int, int>), t.GetMethod("Twice", BindingFlags.NonPublic | BindingFlags.Static));
        var scale = (Func<int, int>)Delegate.CreateDelegate(typeof(Func<int, int>), c, "Scale");
        var open = (Func<Circle, int, int>)Delegate.CreateDelegate(typeof(Func<Circle, int, int>), t.GetMethod("Scale"));
        var describe = (Func<string>)Delegate.CreateDelegate(typeof(Func<string>), c, typeof(Shape).GetMethod("Describe"));
        Show("delegates", twice(8) + " " + scale(2) + " " + open(new Circle(5), 3) + " " + describe() + " " + describe.Method.DeclaringType.Name);

        MethodInfo echo = t.GetMethod("Echo");
        Show("generic def", echo.IsGenericMethodDefinition + " " + echo.GetGenericArguments()[0].Name + " " + echo.ContainsGenericParameters);
        MethodInfo echoInt = echo.MakeGenericMethod(typeof(int));
        Show("generic inst", echoInt.IsGenericMethod + " " + echoInt.IsGenericMethodDefinition + " " + echoInt.Invoke(c, new object[] { 17 }) + " " + echoInt.GetGenericArguments()[0].Name + " " + (echoInt.GetGenericMethodDefinition() == echo));
        Show("generic static", t.GetMethod("Pair").MakeGenericMethod(typeof(string), typeof(long)).Invoke(null, new object[] { "a", 5L }));

        Show("identity", (t.GetMethod("Scale") == t.GetMethod("Scale")) + " " + (t.GetField("Radius") == t.GetField("Radius")) + " " + (t.GetProperty("Hidden") == t.GetProperty("Hidden")) + " " + (t.GetEvent("Changed") == t.GetEvent("Changed")));
        Show("reflected vs declared", t.GetMethod("Secret") == null ? "no method" : "method");
        MethodInfo fromBase = typeof(Shape).GetMethod("Describe");
        MethodInfo fromDerived = t.GetMethod("Describe");
        Show("base definition", (fromDerived.GetBaseDefinition() == fromBase) + " " + fromDerived.DeclaringType.Name + " " + fromDerived.GetBaseDefinition().DeclaringType.Name + " " + t.GetMethod("ToString").DeclaringType.Name);
        Show("reflected type", t.GetMethod("GetHashCode").ReflectedType.Name + " " + t.GetMethod("GetHashCode").DeclaringType.Name);
        Show("current method", MethodBase.GetCurrentMethod().Name + " " + MethodBase.GetCurrentMethod().DeclaringType.Name);
        Show("token order", (t.GetMethod("Scale").MetadataToken < t.GetMethod("Fail").MetadataToken) + " " + (t.GetField("Radius").MetadataToken >> 24));
        Show("handle roundtrip", MethodBase.GetMethodFromHandle(t.GetMethod("Scale").MethodHandle) == t.GetMethod("Scale"));
        Show("field handle", FieldInfo.GetFieldFromHandle(t.GetField("Radius").FieldHandle).Name);

        foreach (var pi in t.GetMethod("Overload", new[] { typeof(int), typeof(int) }).GetParameters())
            Console.Write(pi.Position + ":" + pi.Name + ":" + pi.ParameterType.Name + ":" + pi.IsOptional + ":" + (pi.DefaultValue ?? "null") + " ");
        Console.WriteLine();
        var swapParams = t.GetMethod("Swap").GetParameters();
        Show("byref params", swapParams[0].ParameterType.Name + " " + swapParams[0].ParameterType.IsByRef + " " + swapParams[2].IsOut + " " + swapParams[2].ParameterType.GetElementType().Name);
        Show("return param", t.GetMethod("Scale").ReturnType.Name + " " + t.GetMethod("Fail").ReturnType.Name + " " + t.GetMethod("Scale").ReturnParameter.Position);
        Show("method attrs", t.GetMethod("Area").IsVirtual + " " + t.GetMethod("Area").IsAbstract + " " + typeof(Shape).GetMethod("Area").IsAbstract + " " + t.GetMethod("Swap").IsStatic + " " + t.GetMethod("Twice", BindingFlags.NonPublic | BindingFlags.Static).IsPrivate);
        Show("method string", t.GetMethod("Swap") + " | " + t.GetMethod("Echo") + " | " + t.GetConstructor(new[] { typeof(double) }));

        Assembly asm = typeof(Program).Assembly;
        Show("assembly", asm.GetName().Name + " " + (Assembly.GetExecutingAssembly() == asm) + " " + (typeof(string).Assembly == typeof(object).Assembly) + " " + (asm == typeof(string).Assembly));
        Show("assembly full name", typeof(object).Assembly.FullName);
        Show("module", t.Module.Name + " " + (t.Module.Assembly == asm) + " " + typeof(int).Module.Name);
        Show("entry point", asm.EntryPoint.Name + " " + (Assembly.GetEntryAssembly() == asm));
        return 0;
    }
}
