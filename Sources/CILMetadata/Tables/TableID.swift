/// The metadata tables of ECMA-335 II.22, numbered as in II.24.2.6.
public enum TableID: UInt8, CaseIterable, Sendable, Comparable {
    case module = 0x00
    case typeRef = 0x01
    case typeDef = 0x02
    case fieldPtr = 0x03
    case field = 0x04
    case methodPtr = 0x05
    case methodDef = 0x06
    case paramPtr = 0x07
    case param = 0x08
    case interfaceImpl = 0x09
    case memberRef = 0x0A
    case constant = 0x0B
    case customAttribute = 0x0C
    case fieldMarshal = 0x0D
    case declSecurity = 0x0E
    case classLayout = 0x0F
    case fieldLayout = 0x10
    case standAloneSig = 0x11
    case eventMap = 0x12
    case eventPtr = 0x13
    case event = 0x14
    case propertyMap = 0x15
    case propertyPtr = 0x16
    case property = 0x17
    case methodSemantics = 0x18
    case methodImpl = 0x19
    case moduleRef = 0x1A
    case typeSpec = 0x1B
    case implMap = 0x1C
    case fieldRVA = 0x1D
    case encLog = 0x1E
    case encMap = 0x1F
    case assembly = 0x20
    case assemblyProcessor = 0x21
    case assemblyOS = 0x22
    case assemblyRef = 0x23
    case assemblyRefProcessor = 0x24
    case assemblyRefOS = 0x25
    case file = 0x26
    case exportedType = 0x27
    case manifestResource = 0x28
    case nestedClass = 0x29
    case genericParam = 0x2A
    case methodSpec = 0x2B
    case genericParamConstraint = 0x2C

    public static func < (a: TableID, b: TableID) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .module: "Module"
        case .typeRef: "TypeRef"
        case .typeDef: "TypeDef"
        case .fieldPtr: "FieldPtr"
        case .field: "Field"
        case .methodPtr: "MethodPtr"
        case .methodDef: "MethodDef"
        case .paramPtr: "ParamPtr"
        case .param: "Param"
        case .interfaceImpl: "InterfaceImpl"
        case .memberRef: "MemberRef"
        case .constant: "Constant"
        case .customAttribute: "CustomAttribute"
        case .fieldMarshal: "FieldMarshal"
        case .declSecurity: "DeclSecurity"
        case .classLayout: "ClassLayout"
        case .fieldLayout: "FieldLayout"
        case .standAloneSig: "StandAloneSig"
        case .eventMap: "EventMap"
        case .eventPtr: "EventPtr"
        case .event: "Event"
        case .propertyMap: "PropertyMap"
        case .propertyPtr: "PropertyPtr"
        case .property: "Property"
        case .methodSemantics: "MethodSemantics"
        case .methodImpl: "MethodImpl"
        case .moduleRef: "ModuleRef"
        case .typeSpec: "TypeSpec"
        case .implMap: "ImplMap"
        case .fieldRVA: "FieldRVA"
        case .encLog: "ENCLog"
        case .encMap: "ENCMap"
        case .assembly: "Assembly"
        case .assemblyProcessor: "AssemblyProcessor"
        case .assemblyOS: "AssemblyOS"
        case .assemblyRef: "AssemblyRef"
        case .assemblyRefProcessor: "AssemblyRefProcessor"
        case .assemblyRefOS: "AssemblyRefOS"
        case .file: "File"
        case .exportedType: "ExportedType"
        case .manifestResource: "ManifestResource"
        case .nestedClass: "NestedClass"
        case .genericParam: "GenericParam"
        case .methodSpec: "MethodSpec"
        case .genericParamConstraint: "GenericParamConstraint"
        }
    }
}

/// A metadata token (II.22, III.1.9): table number in the high byte, 1-based row in the low 24 bits.
/// Table 0x70 is the `#US` heap (`ldstr`), whose low bits are a heap offset.
public struct MetadataToken: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt32
    public init(_ value: UInt32) { self.value = value }
    public init(_ table: TableID, _ row: UInt32) { value = UInt32(table.rawValue) << 24 | (row & 0x00FF_FFFF) }

    public var tableNumber: UInt8 { UInt8(value >> 24) }
    public var table: TableID? { TableID(rawValue: tableNumber) }
    public var row: UInt32 { value & 0x00FF_FFFF }
    public var isNil: Bool { row == 0 }
    public static let userStringTable: UInt8 = 0x70

    public var description: String { "0x" + String(value, radix: 16, uppercase: true).leftPadded(to: 8) }
}
