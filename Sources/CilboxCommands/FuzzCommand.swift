import ArgumentParser
import CILFuzzer
import Foundation

/// `cilbox fuzz`: a differential campaign against Mono (issue: differential fuzzer).
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Generate IL programs, run them on cilbox and on Mono, and reduce every difference.",
        discussion: """
            Each batch of generated test methods is assembled once with ilasm and run on three \
            reference engines (mono, mono -O=-all,float32, mono --interpreter); a method whose \
            references disagree is a generator leak and is dropped. Every method where cilbox \
            differs from the consensus is reduced and written as a regression test (real ILAsm \
            with the expectation frozen in its header). A live progress line goes to standard \
            error, a summary table to standard output, and one JSON line per campaign is \
            appended to the ledger.

            Tiers (cumulative): \(InstructionPool.tiers.map(\.name).joined(separator: ", ")). The default \
            is the highest tier. `unverifiable` adds hand-guarded localloc, cpblk/initblk, calli, \
            typed references, vararg calls (arglist in the callee), jmp and tail. exits, break, \
            and the prefixes; the others are described in Fuzz/README.md. Generator leaks are \
            saved as single-method batches under OUTPUT/leaks.

            Examples:
              cilbox fuzz --programs 2000
              cilbox fuzz --tier arithmetic --time 600 --jobs 2
              cilbox fuzz --ops add,xor,conv.ovf.i4 --seed 42 --programs 500
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Instructions to generate (comma-separated mnemonics).")
    var ops: [String] = []

    @Option(name: .long, help: "Generate up to this tier (default: the highest generated tier).")
    var tier: String?

    @Option(name: .long, help: "Number of programs (test methods) to run.")
    var programs: Int = 1000

    @Option(name: .long, help: "Stop starting new batches after this many seconds.")
    var time: Double?

    @Option(name: .long, help: "Campaign seed (decimal or 0x hex).")
    var seed: String = "1"

    @Option(name: .long, help: "Batches run in parallel.")
    var jobs: Int = 2

    @Option(name: .long, help: "Test methods per assembly.")
    var batchSize: Int = 100

    @Option(name: .long, help: "Statements per generated method.")
    var statements: Int = 10

    @Option(name: .long, help: "Folder for work files and findings.")
    var output: String = "Fuzz/out"

    @Option(name: .long, help: "Folder for regression files (default: Tests/Regression when it exists, else the findings folder).")
    var regressions: String?

    @Option(name: .long, help: "Ledger file to append the campaign to (default: Fuzz/ledger.jsonl; 'none' to skip).")
    var ledger: String = "Fuzz/ledger.jsonl"

    @Option(name: .long, help: "Cost per CPU-hour for the ledger.")
    var rate: Double = 0.05

    @Option(name: .long, help: "An external cost to record with this campaign (e.g. the work that produced the change).")
    var externalCost: Double?

    @Option(name: .long, help: "Label of --external-cost.")
    var externalCostLabel: String?

    @Flag(name: .long, help: "Do not reduce divergences.")
    var noReduce = false

    @Option(name: .long, help: "Reduce at most this many divergences (the rest are recorded unreduced).")
    var maxReductions: Int?

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Option(name: .customLong("test-inject-fault"), help: .hidden)
    var injectedFault: String?

    func validate() throws {
        if programs < 1 { throw ValidationError("--programs must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if batchSize < 1 || batchSize > 2000 { throw ValidationError("--batch-size must be between 1 and 2000") }
        if !ops.isEmpty && tier != nil { throw ValidationError("choose one of --ops and --tier") }
        if parsedSeed == nil { throw ValidationError("--seed must be a decimal or 0x-prefixed hex number") }
    }

    var parsedSeed: UInt64? { seed.hasPrefix("0x") ? UInt64(seed.dropFirst(2), radix: 16) : UInt64(seed) }

    func run() throws {
        let opList = ops.flatMap { $0.split(separator: ",").map(String.init) }
        let pool: Set<String>
        do { pool = try InstructionPool.pool(tier: tier, ops: opList.isEmpty ? nil : opList) } catch {
            throw CleanExit.message("cilbox: \(error)")
        }
        let oracle = try FuzzTools.oracle(injectedFault: injectedFault)
        let out = URL(fileURLWithPath: output)
        let regressionDirectory: URL? = regressions.map { URL(fileURLWithPath: $0) }
            ?? (FileManager.default.fileExists(atPath: "Tests/Regression") ? URL(fileURLWithPath: "Tests/Regression") : nil)
        let poolName = opList.isEmpty ? "tier \(tier ?? InstructionPool.tiers.last!.name)" : "ops " + opList.joined(separator: ",")
        var options = Campaign.Options(pool: pool, poolName: poolName, seed: parsedSeed!, programs: programs, seconds: time, jobs: jobs,
                                       workDirectory: out.appendingPathComponent("work"), findingsDirectory: out.appendingPathComponent("findings"),
                                       regressionDirectory: regressionDirectory, oracle: oracle)
        options.batchSize = batchSize
        options.statements = statements
        options.reduce = !noReduce
        if let maxReductions { options.maximumReductions = maxReductions }
        let live = isatty(2) != 0
        options.log = { line in StandardStreams.writeError((live ? "\r\u{1B}[K" : "") + line + "\n") }
        var lastProgress = Date.distantPast
        options.progress = { line in
            guard Date().timeIntervalSince(lastProgress) > (live ? 0.2 : 10) else { return }
            lastProgress = Date()
            StandardStreams.writeError(live ? "\r\u{1B}[K" + line : line + "\n")
        }
        let summary = Campaign(options).run()
        if live { StandardStreams.writeError("\n") }
        let entry = FuzzSummary.ledgerEntry(summary, options: options, opList: opList, rate: rate,
                                            external: externalCost, externalLabel: externalCostLabel)
        if ledger != "none" { try Ledger.append(entry, to: URL(fileURLWithPath: ledger)) }
        StandardStreams.write(json ? FuzzSummary.json(entry) : FuzzSummary.table(summary, entry: entry))
        if !summary.findings.isEmpty { throw ExitCode(1) }
    }
}

/// Locating the tools a campaign needs.
enum FuzzTools {
    static func oracle(injectedFault: String?) throws -> Oracle {
        guard let ilasm = ProcessRunner.tool("ilasm"), let mono = ProcessRunner.tool("mono") else {
            throw CleanExit.message("cilbox: fuzzing needs Mono's ilasm and mono on PATH (apt-get install mono-devel)")
        }
        return Oracle(ilasm: ilasm, mono: mono, cilbox: selfPath(), cilboxArguments: injectedFault.map { ["--test-inject-fault", $0] } ?? [])
    }

    /// This executable, to run `cilbox run` in a child process (a crash must not end the campaign).
    static func selfPath() -> String {
        #if os(Linux)
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
