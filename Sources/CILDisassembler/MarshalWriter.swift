import CILMetadata

/// `marshal(…)` of fields, parameters and return values (II.23.4 NativeType, II.7.4 ilasm
/// `nativeType`). Common native types are written by their keywords; details ilasm has no
/// spelling for are kept in an inline `/* … */` comment.
extension TextWriter {
    /// ` marshal(…)` when `owner` (a Field or Param) has a FieldMarshal row; nothing otherwise.
    /// A descriptor ilasm cannot spell (or that does not decode) becomes an inline comment, so
    /// the declaration around it is still written; a decoding failure is also a diagnostic.
    mutating func writeMarshal(of owner: MetadataToken) {
        guard let row = index.marshals[owner] else { return }
        let mark = out.mark
        do {
            var r = try file.blobs.reader(try file.fieldMarshal(row).nativeType)
            out.write(" marshal(")
            if !r.isAtEnd { try writeNativeType(&r, depth: 0) }
            out.byte(UInt8(ascii: ")"))
        } catch {
            out.rewind(to: mark)
            if error.kind != .unsupported {
                diagnostics.append(DisassemblyDiagnostic(token: owner, item: "marshalling descriptor", message: error.description))
            }
            out.write(" /* cilbox: marshal not shown: ")
            for b in error.message.utf8 where b != UInt8(ascii: "*") && b >= 0x20 { out.byte(b) }
            out.write(" */")
        }
    }

    private mutating func writeNativeType(_ r: inout ByteReader, depth: Int) throws(MetadataError) {
        guard depth < 8 else { throw MetadataError(.tooDeep, "marshalling descriptor nests too deep", at: .fileOffset(r.position)) }
        let at = r.position
        let code = try r.u8()
        switch code {
        case 0x01: out.write("void")
        case 0x02: out.write("bool")
        case 0x03: out.write("int8")
        case 0x04: out.write("unsigned int8")
        case 0x05: out.write("int16")
        case 0x06: out.write("unsigned int16")
        case 0x07: out.write("int32")
        case 0x08: out.write("unsigned int32")
        case 0x09: out.write("int64")
        case 0x0A: out.write("unsigned int64")
        case 0x0B: out.write("float32")
        case 0x0C: out.write("float64")
        case 0x0D: out.write("syschar")
        case 0x0E: out.write("variant")
        case 0x0F: out.write("currency")
        case 0x11: out.write("decimal")
        case 0x12: out.write("date")
        case 0x13: out.write("bstr")
        case 0x14: out.write("lpstr")
        case 0x15: out.write("lpwstr")
        case 0x16: out.write("lptstr")
        case 0x17:
            out.write("fixed sysstring [")
            out.decimal(Int(try r.compressedUInt()))
            out.byte(UInt8(ascii: "]"))
        case 0x18: out.write("objectref")
        case 0x19, 0x1A, 0x1C:
            out.write(code == 0x19 ? "iunknown" : code == 0x1A ? "idispatch" : "interface")
            if !r.isAtEnd {
                out.write(" /* iid_is ")
                out.decimal(Int(try r.compressedUInt()))
                out.write(" */")
            }
        case 0x1B: out.write("struct")
        case 0x1D:
            out.write("safearray")
            if !r.isAtEnd {
                out.write(" /* variant type ")
                out.hex0x(UInt64(try r.compressedUInt()), digits: 4)
                out.write(" */")
            }
        case 0x1E:
            out.write("fixed array [")
            out.decimal(Int(try r.compressedUInt()))
            out.byte(UInt8(ascii: "]"))
            if !r.isAtEnd && r.bytes[r.position] != 0x50 {
                out.byte(0x20)
                try writeNativeType(&r, depth: depth + 1)
            }
        case 0x1F: out.write("int")
        case 0x20: out.write("unsigned int")
        case 0x21: out.write("nested struct")
        case 0x22: out.write("byvalstr")
        case 0x23: out.write("ansi bstr")
        case 0x24: out.write("tbstr")
        case 0x25: out.write("variant bool")
        case 0x26: out.write("method")
        case 0x28: out.write("as any")
        case 0x2A:
            // II.23.4: ARRAY ArrayElemType [ParamNum [NumElem [flags]]].
            if !r.isAtEnd && r.bytes[r.position] != 0x50 {
                try writeNativeType(&r, depth: depth + 1)
            } else if !r.isAtEnd {
                try r.skip(1)
            }
            let paramNum: UInt32? = r.isAtEnd ? nil : try r.compressedUInt()
            let count: UInt32? = r.isAtEnd ? nil : try r.compressedUInt()
            let flags: UInt32? = r.isAtEnd ? nil : try r.compressedUInt()
            out.byte(UInt8(ascii: "["))
            if let count { out.decimal(Int(count)) }
            if let paramNum, flags.map({ $0 & 1 != 0 }) ?? true {
                out.byte(UInt8(ascii: "+"))
                out.decimal(Int(paramNum))
            }
            out.byte(UInt8(ascii: "]"))
        case 0x2B: out.write("lpstruct")
        case 0x2C:
            // GUID, unmanaged type, managed type, cookie: four length-prefixed strings. Mono's
            // ilasm spells only `custom("managed type", "cookie")`; the other two are in practice
            // empty and otherwise shown in a comment.
            var parts: [ArraySlice<UInt8>] = []
            for _ in 0 ..< 4 {
                let length = Int(r.isAtEnd ? 0 : try r.compressedUInt())
                parts.append(file.bytes[try r.range(length)])
            }
            out.write("custom(")
            Identifier.doubleQuoted(parts[2], to: &out)
            out.write(", ")
            Identifier.doubleQuoted(parts[3], to: &out)
            out.byte(UInt8(ascii: ")"))
            if !parts[0].isEmpty || !parts[1].isEmpty {
                out.write(" /* guid ")
                Identifier.doubleQuoted(parts[0].filter { $0 != UInt8(ascii: "*") }[...], to: &out)
                out.write(", unmanaged type ")
                Identifier.doubleQuoted(parts[1].filter { $0 != UInt8(ascii: "*") }[...], to: &out)
                out.write(" */")
            }
        case 0x2D: out.write("error")
        default:
            throw MetadataError(.unsupported, "native type 0x\(String(code, radix: 16)) has no ilasm spelling", at: .fileOffset(at))
        }
    }
}
