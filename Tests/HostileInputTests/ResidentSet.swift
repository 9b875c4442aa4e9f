#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The process's resident-set high-water mark (VmHWM), and a way to reset it (Linux 4.0+),
/// to see how much one in-process run allocated. Other tests in the same process share it,
/// so this is a report, not a verdict; the child-process peak RSS is the verdict.
enum ResidentSet {
    static func resetPeak() -> Bool {
        guard let f = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(f) }
        return fputs("5", f) >= 0
    }

    static func peakAndCurrent() -> (peak: Int, current: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return nil }
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        guard let peak = field("VmHWM:"), let current = field("VmRSS:") else { return nil }
        return (peak, current)
    }
}
