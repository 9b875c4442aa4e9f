import Foundation
import Testing

/// Finalizers at the end of a run (Execution/Finalization.swift). Mono finalizes every registered
/// object at shutdown, in no fixed order and racing with the console's own finalizer (a run may
/// print them or die with code 255), so these expectations are cilbox's deterministic choice:
/// the program's objects in registration order, none after an unhandled exception, none for
/// objects allocated while finalizing at exit.
@Suite struct FinalizationAtExitTests {
    static let source = """
        using System;
        using System.Runtime.CompilerServices;
        class F { string n; public F(string n) { this.n = n; } ~F() { Console.WriteLine("finalize " + n); } }
        class Spawner { ~Spawner() { Console.WriteLine("finalize spawner"); new F("late"); } }
        class P {
          static F keep;
          [MethodImpl(MethodImplOptions.NoInlining)] static void Make(string n) { new F(n); }
          static int Main(string[] args) {
            keep = new F("static");
            Make("garbage");
            GC.SuppressFinalize(new F("suppressed"));
            new Spawner();
            Console.WriteLine("main");
            if (args[0] == "exit") Environment.Exit(3);
            if (args[0] == "throw") throw new InvalidOperationException("x");
            return 0;
          }
        }
        """

    func program() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-finalization-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent("AtExit.exe").path
        if FileManager.default.fileExists(atPath: exe) { return exe }
        let src = dir.appendingPathComponent("AtExit.cs")
        try Self.source.write(to: src, atomically: true, encoding: .utf8)
        let mcs = try Process.capture(try Process.tool("mcs"), ["-nologo", "-out:" + exe, src.path])
        try #require(mcs.status == 0, "\(mcs.stdout)\(mcs.stderr)")
        return exe
    }

    static let finalized = "main\nfinalize static\nfinalize garbage\nfinalize spawner\n"

    @Test func mainReturning() throws {
        let r = try CilboxBinary.run(["run", try program(), "return"])
        #expect(r.status == 0)
        #expect(r.stdout == Self.finalized, "\(r.stdout)\(r.stderr)")
    }

    @Test func environmentExit() throws {
        let r = try CilboxBinary.run(["run", try program(), "exit"])
        #expect(r.status == 3)
        #expect(r.stdout == Self.finalized, "\(r.stdout)\(r.stderr)")
    }

    @Test func unhandledExceptionRunsNoFinalizer() throws {
        let r = try CilboxBinary.run(["run", try program(), "throw"])
        #expect(r.status == 1)
        #expect(r.stdout == "main\n", "\(r.stdout)")
        #expect(r.stderr.contains("System.InvalidOperationException"), "\(r.stderr)")
    }
}
