/// The C# probe for `AttributeOracleTests`: it carries custom attributes with every argument kind,
/// constants of every type, marshalling descriptors, resources and type forwarders, and prints
/// each as the runtime sees it through reflection, one line apiece, in the format that
/// `AttributeOracleTests` renders cilbox's decoded values into. Compiled with mcs at test time.
enum AttributeProbe {
    static let source = #"""
// The probe: carries attributes, constants, marshalling descriptors and resources of every kind,
// and prints them as the runtime sees them (reflection), one line each, in a format the Swift
// test renders cilbox's decoded values into.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Security.Permissions;
using System.Text;

[assembly: AssemblyVersion("1.2.3.4")]
[assembly: Probe.Kitchen(1, Name = "on assembly")]
[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(StringBuilder))]
[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(System.Net.HttpStatusCode))]
[module: Probe.Kitchen(2, Name = "on module")]

namespace Probe {
    public enum Color : byte { Red = 1, Green = 200 }
    public enum Big : ulong { One = 1, Max = ulong.MaxValue }
    public enum Neg : sbyte { Min = -128 }
    public enum Wide : long { Min = long.MinValue }
    public enum Small : short { X = -3 }
    public enum UShort : ushort { Y = 65535 }
    public enum UInt : uint { Z = 4000000000 }
    public class Outer { public enum Inner { A = 5, B = -1 } public class Deeper { public enum Most : short { Q = 9 } } }

    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public class KitchenAttribute : Attribute {
        public KitchenAttribute(int i) { }
        public KitchenAttribute(bool b, char c, sbyte i1, byte u1, short i2, ushort u2, int i4, uint u4, long i8, ulong u8, float r4, double r8) { }
        public KitchenAttribute(string s, string nullString, string empty, Type t, Type nullType) { }
        public KitchenAttribute(Color c, Big b, Neg n, Wide w, Small s, UShort us, UInt ui, Outer.Inner inner, Outer.Deeper.Most most) { }
        public KitchenAttribute(AttributeTargets t, ConsoleColor cc, TypeCode tc, BindingFlags bf, System.Net.HttpStatusCode status) { }
        public KitchenAttribute(AceFlags flags, System.Net.Sockets.IOControlCode code) { }
        public KitchenAttribute(object o1, object o2, object o3, object o4, object o5, object o6, object o7, object o8) { }
        public KitchenAttribute(int[] ints, string[] strings, Type[] types, Color[] colors, object[] objects, byte[] nullBytes, AttributeTargets[] bcl) { }
        public KitchenAttribute(long[] longs, double[] doubles, char[] chars, bool[] bools, ulong[] ulongs, float[] floats, sbyte[] sbytes, short[] shorts, ushort[] ushorts, uint[] uints) { }
        public int IntField;
        public string StringField;
        public Type TypeField;
        public object ObjectField;
        public Color ColorField;
        public int[] ArrayField;
        public object[] ObjectsField;
        public AttributeTargets BclEnumField;
        public Big[] BigsField;
        public string Name { get; set; }
        public long LongProp { get; set; }
        public Type TypeProp { get; set; }
        public object ObjectProp { get; set; }
        public Big BigProp { get; set; }
        public string[] StringsProp { get; set; }
        public ConsoleColor[] BclEnumsProp { get; set; }
        public Outer.Inner InnerProp { get; set; }
        public double DoubleProp { get; set; }
        public char CharProp { get; set; }
        public bool BoolProp { get; set; }
        public AceFlags ByteBclEnumProp { get; set; }
    }

