// Properties: auto-properties (compiler backing fields), get-only, private set, static
// properties, virtual/abstract properties overridden, properties on structs and interfaces.
using System;

interface IHasId { int Id { get; } }
abstract class Entity : IHasId { public abstract int Id { get; } public virtual string Kind { get { return "entity"; } } }
class User : Entity
{
    public string Name { get; set; }
    public int Visits { get; private set; }
    public static int Instances { get; set; }
    public override int Id { get { return Name.Length; } }
    public override string Kind { get { return "user:" + base.Kind; } }
    public User() { Instances++; }
    public void Visit() { Visits++; }
}
struct Temp { int c; public int Celsius { get { return c; } set { c = value; } } public int Fahrenheit { get { return c * 9 / 5 + 32; } } }

class Properties
{
    static void Main()
    {
        User u = new User { Name = "alice" };
        u.Visit(); u.Visit();
        new User();
        Console.WriteLine(u.Name + " " + u.Visits + " " + User.Instances + " " + u.Id + " " + u.Kind + " " + ((IHasId)u).Id);
        Temp t = new Temp();
        t.Celsius = 100;
        Console.WriteLine(t.Celsius + " " + t.Fahrenheit);
        t.Celsius += 5;
        Console.WriteLine(t.Fahrenheit);
    }
}
