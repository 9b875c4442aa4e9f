import CILMetadata

/// Locates Mono's class-library folder the way the tools do: CILBOX_BCL, then the usual prefixes.
enum BCL {
    static var directory: String? {
        if let env = getenvString("CILBOX_BCL") { return env }
        for candidate in ["/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
                          "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5"] where fileExists(candidate + "/mscorlib.dll") {
            return candidate
        }
        return nil
    }
}

/// A provider that only counts what it builds: enough to exercise the whole grammar.
struct CountingProvider: SignatureTypeProvider {
    typealias TypeRepresentation = Int
    func primitive(_ type: ElementType) -> Int { 1 }
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> Int { 1 }
    func szArray(_ element: Int) -> Int { element + 1 }
    func array(_ element: Int, shape: ArrayShape) -> Int { element + 1 }
    func pointer(_ element: Int) -> Int { element + 1 }
    func byReference(_ element: Int) -> Int { element + 1 }
    func pinned(_ element: Int) -> Int { element + 1 }
    func genericInstance(_ generic: Int, arguments: [Int]) -> Int { generic + arguments.reduce(0, +) }
    func genericTypeParameter(_ index: Int) -> Int { 1 }
    func genericMethodParameter(_ index: Int) -> Int { 1 }
    func functionPointer(_ signature: MethodSignature<Int>) -> Int { signature.parameterTypes.reduce(signature.returnType, +) }
    func modified(_ type: Int, modifier: Int, isRequired: Bool) -> Int { type + modifier }
}
