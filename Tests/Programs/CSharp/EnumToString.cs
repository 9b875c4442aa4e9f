// Enum.ToString (names come from metadata), Enum.Parse, flags formatting, IsDefined,
// GetValues, unnamed values.
using System;

enum Day { Mon, Tue, Wed }
[Flags] enum Opt { None = 0, A = 1, B = 2, C = 4 }

class EnumToString
{
    static void Main()
    {
        Console.WriteLine(Day.Tue.ToString() + " " + Day.Wed + " " + (Day)7);
        Console.WriteLine((Opt.A | Opt.C).ToString() + " " + Opt.None + " " + (Opt)8);
        Day d = (Day)Enum.Parse(typeof(Day), "Wed");
        Console.WriteLine((int)d + " " + Enum.IsDefined(typeof(Day), 1) + " " + Enum.IsDefined(typeof(Day), 5));
        foreach (Day x in Enum.GetValues(typeof(Day))) Console.Write(x + "=" + (int)x + " ");
        Console.WriteLine();
        Console.WriteLine(string.Join(",", Enum.GetNames(typeof(Opt))));
        Console.WriteLine(Day.Mon.ToString("D") + " " + Opt.C.ToString("X"));
    }
}
