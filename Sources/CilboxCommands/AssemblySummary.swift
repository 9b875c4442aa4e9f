import CILMetadata

/// What `cilbox info` reports about one file, gathered once and rendered as text or JSON.
/// Every read is lenient: a part that cannot be read becomes a diagnostic, the rest is still shown.
final class AssemblySummary {
    var path: String
    var file: CLIFile
    var index: MetadataIndex
    var diagnostics: [Diagnostic]

    init(path: String, file: CLIFile) {
        self.path = path
        self.file = file
        self.index = MetadataIndex(file)
        self.diagnostics = file.diagnostics + index.diagnostics
    }

    /// Runs `body`, turning a metadata error into a diagnostic and a placeholder result.
    func attempt<T>(_ fallback: T, _ body: () throws(MetadataError) -> T) -> T {
        do { return try body() } catch {
            diagnostics.append(Diagnostic(error))
            return fallback
        }
    }

    func string(_ index: UInt32) -> String { (try? file.string(index)) ?? "<bad string 0x\(String(index, radix: 16))>" }

    /// `Namespace.Name`, with `/` between enclosing and nested types (ilasm's notation).
    func typeDefName(_ row: UInt32) -> String {
        var parts: [String] = []
        var current = row
        var guardCount = 0
        while current != 0 && guardCount < 64 {
            guard let t = try? file.typeDef(current) else { break }
            let ns = string(t.namespace)
            parts.append(ns.isEmpty ? string(t.name) : ns + "." + string(t.name))
            current = index.enclosingType(of: current)
            guardCount += 1
        }
        return parts.reversed().joined(separator: "/")
    }

    var entryPointText: String? {
        guard let token = file.entryPoint, let m = try? file.methodDef(token.row) else { return nil }
        let owner = index.methodOwner.indices.contains(Int(token.row)) ? index.methodOwner[Int(token.row)] : 0
        return (owner != 0 ? typeDefName(owner) + "::" : "") + string(m.name)
    }

    static func publicKeyToken(_ blob: [UInt8]) -> String { blob.map { hex2($0) }.joined() }
    static func hex2(_ b: UInt8) -> String { let s = String(b, radix: 16); return s.count == 1 ? "0" + s : s }
    static func hex(_ v: UInt32, width: Int = 8) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static let runtimeFlagNames: [(UInt32, String)] = [
        (0x1, "ILONLY"), (0x2, "32BITREQUIRED"), (0x4, "ILLIBRARY"), (0x8, "STRONGNAMESIGNED"),
        (0x10, "NATIVE_ENTRYPOINT"), (0x10000, "TRACKDEBUGDATA"), (0x20000, "32BITPREFERRED"),
    ]
    static func flagWords(_ flags: UInt32, _ names: [(UInt32, String)]) -> [String] {
        names.filter { flags & $0.0 != 0 }.map(\.1)
    }

    struct Reference { var name: String; var version: String; var culture: String; var publicKeyOrToken: String; var flags: UInt32 }

    func assemblyReferences() -> [Reference] {
        var refs: [Reference] = []
        for row in stride(from: UInt32(1), through: file.rowCount(.assemblyRef), by: 1) {
            let r: AssemblyRefRow? = attempt(nil) { () throws(MetadataError) in try file.assemblyRef(row) }
            guard let r else { continue }
            let key = attempt([UInt8]()) { () throws(MetadataError) in try file.blobs.bytes(r.publicKeyOrToken) }
            refs.append(Reference(name: string(r.name), version: r.version.dotted, culture: string(r.culture),
                                  publicKeyOrToken: Self.publicKeyToken(key), flags: r.flags))
        }
        return refs
    }

    struct Exported { var name: String; var implementation: String; var isForwarder: Bool }

    func exportedTypes() -> [Exported] {
        var out: [Exported] = []
        for row in stride(from: UInt32(1), through: file.rowCount(.exportedType), by: 1) {
            let e: ExportedTypeRow? = attempt(nil) { () throws(MetadataError) in try file.exportedType(row) }
            guard let e else { continue }
            let ns = string(e.namespace)
            let name = ns.isEmpty ? string(e.name) : ns + "." + string(e.name)
            var impl = e.implementation.description
            if e.implementation.table == .assemblyRef, let a = try? file.assemblyRef(e.implementation.row) { impl = "[" + string(a.name) + "]" }
            if e.implementation.table == .file, let f = try? file.file(e.implementation.row) { impl = "file " + string(f.name) }
            if e.implementation.table == .exportedType { impl = "nested in exported type \(e.implementation.row)" }
            // II.23.1.15: 0x00200000 marks a type forwarder.
            out.append(Exported(name: name, implementation: impl, isForwarder: e.flags & 0x0020_0000 != 0))
        }
        return out
    }

    struct Resource { var name: String; var isPublic: Bool; var location: String; var size: Int? }

    /// II.22.24 ManifestResource rows; CILMetadata locates embedded data (II.25.3.3).
    func resources() -> [Resource] {
        var out: [Resource] = []
        for row in stride(from: UInt32(1), through: file.rowCount(.manifestResource), by: 1) {
            let m: ManifestResource? = attempt(nil) { () throws(MetadataError) in try file.manifestResourceInfo(row) }
            guard let m else { continue }
            var location = "embedded"
            if let error = m.dataError { diagnostics.append(Diagnostic(error)) }
            if let impl = m.implementation {
                if impl.table == .assemblyRef, let a = try? file.assemblyRef(impl.row) { location = "in assembly " + string(a.name) }
                else if impl.table == .file, let f = try? file.file(impl.row) { location = "in file " + string(f.name) }
                else { location = impl.description }
            }
            out.append(Resource(name: m.name, isPublic: m.isPublic, location: location, size: m.dataRange?.count))
        }
        return out
    }
}
