/// Decodes signature blobs (II.23.2) into a provider's types.
///
/// Hostile blobs are bounded: nesting depth is limited, TypeSpec tokens met inside a signature
/// are expanded with a cycle check, and every count is checked against the bytes left before
/// anything is allocated.
public struct SignatureDecoder<Provider: SignatureTypeProvider> {
    public let provider: Provider
    public let file: CLIFile
    /// TypeSpecs being expanded right now (a TypeSpec that names itself is a cycle).
    var expanding: [UInt32] = []
    /// Type nodes left for the current top-level decode. Nested TypeSpecs are expanded in
    /// place, so without a budget a chain of TypeSpecs that each name the next one many times
    /// expands exponentially (found by the hostile corpus test: 16 TypeSpecs × 16 mentions).
    var nodesLeft = SignatureDecoder.maxNodes

    /// More type nodes than this in one signature (nested TypeSpecs included) is hostile; real
    /// signatures have a few dozen.
    public static var maxNodes: Int { 4096 }

    /// Deeper nesting than this is treated as hostile (real signatures nest a few levels).
    public static var maxDepth: Int { 64 }

    public init(provider: Provider, file: CLIFile) {
        self.provider = provider
        self.file = file
    }

    public typealias T = Provider.TypeRepresentation

    // MARK: entry points, one per blob kind

    /// II.23.2.1 MethodDefSig, II.23.2.2 MethodRefSig, II.23.2.3 StandAloneMethodSig.
    public mutating func methodSignature(blob: UInt32) throws(MetadataError) -> MethodSignature<T> {
        beginTopLevelDecode()
        var r = try file.blobs.reader(blob)
        return try located(blob) { (d: inout Self) throws(MetadataError) in try d.methodSignature(&r, depth: 0) }
    }

    /// II.23.2.4 FieldSig.
    public mutating func fieldSignature(blob: UInt32) throws(MetadataError) -> T {
        beginTopLevelDecode()
        var r = try file.blobs.reader(blob)
        return try located(blob) { (d: inout Self) throws(MetadataError) in
            let header = SignatureHeader(try r.u8())
            guard header.kind == .field else {
                throw MetadataError(.invalidValue, "field signature starts with 0x\(String(header.rawValue, radix: 16))", at: .fileOffset(r.position - 1))
            }
            return try d.type(&r, depth: 0)
        }
    }

    /// II.23.2.5 PropertySig.
    public mutating func propertySignature(blob: UInt32) throws(MetadataError) -> MethodSignature<T> {
        beginTopLevelDecode()
        var r = try file.blobs.reader(blob)
        return try located(blob) { (d: inout Self) throws(MetadataError) in
            let header = SignatureHeader(try r.u8())
            guard header.kind == .property else {
                throw MetadataError(.invalidValue, "property signature starts with 0x\(String(header.rawValue, radix: 16))", at: .fileOffset(r.position - 1))
            }
            let count = try d.count(&r)
            let ret = try d.type(&r, depth: 0)
            var params: [T] = []
            params.reserveCapacity(count)
            for _ in 0 ..< count { params.append(try d.type(&r, depth: 0)) }
            return MethodSignature(header: header, genericParameterCount: 0, returnType: ret, parameterTypes: params, requiredParameterCount: count)
        }
    }

    /// II.23.2.6 LocalVarSig.
    public mutating func localSignature(blob: UInt32) throws(MetadataError) -> [T] {
        beginTopLevelDecode()
        var r = try file.blobs.reader(blob)
        return try located(blob) { (d: inout Self) throws(MetadataError) in
            let header = SignatureHeader(try r.u8())
            guard header.kind == .localSignature else {
                throw MetadataError(.invalidValue, "local signature starts with 0x\(String(header.rawValue, radix: 16))", at: .fileOffset(r.position - 1))
            }
            let count = try d.count(&r)
            var locals: [T] = []
            locals.reserveCapacity(count)
            for _ in 0 ..< count { locals.append(try d.type(&r, depth: 0, allowPinned: true)) }
            return locals
        }
    }

    /// II.23.2.14 TypeSpec.
    public mutating func typeSpecSignature(row: UInt32) throws(MetadataError) -> T {
        beginTopLevelDecode()
        if expanding.contains(row) {
            throw MetadataError(.tooDeep, "TypeSpec refers to itself", at: .tableRow(.typeSpec, row))
        }
        guard expanding.count < 16 else {
            throw MetadataError(.tooDeep, "TypeSpecs nest more than 16 deep", at: .tableRow(.typeSpec, row))
        }
        let blob = try file.typeSpec(row).signature
        var r = try file.blobs.reader(blob)
        expanding.append(row)
        defer { expanding.removeLast() }
        return try located(blob) { (d: inout Self) throws(MetadataError) in try d.type(&r, depth: d.expanding.count * 8) }
    }

