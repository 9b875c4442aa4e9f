import Foundation

/// What one engine did with one test method.
public enum Observation: Equatable, Sendable, CustomStringConvertible {
    case value(String)        // checksum, 16 hex digits
    case exception(String)    // exception type full name
    case stop(String)         // cilbox ended the run (budget, unmodelled, crash) while in this method
    case missing

    public var description: String {
        switch self {
        case .value(let v): "OK \(v)"
        case .exception(let t): "EXC \(t)"
        case .stop(let r): "STOP \(r)"
        case .missing: "MISSING"
        }
    }

    /// Parses the harness output: `k OK HEX` / `k EXC Type` per line.
    static func parse(_ output: String) -> [Int: Observation] {
        var result: [Int: Observation] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let k = Int(parts[0]) else { continue }
            result[k] = parts[1] == "OK" ? .value(String(parts[2])) : .exception(String(parts[2]))
        }
        return result
    }
}

/// The reference engines and cilbox, run on one assembled batch (FUZZING.md §2.4).
public struct Oracle: Sendable {
    public enum MonoMode: String, CaseIterable, Sendable {
        case jit = "mono"
        case noOptFloat32 = "mono -O=-all,float32"
        case interpreter = "mono --interpreter"

        var arguments: [String] {
            switch self {
            case .jit: []
            case .noOptFloat32: ["-O=-all,float32"]
            case .interpreter: ["--interpreter"]
            }
        }
    }

    public let ilasm: String
    public let mono: String
    public let cilbox: String
    /// Extra arguments for `cilbox run` (e.g. the test-only fault injection).
    public let cilboxArguments: [String]
    public let modes: [MonoMode]
    public var timeout: Double = 60

    public init(ilasm: String, mono: String, cilbox: String, cilboxArguments: [String] = [], modes: [MonoMode] = MonoMode.allCases) {
        self.ilasm = ilasm
        self.mono = mono
        self.cilbox = cilbox
        self.cilboxArguments = cilboxArguments
        self.modes = modes
    }

    public struct AssemblyError: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "ilasm failed: \(output)" }
    }

    /// Assembles `source` into `directory/name.exe`.
    public func assemble(_ source: String, in directory: URL, name: String) throws -> URL {
        let il = directory.appendingPathComponent("\(name).il")
        let exe = directory.appendingPathComponent("\(name).exe")
        try source.write(to: il, atomically: true, encoding: .utf8)
        let r = try ProcessRunner.run(ilasm, ["/quiet", "/output:\(exe.path)", il.path], timeout: timeout)
        guard r.status == 0, FileManager.default.fileExists(atPath: exe.path) else { throw AssemblyError(output: r.stdout + r.stderr) }
        return exe
    }

    /// Observations of every reference mode.
    public func reference(_ exe: URL, count: Int) throws -> [MonoMode: [Int: Observation]] {
        var result: [MonoMode: [Int: Observation]] = [:]
        for mode in modes { result[mode] = try reference(exe, count: count, mode: mode) }
        return result
    }

    /// One engine's observations of methods `from`..<count.
    public func reference(_ exe: URL, count: Int, mode: MonoMode, from start: Int = 0) throws -> [Int: Observation] {
        try observe(exe, count: count, from: start) { first in
                let r = try ProcessRunner.run(mono, mode.arguments + [exe.path, String(first)], directory: exe.deletingLastPathComponent(), timeout: timeout)
                // A crashing mono leaves mono_crash.*.json dumps in its working directory.
                if r.signaled { Self.removeCrashDumps(in: exe.deletingLastPathComponent()) }
                return r
        }
    }

    static func removeCrashDumps(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for n in names where n.hasPrefix("mono_crash.") { try? FileManager.default.removeItem(at: directory.appendingPathComponent(n)) }
    }

    /// The reference's observation of method `k`: what every mode saw, or nil when the modes
    /// disagree or none produced a result (a generator leak, FUZZING.md §1 consensus check).
    public func consensus(_ reference: [MonoMode: [Int: Observation]], _ k: Int) -> Observation? {
        let views = modes.compactMap { reference[$0]?[k] }
        guard let first = views.first, first != .missing, views.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// cilbox's observations.
    public func emulator(_ exe: URL, count: Int, maximumInstructions: Int = 50_000_000) throws -> [Int: Observation] {
        try observe(exe, count: count) { first in
            try ProcessRunner.run(cilbox, ["run", "--max-instructions", String(maximumInstructions)] + cilboxArguments + [exe.path, String(first)],
                                  directory: exe.deletingLastPathComponent(), timeout: timeout)
        }
    }

    /// Runs the harness from method 0; when a run ends inside method k (a crash, a stop, an
    /// engine assertion), k is recorded as a stop with the reason and the harness restarts at k+1.
    func observe(_ exe: URL, count: Int, from start: Int = 0, run: (Int) throws -> ProcessRunner.Result) throws -> [Int: Observation] {
        var result: [Int: Observation] = [:]
        var first = start
        while first < count {
            let r = try run(first)
            for (k, o) in Observation.parse(r.stdout) where k >= first { result[k] = o }
            guard let stopped = (first..<count).first(where: { result[$0] == nil }) else { break }
            let reason: String
            if r.timedOut { reason = "timeout" }
            else if r.signaled { reason = "crash (signal \(r.status))" }
            else {
                let lines = (r.stderr + "\n" + r.stdout).split(separator: "\n")
                reason = (lines.first { $0.hasPrefix("cilbox:") || $0.contains("Assertion") }).map { $0.trimmingCharacters(in: .whitespaces) } ?? "exit \(r.status)"
            }
            result[stopped] = .stop(reason)
            first = stopped + 1
        }
        return result
    }
}
