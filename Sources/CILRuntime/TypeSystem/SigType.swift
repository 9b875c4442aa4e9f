import CILMetadata

/// A signature type as decoded, before it is resolved in a generic context. The decoder is
/// provider-generic (CILMetadata); this provider keeps the tree so that one decoded
/// signature can be instantiated many times.
indirect enum SigType: Sendable {
    case primitive(ElementType)
    case named(MetadataToken, isValueType: Bool)
    case szArray(SigType)
    case array(SigType, ArrayShape)
    case pointer(SigType)
    case byReference(SigType)
    case pinned(SigType)
    case genericInstance(SigType, [SigType])
    case typeParameter(Int)
    case methodParameter(Int)
    case functionPointer
    case modified(SigType, required: Bool)

    /// The type with pinned and modifier wrappers removed.
    var stripped: SigType {
        switch self {
        case .pinned(let t), .modified(let t, _): t.stripped
        default: self
        }
    }
}

struct SigTypeProvider: SignatureTypeProvider {
    typealias TypeRepresentation = SigType
    func primitive(_ type: ElementType) -> SigType { .primitive(type) }
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> SigType { .named(token, isValueType: isValueType) }
    func szArray(_ element: SigType) -> SigType { .szArray(element) }
    func array(_ element: SigType, shape: ArrayShape) -> SigType { .array(element, shape) }
    func pointer(_ element: SigType) -> SigType { .pointer(element) }
    func byReference(_ element: SigType) -> SigType { .byReference(element) }
    func pinned(_ element: SigType) -> SigType { .pinned(element) }
    func genericInstance(_ generic: SigType, arguments: [SigType]) -> SigType { .genericInstance(generic, arguments) }
    func genericTypeParameter(_ index: Int) -> SigType { .typeParameter(index) }
    func genericMethodParameter(_ index: Int) -> SigType { .methodParameter(index) }
    func functionPointer(_ signature: MethodSignature<SigType>) -> SigType { .functionPointer }
    func modified(_ type: SigType, modifier: SigType, isRequired: Bool) -> SigType { .modified(type, required: isRequired) }
}

/// The generic arguments in force where a signature is resolved (II.9.4).
public struct GenericContext {
    public var typeArguments: [RuntimeType]
    public var methodArguments: [RuntimeType]
    public static var empty: GenericContext { GenericContext(typeArguments: [], methodArguments: []) }

    public init(typeArguments: [RuntimeType], methodArguments: [RuntimeType]) {
        self.typeArguments = typeArguments
        self.methodArguments = methodArguments
    }

    public init(type: RuntimeType?, method: RuntimeMethod? = nil) {
        typeArguments = type?.genericArguments ?? []
        methodArguments = method?.genericArguments ?? []
    }
}
