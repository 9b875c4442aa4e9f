// Custom attributes with every argument kind (bool, char, all integer types, float, double,
// string, null string, Type (incl. generic, array and nested types), enum (int and byte
// based), object holding boxed values / Type / arrays, 1-D arrays of each kind), named
// properties and fields, AllowMultiple, inheritance, attributes on assembly, type, method,
// parameter, return value, field, property, event and generic parameter; read by reflection.
using System;
using System.Reflection;
using System.Collections.Generic;

[assembly: Program.Info("on assembly", Number = 1)]

enum Level { Low = 1, High = 2 }
enum Tiny : byte { A = 7, B = 200 }

[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = true)]
class KitchenSinkAttribute : Attribute
{
    public readonly List<string> Args = new List<string>();
    public KitchenSinkAttribute(bool b, char c, sbyte i1, byte u1, short i2, ushort u2, int i4, uint u4, long i8, ulong u8,
        float r4, double r8, string s, Type t, Level e, Tiny tiny, object o)
    {
        Args.Add(b + " " + (int)c + " " + i1 + " " + u1 + " " + i2 + " " + u2 + " " + i4 + " " + u4 + " " + i8 + " " + u8);
        Args.Add(BitConverter.DoubleToInt64Bits(r4).ToString("X") + " " + BitConverter.DoubleToInt64Bits(r8).ToString("X"));
        Args.Add((s == null ? "<null>" : Program.Show(s)) + " " + (t == null ? "<null type>" : t.ToString()) + " " + e + " " + tiny + " " + Program.Show(o));
    }
    public KitchenSinkAttribute(int[] ints, string[] strings, Type[] types, Level[] levels, object[] objects, byte[] bytes)
    {
        Args.Add("ints " + Program.Show(ints));
        Args.Add("strings " + Program.Show(strings));
        Args.Add("types " + Program.Show(types));
        Args.Add("levels " + Program.Show(levels));
        Args.Add("objects " + Program.Show(objects));
        Args.Add("bytes " + Program.Show(bytes));
    }
    public string Named { get; set; }
    public int[] NamedArray { get; set; }
    public Type NamedType;
    public object NamedObject;
    public Level NamedEnum;
    public override string ToString()
    {
        return string.Join(" | ", Args.ToArray()) + " || Named=" + (Named ?? "-") + " NamedArray=" + Program.Show(NamedArray) +
            " NamedType=" + (NamedType == null ? "-" : NamedType.ToString()) + " NamedObject=" + Program.Show(NamedObject) + " NamedEnum=" + NamedEnum;
    }
}

