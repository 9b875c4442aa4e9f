// Recursive static calls.
class P { static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); } static int Main() { System.Console.WriteLine(Fib(30)); return 0; } }
