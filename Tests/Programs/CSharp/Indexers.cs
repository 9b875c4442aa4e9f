// Indexers: int and string keys, multiple parameters, get/set, indexers on structs and
// interfaces, and compound assignment through an indexer.
using System;

interface IGrid { int this[int r, int c] { get; set; } }

class Grid : IGrid
{
    int[] cells = new int[12];
    public int this[int r, int c] { get { return cells[r * 4 + c]; } set { cells[r * 4 + c] = value; } }
    public string this[string key] { get { return key + "!"; } }
}

struct Bits { uint v; public bool this[int i] { get { return (v & (1u << i)) != 0; } set { if (value) v |= 1u << i; else v &= ~(1u << i); } } public uint Raw { get { return v; } } }

class Indexers
{
    static void Main()
    {
        Grid g = new Grid();
        g[1, 2] = 5;
        g[1, 2] += 10;
        g[1, 2]++;
        IGrid ig = g;
        ig[2, 3] = 7;
        Console.WriteLine(g[1, 2] + " " + ig[2, 3] + " " + g["k"]);
        Bits b = new Bits();
        b[0] = true; b[5] = true; b[31] = true; b[5] = false;
        Console.WriteLine(b.Raw + " " + b[0] + " " + b[5] + " " + b[31]);
    }
}
