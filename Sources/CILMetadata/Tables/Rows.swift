// One struct per table of II.22. Heap columns hold heap indices (resolve them through the
// file's heaps); table columns hold 1-based row numbers; coded columns hold decoded tokens.
// Column numbers follow `TableSchema`.

public struct ModuleRow: Sendable { public var generation: UInt16; public var name: UInt32; public var mvid: UInt32; public var encId: UInt32; public var encBaseId: UInt32 }
public struct TypeRefRow: Sendable { public var resolutionScope: MetadataToken; public var name: UInt32; public var namespace: UInt32 }
public struct TypeDefRow: Sendable {
    public var flags: UInt32; public var name: UInt32; public var namespace: UInt32
    public var extends: MetadataToken; public var fieldList: UInt32; public var methodList: UInt32
}
public struct FieldRow: Sendable { public var flags: UInt16; public var name: UInt32; public var signature: UInt32 }
public struct MethodDefRow: Sendable {
    public var rva: UInt32; public var implFlags: UInt16; public var flags: UInt16
    public var name: UInt32; public var signature: UInt32; public var paramList: UInt32
}
public struct ParamRow: Sendable { public var flags: UInt16; public var sequence: UInt16; public var name: UInt32 }
public struct InterfaceImplRow: Sendable { public var type: UInt32; public var interface: MetadataToken }
public struct MemberRefRow: Sendable { public var parent: MetadataToken; public var name: UInt32; public var signature: UInt32 }
public struct ConstantRow: Sendable { public var type: UInt8; public var parent: MetadataToken; public var value: UInt32 }
public struct CustomAttributeRow: Sendable { public var parent: MetadataToken; public var constructor: MetadataToken; public var value: UInt32 }
public struct FieldMarshalRow: Sendable { public var parent: MetadataToken; public var nativeType: UInt32 }
public struct DeclSecurityRow: Sendable { public var action: UInt16; public var parent: MetadataToken; public var permissionSet: UInt32 }
public struct ClassLayoutRow: Sendable { public var packingSize: UInt16; public var classSize: UInt32; public var parent: UInt32 }
public struct FieldLayoutRow: Sendable { public var offset: UInt32; public var field: UInt32 }
public struct StandAloneSigRow: Sendable { public var signature: UInt32 }
public struct EventMapRow: Sendable { public var parent: UInt32; public var eventList: UInt32 }
public struct EventRow: Sendable { public var flags: UInt16; public var name: UInt32; public var type: MetadataToken }
public struct PropertyMapRow: Sendable { public var parent: UInt32; public var propertyList: UInt32 }
public struct PropertyRow: Sendable { public var flags: UInt16; public var name: UInt32; public var signature: UInt32 }
public struct MethodSemanticsRow: Sendable { public var semantics: UInt16; public var method: UInt32; public var association: MetadataToken }
public struct MethodImplRow: Sendable { public var type: UInt32; public var body: MetadataToken; public var declaration: MetadataToken }
public struct ModuleRefRow: Sendable { public var name: UInt32 }
public struct TypeSpecRow: Sendable { public var signature: UInt32 }
public struct ImplMapRow: Sendable { public var flags: UInt16; public var member: MetadataToken; public var importName: UInt32; public var importScope: UInt32 }
public struct FieldRVARow: Sendable { public var rva: UInt32; public var field: UInt32 }
public struct AssemblyRow: Sendable {
    public var hashAlgorithm: UInt32; public var version: AssemblyVersion; public var flags: UInt32
    public var publicKey: UInt32; public var name: UInt32; public var culture: UInt32
}
public struct AssemblyRefRow: Sendable {
    public var version: AssemblyVersion; public var flags: UInt32; public var publicKeyOrToken: UInt32
    public var name: UInt32; public var culture: UInt32; public var hashValue: UInt32
}
public struct FileRow: Sendable { public var flags: UInt32; public var name: UInt32; public var hashValue: UInt32 }
public struct ExportedTypeRow: Sendable {
    public var flags: UInt32; public var typeDefId: UInt32; public var name: UInt32; public var namespace: UInt32
    public var implementation: MetadataToken
}
public struct ManifestResourceRow: Sendable { public var offset: UInt32; public var flags: UInt32; public var name: UInt32; public var implementation: MetadataToken }
public struct NestedClassRow: Sendable { public var nested: UInt32; public var enclosing: UInt32 }
public struct GenericParamRow: Sendable { public var number: UInt16; public var flags: UInt16; public var owner: MetadataToken; public var name: UInt32 }
public struct MethodSpecRow: Sendable { public var method: MetadataToken; public var instantiation: UInt32 }
public struct GenericParamConstraintRow: Sendable { public var owner: UInt32; public var constraint: MetadataToken }

