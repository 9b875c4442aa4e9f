// ConditionalWeakTable<TKey, TValue> (ephemerons): Add, TryGetValue, Remove, GetValue with a
// callback, GetOrCreateValue, duplicate keys, identity (not Equals) keys, growth past the initial
// size, values reachable only through the table while their key lives (across collections), and
// values whose key died: gone after a collection (watched through a weak reference; the key is
// made in a separate method and the stack is scrubbed, so no stale copy keeps it).
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

class Key
{
    public int Id;
    public Key(int id) { Id = id; }
    public override bool Equals(object o) { return o is Key && ((Key)o).Id == Id; }
    public override int GetHashCode() { return Id; }
}

class Value
{
    public string Name;
    public Value Link;
    public Value(string name) { Name = name; }
}

class ConditionalWeakTables
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Scrub(int depth)
    {
        long a = depth, b = depth * 3, c = depth * 5, d = depth * 7;
        if (depth > 0) a += Scrub(depth - 1);
        return a + b + c + d;
    }

    static void Collect()
    {
        Scrub(64);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference AddDeadEntry(ConditionalWeakTable<Key, Value> table)
    {
        var v = new Value("orphan");
        table.Add(new Key(-1), v);
        return new WeakReference(v);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void AddValues(ConditionalWeakTable<Key, Value> table, Key[] keys)
    {
        for (int i = 0; i < keys.Length; i++) {
            var v = new Value("v" + i);
            // Values that reference each other and keys: kept only through the table.
            v.Link = new Value("link" + keys[(i + 1) % keys.Length].Id);
            table.Add(keys[i], v);
        }
    }

    static void Main()
    {
        var table = new ConditionalWeakTable<Key, Value>();
        var k1 = new Key(1);
        var k1Twin = new Key(1);
        table.Add(k1, new Value("one"));
        Value v;
        Console.WriteLine(table.TryGetValue(k1, out v) + " " + v.Name);
        Console.WriteLine(table.TryGetValue(k1Twin, out v) + " " + (v == null));
        try { table.Add(k1, new Value("again")); Console.WriteLine("no exception"); }
        catch (ArgumentException) { Console.WriteLine("duplicate: ArgumentException"); }
        try { table.Add(null, new Value("null")); Console.WriteLine("no exception"); }
        catch (ArgumentNullException) { Console.WriteLine("null key: ArgumentNullException"); }
        table.Add(k1Twin, new Value("twin"));
        Console.WriteLine(table.TryGetValue(k1Twin, out v) + " " + v.Name);
        Console.WriteLine(table.Remove(k1) + " " + table.Remove(k1) + " " + table.TryGetValue(k1, out v));
        Console.WriteLine(table.GetValue(k1, k => new Value("created for " + k.Id)).Name);
        Console.WriteLine(table.GetValue(k1, k => new Value("not called")).Name);
        var byDefault = new ConditionalWeakTable<Key, List<int>>();
        byDefault.GetOrCreateValue(k1).Add(5);
        byDefault.GetOrCreateValue(k1).Add(6);
        Console.WriteLine(byDefault.GetOrCreateValue(k1).Count);

        // Many live keys: the table grows; values live only in the table.
        var keys = new Key[300];
        for (int i = 0; i < keys.Length; i++) keys[i] = new Key(1000 + i);
        var big = new ConditionalWeakTable<Key, Value>();
        AddValues(big, keys);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20000; i++) { var garbage = new object[8]; }
            Collect();
        }
        bool ok = true;
        for (int i = 0; i < keys.Length; i++) {
            if (!big.TryGetValue(keys[i], out v) || v.Name != "v" + i || v.Link.Name != "link" + (1000 + (i + 1) % keys.Length)) ok = false;
            if (i % 3 == 0) big.Remove(keys[i]);
        }
        Console.WriteLine("all values kept: " + ok);
        int found = 0;
        for (int i = 0; i < keys.Length; i++) if (big.TryGetValue(keys[i], out v)) found++;
        Console.WriteLine(found);

        // A value whose key died goes with it.
        var orphan = AddDeadEntry(table);
        Collect();
        Collect();
        Console.WriteLine("orphan value collected: " + !orphan.IsAlive);
        Console.WriteLine(table.TryGetValue(k1Twin, out v) + " " + v.Name);
        GC.KeepAlive(k1);
        GC.KeepAlive(k1Twin);
        GC.KeepAlive(keys);
    }
}
