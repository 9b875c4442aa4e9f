// Classes: constructors (chained with this(...)), instance and static methods, fields,
// properties with backing fields, object identity, `this` passing, and ToString override.
using System;

class Person
{
    static int created;
    readonly string name;
    int age;
    public Person(string name) : this(name, 0) { }
    public Person(string name, int age) { this.name = name; this.age = age; created++; }
    public string Name { get { return name; } }
    public int Age { get { return age; } set { age = value < 0 ? 0 : value; } }
    public static int Created { get { return created; } }
    public Person Older(int years) { return new Person(name, age + years); }
    public bool SameAs(Person other) { return ReferenceEquals(this, other); }
    public override string ToString() { return name + "(" + age + ")"; }
}

class Classes
{
    static void Main()
    {
        Person a = new Person("Ann");
        Person b = new Person("Bob", 30);
        a.Age = 25;
        b.Age = -3;
        Person c = a.Older(10);
        Console.WriteLine(a + " " + b + " " + c + " " + Person.Created);
        Console.WriteLine(a.SameAs(a) + " " + a.SameAs(c) + " " + (a.Name == c.Name));
        object o = c;
        Console.WriteLine(o.ToString() + " " + o.GetType().Name + " " + o.GetType().FullName);
        Console.WriteLine(new object().GetType().FullName + " " + new Classes().ToString());
    }
}
