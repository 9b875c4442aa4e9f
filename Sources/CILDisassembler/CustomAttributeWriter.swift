import CILMetadata

/// `.custom` directives (II.21).
extension TextWriter {
    /// Every CustomAttribute row whose parent is `owner`, as
    /// `.custom instance void T::.ctor(…) = ( 01 00 … )`: the constructor by name and the value
    /// blob (II.23.3) as raw bytes, which ilasm stores unchanged.
    mutating func writeCustomAttributes(of owner: MetadataToken, indent: Int) {
        for row in index.attributes(of: owner) {
            attempt("custom attribute", token: MetadataToken(.customAttribute, row), indent: indent) { (w) throws(MetadataError) in
                try w.writeCustomAttribute(row, indent: indent)
            }
        }
    }

    mutating func writeCustomAttribute(_ row: UInt32, indent: Int) throws(MetadataError) {
        let attribute = try file.customAttribute(row)
        out.indent(indent)
        out.write(".custom ")
        out.write(try names.method(attribute.constructor))
        if attribute.value != 0 {
            out.write(" = ")
            try writeBlob(attribute.value, indent: indent)
        }
        out.newline()
    }

    /// Attributes whose owner has no place for `.custom` in ilasm's grammar (II.22.10 allows
    /// InterfaceImpl, MemberRef, TypeRef, TypeSpec, StandAloneSig, MethodSpec, File,
    /// ManifestResource, DeclSecurity, GenericParamConstraint and `<Module>` itself): listed as
    /// comments at the end, so nothing in the file goes unseen.
    mutating func writeUnplacedAttributes() {
        let placed: Set<TableID> = [.assembly, .module, .typeDef, .methodDef, .field, .param, .property, .event,
                                    .genericParam, .assemblyRef, .moduleRef, .exportedType]
        for row in stride(from: UInt32(1), through: file.rowCount(.customAttribute), by: 1) {
            guard let attribute = try? file.customAttribute(row) else { continue }
            let parent = attribute.parent
            if let table = parent.table, placed.contains(table), !(table == .typeDef && parent.row == 1) { continue }
            attempt("custom attribute", token: MetadataToken(.customAttribute, row), indent: 0) { (w) throws(MetadataError) in
                w.out.write("// cilbox: attribute of ")
                w.out.write(string: parent.table?.name ?? "table \(parent.tableNumber)")
                w.out.write(" row ")
                w.out.decimal(Int(parent.row))
                w.out.write(" (no ilasm syntax): .custom ")
                w.out.write(try w.names.method(attribute.constructor))
                if attribute.value != 0 {
                    w.out.write(" = ")
                    for b in try w.file.blobs.bytes(attribute.value) { w.out.hexByte(b); w.out.byte(0x20) }
                }
                w.out.newline()
            }
        }
    }
}
