import Foundation

/// What a finished child process left behind.
struct ProcessResult: Sendable {
    var status: Int32
    /// True when the process was killed by a signal (`status` is then the signal number).
    var signaled: Bool
    var stdout: Data
    var stderr: Data
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

struct ProcessFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs child processes with standard input closed, both output pipes drained concurrently,
/// and a wall-clock limit after which the child is killed.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], directory: String? = nil,
                    timeout: Double) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw ProcessFailure(description: "cannot start \(executable): \(error)")
        }

        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, isOut) in [(out, true), (err, false)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, stdout: isOut)
                readers.leave()
            }
        }
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            collected.markTimedOut()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        readers.wait()
        let (stdout, stderr, timedOut) = collected.values()
        return ProcessResult(status: process.terminationStatus,
                             signaled: process.terminationReason == .uncaughtSignal,
                             stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// The first executable called `name` on PATH.
    static func tool(_ name: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ProcessFailure(description: "`\(name)` not found on PATH: install Mono 6.8 (mono-devel; Scripts/setup.sh)")
    }

    /// Output gathered on reader threads; the lock orders the accesses.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data(), timedOut = false
        func set(_ data: Data, stdout: Bool) { lock.withLock { if stdout { out = data } else { err = data } } }
        func markTimedOut() { lock.withLock { timedOut = true } }
        func values() -> (Data, Data, Bool) { lock.withLock { (out, err, timedOut) } }
    }
}

/// Caps how many child processes the test target runs at once (Swift Testing runs the
/// parameterized cases concurrently), and keeps blocking waits off the cooperative pool.
actor WorkerPool {
    static let shared = WorkerPool(width: max(1, ProcessInfo.processInfo.activeProcessorCount))

    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { available = width }

    /// Runs `body` on a dispatch thread once a slot is free.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    private func acquire() async {
        if available > 0 { available -= 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}
