// Array reads and writes with bounds checks.
class P { static int Main() {
  int[] a = new int[1000];
  long sum = 0;
  for (int r = 0; r < 20000; r++) for (int i = 0; i < a.Length; i++) { a[i] += i ^ r; sum += a[i]; }
  System.Console.WriteLine(sum); return 0; } }