    [Kitchen(true, 'Z', -5, 250, -300, 60000, -70000, 4000000000, -1L << 40, ulong.MaxValue, 1.5f, -0.1)]
    [Kitchen(false, '\0', sbyte.MinValue, 0, short.MinValue, 0, int.MinValue, 0, long.MinValue, 0, float.NaN, double.NegativeInfinity)]
    [Kitchen(false, '\uffff', sbyte.MaxValue, byte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, 0, -0.0f, double.Epsilon)]
    [Kitchen("caf\u00e9 \"q\" \\ \u4e2d \U0001F600", null, "", typeof(Dictionary<string, int[]>), null)]
    [Kitchen("types", null, "x", typeof(Outer.Inner), typeof(List<>))]
    [Kitchen("arrays", "of types", "", typeof(int[][]), typeof(Outer.Deeper.Most[]))]
    [Kitchen(Color.Green, Big.Max, Neg.Min, Wide.Min, Small.X, UShort.Y, UInt.Z, Outer.Inner.B, Outer.Deeper.Most.Q)]
    [Kitchen((Color)0, (Big)0, (Neg)0, (Wide)7, (Small)0, (UShort)0, (UInt)0, (Outer.Inner)123, (Outer.Deeper.Most)(-1))]
    [Kitchen(AttributeTargets.Class | AttributeTargets.Field, ConsoleColor.DarkMagenta, TypeCode.Decimal, BindingFlags.NonPublic | BindingFlags.Static, System.Net.HttpStatusCode.NotFound)]
    [Kitchen(AceFlags.Inherited | AceFlags.FailedAccess, System.Net.Sockets.IOControlCode.KeepAliveValues)]
    [Kitchen(42, "boxed string", typeof(string), new int[] { 4, 5 }, null, 3.25, 'c', (byte)6)]
    [Kitchen(7L, (ushort)8, true, new string[] { "a", null }, new object[] { 1, "x", typeof(int), null, new int[] { 9 } }, new Type[] { typeof(Color) }, Color.Red, AttributeTargets.Method)]
    [Kitchen(new int[] { 1, -1, int.MaxValue }, new string[] { "x", null, "" }, new Type[] { typeof(int), typeof(string[]), typeof(List<>), null },
        new Color[] { Color.Red, Color.Green }, new object[] { 1, "two", 3.0, typeof(Color), new int[] { 4, 5 }, null, 'c', (byte)6, Color.Red, Big.Max, AttributeTargets.All, new object[0] },
        null, new AttributeTargets[] { AttributeTargets.Enum, AttributeTargets.All })]
    [Kitchen(new int[0], new string[0], null, null, null, new byte[0], new AttributeTargets[0])]
    [Kitchen(new long[] { long.MinValue, 0 }, new double[] { double.NaN, 1e308 }, new char[] { 'a', '\u1234' }, new bool[] { true, false },
        new ulong[] { ulong.MaxValue }, new float[] { float.PositiveInfinity, float.Epsilon }, new sbyte[] { -1 }, new short[] { -2 }, new ushort[] { 3 }, new uint[] { 4 })]
    [Kitchen(3, IntField = -9, StringField = "field", TypeField = typeof(Outer), ObjectField = 12, ColorField = Color.Green,
        ArrayField = new int[] { 3, 2, 1 }, ObjectsField = new object[] { Color.Red, null, typeof(string[]), AttributeTargets.Delegate }, BclEnumField = AttributeTargets.Interface,
        BigsField = new Big[] { Big.One, Big.Max })]
    [Kitchen(4, Name = "prop", LongProp = long.MinValue, TypeProp = typeof(KitchenAttribute), ObjectProp = "boxed in a property",
        BigProp = Big.Max, StringsProp = new string[] { null, "s" }, BclEnumsProp = new ConsoleColor[] { ConsoleColor.Red },
        InnerProp = Outer.Inner.A, DoubleProp = -2.5, CharProp = 'q', BoolProp = true, ByteBclEnumProp = AceFlags.ContainerInherit)]
    [Kitchen(5, StringField = null, TypeField = null, ObjectField = null, ArrayField = null, StringsProp = null, ObjectProp = new object[] { 1 }, TypeProp = null)]
    [Kitchen(6, ObjectField = typeof(int), ObjectProp = new Color[] { Color.Green }, LongProp = 0)]
    [Kitchen(7, ObjectField = Color.Green, ObjectProp = AttributeTargets.Module)]
    public class Target {
        [Kitchen(10)] public int Field;
        [Kitchen(11)] public static string StaticField;
        [Kitchen(12)] [return: Kitchen(13)]
        public int Method([Kitchen(14)] int p, [Kitchen(15), Kitchen(16)] string q = "default") { return 0; }
        [Kitchen(20)] public string Prop { get; set; }
        [Kitchen(30)] public event EventHandler Evt;
        public void Generic<[Kitchen(40)] T>() { if (Evt != null) Evt(this, EventArgs.Empty); }
        [Kitchen(50)] public Target() { }
        [Obsolete("old api", true)] public void Old() { }
        [SecurityPermission(SecurityAction.Demand, UnmanagedCode = true)] public void Secure() { }
        [Kitchen(60)] public class NestedTarget { [Kitchen(61)] public Outer.Inner F; }
    }

