/// Decodes CustomAttribute rows (II.22.10) into values: finds the constructor, reads its
/// parameter types from its signature, then reads the blob (II.23.3): prolog 0x0001, one fixed
/// argument per parameter, NumNamed, and the named field/property arguments.
///
/// Hostile blobs are bounded: every count is checked against the bytes left before anything is
/// allocated, arrays and boxed values nest at most `maxDepth` deep, and every failure is a
/// `MetadataError` located in the blob (a file offset) or at the row.
///
/// One decoder serves a whole file: it caches the file's type names and the enums it resolved.
public struct CustomAttributeDecoder {
    public let file: CLIFile
    let enumResolver: EnumUnderlyingTypeResolver?
    /// Lazily built: TypeDef rows by full name, for enums named by serialized type names.
    var definitionsByName: [String: UInt32]?
    var ownAssemblyName: String??
    /// Enums already resolved, by assembly (or "") and full name.
    var enumCache: [EnumReference: AttributeEnumType] = [:]
    /// Enum names whose underlying type was assumed while decoding the current blob.
    var assumed: Set<String> = []

    /// Real blobs nest two levels (an `object[]` holding arrays); more is treated as hostile.
    public static var maxDepth: Int { 16 }

    /// `enumResolver` answers for enums defined in other assemblies; without one (or when it
    /// answers `nil`) such enums are taken to be `int32` and the result lists them as assumed.
    public init(file: CLIFile, enumResolver: EnumUnderlyingTypeResolver? = nil) {
        self.file = file
        self.enumResolver = enumResolver
    }

    /// The decoded value of CustomAttribute `row`.
    public mutating func decode(row: UInt32) throws(MetadataError) -> CustomAttributeValue {
        let ca = try file.customAttribute(row)
        let ctor: (attributeTypeName: String, parameterTypes: [AttributeArgumentType])
        do throws(MetadataError) {
            ctor = try constructorSignature(ca.constructor)
        } catch {
            throw Self.context(error, row: row).located(.tableRow(.customAttribute, row))
        }
        do throws(MetadataError) {
            var r = try file.blobs.reader(ca.value)
            let args = try decodeArguments(from: &r, parameterTypes: ctor.parameterTypes)
            return CustomAttributeValue(constructor: ca.constructor, attributeTypeName: ctor.attributeTypeName,
                                        parameterTypes: ctor.parameterTypes, fixedArguments: args.fixed,
                                        namedArguments: args.named, assumedEnumTypes: args.assumedEnumTypes)
        } catch {
            throw Self.context(error, row: row).located(.heap("#Blob", ca.value))
        }
    }

    /// The attribute type's full name and the constructor's parameter types, for a MethodDef or
    /// MemberRef constructor token (II.22.10: CustomAttributeType).
    public mutating func constructorSignature(_ ctor: MetadataToken) throws(MetadataError) -> (attributeTypeName: String, parameterTypes: [AttributeArgumentType]) {
        guard file.tables.contains(ctor) else {
            throw MetadataError(.outOfRange, "constructor token \(ctor) names no row")
        }
        let typeName: String
        let nameIndex: UInt32, signature: UInt32
        var instantiation: [AttributeSignatureType] = []
        var decoder = SignatureDecoder(provider: AttributeSignatureProvider(), file: file)
        switch ctor.table {
        case .methodDef?:
            let m = try file.methodDef(ctor.row)
            guard let owner = try file.owningTypeDef(ofMethod: ctor.row) else {
                throw MetadataError(.invalidValue, "constructor \(ctor) belongs to no type", at: .tableRow(.methodDef, ctor.row))
            }
            typeName = try file.typeName(of: MetadataToken(.typeDef, owner))
            nameIndex = m.name
            signature = m.signature
        case .memberRef?:
            let m = try file.memberRef(ctor.row)
            switch m.parent.table {
            case .typeDef?, .typeRef?:
                typeName = try file.typeName(of: m.parent)
            case .typeSpec?:
                // A generic attribute type: its parameters (`!0`) take the instantiation's arguments.
                guard file.tables.contains(m.parent) else {
                    throw MetadataError(.outOfRange, "constructor parent \(m.parent) names no row", at: .tableRow(.memberRef, ctor.row))
                }
                guard case .genericInstance(_, let args) = try decoder.typeSpecSignature(row: m.parent.row) else {
                    throw MetadataError(.unsupported, "constructor parent \(m.parent) is not a generic instance", at: .tableRow(.memberRef, ctor.row))
                }
                instantiation = args
                typeName = try file.typeName(of: m.parent)
            default:
                throw MetadataError(.invalidValue, "constructor parent \(m.parent) is not a type", at: .tableRow(.memberRef, ctor.row))
            }
            nameIndex = m.name
            signature = m.signature
        default:
            throw MetadataError(.invalidValue, "constructor token \(ctor) is neither MethodDef nor MemberRef")
        }
        // II.22.10: the Type column names a constructor.
        guard try file.string(nameIndex) == ".ctor" else {
            throw MetadataError(.invalidValue, "attribute constructor \(ctor) is not named .ctor", at: .tableRow(ctor.table!, ctor.row))
        }
        let sig = try decoder.methodSignature(blob: signature)
        guard !sig.hasSentinel, sig.genericParameterCount == 0 else {
            throw MetadataError(.invalidValue, "attribute constructor \(ctor) is generic or vararg", at: .heap("#Blob", signature))
        }
        var parameters: [AttributeArgumentType] = []
        parameters.reserveCapacity(sig.parameterTypes.count)
        for p in sig.parameterTypes {
            parameters.append(try argumentType(p, instantiation: instantiation, allowArray: true))
        }
        return (typeName, parameters)
    }

