import CILMetadata
import Foundation

/// Helpers for the attribute, constant and resource tests: hex text, running the Mono tools,
/// and resolving enums across the class libraries the way a loader would.
enum AttrTest {
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    struct ToolError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `tool` (found on PATH) with `arguments`; returns stdout, throws with stderr on failure.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: String? = nil, stdin: String? = nil) throws -> String {
        guard let path = which(tool) else {
            throw ToolError(description: "\(tool) not found: run Scripts/setup.sh to install the Mono toolchain")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        environment["LC_ALL"] = "C"
        process.environment = environment
        // Files rather than pipes: nothing can fill up and block the tool.
        let scratch = NSTemporaryDirectory() + "cilbox-run-" + UUID().uuidString
        defer { for s in [".in", ".out", ".err"] { try? FileManager.default.removeItem(atPath: scratch + s) } }
        _ = FileManager.default.createFile(atPath: scratch + ".in", contents: Data((stdin ?? "").utf8))
        _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        process.standardInput = FileHandle(forReadingAtPath: scratch + ".in")
        process.standardOutput = FileHandle(forWritingAtPath: scratch + ".out")
        process.standardError = FileHandle(forWritingAtPath: scratch + ".err")
        try process.run()
        process.waitUntilExit()
        let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        let text = String(decoding: outData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ToolError(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus):\n\(String(decoding: errData, as: UTF8.self))\n\(text)")
        }
        return text
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "cilbox-attrs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// The class libraries as a set of assemblies by simple name, loaded on demand, answering enum
/// underlying types across assemblies (following type forwarders, as the loader does).
final class BCLAssemblySet {
    let paths: [String: String]
    private var files: [String: CLIFile] = [:]
    private var definitions: [String: [String: UInt32]] = [:]
    private var forwarders: [String: [String: String]] = [:]
    private(set) var lookups = 0

    init(directory: String) {
        var paths: [String: String] = [:]
        for path in listAssemblies(in: directory) {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            if paths[name] == nil { paths[name] = path }
        }
        self.paths = paths
    }

    func file(_ name: String) -> CLIFile? {
        let key = name.lowercased()
        if let f = files[key] { return f }
        guard let path = paths[key], let bytes = try? readFile(path), let f = try? CLIFile(bytes: bytes) else { return nil }
        files[key] = f
        return f
    }

    /// The underlying type of enum `typeName` in assembly `assembly` (mscorlib when unqualified).
    func underlyingType(_ ref: EnumReference) -> ElementType? {
        lookups += 1
        var assembly = ref.assemblyName ?? "mscorlib"
        for _ in 0 ..< 8 {
            guard let file = file(assembly) else { return nil }
            let key = assembly.lowercased()
            if definitions[key] == nil { definitions[key] = (try? file.typeDefinitionsByFullName()) ?? [:] }
            if let row = definitions[key]![ref.typeName] { return try? file.enumUnderlyingType(ofTypeDef: row) }
            if forwarders[key] == nil {
                var map: [String: String] = [:]
                for e in (try? file.exportedTypes()) ?? [] where e.scope.table == .assemblyRef {
                    if let a = try? file.assemblyReference(e.scope.row) { map[e.fullName] = a.name }
                }
                forwarders[key] = map
            }
            guard let next = forwarders[key]![ref.typeName] else { return nil }
            assembly = next
        }
        return nil
    }
}
