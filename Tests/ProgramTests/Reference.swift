import Foundation

/// A program compiled once into this test process's scratch folder, and what Mono did with it.
struct BuiltProgram: Sendable {
    var program: TestProgram
    /// The assembly (`<scratch>/<name>/<file stem>.exe`).
    var executable: String
    var directory: String
}

/// Mono's behaviour, the expected behaviour for cilbox.
struct MonoExpectation: Sendable {
    var stdout: Data
    var status: Int32
    /// The exception type Mono reported as unhandled (`System.InvalidOperationException`), if the
    /// program ended that way.
    var unhandledExceptionType: String?
}

enum ProgramSettings {
    /// The arguments every program gets, on Mono and on cilbox.
    static let arguments = ["a", "b", "c"]
    static let cilboxTimeout: Double = 20
    static let monoTimeout: Double = 60
    static let buildTimeout: Double = 120
}

/// Builds each program at most once per test process and runs it on Mono at most once,
/// however many tests ask (concurrent askers share one task).
final class ReferenceCache: @unchecked Sendable {
    static let shared = ReferenceCache()

    private let lock = NSLock()
    private var builds: [String: Task<BuiltProgram, Error>] = [:]
    private var expectations: [String: Task<MonoExpectation, Error>] = [:]

    /// This process's scratch folder; folders left by earlier test processes that no longer
    /// exist are removed the first time it is created.
    static let scratch: URL = {
        let tmp = FileManager.default.temporaryDirectory
        let prefix = "cilbox-program-tests-"
        for old in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where old.hasPrefix(prefix) {
            if let pid = Int32(old.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: tmp.appendingPathComponent(old))
            }
        }
        let dir = tmp.appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    func build(_ program: TestProgram) async throws -> BuiltProgram {
        let task = lock.withLock {
            if let existing = builds[program.name] { return existing }
            let task = Task { try await WorkerPool.shared.run { try Self.compile(program) } }
            builds[program.name] = task
            return task
        }
        return try await task.value
    }

    func expectation(_ program: TestProgram) async throws -> MonoExpectation {
        let task = lock.withLock {
            if let existing = expectations[program.name] { return existing }
            let task = Task {
                let built = try await self.build(program)
                return try await WorkerPool.shared.run { try Self.runOnMono(built) }
            }
            expectations[program.name] = task
            return task
        }
        return try await task.value
    }

    private static func compile(_ program: TestProgram) throws -> BuiltProgram {
        let dir = scratch.appendingPathComponent(program.name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent(program.fileStem + ".exe").path
        let result: ProcessResult
        switch program.language {
        case .csharp:
            result = try ProcessRunner.run(try ProcessRunner.tool("mcs"),
                                           ["-nologo", "-warn:0"] + (try program.compilerFlags()) + ["-out:" + exe, program.sourcePath],
                                           directory: dir.path, timeout: ProgramSettings.buildTimeout)
        case .il:
            result = try ProcessRunner.run(try ProcessRunner.tool("ilasm"), ["-quiet", "-output:" + exe, program.sourcePath],
                                           directory: dir.path, timeout: ProgramSettings.buildTimeout)
        }
        guard result.status == 0, !result.timedOut, FileManager.default.fileExists(atPath: exe) else {
            throw ProcessFailure(description: "\(program.testDescription) does not build:\n\(result.stdoutText)\(result.stderrText)")
        }
        return BuiltProgram(program: program, executable: exe, directory: dir.path)
    }

    private static func runOnMono(_ built: BuiltProgram) throws -> MonoExpectation {
        let r = try ProcessRunner.run(try ProcessRunner.tool("mono"), [built.executable] + ProgramSettings.arguments,
                                      directory: built.directory, timeout: ProgramSettings.monoTimeout)
        guard !r.timedOut, !r.signaled else {
            throw ProcessFailure(description: "\(built.program.testDescription) does not finish on mono (timeout or crash): \(r.stderrText.prefix(500))")
        }
        return MonoExpectation(stdout: r.stdout, status: r.status,
                               unhandledExceptionType: r.status == 0 ? nil : UnhandledReport.exceptionType(in: r.stderrText))
    }
}

/// Reads Mono's report of an unhandled exception:
///
///     Unhandled Exception:
///     System.InvalidOperationException: message
enum UnhandledReport {
    static let marker = "Unhandled Exception:"

    static func exceptionType(in stderr: String) -> String? {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == marker }), i + 1 < lines.count else { return nil }
        let line = lines[i + 1]
        let type = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? String(line)
        return type.trimmingCharacters(in: .whitespaces).isEmpty ? nil : type.trimmingCharacters(in: .whitespaces)
    }
}
