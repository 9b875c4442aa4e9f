/// Builds a consumer's representation of types while a signature is decoded. The same decoder
/// serves the disassembler (text), the runtime (loaded types) and analysis (its own types),
/// in the manner of a provider-generic decoder.
public protocol SignatureTypeProvider {
    associatedtype TypeRepresentation: Sendable

    func primitive(_ type: ElementType) -> TypeRepresentation
    /// A TypeDef or TypeRef named in a signature. `isValueType` tells which of
    /// `valuetype`/`class` (II.23.2.12) the signature said.
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> TypeRepresentation
    func szArray(_ element: TypeRepresentation) -> TypeRepresentation
    func array(_ element: TypeRepresentation, shape: ArrayShape) -> TypeRepresentation
    func pointer(_ element: TypeRepresentation) -> TypeRepresentation
    func byReference(_ element: TypeRepresentation) -> TypeRepresentation
    func pinned(_ element: TypeRepresentation) -> TypeRepresentation
    func genericInstance(_ generic: TypeRepresentation, arguments: [TypeRepresentation]) -> TypeRepresentation
    func genericTypeParameter(_ index: Int) -> TypeRepresentation
    func genericMethodParameter(_ index: Int) -> TypeRepresentation
    func functionPointer(_ signature: MethodSignature<TypeRepresentation>) -> TypeRepresentation
    func modified(_ type: TypeRepresentation, modifier: TypeRepresentation, isRequired: Bool) -> TypeRepresentation
}
