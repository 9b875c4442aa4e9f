import Foundation
import Testing

/// Collects outcomes and failures from the in-process run and the two child workers.
final class Report: @unchecked Sendable {
    struct Failure {
        var mutant: Int
        /// The kind of failure, without per-mutant numbers ("cilbox disasm: crashed with signal 4").
        var kind: String
        var detail: String
    }

    struct Tally {
        var failures: [Failure] = []
        var strict: [String: Int] = [:]
        var lenientFailed = 0
        var deeperErrors: [String: Int] = [:]
        var signatures = 0, bodies = 0, instructions = 0
        var maxInProcess = (seconds: 0.0, mutant: -1)
        var maxGrowth = (bytes: 0, mutant: -1)
        var maxSecondsByClass: [String: Double] = [:]
        var exits: [String: [String: Int]] = [:]
        var maxChildTime: [String: (seconds: Double, mutant: Int)] = [:]
        var maxChildRSS: [String: (bytes: Int, mutant: Int)] = [:]
        var inProcessSkipped = 0
    }

    let work: URL
    /// Guarded by `lock` (the two child workers report concurrently).
    private var tally = Tally()
    private let lock = NSLock()

    private func withTally<R>(_ body: (inout Tally) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&tally)
    }

    init(work: URL) { self.work = work }

    func fail(_ mutant: Mutant, _ kind: String, _ detail: String = "") {
        withTally { $0.failures.append(Failure(mutant: mutant.index, kind: kind, detail: detail)) }
    }

    func inProcess(_ mutant: Mutant, _ o: ReaderPipeline.Outcome, seconds: Double, rssGrowth: Int) {
        withTally { t in
            t.strict[o.strictError.map { $0.kind.rawValue } ?? "ok", default: 0] += 1
            if o.lenientError != nil { t.lenientFailed += 1 }
            for (k, n) in o.errors { t.deeperErrors[k, default: 0] += n }
            t.signatures += o.signaturesDecoded
            t.bodies += o.bodiesRead
            t.instructions += o.instructionsDecoded
            if seconds > t.maxInProcess.seconds { t.maxInProcess = (seconds, mutant.index) }
            t.maxSecondsByClass[mutant.mutation.rawValue] = max(t.maxSecondsByClass[mutant.mutation.rawValue] ?? 0, seconds)
            if rssGrowth > t.maxGrowth.bytes { t.maxGrowth = (rssGrowth, mutant.index) }
        }
    }

    func skipInProcess(_ count: Int) {
        withTally { $0.inProcessSkipped = count }
    }

    func child(_ mutant: Mutant, _ command: String, _ r: ChildProcess.Result) {
        var problems: [(kind: String, detail: String)] = []
        if r.killedAtDeadline {
            problems.append(("hung", "killed after \(format(r.seconds)) s"))
        } else if let s = r.signal {
            problems.append(("crashed with signal \(s)", ""))
        } else if let code = r.exitCode, code != 0 && code != 65 {
            problems.append(("exit code \(code) (want 0 or 65)", ""))
        }
        if r.exitCode == 65 && r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(("exit 65 without an error message on stderr", ""))
        }
        if !r.killedAtDeadline && r.seconds >= HostileCorpusTests.timeLimit {
            problems.append(("too slow", "took \(format(r.seconds)) s (limit \(HostileCorpusTests.timeLimit) s)"))
        }
        if r.peakRSSBytes >= HostileCorpusTests.rssLimit {
            problems.append(("too much memory", "peak RSS \(mib(r.peakRSSBytes)) (limit \(mib(HostileCorpusTests.rssLimit)))"))
        }
        withTally { t in
            t.exits[command, default: [:]][r.statusText, default: 0] += 1
            if r.seconds > (t.maxChildTime[command]?.seconds ?? 0) { t.maxChildTime[command] = (r.seconds, mutant.index) }
            if r.peakRSSBytes > (t.maxChildRSS[command]?.bytes ?? 0) { t.maxChildRSS[command] = (r.peakRSSBytes, mutant.index) }
            for p in problems {
                let stderr = r.stderr.split(separator: "\n").prefix(3).map { "\n    stderr: \($0.prefix(300))" }.joined()
                t.failures.append(Failure(mutant: mutant.index, kind: "cilbox \(command): \(p.kind)", detail: p.detail + stderr))
            }
        }
    }

    func summary(mutants: [Mutant], seeds: [SeedAssemblies.Seed], master: UInt64) -> String {
        withTally { t in
            func sorted(_ d: [String: Int]) -> String {
                d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            var byClass: [String: Int] = [:]
            for m in mutants { byClass[m.mutation.rawValue, default: 0] += 1 }
            let classes = MutationClass.allCases.map { "\($0.rawValue) \(byClass[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            var lines = [
                "hostile corpus: \(mutants.count) mutants of \(seeds.count) seeds (\(seeds.map(\.name).joined(separator: ", "))), master seed 0x\(String(master, radix: 16))",
                "  by class: \(classes)",
                "  in-process strict load: \(sorted(t.strict)); lenient load failed: \(t.lenientFailed)",
                "  in-process deeper typed errors: \(sorted(t.deeperErrors))",
                "  in-process work: \(t.signatures) signatures, \(t.bodies) bodies, \(t.instructions) instructions",
                "  in-process slowest classes: " + t.maxSecondsByClass.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key) \(format($0.value)) s" }.joined(separator: ", "),
                "  in-process max time \(format(t.maxInProcess.seconds)) s (#\(t.maxInProcess.mutant)); max peak-RSS growth \(mib(t.maxGrowth.bytes)) (#\(t.maxGrowth.mutant), informational: other tests share this process)",
            ]
            for command in t.exits.keys.sorted() {
                let time = t.maxChildTime[command].map { "\(format($0.seconds)) s (#\($0.mutant))" } ?? "-"
                let rss = t.maxChildRSS[command].map { "\(mib($0.bytes)) (#\($0.mutant))" } ?? "-"
                lines.append("  cilbox \(command): \(sorted(t.exits[command] ?? [:])); max time \(time); max peak RSS \(rss)")
            }
            var byKind: [String: Int] = [:]
            for f in t.failures { byKind[f.kind, default: 0] += 1 }
            if t.inProcessSkipped > 0 {
                lines.append("  in-process: \(t.inProcessSkipped) mutants not run after \(HostileCorpusTests.maxAbandoned) hung runs")
            }
            lines.append("  failures: \(t.failures.count)" + (byKind.isEmpty ? "" : " (\(sorted(byKind)))"))
            return lines.joined(separator: "\n")
        }
    }

    /// Records each failure as an issue naming the kept reproducer; deletes the work folder
    /// when everything passed, else everything but the failing mutants and the seeds.
    func finish(_ mutants: [Mutant], _ paths: [String]) {
        let failures = withTally { $0.failures }
        let fm = FileManager.default
        guard !failures.isEmpty else {
            try? fm.removeItem(at: work)
            return
        }
        let failing = Set(failures.map(\.mutant))
        for (i, path) in paths.enumerated() where !failing.contains(i) { try? fm.removeItem(atPath: path) }
        // One issue per kind of failure, with its first few mutants.
        let kinds = Dictionary(grouping: failures, by: \.kind).sorted { $0.key < $1.key }
        for (kind, group) in kinds {
            let examples = group.sorted { $0.mutant < $1.mutant }.prefix(3).map { f in
                "\n  mutant \(mutants[f.mutant].label)" + (f.detail.isEmpty ? "" : "\n    \(f.detail)") + "\n    reproducer: \(paths[f.mutant])"
            }
            Issue.record("\(kind): \(group.count) mutant(s)\(examples.joined())\n  all kept in \(work.path)")
        }
    }
}

func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
