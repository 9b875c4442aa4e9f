/// The value grammar of II.23.3: FixedArg, Elem, SerString, FieldOrPropType.
extension CustomAttributeDecoder {
    mutating func value(of type: AttributeArgumentType, _ r: inout ByteReader, depth: Int) throws(MetadataError) -> AttributeArgument {
        guard depth <= Self.maxDepth else {
            throw MetadataError(.tooDeep, "attribute value nests deeper than \(Self.maxDepth)", at: .fileOffset(r.position))
        }
        switch type {
        case .primitive(let e):
            return try primitive(e, &r)
        case .systemType:
            return .type(try serString(&r))
        case .object:
            // II.23.3: a boxed value is its FieldOrPropType, then the value of that type.
            let actual = try fieldOrPropType(&r, depth: depth + 1)
            return try value(of: actual, &r, depth: depth + 1)
        case .enumeration(let e):
            if e.underlyingTypeWasAssumed { assumed.insert(e.name) }
            let raw: UInt64
            switch e.underlyingType {
            case .boolean, .int8, .uint8: raw = UInt64(try r.u8())
            case .char, .int16, .uint16: raw = UInt64(try r.u16())
            case .int32, .uint32: raw = UInt64(try r.u32())
            case .int64, .uint64: raw = try r.u64()
            default:
                throw MetadataError(.invalidValue, "enum \(e.name) has underlying type 0x\(String(e.underlyingType.rawValue, radix: 16))", at: .fileOffset(r.position))
            }
            return .enumeration(e, rawValue: raw)
        case .szArray(let element):
            let countAt = r.position
            let count = try r.u32()
            if count == 0xFFFF_FFFF { return .array(elementType: element, elements: nil) }  // II.23.3: null array
            // Every element takes at least one byte, so a larger count cannot be real.
            guard Int(count) <= r.remaining else {
                throw MetadataError(.tooLarge, "array of \(count) elements in \(r.remaining) bytes", at: .fileOffset(countAt))
            }
            var elements: [AttributeArgument] = []
            elements.reserveCapacity(Int(count))
            for _ in 0 ..< count { elements.append(try value(of: element, &r, depth: depth + 1)) }
            return .array(elementType: element, elements: elements)
        }
    }

    func primitive(_ e: ElementType, _ r: inout ByteReader) throws(MetadataError) -> AttributeArgument {
        switch e {
        case .boolean: return .boolean(try r.u8() != 0)
        case .char: return .char(try r.u16())
        case .int8: return .int8(try r.i8())
        case .uint8: return .uint8(try r.u8())
        case .int16: return .int16(try r.i16())
        case .uint16: return .uint16(try r.u16())
        case .int32: return .int32(try r.i32())
        case .uint32: return .uint32(try r.u32())
        case .int64: return .int64(try r.i64())
        case .uint64: return .uint64(try r.u64())
        case .float32: return .float32(bits: try r.u32())
        case .float64: return .float64(bits: try r.u64())
        case .string: return .string(try serString(&r))
        default:
            throw MetadataError(.invalidValue, "element type 0x\(String(e.rawValue, radix: 16)) is not an attribute argument type", at: .fileOffset(r.position))
        }
    }

    /// II.23.3 SerString: a compressed length and that many UTF-8 bytes; a single 0xFF byte is null.
    func serString(_ r: inout ByteReader) throws(MetadataError) -> String? {
        let at = r.position
        guard r.remaining > 0 else {
            throw MetadataError(.truncated, "string expected at the end of the blob", at: .fileOffset(at))
        }
        if r.bytes[r.position] == 0xFF {
            try r.skip(1)
            return nil
        }
        let length = Int(try r.compressedUInt())
        guard length <= r.remaining else {
            throw MetadataError(.truncated, "string of \(length) bytes, \(r.remaining) left", at: .fileOffset(at))
        }
        return String(decoding: r.bytes[try r.range(length)], as: UTF8.self)
    }

    /// II.23.3 FieldOrPropType: the type of a named argument or of a boxed value.
    mutating func fieldOrPropType(_ r: inout ByteReader, depth: Int) throws(MetadataError) -> AttributeArgumentType {
        guard depth <= Self.maxDepth else {
            throw MetadataError(.tooDeep, "attribute type nests deeper than \(Self.maxDepth)", at: .fileOffset(r.position))
        }
        let at = r.position
        let code = try r.u8()
        switch code {
        case ElementType.boolean.rawValue ... ElementType.string.rawValue:
            return .primitive(ElementType(rawValue: code)!)
        case ElementType.systemType.rawValue:
            return .systemType
        case ElementType.boxed.rawValue:
            return .object
        case ElementType.enum.rawValue:
            let nameAt = r.position
            guard let name = try serString(&r), !name.isEmpty else {
                throw MetadataError(.invalidValue, "enum type with no name", at: .fileOffset(nameAt))
            }
            do throws(MetadataError) {
                return .enumeration(try enumType(serializedName: name))
            } catch { throw error.located(.fileOffset(nameAt)) }
        case ElementType.szArray.rawValue:
            let element = try fieldOrPropType(&r, depth: depth + 1)
            if case .szArray = element {
                throw MetadataError(.invalidValue, "array of arrays (II.23.3 allows SZARRAY of an element type only)", at: .fileOffset(at))
            }
            return .szArray(element)
        default:
            throw MetadataError(.invalidValue, "FieldOrPropType 0x\(String(code, radix: 16))", at: .fileOffset(at))
        }
    }
}
