// Arrays of structs: ldelema for in-place updates, ldelem/stelem of whole structs (ldobj/stobj
// semantics), structs with references inside arrays, Array.Copy of struct arrays, default values.
using System;

struct Item { public int Id; public string Name; public double Weight; }

class StructArrays
{
    static void Main()
    {
        Item[] items = new Item[5];
        for (int i = 0; i < items.Length; i++)
        {
            items[i].Id = i * 10;
            items[i].Name = "item" + i;
            items[i].Weight = i / 2.0;
        }
        Item tmp = items[4];
        items[4] = items[0];
        items[0] = tmp;
        Item[] copy = new Item[5];
        Array.Copy(items, copy, 5);
        copy[1].Id = -1;
        foreach (Item it in items) Console.WriteLine(it.Id + " " + it.Name + " " + BitConverter.DoubleToInt64Bits(it.Weight).ToString("X16"));
        Console.WriteLine(copy[1].Id + " " + items[1].Id + " " + copy[0].Name);
        Item[,] grid = new Item[2, 3];
        grid[1, 2].Id = 12;
        grid[1, 2].Name = "g";
        Console.WriteLine(grid[1, 2].Id + grid[1, 2].Name + grid[0, 0].Id + (grid[0, 1].Name == null));
        long[][] jag = new long[2][];
        jag[0] = new long[] { 1, 2 };
        Console.WriteLine(jag[0][1] + " " + (jag[1] == null));
    }
}
