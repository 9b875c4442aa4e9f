import Foundation

/// A fuzzing campaign: batches of generated methods run on the reference engines and on
/// cilbox; every difference is reduced and written as a regression test.
public final class Campaign {
    public struct Options {
        public var pool: Set<String>
        public var poolName: String
        public var seed: UInt64
        public var programs: Int
        public var seconds: Double?
        public var jobs: Int
        public var batchSize = 100
        public var statements = 10
        public var reduce = true
        /// Divergences reduced at most (later ones are recorded unreduced).
        public var maximumReductions = Int.max
        public var workDirectory: URL
        public var findingsDirectory: URL
        public var regressionDirectory: URL?
        public var oracle: Oracle
        /// Progress line and summary go here (stderr in the command).
        public var log: (String) -> Void = { _ in }
        public var progress: (String) -> Void = { _ in }

        public init(pool: Set<String>, poolName: String, seed: UInt64, programs: Int, seconds: Double?, jobs: Int,
                    workDirectory: URL, findingsDirectory: URL, regressionDirectory: URL?, oracle: Oracle) {
            self.pool = pool
            self.poolName = poolName
            self.seed = seed
            self.programs = programs
            self.seconds = seconds
            self.jobs = jobs
            self.workDirectory = workDirectory
            self.findingsDirectory = findingsDirectory
            self.regressionDirectory = regressionDirectory
            self.oracle = oracle
        }
    }

    public struct Finding: Sendable {
        public var seed: UInt64
        public var kind: String          // value, exception, emulator-stop
        public var opcode: String
        public var expected: Observation
        public var actual: Observation
        public var reduced: TestMethod
        public var figures: Reducer.Figures?
        public var regressionFile: URL?
    }

    public struct Summary {
        public var programs = 0
        public var batches = 0
        public var passed = 0
        public var divergences: [String: Int] = [:]
        public var leaks = 0
        public var generatorErrors = 0
        public var executed: [String: Int] = [:]
        /// Static occurrences of each exact mnemonic in the methods of passing batches.
        public var occurrences: [String: Int] = [:]
        public var findings: [Finding] = []
        public var wallSeconds = 0.0
        public var cpuSeconds = 0.0
        public var time = TimeSplit()
    }

    /// Where the time goes (seconds summed over batches).
    public struct TimeSplit {
        public var generation = 0.0
        public var assembly = 0.0
        public var reference = 0.0
        public var emulator = 0.0
        public var reduction = 0.0
    }

    let options: Options
    let lock = NSLock()
    var summary = Summary()
    var nextBatch = 0
    var reductionsStarted = 0
    let started = Date()

    public init(_ options: Options) { self.options = options }

