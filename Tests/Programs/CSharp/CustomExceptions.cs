// User-defined exception hierarchy: catch order by specificity, exception fields set in
// constructors, virtual Message override, exception objects stored and thrown later.
using System;

class AppError : Exception { public readonly int Code; public AppError(int code) : base("app") { Code = code; } public override string Message { get { return "code " + Code; } } }
class DbError : AppError { public string Table; public DbError(string t) : base(500) { Table = t; } }
class NetError : AppError { public NetError() : base(404) { } }

class CustomExceptions
{
    static void Raise(int i)
    {
        switch (i) { case 0: throw new DbError("users"); case 1: throw new NetError(); case 2: throw new AppError(1); default: throw new Exception("plain"); }
    }

    static void Main()
    {
        for (int i = 0; i < 4; i++)
        {
            try { Raise(i); }
            catch (DbError e) { Console.WriteLine("db " + e.Table + " " + e.Code + " " + e.Message); }
            catch (AppError e) { Console.WriteLine("app " + e.GetType().Name + " " + e.Code + " " + e.Message); }
            catch (Exception e) { Console.WriteLine("base " + e.GetType().FullName); }
        }
        Exception saved = new NetError();
        try { throw saved; } catch (Exception e) { Console.WriteLine(ReferenceEquals(e, saved) + " " + (e is AppError)); }
    }
}
