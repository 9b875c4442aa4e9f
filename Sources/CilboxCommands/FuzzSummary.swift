import CILFuzzer
import Foundation

/// Rendering of a campaign's result: the ledger line, a table for people, JSON for machines.
enum FuzzSummary {
    static func ledgerEntry(_ s: Campaign.Summary, options: Campaign.Options, opList: [String], rate: Double,
                            external: Double?, externalLabel: String?) -> LedgerEntry {
        let cpuHours = s.cpuSeconds / 3600
        let date = ISO8601DateFormatter().string(from: Date())
        return LedgerEntry(
            date: date, commit: Ledger.currentCommit(), pool: options.poolName, opcodes: options.pool.sorted(),
            firstSeed: "0x" + String(options.seed, radix: 16), batches: s.batches, programs: s.programs, passed: s.passed,
            executed: s.executed, divergences: s.divergences, generatorLeaks: s.leaks,
            seconds: .init(wall: s.wallSeconds, cpu: s.cpuSeconds, generation: s.time.generation, assembly: s.time.assembly,
                           reference: s.time.reference, emulator: s.time.emulator, reduction: s.time.reduction),
            cost: .init(cpuHours: cpuHours, ratePerCPUHour: rate, amount: cpuHours * rate, externalAmount: external, externalLabel: externalLabel),
            findings: s.findings.compactMap { $0.regressionFile?.lastPathComponent }, occurrences: s.occurrences,
            runtimeTree: Ledger.currentRuntimeTree())
    }

    static func table(_ s: Campaign.Summary, entry: LedgerEntry) -> String {
        var t = "campaign \(entry.pool), seed \(entry.firstSeed), commit \(entry.commit)\n"
        t += String(format: "  programs   %8d   (%d batches, %.1f programs/s wall)\n", s.programs, s.batches, Double(s.programs) / max(s.wallSeconds, 0.001))
        t += String(format: "  passed     %8d\n", s.passed)
        t += String(format: "  leaks      %8d   (reference engines disagreed; dropped)\n", s.leaks)
        for (k, v) in s.divergences.sorted(by: { $0.key < $1.key }) { t += String(format: "  %-10@ %8d\n", k as NSString, v) }
        t += String(format: "  time       %8.1f s wall, %.1f s CPU: generation %.1f, ilasm %.1f, mono %.1f, cilbox %.1f, reduction %.1f\n",
                    s.wallSeconds, s.cpuSeconds, s.time.generation, s.time.assembly, s.time.reference, s.time.emulator, s.time.reduction)
        t += "  opcodes    \(s.executed.count) executed in passing batches\n"
        for f in s.findings {
            t += "  finding    \(f.kind) \(f.opcode): \(f.regressionFile?.path ?? "(not written)")"
            if let r = f.figures { t += " (\(r.initialInstructions) -> \(r.finalInstructions) instructions)" }
            t += "\n"
        }
        return t
    }

    static func json(_ entry: LedgerEntry) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? String(decoding: encoder.encode(entry), as: UTF8.self)).map { $0 + "\n" } ?? "{}\n"
    }
}