    /// II.23.2.15 MethodSpec: the generic arguments of a method instantiation.
    public mutating func methodSpecArguments(blob: UInt32) throws(MetadataError) -> [T] {
        beginTopLevelDecode()
        var r = try file.blobs.reader(blob)
        return try located(blob) { (d: inout Self) throws(MetadataError) in
            let header = SignatureHeader(try r.u8())
            guard header.kind == .methodSpec else {
                throw MetadataError(.invalidValue, "method spec signature starts with 0x\(String(header.rawValue, radix: 16))", at: .fileOffset(r.position - 1))
            }
            let count = try d.count(&r)
            var args: [T] = []
            args.reserveCapacity(count)
            for _ in 0 ..< count { args.append(try d.type(&r, depth: 0)) }
            return args
        }
    }

    /// A type from a TypeDef, TypeRef or TypeSpec token (as in `InlineType` operands).
    public mutating func type(token: MetadataToken) throws(MetadataError) -> T {
        beginTopLevelDecode()
        switch token.table {
        case .typeDef?, .typeRef?:
            guard file.tables.contains(token) else {
                throw MetadataError(.outOfRange, "type token \(token) names no row")
            }
            return provider.typeFromDefinitionOrReference(token, isValueType: false)
        case .typeSpec?:
            guard file.tables.contains(token) else {
                throw MetadataError(.outOfRange, "TypeSpec token \(token) names no row")
            }
            return try typeSpecSignature(row: token.row)
        default:
            throw MetadataError(.invalidValue, "token \(token) is not a type")
        }
    }

    /// Decodes one type from a reader positioned inside some blob (for custom attribute readers
    /// and callers that walk blobs themselves).
    public mutating func type(from r: inout ByteReader) throws(MetadataError) -> T {
        beginTopLevelDecode()
        return try type(&r, depth: 0)
    }

    // MARK: grammar

    /// A decode that does not start inside another one (a nested TypeSpec) gets a fresh budget.
    private mutating func beginTopLevelDecode() {
        if expanding.isEmpty { nodesLeft = Self.maxNodes }
    }

    private mutating func located<R>(_ blob: UInt32, _ body: (inout Self) throws(MetadataError) -> R) throws(MetadataError) -> R {
        do { return try body(&self) } catch { throw error.located(.heap("#Blob", blob)) }
    }

    /// A count read from the blob, which cannot exceed the bytes left (each item takes at least one).
    private func count(_ r: inout ByteReader) throws(MetadataError) -> Int {
        let n = Int(try r.compressedUInt())
        guard n <= r.remaining else {
            throw MetadataError(.tooLarge, "count \(n) but only \(r.remaining) bytes left", at: .fileOffset(r.position))
        }
        return n
    }

    mutating func methodSignature(_ r: inout ByteReader, depth: Int) throws(MetadataError) -> MethodSignature<T> {
        let header = SignatureHeader(try r.u8())
        guard let kind = header.kind, kind.rawValue <= SignatureHeader.Kind.unmanaged.rawValue, kind != .field, kind != .localSignature, kind != .property else {
            throw MetadataError(.invalidValue, "method signature starts with 0x\(String(header.rawValue, radix: 16))", at: .fileOffset(r.position - 1))
        }
        let genericCount = header.isGeneric ? try count(&r) : 0
        let paramCount = try count(&r)
        let ret = try type(&r, depth: depth + 1, allowVoid: true)
        var params: [T] = []
        params.reserveCapacity(paramCount)
        var required = paramCount
        var i = 0
        while i < paramCount {
            // II.23.2.2: a SENTINEL separates fixed from variable arguments at a vararg call site.
            if r.remaining > 0 && r.bytes[r.position] == ElementType.sentinel.rawValue {
                guard required == paramCount else {
                    throw MetadataError(.invalidValue, "second vararg sentinel", at: .fileOffset(r.position))
                }
                try r.skip(1)
                required = i
                continue
            }
            params.append(try type(&r, depth: depth + 1))
            i += 1
        }
        return MethodSignature(header: header, genericParameterCount: genericCount, returnType: ret,
                               parameterTypes: params, requiredParameterCount: required)
    }