public struct AssemblyVersion: Sendable, Equatable, CustomStringConvertible {
    public var major: UInt16, minor: UInt16, build: UInt16, revision: UInt16
    public var description: String { "\(major):\(minor):\(build):\(revision)" }
    public var dotted: String { "\(major).\(minor).\(build).\(revision)" }
}

extension CLIFile {
    @inline(__always) func v(_ t: TableID, _ r: UInt32, _ c: Int) throws(MetadataError) -> UInt32 { try tables.value(t, r, c) }
    @inline(__always) func c(_ t: TableID, _ r: UInt32, _ col: Int, _ k: CodedIndex) throws(MetadataError) -> MetadataToken { try tables.coded(t, r, col, k) }
    func version(_ t: TableID, _ r: UInt32, from col: Int) throws(MetadataError) -> AssemblyVersion {
        AssemblyVersion(major: UInt16(try v(t, r, col)), minor: UInt16(try v(t, r, col + 1)),
                        build: UInt16(try v(t, r, col + 2)), revision: UInt16(try v(t, r, col + 3)))
    }

    public func module(_ r: UInt32) throws(MetadataError) -> ModuleRow {
        ModuleRow(generation: UInt16(try v(.module, r, 0)), name: try v(.module, r, 1), mvid: try v(.module, r, 2),
                  encId: try v(.module, r, 3), encBaseId: try v(.module, r, 4))
    }
    public func typeRef(_ r: UInt32) throws(MetadataError) -> TypeRefRow {
        TypeRefRow(resolutionScope: try c(.typeRef, r, 0, .resolutionScope), name: try v(.typeRef, r, 1), namespace: try v(.typeRef, r, 2))
    }
    public func typeDef(_ r: UInt32) throws(MetadataError) -> TypeDefRow {
        TypeDefRow(flags: try v(.typeDef, r, 0), name: try v(.typeDef, r, 1), namespace: try v(.typeDef, r, 2),
                   extends: try c(.typeDef, r, 3, .typeDefOrRef), fieldList: try v(.typeDef, r, 4), methodList: try v(.typeDef, r, 5))
    }
    public func field(_ r: UInt32) throws(MetadataError) -> FieldRow {
        FieldRow(flags: UInt16(try v(.field, r, 0)), name: try v(.field, r, 1), signature: try v(.field, r, 2))
    }
    public func methodDef(_ r: UInt32) throws(MetadataError) -> MethodDefRow {
        MethodDefRow(rva: try v(.methodDef, r, 0), implFlags: UInt16(try v(.methodDef, r, 1)), flags: UInt16(try v(.methodDef, r, 2)),
                     name: try v(.methodDef, r, 3), signature: try v(.methodDef, r, 4), paramList: try v(.methodDef, r, 5))
    }
    public func param(_ r: UInt32) throws(MetadataError) -> ParamRow {
        ParamRow(flags: UInt16(try v(.param, r, 0)), sequence: UInt16(try v(.param, r, 1)), name: try v(.param, r, 2))
    }
    public func interfaceImpl(_ r: UInt32) throws(MetadataError) -> InterfaceImplRow {
        InterfaceImplRow(type: try v(.interfaceImpl, r, 0), interface: try c(.interfaceImpl, r, 1, .typeDefOrRef))
    }
    public func memberRef(_ r: UInt32) throws(MetadataError) -> MemberRefRow {
        MemberRefRow(parent: try c(.memberRef, r, 0, .memberRefParent), name: try v(.memberRef, r, 1), signature: try v(.memberRef, r, 2))
    }
    public func constant(_ r: UInt32) throws(MetadataError) -> ConstantRow {
        ConstantRow(type: UInt8(try v(.constant, r, 0)), parent: try c(.constant, r, 2, .hasConstant), value: try v(.constant, r, 3))
    }
    public func customAttribute(_ r: UInt32) throws(MetadataError) -> CustomAttributeRow {
        CustomAttributeRow(parent: try c(.customAttribute, r, 0, .hasCustomAttribute),
                           constructor: try c(.customAttribute, r, 1, .customAttributeType), value: try v(.customAttribute, r, 2))
    }
    public func fieldMarshal(_ r: UInt32) throws(MetadataError) -> FieldMarshalRow {
        FieldMarshalRow(parent: try c(.fieldMarshal, r, 0, .hasFieldMarshal), nativeType: try v(.fieldMarshal, r, 1))
    }
    public func declSecurity(_ r: UInt32) throws(MetadataError) -> DeclSecurityRow {
        DeclSecurityRow(action: UInt16(try v(.declSecurity, r, 0)), parent: try c(.declSecurity, r, 1, .hasDeclSecurity),
                        permissionSet: try v(.declSecurity, r, 2))
    }
    public func classLayout(_ r: UInt32) throws(MetadataError) -> ClassLayoutRow {
        ClassLayoutRow(packingSize: UInt16(try v(.classLayout, r, 0)), classSize: try v(.classLayout, r, 1), parent: try v(.classLayout, r, 2))
    }
    public func fieldLayout(_ r: UInt32) throws(MetadataError) -> FieldLayoutRow {
        FieldLayoutRow(offset: try v(.fieldLayout, r, 0), field: try v(.fieldLayout, r, 1))
    }
    public func standAloneSig(_ r: UInt32) throws(MetadataError) -> StandAloneSigRow {
        StandAloneSigRow(signature: try v(.standAloneSig, r, 0))
    }
    public func eventMap(_ r: UInt32) throws(MetadataError) -> EventMapRow {
        EventMapRow(parent: try v(.eventMap, r, 0), eventList: try v(.eventMap, r, 1))
    }
    public func event(_ r: UInt32) throws(MetadataError) -> EventRow {
        EventRow(flags: UInt16(try v(.event, r, 0)), name: try v(.event, r, 1), type: try c(.event, r, 2, .typeDefOrRef))
    }
    public func propertyMap(_ r: UInt32) throws(MetadataError) -> PropertyMapRow {
        PropertyMapRow(parent: try v(.propertyMap, r, 0), propertyList: try v(.propertyMap, r, 1))
    }
    public func property(_ r: UInt32) throws(MetadataError) -> PropertyRow {
        PropertyRow(flags: UInt16(try v(.property, r, 0)), name: try v(.property, r, 1), signature: try v(.property, r, 2))
    }
    public func methodSemantics(_ r: UInt32) throws(MetadataError) -> MethodSemanticsRow {
        MethodSemanticsRow(semantics: UInt16(try v(.methodSemantics, r, 0)), method: try v(.methodSemantics, r, 1),
                           association: try c(.methodSemantics, r, 2, .hasSemantics))
    }
    public func methodImpl(_ r: UInt32) throws(MetadataError) -> MethodImplRow {
        MethodImplRow(type: try v(.methodImpl, r, 0), body: try c(.methodImpl, r, 1, .methodDefOrRef),
                      declaration: try c(.methodImpl, r, 2, .methodDefOrRef))
    }
    public func moduleRef(_ r: UInt32) throws(MetadataError) -> ModuleRefRow { ModuleRefRow(name: try v(.moduleRef, r, 0)) }
    public func typeSpec(_ r: UInt32) throws(MetadataError) -> TypeSpecRow { TypeSpecRow(signature: try v(.typeSpec, r, 0)) }
    public func implMap(_ r: UInt32) throws(MetadataError) -> ImplMapRow {
        ImplMapRow(flags: UInt16(try v(.implMap, r, 0)), member: try c(.implMap, r, 1, .memberForwarded),
                   importName: try v(.implMap, r, 2), importScope: try v(.implMap, r, 3))
    }
    public func fieldRVA(_ r: UInt32) throws(MetadataError) -> FieldRVARow {
        FieldRVARow(rva: try v(.fieldRVA, r, 0), field: try v(.fieldRVA, r, 1))
    }
    public func assembly(_ r: UInt32 = 1) throws(MetadataError) -> AssemblyRow {
        AssemblyRow(hashAlgorithm: try v(.assembly, r, 0), version: try version(.assembly, r, from: 1), flags: try v(.assembly, r, 5),
                    publicKey: try v(.assembly, r, 6), name: try v(.assembly, r, 7), culture: try v(.assembly, r, 8))
    }
    public func assemblyRef(_ r: UInt32) throws(MetadataError) -> AssemblyRefRow {
        AssemblyRefRow(version: try version(.assemblyRef, r, from: 0), flags: try v(.assemblyRef, r, 4),
                       publicKeyOrToken: try v(.assemblyRef, r, 5), name: try v(.assemblyRef, r, 6),
                       culture: try v(.assemblyRef, r, 7), hashValue: try v(.assemblyRef, r, 8))
    }
    public func file(_ r: UInt32) throws(MetadataError) -> FileRow {
        FileRow(flags: try v(.file, r, 0), name: try v(.file, r, 1), hashValue: try v(.file, r, 2))
    }
    public func exportedType(_ r: UInt32) throws(MetadataError) -> ExportedTypeRow {
        ExportedTypeRow(flags: try v(.exportedType, r, 0), typeDefId: try v(.exportedType, r, 1), name: try v(.exportedType, r, 2),
                        namespace: try v(.exportedType, r, 3), implementation: try c(.exportedType, r, 4, .implementation))
    }
    public func manifestResource(_ r: UInt32) throws(MetadataError) -> ManifestResourceRow {
        ManifestResourceRow(offset: try v(.manifestResource, r, 0), flags: try v(.manifestResource, r, 1),
                            name: try v(.manifestResource, r, 2), implementation: try c(.manifestResource, r, 3, .implementation))
    }
    public func nestedClass(_ r: UInt32) throws(MetadataError) -> NestedClassRow {
        NestedClassRow(nested: try v(.nestedClass, r, 0), enclosing: try v(.nestedClass, r, 1))
    }
    public func genericParam(_ r: UInt32) throws(MetadataError) -> GenericParamRow {
        GenericParamRow(number: UInt16(try v(.genericParam, r, 0)), flags: UInt16(try v(.genericParam, r, 1)),
                        owner: try c(.genericParam, r, 2, .typeOrMethodDef), name: try v(.genericParam, r, 3))
    }
    public func methodSpec(_ r: UInt32) throws(MetadataError) -> MethodSpecRow {
        MethodSpecRow(method: try c(.methodSpec, r, 0, .methodDefOrRef), instantiation: try v(.methodSpec, r, 1))
    }
    public func genericParamConstraint(_ r: UInt32) throws(MetadataError) -> GenericParamConstraintRow {
        GenericParamConstraintRow(owner: try v(.genericParamConstraint, r, 0), constraint: try c(.genericParamConstraint, r, 1, .typeDefOrRef))
    }

    public func string(_ index: UInt32) throws(MetadataError) -> String { try strings.string(index) }
}
