import CILMetadata
import Foundation

/// Finds and reads assemblies by name: the class-library folder and its `Facades/` first, then
/// the program's folder (DESIGN decision 1). Files are read once and cached.
public final class AssemblyResolver {
    public let searchDirectories: [String]
    private var byName: [String: RuntimeModule] = [:]
    private var loading: Set<String> = []

    public init(programDirectory: String?, bclDirectory: String) {
        // The class libraries come first, as the GAC does for Mono: a program that ships its own
        // mscorlib.dll (or System.dll…) must not replace the libraries the natives are written for.
        var dirs = [bclDirectory, bclDirectory + "/Facades"]
        if let programDirectory { dirs.append(programDirectory) }
        searchDirectories = dirs
    }

    /// The usual places of Mono's 4.5 class libraries, in the order they are tried after
    /// `--bcl` and `CILBOX_BCL`.
    public static let defaultBCLDirectories = [
        "/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
        "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5",
    ]

    /// `--bcl`, then `CILBOX_BCL`, then the usual paths; nil when none holds mscorlib.dll.
    public static func findBCL(explicit: String?) -> String? {
        let candidates = [explicit, ProcessInfo.processInfo.environment["CILBOX_BCL"]].compactMap { $0 } + defaultBCLDirectories
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/mscorlib.dll") }
    }

    /// Registers an already-read module (the program itself) under its assembly name.
    func register(_ module: RuntimeModule) {
        byName[module.assemblyName.lowercased()] = module
    }

    /// The module of the assembly called `name` (simple name, case-insensitive as in the CLR).
    func resolve(_ name: String, runtime: Runtime) throws(RuntimeError) -> RuntimeModule {
        let key = name.lowercased()
        if let m = byName[key] { return m }
        guard !loading.contains(key) else {
            throw RuntimeError(.badImage, "assembly \(name) refers to itself while loading")
        }
        loading.insert(key)
        defer { loading.remove(key) }
        for dir in searchDirectories {
            for ext in [".dll", ".exe"] {
                let path = dir + "/" + name + ext
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let module = try RuntimeModule.load(path: path, runtime: runtime)
                byName[key] = module
                return module
            }
        }
        throw RuntimeError(.missingMember, "assembly \(name) not found in \(searchDirectories.joined(separator: ", "))")
    }

    var loadedModules: [RuntimeModule] { Array(byName.values) }
}
