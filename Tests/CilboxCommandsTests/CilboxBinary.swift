import Foundation

/// Runs the built `cilbox` executable as a user would, capturing its output and exit code.
enum CilboxBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `CILBOX_BINARY` when set (as ProgramTests reads it), else the newest of the release and
    /// debug builds (Scripts/test.sh builds release first).
    static func path() throws -> String {
        if let chosen = ProcessInfo.processInfo.environment["CILBOX_BINARY"], !chosen.isEmpty { return chosen }
        let candidates = [".build/release/cilbox", ".build/debug/cilbox"].map { packageRoot.appendingPathComponent($0).path }
        let existing = candidates.filter { FileManager.default.isExecutableFile(atPath: $0) }
        let newest = existing.max { a, b in
            let da = (try? FileManager.default.attributesOfItem(atPath: a)[.modificationDate] as? Date) ?? .distantPast
            let db = (try? FileManager.default.attributesOfItem(atPath: b)[.modificationDate] as? Date) ?? .distantPast
            return da < db
        }
        guard let newest else { throw Missing(what: "cilbox binary (run `swift build -c release`; Scripts/test.sh does)") }
        return newest
    }

    static func run(_ arguments: [String]) throws -> Result {
        try Process.capture(try path(), arguments)
    }

    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { "missing \(what)" }
    }
}

extension Process {
    /// Runs an executable to completion, reading both pipes concurrently so neither can fill up.
    static func capture(_ executable: String, _ arguments: [String]) throws -> CilboxBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CilboxBinary.Result(status: process.terminationStatus,
                                   stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// Holds the standard-error bytes read on another thread; the DispatchGroup orders the accesses.
    final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        func set(_ d: Data) { data = d }
        func get() -> Data { data }
    }

    static func tool(_ name: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CilboxBinary.Missing(what: "\(name) on PATH (run Scripts/setup.sh to install mono-devel)")
    }
}

enum BCLPath {
    static func directory() throws -> String {
        if let env = ProcessInfo.processInfo.environment["CILBOX_BCL"] { return env }
        let found = ["/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
                     "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5"]
            .first { FileManager.default.fileExists(atPath: $0 + "/mscorlib.dll") }
        guard let found else { throw CilboxBinary.Missing(what: "Mono class libraries (run Scripts/setup.sh or set CILBOX_BCL)") }
        return found
    }
}