    mutating func type(_ r: inout ByteReader, depth: Int, allowVoid: Bool = false, allowPinned: Bool = false) throws(MetadataError) -> T {
        guard depth < Self.maxDepth else {
            throw MetadataError(.tooDeep, "signature nests deeper than \(Self.maxDepth)", at: .fileOffset(r.position))
        }
        nodesLeft -= 1
        guard nodesLeft >= 0 else {
            throw MetadataError(.tooLarge, "signature expands to more than \(Self.maxNodes) types", at: .fileOffset(r.position))
        }
        let at = r.position
        let code = try r.u8()
        guard let element = ElementType(rawValue: code) else {
            throw MetadataError(.invalidValue, "unknown element type 0x\(String(code, radix: 16))", at: .fileOffset(at))
        }
        switch element {
        case .void:
            // `void` is only a return type or under a pointer (void*); a lenient reader still shows it.
            return provider.primitive(.void)
        case .boolean, .char, .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64,
             .float32, .float64, .string, .typedReference, .intPtr, .uintPtr, .object:
            return provider.primitive(element)
        case .pointer:
            return provider.pointer(try type(&r, depth: depth + 1, allowVoid: true))
        case .byReference:
            return provider.byReference(try type(&r, depth: depth + 1))
        case .valueType, .class:
            return try typeDefOrRefOrSpec(&r, isValueType: element == .valueType, depth: depth)
        case .genericTypeParameter:
            return provider.genericTypeParameter(Int(try r.compressedUInt()))
        case .genericMethodParameter:
            return provider.genericMethodParameter(Int(try r.compressedUInt()))
        case .szArray:
            return provider.szArray(try type(&r, depth: depth + 1))
        case .array:
            let elementType = try type(&r, depth: depth + 1)
            return provider.array(elementType, shape: try arrayShape(&r))
        case .genericInstance:
            let kindAt = r.position
            let kind = try r.u8()
            guard kind == ElementType.class.rawValue || kind == ElementType.valueType.rawValue else {
                throw MetadataError(.invalidValue, "generic instance of element type 0x\(String(kind, radix: 16))", at: .fileOffset(kindAt))
            }
            let generic = try typeDefOrRefOrSpec(&r, isValueType: kind == ElementType.valueType.rawValue, depth: depth)
            let n = try count(&r)
            guard n > 0 else { throw MetadataError(.invalidValue, "generic instance with no arguments", at: .fileOffset(r.position)) }
            var args: [T] = []
            args.reserveCapacity(n)
            for _ in 0 ..< n { args.append(try type(&r, depth: depth + 1)) }
            return provider.genericInstance(generic, arguments: args)
        case .functionPointer:
            return provider.functionPointer(try methodSignature(&r, depth: depth + 1))
        case .requiredModifier, .optionalModifier:
            let modifier = try typeDefOrRefOrSpec(&r, isValueType: false, depth: depth)
            let inner = try type(&r, depth: depth + 1, allowVoid: allowVoid, allowPinned: allowPinned)
            return provider.modified(inner, modifier: modifier, isRequired: element == .requiredModifier)
        case .pinned:
            return provider.pinned(try type(&r, depth: depth + 1))
        default:
            throw MetadataError(.invalidValue, "element type 0x\(String(code, radix: 16)) cannot start a type", at: .fileOffset(at))
        }
    }

    /// II.23.2.8 TypeDefOrRefOrSpecEncoded.
    private mutating func typeDefOrRefOrSpec(_ r: inout ByteReader, isValueType: Bool, depth: Int) throws(MetadataError) -> T {
        let at = r.position
        let coded = try r.compressedUInt()
        let token = try CodedIndex.typeDefOrRef.decode(coded)
        guard file.tables.contains(token) else {
            throw MetadataError(.outOfRange, "type token \(token) names no row", at: .fileOffset(at))
        }
        if token.table == .typeSpec { return try typeSpecSignature(row: token.row) }
        return provider.typeFromDefinitionOrReference(token, isValueType: isValueType)
    }

    /// II.23.2.13.
    private func arrayShape(_ r: inout ByteReader) throws(MetadataError) -> ArrayShape {
        let rankAt = r.position
        let rank = Int(try r.compressedUInt())
        guard rank >= 1 && rank <= 32 else {
            throw MetadataError(.invalidValue, "array rank \(rank)", at: .fileOffset(rankAt))
        }
        let sizeCount = try count(&r)
        guard sizeCount <= rank else { throw MetadataError(.invalidValue, "\(sizeCount) sizes for rank \(rank)", at: .fileOffset(r.position)) }
        var sizes: [Int] = []
        for _ in 0 ..< sizeCount { sizes.append(Int(try r.compressedUInt())) }
        let boundCount = try count(&r)
        guard boundCount <= rank else { throw MetadataError(.invalidValue, "\(boundCount) lower bounds for rank \(rank)", at: .fileOffset(r.position)) }
        var bounds: [Int] = []
        for _ in 0 ..< boundCount { bounds.append(Int(try r.compressedInt())) }
        return ArrayShape(rank: rank, sizes: sizes, lowerBounds: bounds)
    }
}
