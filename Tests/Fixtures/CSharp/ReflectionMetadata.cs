// mcs-flags: -unsafe
// Reflection over metadata: custom attributes with inheritance (types, overridden methods,
// properties, events, parameters, return values; Inherited = false), IsDefined,
// CustomAttributeData of Type/enum/array/params arguments, generic type definitions and
// instantiations (member types shown as T, generic methods on instances, fields, constraints,
// interface maps), Type.GetType and Assembly.GetType by name (nested, generic, arrays, pointers,
// by-ref), Assembly.GetTypes/GetExportedTypes, Module.Resolve* tokens (and their errors),
// assembly names, MethodBody (IL, locals, pinned locals, exception clauses), DllImport
// pseudo-attributes of P/Invoke methods (never called). Prints the module's file name and IL
// bytes, so a monodis round trip differs (the file is renamed; monodis also drops `pinned`).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace NS { public class Outer { public class Inner { } } class Hidden { } }

[AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = true)]
class TagAttribute : Attribute { public int V; public TagAttribute(int v) { V = v; } public override string ToString() { return "Tag" + V; } }

[AttributeUsage(AttributeTargets.All, Inherited = false)]
class NoInheritAttribute : Attribute { }

[Tag(1), NoInherit]
class Base
{
    [Tag(2)] public virtual void M() { }
    [Tag(3)] public virtual int P { get; set; }
    [Tag(4)] public virtual event EventHandler E;
    public void Raise() { if (E != null) E(this, null); }
    [return: Tag(5)] public int R([Tag(6)] int a, int b = 3) { return a; }
}

[Tag(10)]
class Derived : Base
{
    public override void M() { }
    public override int P { get; set; }
    public override event EventHandler E;
    public void RaiseDerived() { if (E != null) E(this, null); }
}

enum Color { Red, Green }

