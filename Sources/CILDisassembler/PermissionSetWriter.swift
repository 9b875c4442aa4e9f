import CILMetadata

/// `.permissionset` (II.20, II.22.11). Two encodings exist:
/// - the XML form (UTF-16 text starting with `<`), written as `= ( bytes )`;
/// - the binary form (`.`, a count, then per attribute its serialized type name and named
///   arguments, II.23.3), written in ilasm's structured syntax
///   `= {[mscorlib]T = {property bool 'Name' = bool(true)}}` — Mono's ilasm reads `= ( bytes )`
///   as XML and fails on binary bytes.
/// A binary set using argument kinds this writer does not spell (floats, arrays, types, boxed
/// values, enums that are not four bytes) is shown as a comment with its bytes.
extension TextWriter {
    mutating func writeSecurity(of owner: MetadataToken, indent: Int) {
        for row in index.declSecurity[owner] ?? [] {
            attempt("permission set", token: MetadataToken(.declSecurity, row), indent: indent) { (w) throws(MetadataError) in
                try w.writePermissionSet(row, indent: indent)
            }
        }
    }

    private mutating func writePermissionSet(_ row: UInt32, indent: Int) throws(MetadataError) {
        let decl = try file.declSecurity(row)
        let bytes = try file.blobs.bytes(decl.permissionSet)
        guard let action = SecurityDeclaration.actionName(decl.action) else {
            writePermissionComment(decl.action, bytes, indent: indent, why: "unknown action")
            return
        }
        if bytes.count >= 2 && bytes[0] == UInt8(ascii: "<") && bytes[1] == 0 {
            out.indent(indent)
            out.write(".permissionset ")
            out.write(string: action)
            out.write(" = ")
            try writeBlob(decl.permissionSet, indent: indent)
            out.newline()
            return
        }
        let mark = out.mark
        out.indent(indent)
        out.write(".permissionset ")
        out.write(string: action)
        out.write(" = {")
        var r = try file.blobs.reader(decl.permissionSet)
        if (try? writeBinaryPermissions(&r)) == true && r.isAtEnd {
            out.byte(UInt8(ascii: "}"))
            out.newline()
        } else {
            out.rewind(to: mark)
            writePermissionComment(decl.action, bytes, indent: indent, why: "binary form with arguments ilasm cannot spell")
        }
    }

    private mutating func writePermissionComment(_ action: UInt16, _ bytes: [UInt8], indent: Int, why: String) {
        out.indent(indent)
        out.write("// .permissionset ")
        out.decimal(Int(action))
        out.write(" (")
        out.write(string: why)
        out.write(", ")
        out.decimal(bytes.count)
        out.write(" bytes) = ")
        for b in bytes.prefix(64) { out.hexByte(b); out.byte(0x20) }
        if bytes.count > 64 { out.write("...") }
        out.newline()
    }

    /// The attributes of a binary permission set; false for anything not spelled here.
    private mutating func writeBinaryPermissions(_ r: inout ByteReader) throws(MetadataError) -> Bool {
        guard try r.u8() == UInt8(ascii: ".") else { return false }
        let count = Int(try r.compressedUInt())
        guard count <= r.remaining else { return false }
        for i in 0 ..< count {
            if i > 0 { out.write(", ") }
            guard let typeName = try serString(&r), try writeSerializedTypeName(typeName) else { return false }
            out.write(" = {")
            let length = Int(try r.compressedUInt())
            var args = try r.subReader(length)
            let namedCount = Int(try args.compressedUInt())
            // Mono's ilasm has no spelling for an attribute without named arguments (`{}`).
            guard namedCount > 0, namedCount <= args.remaining else { return false }
            for j in 0 ..< namedCount {
                if j > 0 { out.byte(0x20) }
                guard try writeNamedArgument(&args) else { return false }
            }
            guard args.isAtEnd else { return false }
            out.byte(UInt8(ascii: "}"))
        }
        return true
    }

    /// II.23.3 SerString: a compressed length (0xFF for null) and UTF-8 bytes.
    private func serString(_ r: inout ByteReader) throws(MetadataError) -> ArraySlice<UInt8>? {
        if !r.isAtEnd && r.bytes[r.position] == 0xFF { try r.skip(1); return nil }
        let length = Int(try r.compressedUInt())
        return r.bytes[try r.range(length)]
    }

