/// The shape of an attribute constructor's parameter types as the signature decoder sees them,
/// before names and enum underlying types (which need throwing lookups) are resolved.
indirect enum AttributeSignatureType: Sendable {
    case primitive(ElementType)
    case named(MetadataToken, isValueType: Bool)
    case szArray(AttributeSignatureType)
    case genericTypeParameter(Int)
    case genericInstance(AttributeSignatureType, [AttributeSignatureType])
    /// Anything an attribute constructor cannot take (pointers, byrefs, multi-dimensional
    /// arrays…); described for the error message.
    case unsupported(String)
}

struct AttributeSignatureProvider: SignatureTypeProvider {
    typealias TypeRepresentation = AttributeSignatureType

    func primitive(_ type: ElementType) -> AttributeSignatureType { .primitive(type) }
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> AttributeSignatureType {
        .named(token, isValueType: isValueType)
    }
    func szArray(_ element: AttributeSignatureType) -> AttributeSignatureType { .szArray(element) }
    func array(_ element: AttributeSignatureType, shape: ArrayShape) -> AttributeSignatureType { .unsupported("multi-dimensional array") }
    func pointer(_ element: AttributeSignatureType) -> AttributeSignatureType { .unsupported("pointer") }
    func byReference(_ element: AttributeSignatureType) -> AttributeSignatureType { .unsupported("by-reference parameter") }
    func pinned(_ element: AttributeSignatureType) -> AttributeSignatureType { .unsupported("pinned type") }
    func genericInstance(_ generic: AttributeSignatureType, arguments: [AttributeSignatureType]) -> AttributeSignatureType {
        .genericInstance(generic, arguments)
    }
    func genericTypeParameter(_ index: Int) -> AttributeSignatureType { .genericTypeParameter(index) }
    func genericMethodParameter(_ index: Int) -> AttributeSignatureType { .unsupported("generic method parameter") }
    func functionPointer(_ signature: MethodSignature<AttributeSignatureType>) -> AttributeSignatureType { .unsupported("function pointer") }
    // II.7.1.1: custom modifiers do not change what a parameter holds.
    func modified(_ type: AttributeSignatureType, modifier: AttributeSignatureType, isRequired: Bool) -> AttributeSignatureType { type }
}
