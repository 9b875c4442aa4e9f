// An unhandled user-defined exception type in a namespace, thrown from a nested call:
// exit code 1 and the stderr report names Demo.Errors.QuotaExceeded.
using System;

namespace Demo.Errors
{
    class QuotaExceeded : Exception { public QuotaExceeded() : base("quota") { } }

    class UnhandledCustom
    {
        static void Use(int n) { if (n > 2) throw new QuotaExceeded(); Console.WriteLine("use " + n); Use(n + 1); }
        static int Main() { Use(0); return 0; }
    }
}