    public class Gen<T> { [Kitchen(70)] public T F; }

    public class Constants {
        public const bool CTrue = true, CFalse = false;
        public const char CChar = '\u03a9', CCharMax = '\uffff';
        public const sbyte CI1 = sbyte.MinValue;
        public const byte CU1 = byte.MaxValue;
        public const short CI2 = short.MinValue;
        public const ushort CU2 = ushort.MaxValue;
        public const int CI4 = int.MinValue, CI4b = 123456;
        public const uint CU4 = uint.MaxValue;
        public const long CI8 = long.MinValue;
        public const ulong CU8 = ulong.MaxValue;
        public const float CR4 = 1.5f, CR4Nan = float.NaN, CR4NegZero = -0.0f;
        public const double CR8 = -0.1, CR8Inf = double.PositiveInfinity, CR8Tiny = double.Epsilon;
        public const string CString = "h\u00e9llo \U0001F600", CEmpty = "", CNull = null, CLone = "\ud800x\udc00";
        public const object CObject = null;
        public const Color CColor = Color.Green;
        public const Big CBig = Big.Max;
        public const Outer.Inner CInner = Outer.Inner.B;
        public static void Defaults(int a = 5, string s = "x", string n = null, Color c = Color.Red, double d = 1.5, object o = null,
                                    char ch = 'k', bool b = true, long l = -1, ulong u = 18446744073709551615, float f = -2.5f, int? ni = null, decimal m = 1.5m) { }
    }

