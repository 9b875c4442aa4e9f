import CILDisassembler
import CILMetadata
import Foundation
import Testing

/// The package root, found from this file's path (Tests/CILDisassemblerTests/<file>).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CILDisassemblerTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// The reference toolchain: Mono's runtime, C# compiler, assembler and disassembler.
enum Toolchain {
    static let required = ["mono", "mcs", "ilasm"]

    /// Full paths of the tools, or nil when one is missing.
    static let paths: [String: String]? = {
        var found: [String: String] = [:]
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/Library/Frameworks/Mono.framework/Versions/Current/Commands"]
        for tool in required {
            guard let dir = dirs.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) }) else { return nil }
            found[tool] = dir + "/" + tool
        }
        return found
    }()

    static let missingMessage: Comment = "mono, mcs and ilasm are needed for this test and were not found: run Scripts/setup.sh"

    /// The path of `tool`; records a failure (never a silent skip) when the toolchain is missing.
    static func require(_ tool: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(paths?[tool], missingMessage, sourceLocation: sourceLocation)
    }
}

/// The outcome of running a program.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
}

/// Runs `executable` with `arguments` in `directory`, stdin from /dev/null, output captured in
/// files (no pipe can fill up), killed after `timeout` seconds.
func runProcess(_ executable: String, _ arguments: [String], in directory: URL, timeout: TimeInterval = 120) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let tag = UUID().uuidString
    let outURL = directory.appendingPathComponent("\(tag).stdout")
    let errURL = directory.appendingPathComponent("\(tag).stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer {
        try? outHandle.close()
        try? errHandle.close()
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            timedOut = true
            break
        }
        Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
    let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err, timedOut: timedOut)
}

/// A fresh temporary directory, removed by the caller with `cleanUp`.
func makeTemporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-disasm-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

func readBytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

/// One test program: a C# or IL source under Tests/Fixtures or Tests/Programs.
struct Fixture: CustomTestStringConvertible, Sendable {
    var url: URL
    var name: String { url.lastPathComponent }
    var isCSharp: Bool { url.pathExtension == "cs" }
    /// `Fixtures/Arithmetic.il`: both folders have programs of the same name.
    var testDescription: String { url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent + "/" + name }

    /// Every program, found anew on each run: `CSharp/*.cs` and `IL/*.il` of Tests/Fixtures
    /// and of Tests/Programs (the runtime's programs round-trip too).
    static var all: [Fixture] {
        var out: [Fixture] = []
        for root in ["Tests/Fixtures", "Tests/Programs"] {
        for (dir, ext) in [("CSharp", "cs"), ("IL", "il")] {
            let folder = packageRoot.appendingPathComponent("\(root)/\(dir)")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where name.hasSuffix("." + ext) {
                out.append(Fixture(url: folder.appendingPathComponent(name)))
            }
        }
        }
        return out
    }

    /// Tests/Fixtures/round-trip-known-differences.tsv: test description → reason.
    static var knownRoundTripDifferences: [String: String] {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/round-trip-known-differences.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    /// `mcs` flags from a first line `// mcs-flags: …`.
    var mcsFlags: [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
              first.hasPrefix("// mcs-flags:") else { return [] }
        return first.dropFirst("// mcs-flags:".count).split(separator: " ").map(String.init)
    }

    /// Builds the fixture into `directory/<name>.exe` with mcs or ilasm.
    func build(in directory: URL) throws -> URL {
        let exe = directory.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".exe")
        let result: ProcessResult
        if isCSharp {
            result = try runProcess(try Toolchain.require("mcs"), ["-nologo"] + mcsFlags + ["-out:" + exe.path, url.path], in: directory)
        } else {
            result = try runProcess(try Toolchain.require("ilasm"), ["-quiet", "-output:" + exe.path, url.path], in: directory)
        }
        try #require(result.status == 0, "building \(name) failed:\n\(result.stdout)\n\(result.stderr)")
        return exe
    }
}

/// Assembles IL text with ilasm into `directory/<name>` (a .dll unless `exe`).
func assemble(_ text: String, named name: String, in directory: URL, exe: Bool = false) throws -> (URL, ProcessResult) {
    let source = directory.appendingPathComponent(name + ".il")
    try Data(text.utf8).write(to: source)
    let output = directory.appendingPathComponent(name + (exe ? ".exe" : ".dll"))
    let result = try runProcess(try Toolchain.require("ilasm"), [exe ? "-exe" : "-dll", "-output:" + output.path, source.path], in: directory)
    return (output, result)
}

/// Disassembles the file at `url` (lenient reading) to text.
func disassemble(_ url: URL, options: DisassemblyOptions = DisassemblyOptions()) throws -> (text: String, diagnostics: [DisassemblyDiagnostic]) {
    let file = try CLIFile(bytes: try readBytes(url), mode: .lenient)
    let d = Disassembler(file: file, options: options)
    let text = d.text()
    return (text, d.diagnostics)
}

/// Mono's class library folder: CILBOX_BCL, then the usual prefixes.
enum BCL {
    static var directory: String? {
        if let env = ProcessInfo.processInfo.environment["CILBOX_BCL"] { return env }
        for candidate in ["/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
                          "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5"]
            where FileManager.default.fileExists(atPath: candidate + "/mscorlib.dll") {
            return candidate
        }
        return nil
    }

    static func assemblies(in dir: String) -> [String] {
        var out: [String] = []
        for sub in ["", "/Facades"] {
            let d = dir + sub
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).sorted()
                where name.hasSuffix(".dll") || name.hasSuffix(".exe") {
                out.append(d + "/" + name)
            }
        }
        return out
    }
}

/// The SplitMix64 generator, so random-input tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
