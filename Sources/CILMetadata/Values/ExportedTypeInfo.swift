/// An ExportedType row (II.22.14): a type this assembly makes visible from another of its
/// modules, or — with `isForwarder` — a type it forwards to another assembly.
public struct ExportedTypeInfo: Sendable, Equatable {
    public var row: UInt32
    public var flags: UInt32
    /// A hint: the TypeDef row in the module that defines the type (may be 0).
    public var typeDefId: UInt32
    public var name: String
    public var namespace: String
    /// A File, an AssemblyRef, or (for a nested type) the ExportedType of its enclosing type.
    public var implementation: MetadataToken
    /// `Ns.Outer+Inner`, following the enclosing ExportedType rows.
    public var fullName: String
    /// The File or AssemblyRef at the end of the enclosing chain: where the type really is.
    public var scope: MetadataToken

    /// II.23.1.15: tdForwarder.
    public static let forwarderFlag: UInt32 = 0x0020_0000
    public var isForwarder: Bool { flags & Self.forwarderFlag != 0 }
}

extension CLIFile {
    public func exportedTypeInfo(_ r: UInt32) throws(MetadataError) -> ExportedTypeInfo {
        let row = try exportedType(r)
        var parts: [String] = []
        var current = row
        var scope = row.implementation
        var seen: Set<UInt32> = [r]
        // II.22.14: a nested type's Implementation is its enclosing type's ExportedType row.
        while current.implementation.table == .exportedType && !current.implementation.isNil {
            parts.append(CLIFile.escapedTypeNamePart(try string(current.name)))
            let outer = current.implementation.row
            guard seen.insert(outer).inserted, seen.count <= Self.maxNestingDepth else {
                throw MetadataError(.tooDeep, "ExportedType nesting cycle", at: .tableRow(.exportedType, r))
            }
            current = try exportedType(outer)
            scope = current.implementation
        }
        parts.append(CLIFile.qualified(try string(current.namespace), try string(current.name)))
        return ExportedTypeInfo(row: r, flags: row.flags, typeDefId: row.typeDefId, name: try string(row.name),
                                namespace: try string(row.namespace), implementation: row.implementation,
                                fullName: parts.reversed().joined(separator: "+"), scope: scope)
    }

    /// Every ExportedType row, in table order.
    public func exportedTypes() throws(MetadataError) -> [ExportedTypeInfo] {
        var out: [ExportedTypeInfo] = []
        for r in stride(from: UInt32(1), through: rowCount(.exportedType), by: 1) { out.append(try exportedTypeInfo(r)) }
        return out
    }
}
