/// The kind of one column of a metadata table (II.22, sizes per II.24.2.6).
public enum ColumnKind: Sendable, Equatable {
    /// A constant of 1, 2 or 4 bytes.
    case fixed(Int)
    case string
    case guid
    case blob
    /// An index into one table.
    case table(TableID)
    case coded(CodedIndex)
}

/// The column layout of every table of II.22, in table order. This table is the only place
/// that knows the columns; row readers and `info` are derived from it.
public enum TableSchema {
    public static func columns(_ table: TableID) -> [(name: String, kind: ColumnKind)] {
        switch table {
        case .module: [("Generation", .fixed(2)), ("Name", .string), ("Mvid", .guid), ("EncId", .guid), ("EncBaseId", .guid)]
        case .typeRef: [("ResolutionScope", .coded(.resolutionScope)), ("TypeName", .string), ("TypeNamespace", .string)]
        case .typeDef: [("Flags", .fixed(4)), ("TypeName", .string), ("TypeNamespace", .string),
                        ("Extends", .coded(.typeDefOrRef)), ("FieldList", .table(.field)), ("MethodList", .table(.methodDef))]
        case .fieldPtr: [("Field", .table(.field))]
        case .field: [("Flags", .fixed(2)), ("Name", .string), ("Signature", .blob)]
        case .methodPtr: [("Method", .table(.methodDef))]
        case .methodDef: [("RVA", .fixed(4)), ("ImplFlags", .fixed(2)), ("Flags", .fixed(2)), ("Name", .string),
                          ("Signature", .blob), ("ParamList", .table(.param))]
        case .paramPtr: [("Param", .table(.param))]
        case .param: [("Flags", .fixed(2)), ("Sequence", .fixed(2)), ("Name", .string)]
        case .interfaceImpl: [("Class", .table(.typeDef)), ("Interface", .coded(.typeDefOrRef))]
        case .memberRef: [("Class", .coded(.memberRefParent)), ("Name", .string), ("Signature", .blob)]
        // II.22.9: a 1-byte element type followed by a 1-byte zero pad.
        case .constant: [("Type", .fixed(1)), ("Padding", .fixed(1)), ("Parent", .coded(.hasConstant)), ("Value", .blob)]
        case .customAttribute: [("Parent", .coded(.hasCustomAttribute)), ("Type", .coded(.customAttributeType)), ("Value", .blob)]
        case .fieldMarshal: [("Parent", .coded(.hasFieldMarshal)), ("NativeType", .blob)]
        case .declSecurity: [("Action", .fixed(2)), ("Parent", .coded(.hasDeclSecurity)), ("PermissionSet", .blob)]
        case .classLayout: [("PackingSize", .fixed(2)), ("ClassSize", .fixed(4)), ("Parent", .table(.typeDef))]
        case .fieldLayout: [("Offset", .fixed(4)), ("Field", .table(.field))]
        case .standAloneSig: [("Signature", .blob)]
        case .eventMap: [("Parent", .table(.typeDef)), ("EventList", .table(.event))]
        case .eventPtr: [("Event", .table(.event))]
        case .event: [("EventFlags", .fixed(2)), ("Name", .string), ("EventType", .coded(.typeDefOrRef))]
        case .propertyMap: [("Parent", .table(.typeDef)), ("PropertyList", .table(.property))]
        case .propertyPtr: [("Property", .table(.property))]
        case .property: [("Flags", .fixed(2)), ("Name", .string), ("Type", .blob)]
        case .methodSemantics: [("Semantics", .fixed(2)), ("Method", .table(.methodDef)), ("Association", .coded(.hasSemantics))]
        case .methodImpl: [("Class", .table(.typeDef)), ("MethodBody", .coded(.methodDefOrRef)), ("MethodDeclaration", .coded(.methodDefOrRef))]
        case .moduleRef: [("Name", .string)]
        case .typeSpec: [("Signature", .blob)]
        case .implMap: [("MappingFlags", .fixed(2)), ("MemberForwarded", .coded(.memberForwarded)),
                        ("ImportName", .string), ("ImportScope", .table(.moduleRef))]
        case .fieldRVA: [("RVA", .fixed(4)), ("Field", .table(.field))]
        case .encLog: [("Token", .fixed(4)), ("FuncCode", .fixed(4))]
        case .encMap: [("Token", .fixed(4))]
        case .assembly: [("HashAlgId", .fixed(4)), ("MajorVersion", .fixed(2)), ("MinorVersion", .fixed(2)),
                         ("BuildNumber", .fixed(2)), ("RevisionNumber", .fixed(2)), ("Flags", .fixed(4)),
                         ("PublicKey", .blob), ("Name", .string), ("Culture", .string)]
        case .assemblyProcessor: [("Processor", .fixed(4))]
        case .assemblyOS: [("OSPlatformID", .fixed(4)), ("OSMajorVersion", .fixed(4)), ("OSMinorVersion", .fixed(4))]
        case .assemblyRef: [("MajorVersion", .fixed(2)), ("MinorVersion", .fixed(2)), ("BuildNumber", .fixed(2)),
                            ("RevisionNumber", .fixed(2)), ("Flags", .fixed(4)), ("PublicKeyOrToken", .blob),
                            ("Name", .string), ("Culture", .string), ("HashValue", .blob)]
        case .assemblyRefProcessor: [("Processor", .fixed(4)), ("AssemblyRef", .table(.assemblyRef))]
        case .assemblyRefOS: [("OSPlatformID", .fixed(4)), ("OSMajorVersion", .fixed(4)), ("OSMinorVersion", .fixed(4)),
                              ("AssemblyRef", .table(.assemblyRef))]
        case .file: [("Flags", .fixed(4)), ("Name", .string), ("HashValue", .blob)]
        case .exportedType: [("Flags", .fixed(4)), ("TypeDefId", .fixed(4)), ("TypeName", .string),
                             ("TypeNamespace", .string), ("Implementation", .coded(.implementation))]
        case .manifestResource: [("Offset", .fixed(4)), ("Flags", .fixed(4)), ("Name", .string),
                                 ("Implementation", .coded(.implementation))]
        case .nestedClass: [("NestedClass", .table(.typeDef)), ("EnclosingClass", .table(.typeDef))]
        case .genericParam: [("Number", .fixed(2)), ("Flags", .fixed(2)), ("Owner", .coded(.typeOrMethodDef)), ("Name", .string)]
        case .methodSpec: [("Method", .coded(.methodDefOrRef)), ("Instantiation", .blob)]
        case .genericParamConstraint: [("Owner", .table(.genericParam)), ("Constraint", .coded(.typeDefOrRef))]
        }
    }
}
