import CILMetadata

/// Constant values (II.22.9) in ilasm's `fieldInit` syntax (II.16.2): `int32(5)`,
/// `uint8(0xC8)`, `float64(0x3FF0000000000000)`, `char(0x0041)`, `bool(true)`, `"text"`,
/// `nullref`, `bytearray (…)`.
///
/// Integers keep their element type (an enum's `uint8` stays `uint8`), floats are written as
/// their bits — Mono's ilasm stores `float32(0x…)` field constants bit for bit, NaN payloads
/// included.
extension TextWriter {
    mutating func writeConstant(row: UInt32, indent: Int) throws(MetadataError) {
        let constant = try file.constant(row)
        var r = try file.blobs.reader(constant.value)
        let size = r.remaining

        func need(_ n: Int) throws(MetadataError) {
            guard size >= n else {
                throw MetadataError(.truncated, "constant of element type 0x\(String(constant.type, radix: 16)) has \(size) bytes, needs \(n)", at: .tableRow(.constant, row))
            }
        }

        switch ElementType(rawValue: constant.type) {
        case .boolean?:
            try need(1)
            out.write(try r.u8() != 0 ? "bool(true)" : "bool(false)")
        case .char?:
            try need(2)
            out.write("char(")
            out.hex0x(UInt64(try r.u16()), digits: 4)
            out.byte(UInt8(ascii: ")"))
        case .int8?:
            try need(1); out.write("int8("); out.decimal(Int64(try r.i8())); out.byte(UInt8(ascii: ")"))
        case .int16?:
            try need(2); out.write("int16("); out.decimal(Int64(try r.i16())); out.byte(UInt8(ascii: ")"))
        case .int32?:
            try need(4); out.write("int32("); out.decimal(Int64(try r.i32())); out.byte(UInt8(ascii: ")"))
        case .int64?:
            try need(8)
            // The most negative int64 has no positive counterpart for ilasm's number reader.
            let v = try r.i64()
            out.write("int64(")
            if v == Int64.min { out.hex0x(UInt64(bitPattern: v), digits: 16) } else { out.decimal(v) }
            out.byte(UInt8(ascii: ")"))
        case .uint8?:
            try need(1); out.write("uint8("); out.hex0x(UInt64(try r.u8()), digits: 2); out.byte(UInt8(ascii: ")"))
        case .uint16?:
            try need(2); out.write("uint16("); out.hex0x(UInt64(try r.u16()), digits: 4); out.byte(UInt8(ascii: ")"))
        case .uint32?:
            try need(4); out.write("uint32("); out.hex0x(UInt64(try r.u32()), digits: 8); out.byte(UInt8(ascii: ")"))
        case .uint64?:
            try need(8); out.write("uint64("); out.hex0x(try r.u64(), digits: 16); out.byte(UInt8(ascii: ")"))
        case .float32?:
            try need(4); out.write("float32("); out.hex0x(UInt64(try r.u32()), digits: 8); out.byte(UInt8(ascii: ")"))
        case .float64?:
            try need(8); out.write("float64("); out.hex0x(try r.u64(), digits: 16); out.byte(UInt8(ascii: ")"))
        case .string?:
            // II.22.9: UTF-16LE without a terminator; an odd byte cannot be part of the text.
            var units: [UInt16] = []
            units.reserveCapacity(size / 2)
            for _ in 0 ..< size / 2 { units.append(try r.u16()) }
            StringLiteral.write(units, to: &out, indent: indent + 2)
        case .class?:
            // II.22.9: a null reference is CLASS with a 4-byte zero value.
            out.write("nullref")
        default:
            out.write("bytearray ")
            out.byteList(file.bytes[try r.range(size)], indent: indent + 2)
        }
    }
}
