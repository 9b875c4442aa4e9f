import CILMetadata

/// A loaded type: a TypeDef (possibly instantiated with generic arguments) or a constructed
/// type (array, pointer, by-reference, generic parameter placeholder). Layout, vtable and
/// statics are computed lazily, in stages, so that types referring to each other load.
public final class RuntimeType: CustomStringConvertible {
    public enum Kind: Equatable {
        case `class`, valueType, interface
        case szArray, array(rank: Int)
        case pointer, byReference
        /// A placeholder for an uninstantiated generic parameter (open generic code).
        case genericParameter(isMethod: Bool, index: Int)
        case functionPointer
    }

    /// Index in the runtime's type table; objects carry it in their header.
    public internal(set) var id: UInt32 = 0
    public let kind: Kind
    public let module: RuntimeModule?
    public let typeDefRow: UInt32
    public let name: String
    public let namespace: String
    public let genericDefinition: RuntimeType?
    public let genericArguments: [RuntimeType]
    /// Element type of arrays, pointers and by-references.
    public let elementType: RuntimeType?
    public internal(set) var declaringType: RuntimeType?
    let flags: UInt32

    // Stage 1: hierarchy.
    var hierarchyLoaded = false
    public internal(set) var baseType: RuntimeType?
    public internal(set) var interfaces: [RuntimeType] = []
    /// For enums: the underlying primitive type.
    public internal(set) var enumUnderlyingType: RuntimeType?

    // Stage 2: fields and layout.
    var layoutState: LoadState = .notStarted
    /// Primitive category when this type is a CLI built-in value type (or enum → its underlying).
    public internal(set) var primitive: Primitive?
    public internal(set) var instanceFields: [RuntimeField] = []
    public internal(set) var staticFields: [RuntimeField] = []
    /// Classes: object size including the header. Value types: size of the value itself.
    public internal(set) var instanceSize: Int = 0
    public internal(set) var alignment: Int = 1
    /// Offsets (from object start for classes, from value start for value types) of object references.
    public internal(set) var referenceOffsets: [Int32] = []
    public internal(set) var containsByRefLike = false

    // Stage 3: statics.
    public internal(set) var staticsAddress: UInt64 = 0
    public internal(set) var staticsSize: Int = 0
    public internal(set) var staticReferenceOffsets: [Int32] = []
    var cctorState: CctorState = .notRun

    // Stage 4: methods and vtable.
    var methodsLoaded = false
    public internal(set) var methods: [RuntimeMethod] = []
    var vtableState: LoadState = .notStarted
    public internal(set) var vtable: [RuntimeMethod] = []
    /// For each implemented interface (all of them, inherited too): the implementation of each of its slots.
    var interfaceMap: [(interface: RuntimeType, implementations: [RuntimeMethod?])] = []

    /// Constructed types derived from this one, so each is made once.
    var szArrayType: RuntimeType?
    /// For an array type: its element's storage size once laid out (0 until then), so that
    /// allocating an array needs no walk to the element type.
    var elementStorageSize = 0
    var pointerType: RuntimeType?
    var byReferenceType: RuntimeType?
    var arrayTypes: [Int: RuntimeType] = [:]

    enum LoadState { case notStarted, inProgress, done }
    enum CctorState { case notRun, running(threadID: Int), done, failed(exception: UInt64) }

    init(kind: Kind, module: RuntimeModule?, typeDefRow: UInt32, name: String, namespace: String, flags: UInt32,
         genericDefinition: RuntimeType? = nil, genericArguments: [RuntimeType] = [], elementType: RuntimeType? = nil) {
        self.kind = kind
        self.module = module
        self.typeDefRow = typeDefRow
        self.name = name
        self.namespace = namespace
        self.flags = flags
        self.genericDefinition = genericDefinition
        self.genericArguments = genericArguments
        self.elementType = elementType
    }

    public var isValueType: Bool { kind == .valueType }
    public var isInterface: Bool { kind == .interface }
    public var isArray: Bool {
        switch kind { case .szArray, .array: true; default: false }
    }
    public var isSZArray: Bool { kind == .szArray }
    public var isEnum: Bool { enumUnderlyingType != nil }
    /// Object references: classes, interfaces, arrays (and strings, delegates …).
    public var isReferenceType: Bool {
        switch kind { case .class, .interface, .szArray, .array: true; default: false }
    }
    public var isGenericParameter: Bool { if case .genericParameter = kind { true } else { false } }
    public var isAbstract: Bool { flags & 0x80 != 0 }
    public var isSealed: Bool { flags & 0x100 != 0 }
    /// II.10.1.6 beforefieldinit.
    public var isBeforeFieldInit: Bool { flags & 0x0010_0000 != 0 }
    public var isExplicitLayout: Bool { flags & 0x18 == 0x10 }
    public var isSequentialLayout: Bool { flags & 0x18 == 0x08 }
    public var rank: Int {
        switch kind { case .szArray: 1; case .array(let r): r; default: 0 }
    }
    /// The definition this type was instantiated from, or itself.
    public var typeDefinition: RuntimeType { genericDefinition ?? self }
    public var isGenericInstance: Bool { genericDefinition != nil }

    /// `Namespace.Name` with nested types as `Outer+Inner` and generic arguments in brackets
    /// (reflection style, as in exception messages and `Type.FullName`).
    public var fullName: String {
        var base: String
        if let declaringType { base = declaringType.typeDefinition.fullName + "+" + name } else { base = namespace.isEmpty ? name : namespace + "." + name }
        switch kind {
        case .szArray: return (elementType?.fullName ?? "?") + "[]"
        case .array(let r): return (elementType?.fullName ?? "?") + "[" + String(repeating: ",", count: r - 1) + "]"
        case .pointer: return (elementType?.fullName ?? "?") + "*"
        case .byReference: return (elementType?.fullName ?? "?") + "&"
        case .genericParameter(let isMethod, let index): return (isMethod ? "!!" : "!") + String(index)
        default: break
        }
        if !genericArguments.isEmpty {
            base = (genericDefinition?.fullName ?? base) + "[" + genericArguments.map { "[" + $0.fullName + "]" }.joined(separator: ",") + "]"
        }
        return base
    }

    public var description: String { fullName }

    /// Size of a value of this type in a field, local or array element (references are 8 bytes).
    public var storageSize: Int {
        if isValueType {
            if layoutState != .done, let p = primitive { return p.size }
            return instanceSize
        }
        return 8
    }

    public var storageAlignment: Int { isValueType ? alignment : 8 }
}

/// Built-in value types whose arithmetic the interpreter knows (I.8.2.2).
public enum Primitive: UInt8, Sendable {
    case boolean, char, int8, uint8, int16, uint16, int32, uint32, int64, uint64
    case float32, float64, intPtr, uintPtr

    public var size: Int {
        switch self {
        case .boolean, .int8, .uint8: 1
        case .char, .int16, .uint16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64, .intPtr, .uintPtr: 8
        }
    }
}
