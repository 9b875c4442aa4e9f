// Allocation of short-lived objects and arrays (exercises the GC).
class Node { public Node Next; public int Value; public int[] Data; }
class P { static int Main() {
  Node keep = null; long sum = 0;
  for (int i = 0; i < 3000000; i++) { var n = new Node { Value = i, Data = new int[4] }; n.Data[1] = i; sum += n.Data[1]; if (i % 100000 == 0) { n.Next = keep; keep = n; } }
  int count = 0; for (var n = keep; n != null; n = n.Next) count++;
  System.Console.WriteLine(sum + " " + count); return 0; } }
