import CILMetadata

/// The manifest (II.6): `.assembly extern`, `.assembly`, `.module`, `.module extern`, `.file`,
/// `.class extern`, resources, and the image directives `.subsystem` / `.corflags`.
extension TextWriter {
    mutating func writeManifest() {
        for row in rows(.assemblyRef) {
            attempt(".assembly extern", token: MetadataToken(.assemblyRef, row), indent: 0) { (w) throws(MetadataError) in
                try w.writeAssemblyRef(row)
            }
        }
        if file.rowCount(.assembly) > 0 {
            attempt(".assembly", token: MetadataToken(.assembly, 1), indent: 0) { (w) throws(MetadataError) in
                try w.writeAssembly()
            }
        }
        if file.rowCount(.module) > 0 {
            attempt(".module", token: MetadataToken(.module, 1), indent: 0) { (w) throws(MetadataError) in
                let module = try w.file.module(1)
                w.out.write(".module ")
                Identifier.writeDotted(try w.file.strings.utf8(module.name), to: &w.out)
                if let guid = try? w.file.guids.guid(module.mvid) {
                    w.out.write(" // MVID {")
                    w.out.write(string: GuidHeap.format(guid))
                    w.out.byte(UInt8(ascii: "}"))
                }
                w.out.newline()
            }
            // Top-level `.custom` lines after `.module` belong to the module.
            writeCustomAttributes(of: MetadataToken(.module, 1), indent: 0)
        }
        for row in rows(.moduleRef) {
            attempt(".module extern", token: MetadataToken(.moduleRef, row), indent: 0) { (w) throws(MetadataError) in
                w.out.write(".module extern ")
                w.out.write(try w.names.moduleRefName(row))
                w.out.newline()
                w.writeCustomAttributes(of: MetadataToken(.moduleRef, row), indent: 2)
            }
        }
        for row in rows(.file) {
            attempt(".file", token: MetadataToken(.file, row), indent: 0) { (w) throws(MetadataError) in
                try w.writeFileEntry(row)
            }
        }
        for row in rows(.exportedType) {
            attempt(".class extern", token: MetadataToken(.exportedType, row), indent: 0) { (w) throws(MetadataError) in
                try w.writeExportedType(row)
            }
        }
        for row in rows(.manifestResource) {
            attempt(".mresource", token: MetadataToken(.manifestResource, row), indent: 0) { (w) throws(MetadataError) in
                try w.writeResource(row)
            }
        }
        // II.25.3.3.1 runtime flags and II.25.2.3.2 subsystem, as ilasm's image directives.
        out.write(".subsystem ")
        out.hex0x(UInt64(file.pe.subsystem), digits: 4)
        out.newline()
        out.write(".corflags ")
        out.hex0x(UInt64(file.cliHeader.flags & ~CLIHeader.strongNameSigned), digits: 8)
        out.newline()
        out.newline()
        out.flushIfFull()
    }

    /// Row numbers 1…n of a table (empty when it has none).
    func rows(_ table: TableID) -> StrideThrough<UInt32> {
        stride(from: 1, through: file.rowCount(table), by: 1)
    }

    /// `.ver a:b:c:d` (II.6.2.1.4).
    mutating func writeVersion(_ v: AssemblyVersion, indent: Int) {
        out.indent(indent)
        out.write(".ver ")
        out.decimal(Int(v.major)); out.byte(UInt8(ascii: ":"))
        out.decimal(Int(v.minor)); out.byte(UInt8(ascii: ":"))
        out.decimal(Int(v.build)); out.byte(UInt8(ascii: ":"))
        out.decimal(Int(v.revision))
        out.newline()
    }

    mutating func writeLocale(_ culture: UInt32, indent: Int) throws(MetadataError) {
        let text = try file.strings.utf8(culture)
        guard !text.isEmpty else { return }
        out.indent(indent)
        out.write(".locale ")
        Identifier.doubleQuoted(text, to: &out)
        out.newline()
    }

    /// II.6.3 `.assembly extern`, with `.publickeytoken` (or the full `.publickey` when the
    /// row's flag 0x0001 says it holds one) and `.hash`.
    mutating func writeAssemblyRef(_ row: UInt32) throws(MetadataError) {
        let ref = try file.assemblyRef(row)
        out.write(".assembly extern ")
        if ref.flags & 0x100 != 0 { out.write("retargetable ") }
        out.write(try names.assemblyRefName(row))
        out.newline()
        out.byte(UInt8(ascii: "{"))
        out.newline()
        writeCustomAttributes(of: MetadataToken(.assemblyRef, row), indent: 2)
        writeVersion(ref.version, indent: 2)
        if ref.publicKeyOrToken != 0 {
            out.write(ref.flags & 0x1 != 0 ? "  .publickey = " : "  .publickeytoken = ")
            try writeBlob(ref.publicKeyOrToken, indent: 2)
            out.newline()
        }
        try writeLocale(ref.culture, indent: 2)
        if ref.hashValue != 0 {
            out.write("  .hash = ")
            try writeBlob(ref.hashValue, indent: 2)
            out.newline()
        }
        out.byte(UInt8(ascii: "}"))
        out.newline()
    }

