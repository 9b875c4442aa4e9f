import Foundation

/// Finds the `cilbox` executable to test and compares its runs with Mono's.
enum Cilbox {
    /// `$CILBOX_BINARY` if set, else the newer of `.build/release/cilbox` and `.build/debug/cilbox`.
    static func binary() throws -> String {
        if let override = ProcessInfo.processInfo.environment["CILBOX_BINARY"], !override.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: override) else {
                throw ProcessFailure(description: "CILBOX_BINARY=\(override) is not an executable file")
            }
            return override
        }
        let candidates = [".build/release/cilbox", ".build/debug/cilbox"]
            .map { ProgramCatalog.packageRoot.appendingPathComponent($0).path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func modified(_ path: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        guard let newest = candidates.max(by: { modified($0) < modified($1) }) else {
            throw ProcessFailure(description: """
                no cilbox binary: build it first (`swift build -c release --product cilbox`, as \
                Scripts/test.sh does) or point CILBOX_BINARY at one
                """)
        }
        return newest
    }

    /// An instruction budget for each run, so a runaway program stops with cilbox's own
    /// explanation (exit 75) in a few seconds instead of running into the 20 s kill. The
    /// programs need far fewer; `CILBOX_PROGRAMS_MAX_INSTRUCTIONS` overrides it (0: no budget).
    static var instructionBudget: UInt64 {
        if let text = ProcessInfo.processInfo.environment["CILBOX_PROGRAMS_MAX_INSTRUCTIONS"], let value = UInt64(text) {
            return value
        }
        return 200_000_000
    }

    static func run(_ built: BuiltProgram, binary: String) throws -> ProcessResult {
        let budget = instructionBudget
        let options = budget == 0 ? [] : ["--max-instructions", String(budget)]
        return try ProcessRunner.run(binary, ["run"] + options + [built.executable] + ProgramSettings.arguments,
                                     directory: built.directory, timeout: ProgramSettings.cilboxTimeout)
    }
}

/// How a cilbox run compares with Mono's.
struct Comparison: Sendable {
    /// Nil when cilbox behaved like Mono; otherwise a one-line reason for known-differences.tsv.
    var reason: String?
    /// What differs, for the test failure message.
    var details: String

    var passed: Bool { reason == nil }

    init(expected: MonoExpectation, actual: ProcessResult, programPath: String) {
        var problems: [String] = []
        if actual.timedOut {
            problems.append("cilbox did not finish within \(Int(ProgramSettings.cilboxTimeout)) s (killed)")
        } else if actual.signaled {
            problems.append("cilbox was killed by signal \(actual.status)")
        } else if actual.status != expected.status {
            problems.append("exit code \(actual.status), expected \(expected.status)")
        }
        if actual.stdout != expected.stdout {
            problems.append("stdout differs: " + Comparison.firstDifference(expected.stdout, actual.stdout))
        }
        if let type = expected.unhandledExceptionType, !actual.timedOut {
            let stderr = actual.stderrText
            if !stderr.contains(UnhandledReport.marker) || !stderr.contains(type) {
                problems.append("stderr does not report unhandled \(type)")
            }
        }
        guard !problems.isEmpty else { reason = nil; details = ""; return }

        // The reason names cilbox's own explanation when it gave one, else the first symptom.
        let stopLine = actual.stderrText.split(separator: "\n").first { $0.hasPrefix("cilbox:") }
        if let stopLine {
            reason = Comparison.normalize(String(stopLine), programPath: programPath)
        } else if actual.timedOut {
            reason = "timeout (\(Int(ProgramSettings.cilboxTimeout)) s)"
        } else if let type = UnhandledReport.exceptionType(in: actual.stderrText), type != expected.unhandledExceptionType {
            reason = "unhandled \(type)" + (expected.unhandledExceptionType.map { " (mono: unhandled \($0))" } ?? " (mono: exit \(expected.status))")
        } else if actual.stdout != expected.stdout {
            reason = "stdout differs"
        } else {
            reason = problems[0]
        }
        let stderrTail = actual.stderrText.split(separator: "\n").prefix(8).joined(separator: "\n")
        details = problems.joined(separator: "\n") + (stderrTail.isEmpty ? "" : "\ncilbox stderr:\n" + stderrTail)
    }

    /// Drops what changes from run to run: the scratch path and instruction counts.
    static func normalize(_ line: String, programPath: String) -> String {
        var text = line.replacingOccurrences(of: programPath, with: (programPath as NSString).lastPathComponent)
        if let range = text.range(of: #"stopped after \d+ instructions"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "stopped")
        }
        // Where a runaway loop happened to be when the budget ran out varies from run to run.
        if let range = text.range(of: #"(instruction budget of \d+ exhausted) in .*$"#, options: .regularExpression) {
            text = text.replacingCharacters(in: range, with: text[range].replacingOccurrences(
                of: #" in .*$"#, with: "", options: .regularExpression))
        }
        return text.replacingOccurrences(of: "\t", with: " ")
    }

    /// Line number and both versions of the first differing stdout line.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of output>"
            let al = i < a.count ? String(a[i]) : "<end of output>"
            if el != al {
                // Long lines: show both from a little before the first differing character.
                let common = zip(el, al).prefix { $0 == $1 }.count
                let start = max(0, common - 40)
                let lead = start > 0 ? "…" : ""
                return "line \(i + 1), column \(common + 1): expected `\(lead)\(el.dropFirst(start).prefix(160))`, got `\(lead)\(al.dropFirst(start).prefix(160))`"
            }
        }
        return "(same text, different bytes)"
    }
}

/// With `CILBOX_PROGRAMS_RECORD=<file>`, every case appends `name<TAB>pass` or
/// `name<TAB>fail<TAB>reason` to that file, to refresh known-differences.tsv from.
enum ResultRecorder {
    private static let lock = NSLock()

    static func record(_ program: TestProgram, _ comparison: Comparison) {
        guard let path = ProcessInfo.processInfo.environment["CILBOX_PROGRAMS_RECORD"], !path.isEmpty else { return }
        let line = comparison.passed ? "\(program.name)\tpass\n" : "\(program.name)\tfail\t\(comparison.reason ?? "")\n"
        lock.withLock {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
        }
    }
}
