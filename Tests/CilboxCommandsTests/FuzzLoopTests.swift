import Foundation
import Testing

/// The differential fuzzer end to end (issue: differential fuzzer, acceptance 1): with a fault
/// injected into one opcode's semantics (a test-only option), a campaign finds a divergence and
/// the reducer writes a regression file of at most 10 instructions within 60 seconds.
@Suite struct FuzzLoopTests {
    @Test func injectedFaultIsFoundAndReducedToASmallRegression() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-fuzzloop-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date()
        let r = try CilboxBinary.run([
            "fuzz", "--ops", "add,sub,mul,and,or,ldc.i4,ldloc,stloc", "--programs", "40", "--batch-size", "40", "--jobs", "1",
            "--seed", "2", "--max-reductions", "1", "--test-inject-fault", "add",
            "--output", dir.appendingPathComponent("out").path, "--regressions", dir.appendingPathComponent("regressions").path,
            "--ledger", "none",
        ])
        let seconds = Date().timeIntervalSince(start)
        #expect(r.status == 1, "a campaign with findings exits 1: \(r.stderr)")
        #expect(seconds < 60, "took \(seconds) s")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("regressions").path)) ?? []
        let regression = try #require(files.first { $0.hasSuffix(".il") }, "no regression file: \(r.stdout)\(r.stderr)")
        #expect(regression.contains("-value-") || regression.contains("-exception-"), "\(regression)")
        let text = try String(contentsOf: dir.appendingPathComponent("regressions").appendingPathComponent(regression), encoding: .utf8)
        #expect(text.contains("// expect (mono, frozen): 0 "))
        // Instructions of the reduced test method T0 (between its .locals line and its closing brace).
        let body = text.components(separatedBy: ".method public static int64 T0(")[1].components(separatedBy: "\n  }\n")[0]
        // (The first line is the rest of the signature, not an instruction.)
        let instructions = body.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix(".") && !$0.hasPrefix("{") && !$0.hasSuffix(":") && !$0.hasPrefix("(") }
        #expect(instructions.count <= 10, "reduced to \(instructions.count) instructions:\n\(instructions.joined(separator: "\n"))")
        #expect(instructions.contains("add"), "the faulty opcode should survive reduction:\n\(instructions.joined(separator: "\n"))")
    }
}
