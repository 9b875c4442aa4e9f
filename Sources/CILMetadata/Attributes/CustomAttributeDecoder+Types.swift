/// Turning constructor parameter types and serialized enum names into `AttributeArgumentType`:
/// names from the tables, enum underlying types from this file or from the caller's resolver.
extension CustomAttributeDecoder {
    mutating func argumentType(_ t: AttributeSignatureType, instantiation: [AttributeSignatureType], allowArray: Bool) throws(MetadataError) -> AttributeArgumentType {
        switch t {
        case .primitive(let e):
            switch e {
            case .boolean, .char, .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64, .float32, .float64, .string:
                return .primitive(e)
            case .object:
                return .object
            default:
                throw MetadataError(.unsupported, "attribute constructor parameter of element type 0x\(String(e.rawValue, radix: 16))")
            }
        case .named(let token, let isValueType):
            let name = try file.typeName(of: token)
            if isValueType { return .enumeration(try enumType(token: token, name: name)) }
            // II.23.3: the only class types an attribute can take besides string and object.
            switch name {
            case "System.Type": return .systemType
            case "System.String": return .primitive(.string)
            case "System.Object": return .object
            default: throw MetadataError(.unsupported, "attribute constructor parameter of class type \(name)")
            }
        case .szArray(let element):
            guard allowArray else { throw MetadataError(.unsupported, "attribute constructor parameter that is an array of arrays") }
            return .szArray(try argumentType(element, instantiation: instantiation, allowArray: false))
        case .genericTypeParameter(let i):
            guard i < instantiation.count else {
                throw MetadataError(.invalidValue, "generic parameter !\(i) of an attribute type with \(instantiation.count) arguments")
            }
            // An argument of the instantiation is a closed type; it cannot refer back to `!n`.
            return try argumentType(instantiation[i], instantiation: [], allowArray: allowArray)
        case .genericInstance:
            throw MetadataError(.unsupported, "attribute constructor parameter of a generic instance type")
        case .unsupported(let what):
            throw MetadataError(.unsupported, "attribute constructor parameter: \(what)")
        }
    }

    /// The enum named by a TypeDef or TypeRef in a constructor signature.
    mutating func enumType(token: MetadataToken, name: String) throws(MetadataError) -> AttributeEnumType {
        if token.table == .typeDef {
            return AttributeEnumType(name: name, assemblyName: nil, underlyingType: try file.enumUnderlyingType(ofTypeDef: token.row),
                                     underlyingTypeWasAssumed: false)
        }
        let scope = try file.rootResolutionScope(ofTypeRef: token.row)
        var assembly: String? = nil
        switch scope.table {
        case .assemblyRef? where !scope.isNil:
            assembly = try file.string(try file.assemblyRef(scope.row).name)
        case .moduleRef? where !scope.isNil:
            // Another module of this assembly: the caller's resolver is asked with this assembly's name.
            assembly = try ownAssembly()
        default:
            // This module (Module scope), or II.22.38's null scope: look here first.
            break
        }
        return try enumType(EnumReference(typeName: name, assemblyName: assembly))
    }

    /// The enum named by a serialized type name (FieldOrPropType 0x55).
    mutating func enumType(serializedName: String) throws(MetadataError) -> AttributeEnumType {
        let parsed = SerializedTypeName(parsing: serializedName)
        return try enumType(EnumReference(typeName: parsed.typeName, assemblyName: parsed.assemblySimpleName))
    }

    mutating func enumType(_ ref: EnumReference) throws(MetadataError) -> AttributeEnumType {
        if let cached = enumCache[ref] { return cached }
        var result: AttributeEnumType? = nil
        // An unqualified name means this assembly (then mscorlib); so does this assembly's own name.
        let own = try ownAssembly()
        if ref.assemblyName == nil || (own != nil && ref.assemblyName!.lowercased() == own!.lowercased()) {
            if definitionsByName == nil { definitionsByName = try file.typeDefinitionsByFullName() }
            if let row = definitionsByName![ref.typeName] {
                result = AttributeEnumType(name: ref.typeName, assemblyName: ref.assemblyName,
                                           underlyingType: try file.enumUnderlyingType(ofTypeDef: row), underlyingTypeWasAssumed: false)
            }
        }
        if result == nil, let enumResolver, let underlying = enumResolver(ref) {
            guard CLIFile.isEnumUnderlyingType(underlying) else {
                throw MetadataError(.invalidValue, "resolver gave element type 0x\(String(underlying.rawValue, radix: 16)) for enum \(ref.typeName)")
            }
            result = AttributeEnumType(name: ref.typeName, assemblyName: ref.assemblyName, underlyingType: underlying, underlyingTypeWasAssumed: false)
        }
        let found = result ?? AttributeEnumType(name: ref.typeName, assemblyName: ref.assemblyName, underlyingType: .int32, underlyingTypeWasAssumed: true)
        enumCache[ref] = found
        return found
    }

    mutating func ownAssembly() throws(MetadataError) -> String? {
        if let ownAssemblyName { return ownAssemblyName }
        let name = file.rowCount(.assembly) > 0 ? try file.string(try file.assembly(1).name) : nil
        ownAssemblyName = .some(name)
        return name
    }
}

extension CLIFile {
    /// Decodes CustomAttribute `row`. For many rows, keep one `CustomAttributeDecoder`: it caches.
    public func customAttributeValue(_ row: UInt32, enumResolver: EnumUnderlyingTypeResolver? = nil) throws(MetadataError) -> CustomAttributeValue {
        var decoder = CustomAttributeDecoder(file: self, enumResolver: enumResolver)
        return try decoder.decode(row: row)
    }
}
