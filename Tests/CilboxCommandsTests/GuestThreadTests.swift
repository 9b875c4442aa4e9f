import Foundation
import Testing

/// Guest threads run on a deterministic scheduler (DESIGN decision 6): a program whose threads
/// all block for good stops cleanly with the reason and its own exit code instead of hanging,
/// a racy program prints the same thing on every run, budgets count every thread, and
/// background threads do not keep the program alive.
@Suite struct GuestThreadTests {
    static let source = """
        using System;
        using System.Threading;
        class P {
          static readonly object a = new object(), b = new object();
          static int Main(string[] args) {
            Console.WriteLine("start");
            if (args[0] == "locks") {
              // Each thread takes one lock, then waits for the other one's.
              var t1 = new Thread(() => { lock (a) { Thread.Sleep(10); lock (b) { } } });
              var t2 = new Thread(() => { lock (b) { Thread.Sleep(10); lock (a) { } } });
              t1.Start(); t2.Start(); t1.Join(); t2.Join();
            }
            if (args[0] == "self") Thread.CurrentThread.Join();
            if (args[0] == "wait") lock (a) Monitor.Wait(a);
            if (args[0] == "race") {
              // Unsynchronized threads: the interleaving is the scheduler's, the same every run.
              var ts = new Thread[3];
              for (int i = 0; i < 3; i++) { int k = i; ts[i] = new Thread(() => { for (int j = 0; j < 3000; j++) if (j % 1000 == 0) Console.Write(k); }); ts[i].Start(); }
              for (int j = 0; j < 3000; j++) if (j % 1000 == 0) Console.Write("m");
              foreach (var t in ts) t.Join();
              Console.WriteLine();
            }
            if (args[0] == "spin") { var t = new Thread(() => { while (true) { } }); t.Start(); t.Join(); }
            if (args[0] == "background") { var t = new Thread(() => { while (true) { } }); t.IsBackground = true; t.Start(); }
            Console.WriteLine("end");
            return 3;
          }
        }
        """

    func program() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-threads-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent("Threads.exe").path
        if FileManager.default.fileExists(atPath: exe) { return exe }
        let src = dir.appendingPathComponent("Threads.cs")
        try Self.source.write(to: src, atomically: true, encoding: .utf8)
        let mcs = try Process.capture(try Process.tool("mcs"), ["-nologo", "-out:" + exe, src.path])
        try #require(mcs.status == 0, "\(mcs.stdout)\(mcs.stderr)")
        return exe
    }

    @Test func lockOrderDeadlockStopsWithTheReason() throws {
        let r = try CilboxBinary.run(["run", "--max-instructions", "50000000", try program(), "locks"])
        #expect(r.status == 76, "\(r.stderr)")
        #expect(r.stdout == "start\n")
        #expect(r.stderr.contains("deadlock: every thread is blocked"), "\(r.stderr)")
        #expect(r.stderr.contains("waits to enter the lock of a System.Object held by thread"), "\(r.stderr)")
        #expect(r.stderr.contains("thread 1 (main) waits for thread"), "\(r.stderr)")
    }

    @Test func joiningItselfAndWaitingForeverAreDeadlocks() throws {
        let selfJoin = try CilboxBinary.run(["run", try program(), "self"])
        #expect(selfJoin.status == 76, "\(selfJoin.stderr)")
        #expect(selfJoin.stderr.contains("thread 1 (main) waits for thread 1 to end"), "\(selfJoin.stderr)")
        let wait = try CilboxBinary.run(["run", try program(), "wait"])
        #expect(wait.status == 76, "\(wait.stderr)")
        #expect(wait.stderr.contains("waits in Monitor.Wait on a System.Object for a Pulse"), "\(wait.stderr)")
    }

    @Test func racyOutputIsTheSameOnEveryRun() throws {
        let first = try CilboxBinary.run(["run", try program(), "race"])
        #expect(first.status == 3, "\(first.stderr)")
        for _ in 0 ..< 2 {
            let again = try CilboxBinary.run(["run", try program(), "race"])
            #expect(again.stdout == first.stdout)
        }
        // Every thread printed its three marks.
        let line = first.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(line.filter { $0 == "m" }.count == 3 && line.filter { $0 == "2" }.count == 3, "\(first.stdout)")
    }

    @Test func instructionBudgetCountsEveryThread() throws {
        let r = try CilboxBinary.run(["run", "--max-instructions", "3000000", try program(), "spin"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("stopped after 3000000 instructions"), "\(r.stderr)")
    }

    @Test func backgroundThreadsDoNotKeepTheProgramAlive() throws {
        let r = try CilboxBinary.run(["run", "--max-instructions", "50000000", try program(), "background"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stdout == "start\nend\n")
    }
}
