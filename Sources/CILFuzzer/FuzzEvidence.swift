import Foundation

/// What the ledger proves about each opcode: "fuzz-validated" means that campaigns which found
/// no divergence ran programs containing it often enough — at least `minimumExecutions`
/// executions of its instruction family (counted by the value model) and at least
/// `minimumOccurrences` occurrences of the exact encoding in the generated code.
public enum FuzzEvidence {
    public static let minimumExecutions = 10_000
    public static let minimumOccurrences = 100

    public struct Tally: Sendable {
        public var executions = 0
        public var occurrences = 0
    }

    /// Per mnemonic, the evidence of the passing campaigns whose pool contained it.
    public static func tallies(_ entries: [LedgerEntry]) -> [String: Tally] {
        var result: [String: Tally] = [:]
        for e in entries where e.passing {
            for m in e.opcodes {
                result[m, default: Tally()].executions += e.executed[InstructionPool.family(m)] ?? 0
                result[m, default: Tally()].occurrences += e.occurrences?[m] ?? 0
            }
        }
        return result
    }

    /// Opcodes with enough evidence, leaving out those with an open known difference.
    public static func validated(_ entries: [LedgerEntry], open: Set<String> = []) -> Set<String> {
        Set(tallies(entries).filter { $0.value.executions >= minimumExecutions && $0.value.occurrences >= minimumOccurrences }.keys)
            .subtracting(open)
    }

    /// The campaigns that ran on the runtime code of now (`current`, a git tree of the runtime
    /// sources): an entry counts when its recorded tree, or the tree of its commit
    /// (`treeOfCommit`), is the current one. Any change to the runtime sources starts the
    /// evidence afresh — stricter than per-opcode tracking, and never stale.
    public static func sameRuntime(_ entries: [LedgerEntry], current: String, treeOfCommit: (String) -> String?) -> [LedgerEntry] {
        var cache: [String: String?] = [:]
        return entries.filter { e in
            if let tree = e.runtimeTree { return tree == current }
            if cache[e.commit] == nil { cache[e.commit] = .some(treeOfCommit(e.commit)) }
            return cache[e.commit]! == current
        }
    }

    /// Opcodes named in the open known-differences file (`opcode<TAB>file<TAB>reason`, `#`
    /// comments): a divergence still open keeps its opcode from being fuzz-validated.
    public static func openDifferences(_ text: String) -> Set<String> {
        var result: Set<String> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if let first = line.split(separator: "\t").first { result.insert(first.trimmingCharacters(in: .whitespaces)) }
        }
        return result.subtracting([""])
    }

    /// Totals of the ledger for `cilbox checklist --costs`.
    public struct Costs: Sendable {
        public var campaigns = 0
        public var programs = 0
        public var cpuHours = 0.0
        public var amount = 0.0
        public var external: [String: Double] = [:]
        public var divergences = 0
    }

    public static func costs(_ entries: [LedgerEntry]) -> Costs {
        var c = Costs()
        for e in entries {
            c.campaigns += 1
            c.programs += e.programs
            c.cpuHours += e.cost.cpuHours
            c.amount += e.cost.amount
            c.divergences += e.divergences.values.reduce(0, +)
            if let x = e.cost.externalAmount { c.external[e.cost.externalLabel ?? "external", default: 0] += x }
        }
        return c
    }
}
