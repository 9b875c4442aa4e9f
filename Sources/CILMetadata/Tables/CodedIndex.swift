/// The coded index kinds of II.24.2.6: a tag in the low bits selects one of several tables.
public enum CodedIndex: Int, CaseIterable, Sendable {
    case typeDefOrRef, hasConstant, hasCustomAttribute, hasFieldMarshal, hasDeclSecurity,
         memberRefParent, hasSemantics, methodDefOrRef, memberForwarded, implementation,
         customAttributeType, resolutionScope, typeOrMethodDef

    /// Tables in tag order; `nil` marks tags the spec leaves unused.
    public var tables: [TableID?] {
        switch self {
        case .typeDefOrRef: [.typeDef, .typeRef, .typeSpec]
        case .hasConstant: [.field, .param, .property]
        case .hasCustomAttribute:
            [.methodDef, .field, .typeRef, .typeDef, .param, .interfaceImpl, .memberRef, .module,
             .declSecurity, .property, .event, .standAloneSig, .moduleRef, .typeSpec, .assembly,
             .assemblyRef, .file, .exportedType, .manifestResource, .genericParam,
             .genericParamConstraint, .methodSpec]
        case .hasFieldMarshal: [.field, .param]
        case .hasDeclSecurity: [.typeDef, .methodDef, .assembly]
        case .memberRefParent: [.typeDef, .typeRef, .moduleRef, .methodDef, .typeSpec]
        case .hasSemantics: [.event, .property]
        case .methodDefOrRef: [.methodDef, .memberRef]
        case .memberForwarded: [.field, .methodDef]
        case .implementation: [.file, .assemblyRef, .exportedType]
        case .customAttributeType: [nil, nil, .methodDef, .memberRef, nil]
        case .resolutionScope: [.module, .moduleRef, .assemblyRef, .typeRef]
        case .typeOrMethodDef: [.typeDef, .methodDef]
        }
    }

    /// Number of tag bits: enough to number every table of the kind.
    public var tagBits: Int {
        switch self {
        case .hasCustomAttribute: 5
        case .memberRefParent, .customAttributeType: 3
        case .typeDefOrRef, .hasConstant, .hasDeclSecurity, .implementation, .resolutionScope: 2
        case .hasFieldMarshal, .hasSemantics, .methodDefOrRef, .memberForwarded, .typeOrMethodDef: 1
        }
    }

    /// Splits a stored value into a token. A tag naming no table gives a typed error.
    public func decode(_ value: UInt32) throws(MetadataError) -> MetadataToken {
        let tag = Int(value & ((1 << tagBits) - 1))
        let row = value >> tagBits
        let tables = self.tables
        guard tag < tables.count, let table = tables[tag] else {
            throw MetadataError(.invalidValue, "coded index \(self) has unused tag \(tag)")
        }
        // Tokens hold 24-bit rows (II.22); a larger row would silently wrap to another row.
        guard row <= 0x00FF_FFFF else {
            throw MetadataError(.outOfRange, "coded index \(self) names row \(row), beyond any table")
        }
        return MetadataToken(table, row)
    }

    /// The inverse of `decode`, for writers and tests.
    public func encode(_ token: MetadataToken) -> UInt32? {
        guard let table = token.table, let tag = tables.firstIndex(where: { $0 == table }) else { return nil }
        return token.row << tagBits | UInt32(tag)
    }
}
