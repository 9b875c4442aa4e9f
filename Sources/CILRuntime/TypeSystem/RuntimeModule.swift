import CILMetadata
import Foundation

/// One loaded assembly's manifest module and the runtime objects made from its metadata,
/// cached by row so each token is resolved once.
public final class RuntimeModule {
    public let path: String
    public let file: CLIFile
    public let index: MetadataIndex
    public let assemblyName: String
    unowned let runtime: Runtime

    var typeDefs: [RuntimeType?]
    var typeRefs: [RuntimeType?]
    var methodDefs: [RuntimeMethod?]
    var fieldDefs: [RuntimeField?]
    /// Top-level types by "Namespace.Name" (nested types are found through their enclosing type).
    private var topLevelTypes: [String: UInt32]?
    /// Interned `ldstr` literals: #US offset → guest string address.
    var literals: [UInt32: UInt64] = [:]

    init(path: String, file: CLIFile, runtime: Runtime) throws(RuntimeError) {
        self.path = path
        self.file = file
        self.runtime = runtime
        index = MetadataIndex(file)
        if file.rowCount(.assembly) >= 1, let a = try? file.assembly(1), let n = try? file.string(a.name) {
            assemblyName = n
        } else {
            assemblyName = (path as NSString).lastPathComponent
        }
        typeDefs = Array(repeating: nil, count: Int(file.rowCount(.typeDef)) + 1)
        typeRefs = Array(repeating: nil, count: Int(file.rowCount(.typeRef)) + 1)
        methodDefs = Array(repeating: nil, count: Int(file.rowCount(.methodDef)) + 1)
        fieldDefs = Array(repeating: nil, count: Int(file.rowCount(.field)) + 1)
    }

    static func load(path: String, runtime: Runtime) throws(RuntimeError) -> RuntimeModule {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw RuntimeError(.missingMember, "cannot read \(path)")
        }
        let file: CLIFile
        do { file = try CLIFile(bytes: bytes, mode: .strict) } catch {
            throw RuntimeError(.badImage, "\(path): \(error)")
        }
        return try RuntimeModule(path: path, file: file, runtime: runtime)
    }

    func string(_ index: UInt32) throws(RuntimeError) -> String {
        do { return try file.string(index) } catch { throw RuntimeError(.badImage, "\(assemblyName): \(error)") }
    }

    /// Wraps a metadata read so its error becomes a RuntimeError naming this assembly.
    func read<T>(_ body: () throws(MetadataError) -> T) throws(RuntimeError) -> T {
        do { return try body() } catch { throw RuntimeError(.badImage, "\(assemblyName): \(error)") }
    }

    /// The TypeDef row of top-level type `namespace.name`, if this module defines it.
    func findTopLevelType(namespace: String, name: String) -> UInt32? {
        if topLevelTypes == nil {
            var map: [String: UInt32] = [:]
            for row in stride(from: UInt32(1), through: file.rowCount(.typeDef), by: 1) where index.enclosingType(of: row) == 0 {
                guard let t = try? file.typeDef(row), let n = try? file.string(t.name), let ns = try? file.string(t.namespace) else { continue }
                map[ns.isEmpty ? n : ns + "." + n] = row
            }
            topLevelTypes = map
        }
        return topLevelTypes?[namespace.isEmpty ? name : namespace + "." + name]
    }

    /// The nested type called `name` inside TypeDef `enclosing`.
    func findNestedType(in enclosing: UInt32, name: String) -> UInt32? {
        index.nestedTypes(of: enclosing).first { row in
            (try? file.typeDef(row)).flatMap { try? file.string($0.name) } == name
        }
    }
}
