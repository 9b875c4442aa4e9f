// Properties (auto, computed, static, private setter, virtual), indexers (several
// overloads, multi-parameter), events (field-like and custom add/remove), EventHandler<T>.
using System;
using System.Collections.Generic;

class ValueChangedArgs : EventArgs
{
    public readonly int Old, New;
    public ValueChangedArgs(int o, int n) { Old = o; New = n; }
}

class Model
{
    int value;
    public event EventHandler<ValueChangedArgs> Changed;
    public event Action<string> Log;

    readonly List<Action> custom = new List<Action>();
    public event Action Custom
    {
        add { custom.Add(value); Console.WriteLine("add handler, count=" + custom.Count); }
        remove { custom.Remove(value); Console.WriteLine("remove handler, count=" + custom.Count); }
    }

    public int Value
    {
        get { return value; }
        set
        {
            if (value == this.value) return;
            int old = this.value;
            this.value = value;
            var h = Changed;
            if (h != null) h(this, new ValueChangedArgs(old, value));
            if (Log != null) Log("set " + value);
        }
    }

    public string Name { get; set; }
    public int ReadOnlyAuto { get; private set; }
    public static int StaticProp { get; set; }
    public virtual string Kind { get { return "model"; } }
    public void Bump() { ReadOnlyAuto++; }
    public void FireCustom() { foreach (var a in custom) a(); }
}

class SubModel : Model
{
    public override string Kind { get { return "sub" + base.Kind; } }
}

class Grid
{
    readonly int[,] cells;
    readonly Dictionary<string, int> named = new Dictionary<string, int>();
    public Grid(int w, int h) { cells = new int[w, h]; }
    public int this[int x, int y] { get { return cells[x, y]; } set { cells[x, y] = value; } }
    public int this[string key]
    {
        get { int v; return named.TryGetValue(key, out v) ? v : -1; }
        set { named[key] = value; }
    }
    public char this[long i] { get { return (char)('a' + i % 26); } }
}

static class Program
{
    static int Main(string[] args)
    {
        var m = new Model();
        m.Changed += (s, e) => Console.WriteLine("changed " + e.Old + " -> " + e.New + " sender is model: " + (s == m));
        Action<string> logger = s => Console.WriteLine("log: " + s);
        m.Log += logger;
        m.Value = 3;
        m.Value = 3;
        m.Value = 5;
        m.Log -= logger;
        m.Value = 6;
        Action c1 = () => Console.WriteLine("custom 1");
        Action c2 = () => Console.WriteLine("custom 2");
        m.Custom += c1;
        m.Custom += c2;
        m.FireCustom();
        m.Custom -= c1;
        m.FireCustom();

        m.Name = "alpha";
        m.Bump(); m.Bump();
        Model.StaticProp = 11;
        Model.StaticProp += 1;
        Console.WriteLine(m.Name + " " + m.ReadOnlyAuto + " " + Model.StaticProp + " " + m.Kind + " " + new SubModel().Kind);
        Model sm = new SubModel { Name = "beta", Value = 9 };
        Console.WriteLine(sm.Name + " " + sm.Value + " " + sm.Kind);

        var g = new Grid(3, 3);
        g[1, 2] = 12;
        g[2, 1] += 21;
        g["x"] = 100;
        g["x"]++;
        Console.WriteLine(g[1, 2] + " " + g[2, 1] + " " + g[0, 0] + " " + g["x"] + " " + g["missing"] + " " + g[27L]);
        var prop = typeof(Model).GetProperty("Value");
        Console.WriteLine(prop.Name + " " + prop.PropertyType.Name + " " + prop.CanRead + " " + prop.CanWrite);
        prop.SetValue(m, 42, null);
        Console.WriteLine("via reflection " + prop.GetValue(m, null));
        return 0;
    }
}
