// Interface calls: a class implementing several interfaces, interface inheritance, the same
// interface implemented by a base and re-implemented by a derived class, interface calls on
// structs (boxed) and through generic interfaces.
using System;

interface IName { string Name(); }
interface IAge { int Age(); }
interface IPerson : IName, IAge { string Both(); }
interface IGet<T> { T Get(); }

class Base : IName { public virtual string Name() { return "base"; } }
class Derived : Base { public override string Name() { return "derived"; } }
class Reimpl : Base, IName { public new string Name() { return "reimpl"; } }
class Full : IPerson, IGet<int>, IGet<string>
{
    public string Name() { return "full"; }
    public int Age() { return 33; }
    public string Both() { return Name() + Age(); }
    int IGet<int>.Get() { return 1; }
    string IGet<string>.Get() { return "one"; }
}
struct Val : IName { public int N; public string Name() { return "val" + N; } }

class InterfaceDispatch
{
    static void Main()
    {
        IName[] names = { new Base(), new Derived(), new Reimpl(), new Full(), new Val { N = 5 } };
        foreach (IName n in names) Console.Write(n.Name() + " ");
        Console.WriteLine();
        Base r = new Reimpl();
        Console.WriteLine(r.Name() + " " + ((IName)r).Name());
        IPerson p = new Full();
        Console.WriteLine(p.Both() + " " + ((IAge)p).Age() + " " + ((IGet<int>)p).Get() + " " + ((IGet<string>)p).Get());
        object o = new Full();
        Console.WriteLine((o is IPerson) + " " + (o is IGet<long>) + " " + (o as IName != null));
    }
}
