import Foundation
import Testing

/// Runaway guests stop cleanly with the reason (DESIGN decision 7): an endless loop under
/// --max-instructions, unbounded recursion, and an allocation loop that keeps everything alive.
/// None may take the host process down (a signal would show as a status above 128).
@Suite struct RunawayProgramTests {
    static let source = """
        using System.Collections.Generic;
        class P {
          static int Rec(int n) { return Rec(n + 1) + 1; }
          static int Main(string[] args) {
            if (args[0] == "loop") { long i = 0; while (true) i++; }
            if (args[0] == "rec") return Rec(0);
            if (args[0] == "alloc") { var l = new List<int[]>(); while (true) l.Add(new int[100000]); }
            return 0;
          }
        }
        """

    func program() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-runaway-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent("Runaway.exe").path
        if FileManager.default.fileExists(atPath: exe) { return exe }
        let src = dir.appendingPathComponent("Runaway.cs")
        try Self.source.write(to: src, atomically: true, encoding: .utf8)
        let mcs = try Process.capture(try Process.tool("mcs"), ["-nologo", "-out:" + exe, src.path])
        try #require(mcs.status == 0, "\(mcs.stdout)\(mcs.stderr)")
        return exe
    }

    @Test func endlessLoopStopsAtTheInstructionBudget() throws {
        let r = try CilboxBinary.run(["run", "--max-instructions", "2000000", try program(), "loop"])
        #expect(r.status == 75)
        #expect(r.stderr.contains("instruction budget of 2000000 exhausted"), "\(r.stderr)")
        #expect(r.stderr.contains("stopped after 2000000 instructions"), "\(r.stderr)")
    }

    @Test func endlessLoopStopsAtTheTimeBudget() throws {
        let start = Date()
        let r = try CilboxBinary.run(["run", "--timeout", "1", try program(), "loop"])
        #expect(r.status == 75)
        #expect(r.stderr.contains("time budget"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func unboundedRecursionIsAStackOverflowStop() throws {
        let r = try CilboxBinary.run(["run", try program(), "rec"])
        #expect(r.status == 75)
        #expect(r.stderr.contains("stack overflow"), "\(r.stderr)")
        #expect(r.stderr.contains("at P::Rec"), "\(r.stderr)")
    }

    @Test func allocationLoopEndsInOutOfMemoryException() throws {
        let r = try CilboxBinary.run(["run", try program(), "alloc"])
        // The guest sees OutOfMemoryException when its live data exceeds the heap budget, and,
        // unhandled, it ends the program as in Mono: the exception's name and exit code 1.
        #expect(r.status == 1)
        #expect(r.stderr.contains("System.OutOfMemoryException"), "\(r.stderr)")
    }
}