    /// The arguments in a blob, given the constructor's parameter types (II.23.3 CustomAttrib).
    public mutating func decodeArguments(from r: inout ByteReader, parameterTypes: [AttributeArgumentType]) throws(MetadataError) -> (fixed: [AttributeArgument], named: [NamedAttributeArgument], assumedEnumTypes: [String]) {
        // A parameter of an assumed enum type makes the result uncertain even if no value of it is
        // read (an empty array), since the blob would be read differently if the guess were wrong.
        assumed = []
        for type in parameterTypes { noteAssumedEnums(in: type) }
        // An empty blob is how some compilers write an attribute with no arguments at all.
        if r.remaining == 0 && parameterTypes.isEmpty { return ([], [], []) }
        let prologAt = r.position
        guard try r.u16() == 0x0001 else {
            throw MetadataError(.badMagic, "custom attribute blob does not start with prolog 0x0001", at: .fileOffset(prologAt))
        }
        var fixed: [AttributeArgument] = []
        fixed.reserveCapacity(parameterTypes.count)
        for type in parameterTypes { fixed.append(try value(of: type, &r, depth: 0)) }
        let countAt = r.position
        let namedCount = Int(try r.u16())
        // Each named argument takes at least 4 bytes: kind, type, name length, one value byte.
        guard namedCount <= r.remaining / 4 else {
            throw MetadataError(.tooLarge, "\(namedCount) named arguments in \(r.remaining) bytes", at: .fileOffset(countAt))
        }
        var named: [NamedAttributeArgument] = []
        named.reserveCapacity(namedCount)
        for _ in 0 ..< namedCount {
            let kindAt = r.position
            let kindByte = try r.u8()
            guard let kind = NamedAttributeArgument.Kind(rawValue: kindByte) else {
                throw MetadataError(.invalidValue, "named argument kind 0x\(String(kindByte, radix: 16)) (0x53 FIELD or 0x54 PROPERTY expected)", at: .fileOffset(kindAt))
            }
            let type = try fieldOrPropType(&r, depth: 0)
            noteAssumedEnums(in: type)
            let nameAt = r.position
            guard let name = try serString(&r) else {
                throw MetadataError(.invalidValue, "named argument with a null name", at: .fileOffset(nameAt))
            }
            named.append(NamedAttributeArgument(kind: kind, name: name, type: type, value: try value(of: type, &r, depth: 0)))
        }
        if r.remaining > 0 && file.mode == .strict {
            throw MetadataError(.invalidValue, "\(r.remaining) bytes after the last named argument", at: .fileOffset(r.position))
        }
        return (fixed, named, assumed.sorted())
    }

    mutating func noteAssumedEnums(in type: AttributeArgumentType) {
        switch type {
        case .enumeration(let e) where e.underlyingTypeWasAssumed: assumed.insert(e.name)
        case .szArray(let element): noteAssumedEnums(in: element)
        default: break
        }
    }

    static func context(_ error: MetadataError, row: UInt32) -> MetadataError {
        var e = error
        e.message = "custom attribute \(row): " + e.message
        return e
    }
}
