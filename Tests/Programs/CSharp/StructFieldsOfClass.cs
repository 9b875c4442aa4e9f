// Structs stored as fields of classes, accessed through ldflda chains; struct-typed
// properties (returning copies); struct members of generic classes.
using System;

struct Money { public long Cents; public string Currency; public void Add(long c) { Cents += c; } }

class Account
{
    public Money Balance;
    public Money Snapshot { get { return Balance; } }
    public Account(long c) { Balance.Cents = c; Balance.Currency = "EUR"; }
}

class Wrapper<T> where T : struct { public T Value; }

class StructFieldsOfClass
{
    static void Main()
    {
        Account acc = new Account(100);
        acc.Balance.Add(50);
        acc.Snapshot.Add(1000);  // modifies a temporary copy
        Money m = acc.Snapshot;
        m.Add(1);
        Console.WriteLine(acc.Balance.Cents + " " + m.Cents + " " + acc.Balance.Currency);
        Wrapper<Money> w = new Wrapper<Money>();
        w.Value.Add(7);
        w.Value.Currency = "USD";
        Wrapper<Money> w2 = new Wrapper<Money>();
        w2.Value = w.Value;
        w2.Value.Add(3);
        Console.WriteLine(w.Value.Cents + " " + w2.Value.Cents + " " + w2.Value.Currency);
        Wrapper<int> wi = new Wrapper<int>();
        wi.Value += 41; wi.Value++;
        Console.WriteLine(wi.Value);
    }
}