    public func run() -> Summary {
        try? FileManager.default.createDirectory(at: options.workDirectory, withIntermediateDirectories: true)
        let batches = (options.programs + options.batchSize - 1) / options.batchSize
        let group = DispatchGroup()
        for worker in 0..<max(1, options.jobs) {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while true {
                    lock.lock()
                    let b = nextBatch
                    nextBatch += 1
                    let outOfTime = options.seconds.map { Date().timeIntervalSince(started) > $0 } ?? false
                    lock.unlock()
                    if b >= batches || outOfTime { return }
                    runBatch(b, worker: worker)
                }
            }
        }
        group.wait()
        summary.wallSeconds = Date().timeIntervalSince(started)
        summary.cpuSeconds = Self.childAndSelfCPUSeconds()
        return summary
    }

    static func childAndSelfCPUSeconds() -> Double {
        var own = rusage(), children = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &own)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        #else
        getrusage(RUSAGE_SELF, &own)
        getrusage(RUSAGE_CHILDREN, &children)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(own.ru_utime) + seconds(own.ru_stime) + seconds(children.ru_utime) + seconds(children.ru_stime)
    }

    func record(_ update: (inout Summary) -> Void) {
        lock.lock()
        update(&summary)
        let s = summary
        lock.unlock()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let divergent = s.divergences.values.reduce(0, +)
        options.progress(String(format: "%d programs, %.1f/s, %d divergences, %d leaks, %d opcodes covered",
                                s.programs, Double(s.programs) / elapsed, divergent, s.leaks, s.executed.count))
    }

    func batchSeed(_ b: Int) -> UInt64 { SplitMix64.derive(options.seed, UInt64(b)) }

    func runBatch(_ b: Int, worker: Int) {
        let dir = options.workDirectory.appendingPathComponent("worker\(worker)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var generatorOptions = Generator.Options(pool: options.pool)
        generatorOptions.statements = options.statements
        let count = min(options.batchSize, options.programs - b * options.batchSize)
        var t0 = Date()
        let methods = (0..<count).map { Generator.method(seed: SplitMix64.derive(batchSeed(b), UInt64($0)), options: generatorOptions) }
        var executed: [String: Int] = [:]
        for m in methods { for (op, n) in ValueModel.run(m).1 { executed[InstructionPool.family(op), default: 0] += n } }
        // Exact encodings (ldloc.s vs ldloc.2, blt.s vs blt) as printed, counted statically.
        var occurrences: [String: Int] = [:]
        for m in methods {
            var p = ILPrinter(seed: m.seed, className: "Fuzz")
            for (op, n) in ILPrinter.mnemonicCounts(p.method(m, name: "T")) { occurrences[op, default: 0] += n }
        }
        let generation = Date().timeIntervalSince(t0)
        t0 = Date()
        let exe: URL
        do { exe = try options.oracle.assemble(ILPrinter.batch(methods), in: dir, name: "batch") } catch {
            options.log("batch \(b) (seed \(hex(batchSeed(b)))): \(error)")
            record { $0.generatorErrors += 1; $0.batches += 1 }
            return
        }
        let assembly = Date().timeIntervalSince(t0)
        t0 = Date()
        let reference: [Oracle.MonoMode: [Int: Observation]]
        let actual: [Int: Observation]
        do {
            reference = try options.oracle.reference(exe, count: count)
            let referenceSeconds = Date().timeIntervalSince(t0)
            t0 = Date()
            actual = try options.oracle.emulator(exe, count: count)
            let emulatorSeconds = Date().timeIntervalSince(t0)
            record { $0.time.generation += generation; $0.time.assembly += assembly; $0.time.reference += referenceSeconds; $0.time.emulator += emulatorSeconds }
        } catch {
            options.log("batch \(b): cannot run: \(error)")
            record { $0.generatorErrors += 1 }
            return
        }
        var passed = 0, leaks = 0
        var divergent: [(Int, Observation, Observation)] = []
        for k in 0..<count {
            guard let expected = options.oracle.consensus(reference, k) else {
                let views = options.oracle.modes.compactMap { reference[$0]?[k] }
                leaks += 1
                // Kept for whoever tightens the generator: the method alone, as a batch of one.
                let leakFile = options.workDirectory.deletingLastPathComponent().appendingPathComponent("leaks")
                    .appendingPathComponent("\(hex(batchSeed(b)))-\(k).il")
                try? FileManager.default.createDirectory(at: leakFile.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? ILPrinter.batch([methods[k]]).write(to: leakFile, atomically: true, encoding: .utf8)
                options.log("generator leak: method \(k) of batch seed \(hex(batchSeed(b))): " + zip(options.oracle.modes, views).map { "\($0.0.rawValue): \($0.1)" }.joined(separator: "; ")
                            + " (method kept as \(leakFile.path))")
                continue
            }
            let got = actual[k] ?? .missing
            if got == expected { passed += 1 } else { divergent.append((k, expected, got)) }
        }
        record {
            $0.programs += count
            $0.batches += 1
            $0.passed += passed
            $0.leaks += leaks
            if divergent.isEmpty {
                for (op, n) in executed { $0.executed[op, default: 0] += n }
                for (op, n) in occurrences { $0.occurrences[op, default: 0] += n }
            }
        }
        for (k, expected, got) in divergent {
            let kind = Self.classify(expected, got)
            let seed = SplitMix64.derive(batchSeed(b), UInt64(k))
            options.log("divergence (\(kind)) seed \(hex(seed)): mono \(expected), cilbox \(got)")
            var finding = Finding(seed: seed, kind: kind, opcode: "", expected: expected, actual: got, reduced: methods[k])
            lock.lock()
            let mayReduce = options.reduce && reductionsStarted < options.maximumReductions
            if mayReduce { reductionsStarted += 1 }
            lock.unlock()
            if mayReduce {
                let t = Date()
                let (reduced, figures) = reduce(methods[k], kind: kind, directory: dir)
                // The frozen expectation is the reference consensus on the reduced method.
                if figures != nil, let confirmed = confirm(reduced, directory: dir) {
                    finding.reduced = reduced
                    finding.figures = figures
                    finding.expected = confirmed.expected
                    finding.actual = confirmed.actual
                }
                record { $0.time.reduction += Date().timeIntervalSince(t) }
            }
            finding.opcode = Self.implicatedOpcode(finding.reduced)
            finding.regressionFile = try? write(finding)
            record { $0.divergences[kind, default: 0] += 1; $0.findings.append(finding) }
        }
    }

    static func classify(_ expected: Observation, _ actual: Observation) -> String {
        switch (expected, actual) {
        case (.value, .value): "value"
        case (_, .stop(let r)): r.contains("crash") ? "emulator-crash" : r.contains("timeout") ? "emulator-timeout" : "emulator-stop"
        default: "exception"
        }
    }

    /// Reduces one failing method; a candidate must still have a reference consensus and
    /// still fail with the same classification against it.
    func reduce(_ method: TestMethod, kind: String, directory: URL) -> (TestMethod, Reducer.Figures?) {
        let oracle = options.oracle
        // cilbox first (fast), then one reference engine at a time, each only from the first
        // candidate still in the running: most rounds end after the first engine, and the
        // reducer keeps the first (smallest) candidate that fails the same way on all three.
        let check: Reducer.Check = { candidates in
            let exe = try oracle.assemble(ILPrinter.batch(candidates), in: directory, name: "reduce")
            let actual = try oracle.emulator(exe, count: candidates.count)
            var reference: [Oracle.MonoMode: [Int: Observation]] = [:]
            var alive = Array(0..<candidates.count)
            for (i, mode) in oracle.modes.enumerated() {
                guard let first = alive.first else { break }
                let seen = try oracle.reference(exe, count: candidates.count, mode: mode, from: first)
                reference[mode] = seen
                alive = alive.filter { k in
                    guard let e = seen[k], e != .missing, let a = actual[k], e != a, Self.classify(e, a) == kind else { return false }
                    return oracle.modes.prefix(i).allSatisfy { reference[$0]?[k] == e }
                }
            }
            let failing = Set(alive)
            return (0..<candidates.count).map { failing.contains($0) }
        }
        do {
            let (reduced, figures) = try Reducer().reduce(method, check: check)
            return (reduced, figures)
        } catch {
            options.log("reduction failed: \(error)")
            return (method, nil)
        }
    }

    /// Runs a reduced method on every reference engine and on cilbox: the consensus and
    /// cilbox's observation, or nil if the engines disagree or cilbox now agrees.
    func confirm(_ method: TestMethod, directory: URL) -> (expected: Observation, actual: Observation)? {
        guard let exe = try? options.oracle.assemble(ILPrinter.batch([method]), in: directory, name: "confirm"),
              let reference = try? options.oracle.reference(exe, count: 1),
              let actual = try? options.oracle.emulator(exe, count: 1)[0] else { return nil }
        guard let expected = options.oracle.consensus(reference, 0), expected != actual else { return nil }
        return (expected, actual)
    }

    /// A name for the finding: the first instruction of the reduced method that is not a load,
    /// store or constant ("fold" when only the checksum remains).
    static func implicatedOpcode(_ m: TestMethod) -> String {
        var p = ILPrinter(seed: m.seed, className: "Fuzz")
        let text = p.method(m, name: "T")
        for line in text.split(separator: "\n") {
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            if word.isEmpty || word.hasPrefix(".") || word.hasSuffix(":") || word == "{" || word == "}" { continue }
            let family = InstructionPool.family(word)
            if ["ldloc", "stloc", "ldarg", "starg", "ldc.i4", "ldc.i8", "ldc.r4", "ldc.r8", "nop", "ret"].contains(family) { continue }
            return word
        }
        return "fold"
    }

    func write(_ f: Finding) throws -> URL {
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .init(identifier: "UTC")!, formatOptions: [.withFullDate])
        let name = "\(date)-\(hex(f.seed))-\(f.kind)-\(f.opcode).il"
        let header = RegressionFile.header(seed: f.seed, kind: f.kind, opcode: f.opcode, figures: f.figures,
                                           expected: f.expected, pool: options.poolName)
        let text = header + ILPrinter.batch([f.reduced], assemblyName: "Regression")
        // Only reduced findings become regression tests; the others stay with the findings.
        let directory = f.figures != nil ? (options.regressionDirectory ?? options.findingsDirectory) : options.findingsDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }
