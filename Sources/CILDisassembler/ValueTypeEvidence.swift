import CILMetadata

/// Which TypeRefs the file's own signatures call value types (II.23.2.12 `VALUETYPE TypeRef`).
///
/// A type reference alone does not say whether it names a class or a value type, but Mono's
/// ilasm decides that once per TypeRef, at the first mention, and then encodes every later
/// signature with that choice: a bare `box [mscorlib]System.DateTime` before the first
/// `valuetype [mscorlib]System.DateTime` makes it encode the latter as CLASS, which the runtime
/// rejects. So every bare mention of a TypeRef that signatures use as a value type is written
/// `valuetype …` (which ilasm still stores as a TypeRef), whatever comes first in the text.
final class ValueTypeEvidence {
    private(set) var valueTypeRefs: [Bool]

    init(file: CLIFile) {
        valueTypeRefs = Array(repeating: false, count: Int(file.rowCount(.typeRef)) + 1)
        var decoder = SignatureDecoder(provider: EvidenceProvider(evidence: self), file: file)
        func each(_ table: TableID, _ body: (UInt32) throws(MetadataError) -> Void) {
            for row in stride(from: UInt32(1), through: file.rowCount(table), by: 1) {
                try? body(row)
            }
        }
        // Malformed signatures are passed over here; the writer reports them where they are used.
        each(.typeSpec) { (r) throws(MetadataError) in _ = try decoder.typeSpecSignature(row: r) }
        each(.methodDef) { (r) throws(MetadataError) in _ = try decoder.methodSignature(blob: try file.methodDef(r).signature) }
        each(.field) { (r) throws(MetadataError) in _ = try decoder.fieldSignature(blob: try file.field(r).signature) }
        each(.property) { (r) throws(MetadataError) in _ = try decoder.propertySignature(blob: try file.property(r).signature) }
        each(.methodSpec) { (r) throws(MetadataError) in _ = try decoder.methodSpecArguments(blob: try file.methodSpec(r).instantiation) }
        each(.memberRef) { (r) throws(MetadataError) in
            let blob = try file.memberRef(r).signature
            var reader = try file.blobs.reader(blob)
            if try reader.u8() & 0x0F == 0x06 { _ = try decoder.fieldSignature(blob: blob) } else { _ = try decoder.methodSignature(blob: blob) }
        }
        each(.standAloneSig) { (r) throws(MetadataError) in
            let blob = try file.standAloneSig(r).signature
            var reader = try file.blobs.reader(blob)
            switch try reader.u8() & 0x0F {
            case 0x07: _ = try decoder.localSignature(blob: blob)
            case 0x06: _ = try decoder.fieldSignature(blob: blob)
            default: _ = try decoder.methodSignature(blob: blob)
            }
        }
    }

    func mark(_ row: UInt32) {
        if Int(row) < valueTypeRefs.count { valueTypeRefs[Int(row)] = true }
    }

    func isValueType(typeRef row: UInt32) -> Bool {
        Int(row) < valueTypeRefs.count && valueTypeRefs[Int(row)]
    }
}

/// A provider that builds nothing and only notes `VALUETYPE TypeRef` uses.
private struct EvidenceProvider: SignatureTypeProvider {
    typealias TypeRepresentation = UInt8
    let evidence: ValueTypeEvidence

    func primitive(_ type: ElementType) -> UInt8 { 0 }
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> UInt8 {
        if isValueType && token.table == .typeRef { evidence.mark(token.row) }
        return 0
    }
    func szArray(_ element: UInt8) -> UInt8 { 0 }
    func array(_ element: UInt8, shape: ArrayShape) -> UInt8 { 0 }
    func pointer(_ element: UInt8) -> UInt8 { 0 }
    func byReference(_ element: UInt8) -> UInt8 { 0 }
    func pinned(_ element: UInt8) -> UInt8 { 0 }
    func genericInstance(_ generic: UInt8, arguments: [UInt8]) -> UInt8 { 0 }
    func genericTypeParameter(_ index: Int) -> UInt8 { 0 }
    func genericMethodParameter(_ index: Int) -> UInt8 { 0 }
    func functionPointer(_ signature: MethodSignature<UInt8>) -> UInt8 { 0 }
    func modified(_ type: UInt8, modifier: UInt8, isRequired: Bool) -> UInt8 { 0 }
}