    /// `Ns.T, Assembly, Version=…` as `[Assembly]Ns.T` (nested `+` as `/`, this assembly's own
    /// types without a scope); false when the assembly is neither this one nor one it
    /// references by name.
    private mutating func writeSerializedTypeName(_ name: ArraySlice<UInt8>, allowOwn: Bool = true) throws(MetadataError) -> Bool {
        let comma = name.firstIndex(of: UInt8(ascii: ","))
        guard comma != nil || allowOwn else { return false }
        let typePart = name[name.startIndex ..< (comma ?? name.endIndex)]
        if let comma {
            var asm = name[(comma + 1)...].drop { $0 == 0x20 }
            if let end = asm.firstIndex(of: UInt8(ascii: ",")) { asm = asm[asm.startIndex ..< end] }
            var known = false
            // The defining assembly itself: its types are named without a scope.
            if let own = try? file.assembly(1), let ownName = try? file.strings.utf8(own.name), ownName.elementsEqual(asm) {
                guard allowOwn else { return false }
                known = true
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.assemblyRef), by: 1) {
                if !known, let ref = try? file.assemblyRef(row), let refName = try? file.strings.utf8(ref.name), refName.elementsEqual(asm) {
                    known = true
                    out.byte(UInt8(ascii: "["))
                    out.write(try names.assemblyRefName(row))
                    out.byte(UInt8(ascii: "]"))
                    break
                }
            }
            guard known else { return false }
        }
        var first = true
        for part in typePart.split(separator: UInt8(ascii: "+"), omittingEmptySubsequences: false) {
            if !first { out.byte(UInt8(ascii: "/")) }
            if first { Identifier.writeDotted(part, to: &out) } else { Identifier.write(part, to: &out) }
            first = false
        }
        return true
    }

    /// `property bool 'Name' = bool(true)` and the other kinds spelled here.
    private mutating func writeNamedArgument(_ r: inout ByteReader) throws(MetadataError) -> Bool {
        let kind = try r.u8()
        switch kind {
        case 0x53: out.write("field ")
        case 0x54: out.write("property ")
        default: return false
        }
        let type = try r.u8()
        var enumName: ArraySlice<UInt8>? = nil
        if type == 0x55 {
            guard let name = try serString(&r) else { return false }
            enumName = name
        }
        guard let name = try serString(&r) else { return false }
        switch type {
        case 0x02: out.write("bool")
        case 0x04: out.write("int8")
        case 0x06: out.write("int16")
        case 0x08: out.write("int32")
        case 0x0A: out.write("int64")
        case 0x0E: out.write("string")
        case 0x55:
            out.write("enum ")
            // An enum defined in this assembly crashes Mono's ilasm (PEAPI casts it to a
            // reference), so such a set stays a comment.
            guard let enumName, try writeSerializedTypeName(enumName, allowOwn: false) else { return false }
        default: return false
        }
        out.byte(0x20)
        Identifier.quoted(name, to: &out)
        out.write(" = ")
        switch type {
        case 0x02: out.write(try r.u8() != 0 ? "bool(true)" : "bool(false)")
        case 0x04: out.write("int8("); out.decimal(Int64(try r.i8())); out.byte(UInt8(ascii: ")"))
        case 0x06: out.write("int16("); out.decimal(Int64(try r.i16())); out.byte(UInt8(ascii: ")"))
        case 0x08, 0x55:
            // An enum's width is its underlying type's, which only its definition knows; the
            // attribute's length check in the caller rejects anything but four bytes.
            out.write("int32("); out.decimal(Int64(try r.i32())); out.byte(UInt8(ascii: ")"))
        case 0x0A: out.write("int64("); out.decimal(try r.i64()); out.byte(UInt8(ascii: ")"))
        case 0x0E:
            guard let text = try serString(&r) else { out.write("string(nullref)"); return true }
            out.write("string(")
            Identifier.quoted(text, to: &out)
            out.byte(UInt8(ascii: ")"))
        default: return false
        }
        return true
    }
}