    public class Native {
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 4, ArraySubType = UnmanagedType.I2)] public short[] A;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public short[] A2;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 16)] public string B;
        [MarshalAs(UnmanagedType.LPWStr)] public string C;
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.U1, SizeParamIndex = 2, SizeConst = 10)] public byte[] D;
        [MarshalAs(UnmanagedType.LPArray)] public byte[] D2;
        [MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 1)] public byte[] D3;
        [MarshalAs(UnmanagedType.SafeArray, SafeArraySubType = VarEnum.VT_BSTR)] public string[] E;
        [MarshalAs(UnmanagedType.SafeArray, SafeArraySubType = VarEnum.VT_RECORD, SafeArrayUserDefinedSubType = typeof(Native))] public object[] E2;
        [MarshalAs(UnmanagedType.CustomMarshaler, MarshalType = "Foo.Bar, baz", MarshalCookie = "cookie")] public object F;
        [MarshalAs(UnmanagedType.Interface, IidParameterIndex = 3)] public object G;
        [MarshalAs(UnmanagedType.Bool)] public bool H;
        [MarshalAs(UnmanagedType.IUnknown)] public object I;
        [MarshalAs(UnmanagedType.FunctionPtr)] public Delegate J;
        [DllImport("nowhere")] static extern int X([MarshalAs(UnmanagedType.LPStr)] string s, [MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 0)] int[] a,
                                                   [MarshalAs(UnmanagedType.U1)] bool b);
    }

    public static class Program {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        // Attributes the runtime makes up from flags and tables (they have no CustomAttribute row).
        static readonly HashSet<string> Pseudo = new HashSet<string> {
            "System.SerializableAttribute", "System.NonSerializedAttribute", "System.Runtime.InteropServices.MarshalAsAttribute",
            "System.Runtime.InteropServices.DllImportAttribute", "System.Runtime.InteropServices.StructLayoutAttribute",
            "System.Runtime.InteropServices.FieldOffsetAttribute", "System.Runtime.InteropServices.ComImportAttribute",
            "System.Runtime.InteropServices.PreserveSigAttribute", "System.Runtime.InteropServices.InAttribute",
            "System.Runtime.InteropServices.OutAttribute", "System.Runtime.InteropServices.OptionalAttribute",
            "System.Runtime.CompilerServices.MethodImplAttribute" };

        public static int Main(string[] args) {
            if (args.Length == 2 && args[0] == "resolve") { Resolve(args[1]); return 0; }
            // "dump FILE": the attributes and constants of another assembly, the same way.
            var asm = args.Length == 2 && args[0] == "dump" ? Assembly.LoadFrom(args[1]) : typeof(Program).Assembly;
            Attributes("assembly", asm.GetCustomAttributesData());
            Attributes("module", asm.ManifestModule.GetCustomAttributesData());
            foreach (var t in asm.GetTypes()) {
                string tn = t.FullName;
                Attributes("type " + tn, t.GetCustomAttributesData());
                foreach (var f in t.GetFields(All)) {
                    Attributes("field " + tn + "::" + f.Name, f.GetCustomAttributesData());
                    if ((f.Attributes & FieldAttributes.HasDefault) != 0) Line("C|field " + tn + "::" + f.Name + "|" + V(f.GetRawConstantValue()));
                    foreach (MarshalAsAttribute m in f.GetCustomAttributes(typeof(MarshalAsAttribute), false)) Line("M|field " + tn + "::" + f.Name + "|" + Marshal(m));
                }
                var methods = new List<MethodBase>();
                methods.AddRange(t.GetMethods(All));
                methods.AddRange(t.GetConstructors(All));
                foreach (var m in methods) {
                    string mn = tn + "::" + m.Name + "/" + m.GetParameters().Length;
                    Attributes("method " + mn, m.GetCustomAttributesData());
                    var ps = new List<ParameterInfo>(m.GetParameters());
                    if (m is MethodInfo) ps.Add(((MethodInfo)m).ReturnParameter);
                    foreach (var p in ps) {
                        string pn = "param " + mn + "#" + (p.Position + 1);
                        Attributes(pn, p.GetCustomAttributesData());
                        if ((p.Attributes & ParameterAttributes.HasDefault) != 0) Line("C|" + pn + "|" + V(p.RawDefaultValue));
                        foreach (MarshalAsAttribute a in p.GetCustomAttributes(typeof(MarshalAsAttribute), false)) Line("M|" + pn + "|" + Marshal(a));
                    }
                }
                foreach (var p in t.GetProperties(All)) Attributes("property " + tn + "::" + p.Name, p.GetCustomAttributesData());
                foreach (var e in t.GetEvents(All)) Attributes("event " + tn + "::" + e.Name, e.GetCustomAttributesData());
            }
            if (args.Length == 2) return 0;
            foreach (var name in asm.GetManifestResourceNames()) {
                var info = asm.GetManifestResourceInfo(name);
                string where = (info.ResourceLocation & ResourceLocation.Embedded) != 0 ? "embedded" : "file " + info.FileName;
                string data = "";
                if (info.FileName == null) {
                    using (var s = asm.GetManifestResourceStream(name)) { var sb = new StringBuilder(); int b; while ((b = s.ReadByte()) >= 0) sb.Append(b.ToString("x2")); data = sb.ToString(); }
                }
                Line("R|" + name + "|" + where + "|" + data);
            }
            var me = asm.GetName();
            Line("I|" + me.Name + "|" + me.Version + "|" + Hex(me.GetPublicKeyToken()));
            foreach (var r in asm.GetReferencedAssemblies())
                Line("F|" + r.Name + "|" + r.Version + "|" + (r.CultureName == "" ? "neutral" : r.CultureName) + "|" + Hex(r.GetPublicKeyToken()));
            return 0;
        }

        // For each full type name on stdin: the assembly the runtime finds it in through `assembly`.
        static void Resolve(string assembly) {
            string name;
            while ((name = Console.ReadLine()) != null) {
                var t = Type.GetType(name + ", " + assembly, false);
                Line("X|" + name + "|" + (t == null ? "unresolved" : t.FullName + "|" + t.Assembly.GetName().Name));
            }
        }

        static void Line(string s) { Console.Out.Write(s + "\n"); }

        static void Attributes(string owner, IList<CustomAttributeData> list) {
            foreach (var d in list) {
                var type = d.Constructor.DeclaringType;
                if (Pseudo.Contains(type.FullName)) continue;
                var ps = new List<string>();
                foreach (var p in d.Constructor.GetParameters()) ps.Add(p.ParameterType.FullName);
                var args = new List<string>();
                foreach (var a in d.ConstructorArguments) args.Add(R(a));
                var named = new List<string>();
                foreach (var n in d.NamedArguments) {
                    var declared = n.MemberInfo is FieldInfo ? ((FieldInfo)n.MemberInfo).FieldType : ((PropertyInfo)n.MemberInfo).PropertyType;
                    named.Add((n.IsField ? "F:" : "P:") + n.MemberInfo.Name + ":" + declared.FullName + "=" + R(n.TypedValue));
                }
                Line("A|" + owner + "|" + type.FullName + "|(" + string.Join(",", ps.ToArray()) + ")|" + string.Join(";", args.ToArray()) + "|" + string.Join(";", named.ToArray()));
            }
        }

        static string R(CustomAttributeTypedArgument a) {
            object v = a.Value;
            if (v == null) return "null";
            var list = v as ReadOnlyCollection<CustomAttributeTypedArgument>;
            if (list != null) {
                var parts = new List<string>();
                foreach (var e in list) parts.Add(R(e));
                return "{" + string.Join(",", parts.ToArray()) + "}";
            }
            if (a.ArgumentType.IsEnum) return a.ArgumentType.FullName + ":" + Convert.ToString(v, CultureInfo.InvariantCulture);
            if (v is Type) return "typeof:" + ((Type)v).FullName;
            return V(v);
        }

        static string V(object v) {
            if (v == null) return "null";
            if (v is string) return "System.String:" + Escape((string)v);
            if (v is char) return "System.Char:" + (int)(char)v;
            if (v is float) return "System.Single:" + BitConverter.ToInt32(BitConverter.GetBytes((float)v), 0).ToString("X8");
            if (v is double) return "System.Double:" + BitConverter.DoubleToInt64Bits((double)v).ToString("X16");
            return v.GetType().FullName + ":" + Convert.ToString(v, CultureInfo.InvariantCulture);
        }

        static string Escape(string s) {
            var sb = new StringBuilder("\"");
            foreach (char c in s) {
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') sb.Append(c); else sb.Append("\\u" + ((int)c).ToString("X4"));
            }
            return sb.Append('"').ToString();
        }

        static string Hex(byte[] b) {
            if (b == null || b.Length == 0) return "null";
            var sb = new StringBuilder();
            foreach (var x in b) sb.Append(x.ToString("x2"));
            return sb.ToString();
        }

        // Only what Mono's MarshalAsAttribute reports faithfully for each kind (it drops the rest).
        static string Marshal(MarshalAsAttribute m) {
            int v = (int)m.Value;
            switch (m.Value) {
            case UnmanagedType.ByValArray: case UnmanagedType.ByValTStr: return v + " size=" + m.SizeConst;
            case UnmanagedType.LPArray: return v + " sub=" + (int)m.ArraySubType + " size=" + m.SizeConst + " param=" + m.SizeParamIndex;
            case UnmanagedType.CustomMarshaler: return v + " type=" + m.MarshalType + " cookie=" + m.MarshalCookie;
            default: return v.ToString();
            }
        }
    }
}
"""#
}
