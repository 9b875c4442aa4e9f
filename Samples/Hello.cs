// A small sample for `Scripts/sample.sh`: compiled with mcs, then shown by cilbox.
using System;
using System.Text;

namespace Samples
{
    class Greeter
    {
        readonly string name;
        int count;

        public Greeter(string name) { this.name = name; }

        public string Greet(int times)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < times; i++)
            {
                count++;
                sb.Append("Hello, ").Append(name).Append('!');
                if (i + 1 < times) sb.Append(' ');
            }
            return sb.ToString();
        }

        public int Count { get { return count; } }
    }

    static class Program
    {
        static int Divide(int a, int b) { return a / b; }

        static int Main(string[] args)
        {
            var g = new Greeter("cilbox");
            Console.WriteLine(g.Greet(2));
            Console.WriteLine("greeted " + g.Count + " times");

            int sum = 0;
            for (int i = 1; i <= 10; i++) sum += i * i;
            Console.WriteLine("sum of squares 1..10 = " + sum);

            try
            {
                Console.WriteLine(Divide(1, args.Length));
            }
            catch (DivideByZeroException e)
            {
                Console.WriteLine("caught " + e.GetType().Name);
            }
            finally
            {
                Console.WriteLine("done");
            }
            return 0;
        }
    }
}
