#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion (or kills it at a deadline) and reports its exit status, wall
/// time and peak resident set.
///
/// The peak comes from polling the child's `/proc/<pid>/status` VmHWM (the high-water mark of
/// its own address space) while waiting, not from `wait4`'s `ru_maxrss`: `posix_spawn` execs
/// from a vfork-style child sharing this process's memory, and Linux folds the high-water mark
/// of the address space an exec replaces into the child's `maxrss`, so that figure is never
/// below this (large) test process's own RSS. HWM only grows, so polling every ~0.2 ms can
/// miss only what the child touches in its last moments before exiting.
struct ChildProcess {
    struct Result: Sendable {
        /// Exit code, or nil if a signal ended it.
        var exitCode: Int32?
        var signal: Int32?
        var seconds: Double
        var peakRSSBytes: Int
        var killedAtDeadline: Bool
        /// The start of what the child wrote to stderr.
        var stderr: String

        var statusText: String {
            if killedAtDeadline { return "killed at deadline" }
            if let s = signal { return "signal \(s)" }
            return "exit \(exitCode ?? -1)"
        }
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        var description: String {
            switch self {
            case .spawn(let path, let errno): "cannot start \(path): errno \(errno)"
            }
        }
    }

    /// Runs `arguments[0]` with stdout discarded and stderr captured into `stderrPath`.
    static func run(_ arguments: [String], stderrPath: String, deadline: Double) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let start = now()
        #if os(Linux)
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        #else
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, &argv, nil)
        #endif
        guard rc == 0 else { throw Failure.spawn(arguments[0], rc) }

        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        var peak = 0
        let name = String((arguments[0].split(separator: "/").last ?? "").prefix(15))
        while true {
            peak = max(peak, highWaterMark(pid, name: name))
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if !killed && now() - start > deadline {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(killed ? 1000 : 200)
        }
        let seconds = now() - start
        let signal = status & 0x7F
        return Result(exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                      seconds: seconds, peakRSSBytes: peak, killedAtDeadline: killed,
                      stderr: readPrefix(stderrPath, limit: 2000))
    }

    /// VmHWM of a running process in bytes; 0 once it has exited (a zombie has no memory), and
    /// 0 while its name is not yet `name`: the parent may run again before the child's exec
    /// has switched address spaces (the name changes after the switch), and until then the
    /// figure is this process's own.
    static func highWaterMark(_ pid: pid_t, name: String) -> Int {
        let text = readPrefix("/proc/\(pid)/status", limit: 4096)
        let lines = text.split(separator: "\n")
        guard lines.first == "Name:\t\(name)"[...],
              let line = lines.first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let digits = line.dropFirst(6).drop { $0 == " " || $0 == "\t" }.prefix { $0.isNumber }
        return (Int(digits) ?? 0) * 1024
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func readPrefix(_ path: String, limit: Int) -> String {
        guard let f = fopen(path, "rb") else { return "" }
        defer { fclose(f) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = fread(&buffer, 1, limit, f)
        return String(decoding: buffer[0 ..< n], as: UTF8.self)
    }
}
