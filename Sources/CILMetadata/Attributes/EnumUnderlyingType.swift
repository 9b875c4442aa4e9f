/// Enum arguments in attribute blobs are stored as their underlying integer type (II.23.3),
/// which only the enum's definition says (its single instance field, `value__`, II.14.3).
/// An enum defined in this file is looked up here; one defined in another assembly is asked of
/// the caller's resolver, since this module reads one file and never loads others.

/// An enum type defined outside this file, as the caller's resolver sees it.
public struct EnumReference: Sendable, Hashable {
    /// Full name without assembly (`System.AttributeTargets`, `Ns.Outer+Inner`).
    public var typeName: String
    /// The simple name of the defining assembly (from the AssemblyRef, ModuleRef or the
    /// serialized name), or `nil` when the blob did not say (then: this assembly, then mscorlib).
    public var assemblyName: String?

    public init(typeName: String, assemblyName: String?) {
        self.typeName = typeName
        self.assemblyName = assemblyName
    }
}

/// Gives the underlying type of an enum defined elsewhere, or `nil` if it is not known (then
/// `int32` is assumed and the result says so).
public typealias EnumUnderlyingTypeResolver = (EnumReference) -> ElementType?

extension CLIFile {
    /// The underlying type of the enum TypeDef `row`: the type of its first instance field.
    public func enumUnderlyingType(ofTypeDef row: UInt32) throws(MetadataError) -> ElementType {
        for field in try fieldRows(ofTypeDef: row) {
            let f = try self.field(field)
            guard f.flags & 0x0010 == 0 else { continue }  // II.23.1.5: fdStatic
            var r = try blobs.reader(f.signature)
            do throws(MetadataError) {
                // II.23.2.4 FieldSig: FIELD (0x06), custom modifiers, then the type.
                guard try r.u8() == SignatureHeader.Kind.field.rawValue else {
                    throw MetadataError(.invalidValue, "field signature without FIELD header", at: .fileOffset(r.position - 1))
                }
                var code = try r.u8()
                while code == ElementType.requiredModifier.rawValue || code == ElementType.optionalModifier.rawValue {
                    _ = try r.compressedUInt()
                    code = try r.u8()
                }
                guard let type = ElementType(rawValue: code), Self.isEnumUnderlyingType(type) else {
                    throw MetadataError(.invalidValue, "enum instance field of element type 0x\(String(code, radix: 16))", at: .fileOffset(r.position - 1))
                }
                return type
            } catch { throw error.located(.tableRow(.field, field)) }
        }
        throw MetadataError(.invalidValue, "type has no instance field, so it is not an enum", at: .tableRow(.typeDef, row))
    }

    /// II.14.3: the underlying type of an enum is an integer type; IL also allows bool and char.
    static func isEnumUnderlyingType(_ type: ElementType) -> Bool {
        switch type {
        case .boolean, .char, .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64: true
        default: false
        }
    }
}
