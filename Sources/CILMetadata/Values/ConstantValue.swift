/// The value of a Constant row (II.22.9): a literal field's value, a parameter's default or a
/// property's default. Integers are exact; floating-point values are kept as bit patterns.
public enum ConstantValue: Sendable, Hashable {
    case boolean(Bool)
    case char(UInt16)
    case int8(Int8)
    case uint8(UInt8)
    case int16(Int16)
    case uint16(UInt16)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case float32(bits: UInt32)
    case float64(bits: UInt64)
    /// The UTF-16 code units as stored (lone surrogates kept).
    case string([UInt16])
    /// ELEMENT_TYPE_CLASS with a 4-byte zero: the null reference (II.22.9).
    case nullReference

    public var doubleValue: Double? {
        switch self {
        case .float32(let bits): Double(Float(bitPattern: bits))
        case .float64(let bits): Double(bitPattern: bits)
        default: nil
        }
    }

    /// A string constant as a Swift string (lone surrogates become U+FFFD).
    public var stringValue: String? {
        if case .string(let units) = self { return String(decoding: units, as: UTF16.self) }
        return nil
    }
}

extension CLIFile {
    /// The value of Constant row `row`. II.22.9 fixes the blob size of each type; strict mode
    /// requires exactly that size (and an even length for strings), lenient mode takes the
    /// leading bytes it needs and drops an odd trailing byte of a string.
    public func constantValue(_ row: UInt32) throws(MetadataError) -> ConstantValue {
        let c = try constant(row)
        do throws(MetadataError) {
            var r = try blobs.reader(c.value)
            let at = r.position
            guard let type = ElementType(rawValue: c.type) else {
                throw MetadataError(.invalidValue, "constant of element type 0x\(String(c.type, radix: 16))")
            }
            func sized(_ n: Int) throws(MetadataError) {
                if r.remaining == n || (mode == .lenient && r.remaining > n) { return }
                throw MetadataError(r.remaining < n ? .truncated : .invalidValue,
                                    "constant of type 0x\(String(c.type, radix: 16)) has \(r.remaining) bytes, \(n) expected", at: .fileOffset(at))
            }
            switch type {
            case .boolean: try sized(1); return .boolean(try r.u8() != 0)
            case .char: try sized(2); return .char(try r.u16())
            case .int8: try sized(1); return .int8(try r.i8())
            case .uint8: try sized(1); return .uint8(try r.u8())
            case .int16: try sized(2); return .int16(try r.i16())
            case .uint16: try sized(2); return .uint16(try r.u16())
            case .int32: try sized(4); return .int32(try r.i32())
            case .uint32: try sized(4); return .uint32(try r.u32())
            case .int64: try sized(8); return .int64(try r.i64())
            case .uint64: try sized(8); return .uint64(try r.u64())
            case .float32: try sized(4); return .float32(bits: try r.u32())
            case .float64: try sized(8); return .float64(bits: try r.u64())
            case .string:
                // II.22.9: UTF-16LE without a terminator; the blob length is twice the length.
                if r.remaining % 2 != 0 && mode == .strict {
                    throw MetadataError(.invalidValue, "string constant of odd length \(r.remaining)", at: .fileOffset(at))
                }
                let count = r.remaining / 2
                var units: [UInt16] = []
                units.reserveCapacity(count)
                for _ in 0 ..< count { units.append(try r.u16()) }
                return .string(units)
            case .class:
                try sized(4)
                let zero = try r.u32()
                if zero != 0 && mode == .strict {
                    throw MetadataError(.invalidValue, "class constant 0x\(String(zero, radix: 16)) (only a null reference, 0, is allowed)", at: .fileOffset(at))
                }
                return .nullReference
            default:
                throw MetadataError(.invalidValue, "constant of element type 0x\(String(c.type, radix: 16))")
            }
        } catch { throw error.located(.tableRow(.constant, row)) }
    }
}