[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
class TagAttribute : Attribute
{
    public readonly int Order;
    public TagAttribute(int order) { Order = order; }
}

class Outer { public class Nested<T> { } }

[KitchenSink(true, 'Z', -5, 250, -300, 60000, -70000, 4000000000, -1L << 40, ulong.MaxValue,
    1.5f, -0.1, "str\"with\\escapes\u00e9", typeof(Dictionary<string, int[]>), Level.High, Tiny.B, 123L,
    Named = "prop", NamedArray = new[] { 3, 2, 1 }, NamedType = typeof(Outer.Nested<Level>), NamedObject = Tiny.A, NamedEnum = (Level)5)]
[KitchenSink(new[] { 1, -1 }, new[] { "x", null, "" }, new[] { typeof(int), typeof(string[]), typeof(List<>) },
    new[] { Level.Low, Level.High }, new object[] { 1, "two", 3.0, typeof(Level), new[] { 4, 5 }, null, 'c', (byte)6, Level.Low },
    new byte[0])]
[Tag(2), Tag(1), Tag(3)]
[Serializable]
class Target
{
    [KitchenSink(false, '\0', 0, 0, 0, 0, 0, 0, 0, 0, float.NaN, double.NegativeInfinity, null, null, (Level)0, (Tiny)0, null)]
    public int Field;

    [Tag(10)]
    [return: Tag(11)]
    public int Method([Tag(12)] int p, [Tag(13), Tag(14)] string q) { return 0; }

    [Tag(20)] public string Prop { get; set; }
    [Tag(30)] public event EventHandler Evt;
    public void Generic<[Tag(40)] T>() { if (Evt != null) Evt(this, EventArgs.Empty); }
    [Obsolete("old api", false)] public void Old() { }
}

class SubTarget : Target { }

static class Program
{
    [AttributeUsage(AttributeTargets.Assembly)]
    public class InfoAttribute : Attribute
    {
        public readonly string Text;
        public int Number { get; set; }
        public InfoAttribute(string text) { Text = text; }
    }

    public static string Show(object o)
    {
        if (o == null) return "null";
        if (o is string)
        {
            string r = "'";
            foreach (char c in (string)o) r += c >= ' ' && c < '\x7f' ? c.ToString() : "\\u" + ((int)c).ToString("x4");
            return r + "'";
        }
        if (o is Type) return "typeof(" + o + ")";
        Array arr = o as Array;
        if (arr != null)
        {
            var parts = new List<string>();
            foreach (object e in arr) parts.Add(Show(e));
            return o.GetType().GetElementType().Name + "[" + string.Join(",", parts.ToArray()) + "]";
        }
        if (o is double) return "double:" + BitConverter.DoubleToInt64Bits((double)o).ToString("X");
        if (o is char) return "char:" + (int)(char)o;
        return o.GetType().Name + ":" + o;
    }

    static string Tags(ICustomAttributeProvider p)
    {
        var orders = new List<int>();
        foreach (TagAttribute t in p.GetCustomAttributes(typeof(TagAttribute), false)) orders.Add(t.Order);
        orders.Sort();
        return string.Join(",", orders.ConvertAll(x => x.ToString()).ToArray());
    }

    static int Main(string[] args)
    {
        var sinks = new List<string>();
        foreach (KitchenSinkAttribute k in typeof(Target).GetCustomAttributes(typeof(KitchenSinkAttribute), false)) sinks.Add(k.ToString());
        sinks.Sort(string.CompareOrdinal);
        foreach (string s in sinks) Console.WriteLine(s);
        Console.WriteLine("field: " + typeof(Target).GetField("Field").GetCustomAttributes(typeof(KitchenSinkAttribute), false)[0]);

        Console.WriteLine("type tags " + Tags(typeof(Target)) + " inherited " + typeof(SubTarget).GetCustomAttributes(typeof(KitchenSinkAttribute), true).Length +
            " not inherited " + typeof(SubTarget).GetCustomAttributes(typeof(KitchenSinkAttribute), false).Length + " tags inherited " + typeof(SubTarget).GetCustomAttributes(typeof(TagAttribute), true).Length);
        Console.WriteLine("serializable " + typeof(Target).IsSerializable + " " + typeof(Target).IsDefined(typeof(SerializableAttribute), false));
        MethodInfo m = typeof(Target).GetMethod("Method");
        Console.WriteLine("method " + Tags(m) + " return " + Tags(m.ReturnParameter) + " p " + Tags(m.GetParameters()[0]) + " q " + Tags(m.GetParameters()[1]));
        Console.WriteLine("property " + Tags(typeof(Target).GetProperty("Prop")) + " event " + Tags(typeof(Target).GetEvent("Evt")) +
            " generic param " + Tags(typeof(Target).GetMethod("Generic").GetGenericArguments()[0]));
        var obs = (ObsoleteAttribute)typeof(Target).GetMethod("Old").GetCustomAttributes(typeof(ObsoleteAttribute), false)[0];
        Console.WriteLine("obsolete '" + obs.Message + "' error=" + obs.IsError);
        var info = (InfoAttribute)typeof(Program).Assembly.GetCustomAttributes(typeof(InfoAttribute), false)[0];
        Console.WriteLine("assembly '" + info.Text + "' " + info.Number);
        var data = new List<string>();
        foreach (CustomAttributeData cad in CustomAttributeData.GetCustomAttributes(typeof(Target)))
        {
            if (cad.Constructor.DeclaringType != typeof(TagAttribute)) continue;
            data.Add(cad.Constructor.DeclaringType.Name + "(" + cad.ConstructorArguments[0].ArgumentType.Name + " " + cad.ConstructorArguments[0].Value + ")");
        }
        data.Sort(string.CompareOrdinal);
        Console.WriteLine("attribute data " + string.Join(" ", data.ToArray()));
        return 0;
    }
}