[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
class TypedAttribute : Attribute
{
    public Type T; public Color C; public object O; public string[] S;
    public TypedAttribute(Type t, Color c, object o, params string[] s) { T = t; C = c; O = o; S = s; }
}

[Typed(typeof(int[][]), Color.Green, new int[] { 1, 2 }, "a", "b")]
[Typed(typeof(Dictionary<string, Base>), Color.Red, Color.Green)]
class Holder { }

class G<T> { public T Value; public List<T> Items = new List<T>(); public T Get(T x) { return x; } public U Conv<U>(T t, U u) { return u; } public static int S; }

interface IA { int F(); string G(int x); }
class A : IA { public int F() { return 1; } string IA.G(int x) { return "g"; } }
class C<T> where T : class, IComparable<T>, new() { }

static class Program
{
    static int Field = 5;

    [DllImport("kernel32.dll", EntryPoint = "GetTickCount", SetLastError = true)]
    static extern uint Tick();

    static int F(int a) { int x = a * 2; string s = "q"; try { x += s.Length; } catch (InvalidOperationException) { x = -1; } finally { x++; } return x; }
    static unsafe void Pinned() { int[] arr = new int[2]; fixed (int* p = arr) { *p = 1; } }

    static string S(object[] a) { return string.Join(",", a.Select(x => x.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToArray()); }

    static int Main()
    {
        // Custom attributes and inheritance.
        var d = typeof(Derived);
        Console.WriteLine(S(d.GetCustomAttributes(true)) + " | " + S(d.GetCustomAttributes(false)));
        Console.WriteLine(S(d.GetMethod("M").GetCustomAttributes(true)) + " | " + S(d.GetMethod("M").GetCustomAttributes(false)));
        Console.WriteLine(S(Attribute.GetCustomAttributes(d.GetProperty("P"), true)) + " | " + S(d.GetProperty("P").GetCustomAttributes(true)));
        Console.WriteLine(S(Attribute.GetCustomAttributes(d.GetEvent("E"), true)) + " | " + S(d.GetEvent("E").GetCustomAttributes(false)));
        Console.WriteLine(d.IsDefined(typeof(TagAttribute), true) + " " + d.IsDefined(typeof(NoInheritAttribute), true) + " " + typeof(Base).IsDefined(typeof(NoInheritAttribute), false));
        var r = typeof(Base).GetMethod("R");
        Console.WriteLine(S(r.ReturnParameter.GetCustomAttributes(true)) + " " + S(r.GetParameters()[0].GetCustomAttributes(true)) + " " + r.GetParameters()[1].DefaultValue + " " + r.GetParameters()[1].HasDefaultValue + " " + r.GetParameters()[0].HasDefaultValue);
        Console.WriteLine(Attribute.GetCustomAttribute(typeof(Base), typeof(TagAttribute)));
        foreach (TypedAttribute t in typeof(Holder).GetCustomAttributes(typeof(TypedAttribute), false).OrderBy(x => ((TypedAttribute)x).C))
            Console.WriteLine(t.T + " " + t.C + " " + t.O + " " + (t.O is Array ? ((Array)t.O).Length : -1) + " " + (t.S == null ? "null" : string.Join("/", t.S)));
        foreach (var cad in CustomAttributeData.GetCustomAttributes(typeof(Holder)).OrderBy(x => x.ToString(), StringComparer.Ordinal)) Console.WriteLine(cad);
        foreach (var cad in CustomAttributeData.GetCustomAttributes(typeof(Base).GetMethod("R").GetParameters()[0])) Console.WriteLine(cad);
        Console.WriteLine(typeof(Derived).GetProperty("P").GetGetMethod().GetBaseDefinition().DeclaringType);
        var dd = new Derived(); int n = 0;
        typeof(Derived).GetEvent("E").AddEventHandler(dd, (EventHandler)((s, e) => n++));
        dd.RaiseDerived();
        var props = typeof(Derived).GetProperties();
        Console.WriteLine(n + " " + props.Length + " " + props[0].DeclaringType + " " + typeof(Derived).GetEvents().Length);

        // Generic types and methods.
        var li = typeof(List<int>);
        Console.WriteLine(li.GetMethods().Length + " " + li.GetProperties().Length + " " + li.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Length);
        Console.WriteLine(li.GetMethod("Add") + " | " + li.GetProperty("Count").GetValue(new List<int> { 1, 2 }, null));
        var l = new List<int>();
        li.GetMethod("Add").Invoke(l, new object[] { 5 });
        Console.WriteLine(l[0] + " " + li.GetMethod("Contains").Invoke(l, new object[] { 5 }));
        var gd = typeof(G<>);
        foreach (var m in gd.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)) Console.WriteLine(m + " " + m.ReturnType.IsGenericParameter + " " + m.ContainsGenericParameters);
        foreach (var f in gd.GetFields()) Console.WriteLine(f.FieldType + " " + f.Name);
        var gi = typeof(G<string>);
        Console.WriteLine(gi.GetField("Value").FieldType + " " + gi.GetMethod("Get").ReturnType + " " + gi.GetMethod("Conv").GetGenericArguments()[0] + " " + gi.GetMethod("Conv").MakeGenericMethod(typeof(long)));
        var g = new G<string>();
        gi.GetField("Value").SetValue(g, "v");
        Console.WriteLine(g.Value + " " + gi.GetMethod("Conv").MakeGenericMethod(typeof(long)).Invoke(g, new object[] { "a", 7L }));
        Console.WriteLine(gd.GetGenericArguments()[0] + " " + gd.GetGenericArguments()[0].DeclaringType + " " + gd.GetGenericArguments()[0].GenericParameterPosition + " " + gd.IsGenericTypeDefinition + " " + gd);
        Console.WriteLine(typeof(Dictionary<string, int>).GetMethod("TryGetValue"));
        Console.WriteLine(typeof(string).GetMethod("Concat", new[] { typeof(string), typeof(string) }).Invoke(null, new object[] { "x", "y" }));
        Console.WriteLine(typeof(Math).GetMethod("Max", new[] { typeof(double), typeof(double) }).Invoke(null, new object[] { 1.5, 2.0 }));
        Console.WriteLine(typeof(object).GetMethods().Length + " " + typeof(string).GetConstructors().Length + " " + typeof(int).GetFields().Length);
        Console.WriteLine(typeof(int).GetMethod("Parse", new[] { typeof(string) }).Invoke(null, new object[] { "42" }));
        Console.WriteLine(typeof(string).GetProperty("Length").GetValue("hello", null));
        Console.WriteLine(Activator.CreateInstance(typeof(string), new object[] { 'x', 3 }));
        Console.WriteLine(typeof(DateTime).GetProperty("Year").GetValue(new DateTime(2001, 2, 3), null));
        var map = typeof(A).GetInterfaceMap(typeof(IA));
        for (int i = 0; i < map.InterfaceMethods.Length; i++) Console.WriteLine(map.InterfaceMethods[i].Name + " -> " + map.TargetMethods[i].Name);
        var tp = typeof(C<>).GetGenericArguments()[0];
        Console.WriteLine(tp.GenericParameterAttributes + " " + tp.GetGenericParameterConstraints().Length + " " + tp.GetGenericParameterConstraints()[0]);

        // Types by name, assemblies, modules and tokens.
        Console.WriteLine(Type.GetType("NS.Outer+Inner") + " " + Type.GetType("System.Int32") + " " + (Type.GetType("Nope") == null));
        Console.WriteLine(Type.GetType("System.Collections.Generic.List`1[[System.String, mscorlib]]"));
        Console.WriteLine(Type.GetType("System.Collections.Generic.Dictionary`2[System.String,NS.Outer]"));
        Console.WriteLine(Type.GetType("System.Int32[,]") + " " + Type.GetType("System.Int32*") + " " + Type.GetType("System.String&").IsByRef);
        var asm = typeof(Program).Assembly;
        Console.WriteLine(asm.GetType("NS.Outer+Inner") + " " + (asm.GetType("System.Int32") == null));
        try { asm.GetType("Missing.Type", true); } catch (TypeLoadException) { Console.WriteLine("TypeLoadException"); }
        Console.WriteLine(string.Join(" ", asm.GetTypes().Select(t => t.Name).Where(x => !x.StartsWith("<")).ToArray()));
        Console.WriteLine(string.Join(" ", asm.GetExportedTypes().Select(t => t.Name).ToArray()));
        var mod = typeof(Program).Module;
        var main = typeof(Program).GetMethod("Main", BindingFlags.NonPublic | BindingFlags.Static);
        Console.WriteLine(mod.ResolveMethod(main.MetadataToken).Name + " " + mod.ResolveType(typeof(NS.Outer).MetadataToken) + " " + mod.ResolveField(typeof(Program).GetField("Field", BindingFlags.NonPublic | BindingFlags.Static).MetadataToken).Name);
        Console.WriteLine(mod.ResolveMember(main.MetadataToken).MemberType);
        try { mod.ResolveMethod(0x06FFFFFF); } catch (ArgumentException e) { Console.WriteLine("range " + e.GetType().Name); }
        try { mod.ResolveMethod(typeof(Program).MetadataToken); } catch (ArgumentException e) { Console.WriteLine("table " + e.GetType().Name); }
        try { mod.ResolveString(0x70FFFFFF); } catch (Exception e) { Console.WriteLine("string " + e.GetType().Name); }
        try { mod.ResolveSignature(main.MetadataToken); } catch (Exception e) { Console.WriteLine("signature " + e.GetType().Name); }
        Console.WriteLine(mod.ResolveString(0x70000001));
        Console.WriteLine(mod.ResolveMethod(typeof(G<int>).GetMethod("Conv").MetadataToken, new[] { typeof(int) }, null));
        Console.WriteLine(asm.GetName().Version + " " + asm.GetName().Name + " " + typeof(object).Assembly.GetName().GetPublicKeyToken().Length + " " + asm.FullName);
        Console.WriteLine(asm.ManifestModule.Name + " " + asm.GetModules().Length + " " + asm.GetManifestResourceNames().Length);

        // Method bodies and P/Invoke metadata.
        var b = typeof(Program).GetMethod("F", BindingFlags.NonPublic | BindingFlags.Static).GetMethodBody();
        Console.WriteLine(b.GetILAsByteArray().Length + " " + b.MaxStackSize + " " + b.InitLocals + " " + b.LocalVariables.Count + " " + b.ExceptionHandlingClauses.Count + " " + (b.LocalSignatureMetadataToken >> 24));
        foreach (var lv in b.LocalVariables) Console.Write(lv.LocalIndex + ":" + lv.LocalType.Name + ":" + lv.IsPinned + " ");
        Console.WriteLine();
        foreach (var cl in b.ExceptionHandlingClauses)
            Console.Write(cl.Flags + " " + cl.TryOffset + " " + cl.TryLength + " " + cl.HandlerOffset + " " + cl.HandlerLength + " " + (cl.Flags == ExceptionHandlingClauseOptions.Clause ? cl.CatchType.Name : "-") + "; ");
        Console.WriteLine();
        int sum = 0; foreach (var x in b.GetILAsByteArray()) sum += x;
        Console.WriteLine(sum);
        foreach (var lv in typeof(Program).GetMethod("Pinned", BindingFlags.NonPublic | BindingFlags.Static).GetMethodBody().LocalVariables) Console.Write(lv.LocalIndex + ":" + lv.LocalType + ":" + lv.IsPinned + " ");
        Console.WriteLine();
        Console.WriteLine(typeof(object).GetMethod("GetType").GetMethodBody() == null);
        var tick = typeof(Program).GetMethod("Tick", BindingFlags.NonPublic | BindingFlags.Static);
        foreach (var a in tick.GetCustomAttributes(false).OrderBy(x => x.GetType().Name, StringComparer.Ordinal))
        {
            var di = a as DllImportAttribute;
            Console.WriteLine(a.GetType().Name + " " + (di != null ? di.Value + " " + di.EntryPoint + " " + di.SetLastError + " " + di.CharSet : ""));
        }
        Console.WriteLine(tick.Attributes + " " + tick.GetMethodImplementationFlags());
        return 0;
    }
}
