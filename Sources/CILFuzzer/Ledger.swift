import Foundation

/// The committed record of campaigns (one JSON object per line): what ran, on which commit,
/// what it covered, what it found and what it cost. `cilbox checklist --costs` sums it.
public struct LedgerEntry: Codable, Sendable {
    public struct Cost: Codable, Sendable {
        public var cpuHours: Double
        public var ratePerCPUHour: Double
        public var amount: Double
        public var externalAmount: Double?
        public var externalLabel: String?

        public init(cpuHours: Double, ratePerCPUHour: Double, amount: Double, externalAmount: Double?, externalLabel: String?) {
            (self.cpuHours, self.ratePerCPUHour, self.amount, self.externalAmount, self.externalLabel) = (cpuHours, ratePerCPUHour, amount, externalAmount, externalLabel)
        }
    }
    public struct Seconds: Codable, Sendable {
        public var wall: Double
        public var cpu: Double
        public var generation: Double
        public var assembly: Double
        public var reference: Double
        public var emulator: Double
        public var reduction: Double

        public init(wall: Double, cpu: Double, generation: Double, assembly: Double, reference: Double, emulator: Double, reduction: Double) {
            (self.wall, self.cpu, self.generation, self.assembly) = (wall, cpu, generation, assembly)
            (self.reference, self.emulator, self.reduction) = (reference, emulator, reduction)
        }
    }

    public var date: String
    public var commit: String
    public var pool: String
    public var opcodes: [String]
    public var firstSeed: String
    public var batches: Int
    public var programs: Int
    public var passed: Int
    /// Executions per instruction family (value model), in passing batches.
    public var executed: [String: Int]
    /// Occurrences per exact mnemonic in the generated code of passing batches (absent in
    /// the first campaigns).
    public var occurrences: [String: Int]?
    public var divergences: [String: Int]
    public var generatorLeaks: Int
    public var seconds: Seconds
    public var cost: Cost
    public var findings: [String]
    /// Git tree of `Sources/CILRuntime` the campaign ran on (absent in the first campaigns, and
    /// when those sources had uncommitted changes): the checklist counts a campaign only for
    /// the runtime code it exercised.
    public var runtimeTree: String?

    public init(date: String, commit: String, pool: String, opcodes: [String], firstSeed: String, batches: Int, programs: Int, passed: Int,
                executed: [String: Int], divergences: [String: Int], generatorLeaks: Int, seconds: Seconds, cost: Cost, findings: [String],
                occurrences: [String: Int]? = nil, runtimeTree: String? = nil) {
        self.occurrences = occurrences
        self.runtimeTree = runtimeTree
        (self.date, self.commit, self.pool, self.opcodes, self.firstSeed) = (date, commit, pool, opcodes, firstSeed)
        (self.batches, self.programs, self.passed, self.executed, self.divergences) = (batches, programs, passed, executed, divergences)
        (self.generatorLeaks, self.seconds, self.cost, self.findings) = (generatorLeaks, seconds, cost, findings)
    }

    /// Whether the campaign found nothing: every divergence counts against it.
    public var passing: Bool { divergences.values.reduce(0, +) == 0 }
}

public enum Ledger {
    public static func append(_ entry: LedgerEntry, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        if let handle = try? FileHandle(forWritingTo: url) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try line.write(to: url)
        }
    }

    /// Every entry of a ledger file; lines that do not parse are reported, not skipped silently.
    public static func read(_ url: URL) throws -> (entries: [LedgerEntry], problems: [String]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [LedgerEntry] = [], problems: [String] = []
        for (n, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            do { entries.append(try JSONDecoder().decode(LedgerEntry.self, from: Data(line.utf8))) } catch {
                problems.append("line \(n + 1): \(error)")
            }
        }
        return (entries, problems)
    }

    /// The runtime sources' git tree at HEAD, or nil when they have uncommitted changes or
    /// there is no git checkout (`directory`: any folder inside the checkout).
    public static func currentRuntimeTree(in directory: String = ".") -> String? {
        guard let git = ProcessRunner.tool("git"),
              let status = try? ProcessRunner.run(git, ["-C", directory, "status", "--porcelain", "--", runtimeSources], timeout: 20),
              status.status == 0, status.stdout.isEmpty else { return nil }
        return runtimeTree(ofCommit: "HEAD", in: directory)
    }

    /// The runtime sources' git tree of `commit`, or nil when git does not know the commit.
    public static func runtimeTree(ofCommit commit: String, in directory: String = ".") -> String? {
        guard let git = ProcessRunner.tool("git"),
              let r = try? ProcessRunner.run(git, ["-C", directory, "rev-parse", "--verify", "--quiet", "\(commit):\(runtimeSources)"], timeout: 10),
              r.status == 0 else { return nil }
        let tree = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return tree.isEmpty ? nil : tree
    }

    static let runtimeSources = "Sources/CILRuntime"

    /// The commit being fuzzed, if the working directory is a git checkout.
    public static func currentCommit() -> String {
        guard let git = ProcessRunner.tool("git"),
              let r = try? ProcessRunner.run(git, ["rev-parse", "--short=12", "HEAD"], timeout: 10), r.status == 0 else { return "unknown" }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