    /// II.6.2 `.assembly` with its attributes, hash algorithm, version, key and culture.
    mutating func writeAssembly() throws(MetadataError) {
        let a = try file.assembly(1)
        out.write(".assembly ")
        if a.flags & 0x100 != 0 { out.write("retargetable ") }
        Identifier.writeDotted(try file.strings.utf8(a.name), to: &out)
        out.newline()
        out.byte(UInt8(ascii: "{"))
        out.newline()
        writeCustomAttributes(of: MetadataToken(.assembly, 1), indent: 2)
        writeSecurity(of: MetadataToken(.assembly, 1), indent: 2)
        out.write("  .hash algorithm ")
        out.hex0x(UInt64(a.hashAlgorithm), digits: 8)
        out.newline()
        writeVersion(a.version, indent: 2)
        if a.publicKey != 0 {
            out.write("  .publickey = ")
            try writeBlob(a.publicKey, indent: 2)
            out.newline()
        }
        try writeLocale(a.culture, indent: 2)
        out.byte(UInt8(ascii: "}"))
        out.newline()
    }

    /// II.6.5 `.file [nometadata] name .hash = (…) [.entrypoint]`.
    mutating func writeFileEntry(_ row: UInt32) throws(MetadataError) {
        let f = try file.file(row)
        out.write(".file ")
        if f.flags & 0x1 != 0 { out.write("nometadata ") }
        Identifier.writeDotted(try file.strings.utf8(f.name), to: &out)
        if f.hashValue != 0 {
            out.write(" .hash = ")
            try writeBlob(f.hashValue, indent: 2)
        }
        if file.cliHeader.entryPointToken == MetadataToken(.file, row).value {
            out.write(" .entrypoint")
        }
        out.newline()
    }

    /// II.6.8 `.class extern [forwarder] public Ns.T { .assembly extern A }` (exported and
    /// forwarded types).
    mutating func writeExportedType(_ row: UInt32) throws(MetadataError) {
        let e = try file.exportedType(row)
        out.write(".class extern ")
        FlagsText.write(e.flags, FlagsText.exportedType, to: &out)
        let ns = try file.strings.utf8(e.namespace)
        let name = try file.strings.utf8(e.name)
        Identifier.writeDotted(ns.isEmpty ? name : ns + [UInt8(ascii: ".")] + name, to: &out)
        out.newline()
        out.byte(UInt8(ascii: "{"))
        out.newline()
        let impl = e.implementation
        switch impl.table {
        case .assemblyRef? where !impl.isNil:
            out.write("  .assembly extern ")
            out.write(try names.assemblyRefName(impl.row))
            out.newline()
        case .file? where !impl.isNil:
            out.write("  .file ")
            Identifier.writeDotted(try file.strings.utf8(try file.file(impl.row).name), to: &out)
            out.newline()
        case .exportedType? where !impl.isNil:
            let outer = try file.exportedType(impl.row)
            let ons = try file.strings.utf8(outer.namespace)
            let oname = try file.strings.utf8(outer.name)
            out.write("  .class extern ")
            Identifier.writeDotted(ons.isEmpty ? oname : ons + [UInt8(ascii: ".")] + oname, to: &out)
            out.newline()
        default:
            break
        }
        writeCustomAttributes(of: MetadataToken(.exportedType, row), indent: 2)
        out.byte(UInt8(ascii: "}"))
        out.newline()
    }

    /// II.6.2.2 manifest resources, as a comment: Mono's ilasm embeds a resource by reading a
    /// file of that name, which a disassembly does not write out.
    mutating func writeResource(_ row: UInt32) throws(MetadataError) {
        let r = try file.manifestResource(row)
        out.write("// .mresource ")
        out.write(r.flags & 0x7 == 0x1 ? "public " : "private ")
        Identifier.quoted(try file.strings.utf8(r.name), to: &out)
        if r.implementation.isNil {
            // II.22.24: embedded in this image at Resources.rva + offset, length-prefixed.
            let base = UInt64(file.cliHeader.resources.rva) + UInt64(r.offset)
            if base <= UInt64(UInt32.max), var reader = try? file.pe.reader(atRVA: UInt32(base), size: 4, what: "resource"),
               let length = try? reader.u32() {
                out.write(" // embedded, ")
                out.decimal(Int(length))
                out.write(" bytes, not written")
            } else {
                out.write(" // embedded, outside the image")
            }
        } else {
            out.write(" // in ")
            out.write(string: r.implementation.description)
        }
        out.newline()
    }
}
