import CILMetadata
import Foundation
import Testing

/// Issue acceptance for hostile input (DESIGN.md decision 8): a generated corpus of at least
/// 1,000 mutated assemblies gives only typed errors — no crash, no hang (each under 1 s), no
/// allocation over 64 MiB. Each mutant goes through the whole reader and disassembler in this
/// process (`ReaderPipeline`), then through `cilbox info` and `cilbox disasm` (half of the
/// mutants with `--json`) as child processes, two at a time, whose exit code, time and peak
/// RSS are checked (in-process allocation cannot be told apart from other tests', so memory is
/// judged on the children).
///
/// Reproduce one mutant: the failure message names its file (kept in a temp folder), its
/// class and its PRNG seed; `CILBOX_HOSTILE_SEED=0x…` changes the whole corpus.
@Suite("Hostile input corpus")
struct HostileCorpusTests {
    static let timeLimit = 1.0
    static let rssLimit = 64 << 20
    /// A child still running after this long is killed (and reported as hung).
    static let killAfter = 5.0
    /// An in-process run still going after this long is reported as hung and left behind;
    /// after `maxAbandoned` of those the in-process phase stops.
    static let giveUpAfter = 5.0
    static let maxAbandoned = 2

    static var masterSeed: UInt64 {
        if let text = ProcessInfo.processInfo.environment["CILBOX_HOSTILE_SEED"] {
            let digits = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
            if let v = UInt64(digits, radix: text.hasPrefix("0x") ? 16 : 10) { return v }
        }
        return 0xC11B_0C5E_ED00_0001
    }

    @Test("1,000+ mutated assemblies give only typed errors, each in under 1 s and 64 MiB")
    func mutatedAssemblies() throws {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("cilbox-hostile-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let report = Report(work: work)

        let seeds = try SeedAssemblies.build(in: work)
        let mutants = try Corpus.generate(from: seeds, master: Self.masterSeed)
        #expect(mutants.count >= 1000, "only \(mutants.count) mutants")
        let paths = try Corpus.write(mutants, to: work.appendingPathComponent("mutants"))

        runInProcess(mutants, paths, report)

        let cilbox = SeedAssemblies.packageRoot().appendingPathComponent(".build/release/cilbox").path
        if FileManager.default.isExecutableFile(atPath: cilbox) {
            runChildren(cilbox, mutants, paths, work, report)
        } else {
            Issue.record("\(cilbox) not found: run `swift build -c release` first (Scripts/test.sh does)")
        }

        print(report.summary(mutants: mutants, seeds: seeds, master: Self.masterSeed))
        report.finish(mutants, paths)
    }

    // MARK: in-process

    private func runInProcess(_ mutants: [Mutant], _ paths: [String], _ report: Report) {
        CrashNote.install()
        defer { CrashNote.uninstall() }
        let canMeasureRSS = ResidentSet.resetPeak()
        var abandoned = 0
        // Mutants that can make the reader work exponentially go last, so that giving up
        // after hung runs skips as little as possible.
        func rank(_ i: Int) -> (Int, Int) { (mutants[i].mutation == .typeSpecFanOut ? 1 : 0, i) }
        let order = mutants.indices.sorted { rank($0) < rank($1) }
        for (done, i) in order.enumerated() {
            let mutant = mutants[i], path = paths[i]
            CrashNote.set("\(mutant.label)\n  reproducer: \(path)")
            if canMeasureRSS { _ = ResidentSet.resetPeak() }
            let before = ResidentSet.peakAndCurrent()?.current ?? 0
            guard let (outcome, seconds) = HangGuard.run(mutant.bytes, limit: Self.giveUpAfter) else {
                report.fail(mutant, "in-process pipeline hung", "given up after \(Self.giveUpAfter) s (limit \(Self.timeLimit) s)")
                abandoned += 1
                // Each hung run keeps a core (and its memory) until the process exits.
                if abandoned >= Self.maxAbandoned {
                    report.skipInProcess(mutants.count - done - 1)
                    break
                }
                continue
            }
            let growth = canMeasureRSS ? max(0, (ResidentSet.peakAndCurrent()?.peak ?? 0) - before) : 0
            report.inProcess(mutant, outcome, seconds: seconds, rssGrowth: growth)
            if seconds >= Self.timeLimit {
                report.fail(mutant, "in-process pipeline too slow", "took \(format(seconds)) s (limit \(Self.timeLimit) s)")
            }
        }
    }

    // MARK: child processes

    private func runChildren(_ cilbox: String, _ mutants: [Mutant], _ paths: [String], _ work: URL, _ report: Report) {
        let workers = 2
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let stderrPath = work.appendingPathComponent("stderr-\(worker).txt").path
            // Worker w takes mutants w, w + 2, w + 4, …; every other mutant gets the JSON forms.
            for i in stride(from: worker, to: mutants.count, by: workers) {
                let json = i % 4 >= 2 ? ["--json"] : []
                for verb in ["info", "disasm"] {
                    let command = ([verb] + json).joined(separator: " ")
                    do {
                        let r = try ChildProcess.run([cilbox, verb] + json + [paths[i]], stderrPath: stderrPath, deadline: Self.killAfter)
                        report.child(mutants[i], command, r)
                    } catch {
                        report.fail(mutants[i], "cilbox \(command): cannot run", "\(error)")
                    }
                }
            }
        }
    }
}
