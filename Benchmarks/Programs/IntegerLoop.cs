// Tight integer loop: arithmetic, compare, branch.
class P { static int Main() { int s = 0; for (int i = 0; i < 100000000; i++) { s += i ^ (i >> 3); } System.Console.WriteLine(s); return 0; } }
