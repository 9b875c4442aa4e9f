import ArgumentParser
import CILFuzzer
import Foundation

/// `cilbox reduce FILE.il`: shrinks any IL program on which cilbox and mono differ.
struct ReduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reduce",
        abstract: "Reduce an IL program on which cilbox and mono differ to a small regression test.",
        discussion: """
            The file is assembled with ilasm and run on mono and on cilbox; their standard \
            output and exit code must differ. Instruction lines are then removed (ddmin) as long \
            as the program still assembles and still differs in the same way (same side \
            failing: output differs, or cilbox stops). The result is written next to the input \
            as NAME.reduced.il with a header recording the figures and mono's output.

            Examples:
              cilbox reduce Failing.il
              cilbox reduce Failing.il --output Tests/Regression/2026-11-22-manual-value-xor.il
            """)

    @Argument(help: "An ILAsm file whose program behaves differently on cilbox and on mono.")
    var file: String

    @Option(name: .long, help: "Where to write the reduced file.")
    var output: String?

    @Option(name: .long, help: "Seconds to spend at most.")
    var time: Double = 120

    @Option(name: .customLong("test-inject-fault"), help: .hidden)
    var injectedFault: String?

    func run() throws {
        let oracle = try FuzzTools.oracle(injectedFault: injectedFault)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CleanExit.message("cilbox: cannot read \(file)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-reduce-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        func outcome(_ source: String) throws -> (mono: String, cilbox: String, stopped: Bool)? {
            guard let exe = try? oracle.assemble(source, in: work, name: "candidate") else { return nil }
            let m = try ProcessRunner.run(oracle.mono, [exe.path], directory: work, timeout: 30)
            let c = try ProcessRunner.run(oracle.cilbox, ["run", "--max-instructions", "50000000"] + oracle.cilboxArguments + [exe.path],
                                          directory: work, timeout: 30)
            let stopped = c.signaled || c.timedOut || [65, 69, 70, 75].contains(c.status)
            return ("\(m.stdout)\nexit \(m.status)", "\(c.stdout)\nexit \(c.status)", stopped)
        }
        guard let original = try outcome(text) else { throw CleanExit.message("cilbox: \(file) does not assemble with ilasm") }
        guard original.mono != original.cilbox else {
            throw CleanExit.message("cilbox: \(file) behaves the same on mono and cilbox; nothing to reduce")
        }
        let (reduced, removed, tests) = try LineReducer().reduce(text, timeBudget: time) { candidate in
            guard let o = try outcome(candidate) else { return false }
            return o.mono != o.cilbox && o.stopped == original.stopped
        }
        let final = try outcome(reduced)
        var header = "// cilbox reduce: \(removed) instruction lines removed from \(file) in \(tests) tests\n"
        for line in (final?.mono ?? "").split(separator: "\n", omittingEmptySubsequences: false) { header += "// expect (mono, frozen): \(line)\n" }
        let target = output ?? (file.hasSuffix(".il") ? String(file.dropLast(3)) + ".reduced.il" : file + ".reduced.il")
        try (header + reduced).write(toFile: target, atomically: true, encoding: .utf8)
        StandardStreams.write("\(target): \(removed) instruction lines removed in \(tests) tests\n")
    }
}
