import CILMetadata

/// Class declarations (II.10): header, members, and nested classes inside their enclosing
/// class; fields (II.16), properties (II.17) and events (II.18).
extension TextWriter {
    /// Writes TypeDef `row` and its nested types. `methodFilter`, when set, keeps only methods
    /// of that name (and drops fields, properties and events).
    mutating func writeType(_ row: UInt32, indent: Int, depth: Int = 0, nestedTypes: Bool = true) {
        let token = MetadataToken(.typeDef, row)
        guard depth < TokenNames.maxNesting else {
            report("class", token: token, "nesting deeper than \(TokenNames.maxNesting)", indent: indent)
            return
        }
        let headerOK = attempt("class header", token: token, indent: indent) { (w) throws(MetadataError) in
            try w.writeTypeHeader(row, indent: indent)
        }
        guard headerOK else { return }
        out.flushIfFull()
        writeTypeMembers(row, indent: indent + 2)
        for nested in index.nestedTypes(of: row) where nestedTypes {
            writeType(nested, indent: indent + 2, depth: depth + 1)
        }
        out.indent(indent)
        out.write("} // end of class ")
        if let name = try? names.typeDefName(row) { out.write(name) }
        out.newline()
        out.newline()
        out.flushIfFull()
    }

    /// `.class flags name<T> extends X implements Y, Z {` and the class-level directives.
    mutating func writeTypeHeader(_ row: UInt32, indent: Int) throws(MetadataError) {
        let token = MetadataToken(.typeDef, row)
        let def = try file.typeDef(row)
        out.indent(indent)
        out.write(".class ")
        FlagsText.write(def.flags, FlagsText.type, to: &out)
        if index.enclosingType(of: row) != 0 {
            // II.10.6: a nested class is declared by its simple name inside its encloser.
            let ns = try file.strings.utf8(def.namespace)
            if ns.isEmpty {
                try writeName(def.name)
            } else {
                Identifier.writeDotted(ns + [UInt8(ascii: ".")] + (try file.strings.utf8(def.name)), to: &out)
            }
        } else {
            out.write(try names.typeDefName(row))
        }
        try writeGenericParameters(of: token, indent: indent)
        out.newline()
        if !def.extends.isNil {
            out.indent(indent + 4)
            out.write("extends ")
            out.write(try names.typeSpecForm(def.extends))
            out.newline()
        }
        if let impls = index.interfaces[row], !impls.isEmpty {
            out.indent(indent + 4)
            out.write("implements ")
            for (i, impl) in impls.enumerated() {
                if i > 0 {
                    out.byte(UInt8(ascii: ","))
                    out.newline()
                    out.indent(indent + 15)
                }
                out.write(try names.typeSpecForm(try file.interfaceImpl(impl).interface))
            }
            out.newline()
        }
        out.indent(indent)
        out.byte(UInt8(ascii: "{"))
        out.newline()
        let inner = indent + 2
        writeCustomAttributes(of: token, indent: inner)
        writeSecurity(of: token, indent: inner)
        writeGenericParameterAttributes(of: token, indent: inner)
        if let layoutRow = index.classLayouts[row] {
            let layout = try file.classLayout(layoutRow)
            // II.10.7: .pack 0 and .size 0 mean "unspecified"; the row exists for either one.
            out.indent(inner); out.write(".pack "); out.decimal(Int(layout.packingSize)); out.newline()
            out.indent(inner); out.write(".size "); out.decimal(Int(layout.classSize)); out.newline()
        }
        for impl in index.methodImpls[row] ?? [] {
            // A MethodImpl whose body is not a method of this class has no in-method
            // `.override`; the class-level `.override … with …` form crashes Mono's ilasm.
            guard let m = try? file.methodImpl(impl), m.body.table == .methodDef,
                  Int(m.body.row) < index.methodOwner.count, index.methodOwner[Int(m.body.row)] == row else {
                out.indent(inner)
                out.write("// cilbox: MethodImpl row ")
                out.decimal(Int(impl))
                out.write(" overrides with a method of another class; not written")
                out.newline()
                continue
            }
        }
    }

    /// Fields, methods, properties and events of a class (or the globals of `<Module>`).
    mutating func writeTypeMembers(_ row: UInt32, indent: Int) {
        let methodFilter = options.methodFilter
        if methodFilter == nil {
            for field in index.fieldRows(of: row) {
                writeField(field, indent: indent)
            }
        }
        // MethodImpl rows whose body is a method of this class become `.override` inside it.
        var overrides: [UInt32: [MetadataToken]] = [:]
        for impl in index.methodImpls[row] ?? [] {
            if let m = try? file.methodImpl(impl), m.body.table == .methodDef {
                overrides[m.body.row, default: []].append(m.declaration)
            }
        }
        for method in index.methodRows(of: row) {
            if let methodFilter {
                guard let name = try? file.strings.utf8(try file.methodDef(method).name),
                      name.elementsEqual(methodFilter.utf8) else { continue }
            }
            writeMethod(method, overrides: overrides[method] ?? [], indent: indent)
        }
        if methodFilter == nil {
            for property in index.propertyRowList(of: row) {
                attempt("property", token: MetadataToken(.property, property), indent: indent) { (w) throws(MetadataError) in
                    try w.writeProperty(property, indent: indent)
                }
                out.flushIfFull()
            }
            for event in index.eventRowList(of: row) {
                attempt("event", token: MetadataToken(.event, event), indent: indent) { (w) throws(MetadataError) in
                    try w.writeEvent(event, indent: indent)
                }
                out.flushIfFull()
            }
        }
    }

    /// `.field [offset] flags [marshal(…)] type name [at D_xxxxxxxx] [= value]` and its attributes.
    mutating func writeField(_ row: UInt32, indent: Int) {
        let token = MetadataToken(.field, row)
        attempt("field", token: token, indent: indent) { (w) throws(MetadataError) in
            try w.writeFieldUnchecked(row, indent: indent)
        }
        out.flushIfFull()
    }

    private mutating func writeFieldUnchecked(_ row: UInt32, indent: Int) throws(MetadataError) {
        let token = MetadataToken(.field, row)
        let def = try file.field(row)
        let type = try names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.fieldSignature(blob: def.signature) }
        out.indent(indent)
        out.write(".field ")
        if let layoutRow = index.fieldLayouts[row] {
            out.byte(UInt8(ascii: "["))
            out.decimal(Int(try file.fieldLayout(layoutRow).offset))
            out.write("] ")
        }
        FlagsText.write(UInt32(def.flags), FlagsText.field, to: &out)
        writeMarshal(of: token)
        if index.marshals[token] != nil { out.byte(0x20) }
        out.write(type.bytes)
        out.byte(0x20)
        try writeName(def.name)
        if let rvaRow = index.fieldRVAs[row] {
            let rva = try file.fieldRVA(rvaRow).rva
            out.write(" at ")
            TextWriter.writeDataLabel(rva, to: &out)
            noteData(rva: rva, fieldSignature: def.signature)
        }
        if let constant = index.constants[token] {
            out.write(" = ")
            try writeConstant(row: constant, indent: indent)
        }
        out.newline()
        // II.21: a `.custom` right after a field declaration belongs to that field.
        writeCustomAttributes(of: token, indent: indent + 2)
    }

    /// `.property [flags] [instance] type name(params) { .get … .set … .other … }` (II.17).
    mutating func writeProperty(_ row: UInt32, indent: Int) throws(MetadataError) {
        let token = MetadataToken(.property, row)
        let def = try file.property(row)
        let sig = try names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.propertySignature(blob: def.signature) }
        out.indent(indent)
        out.write(".property ")
        FlagsText.write(UInt32(def.flags), FlagsText.propertyOrEvent, to: &out)
        if sig.header.hasThis { out.write("instance ") }
        out.write(sig.returnType.bytes)
        out.byte(0x20)
        try writeName(def.name)
        SignatureText.parameterList(sig, to: &out)
        if let constant = index.constants[token] {
            out.write(" = ")
            try writeConstant(row: constant, indent: indent)
        }
        out.newline()
        out.indent(indent)
        out.byte(UInt8(ascii: "{"))
        out.newline()
        writeCustomAttributes(of: token, indent: indent + 2)
        try writeSemantics(of: token, indent: indent + 2)
        out.indent(indent)
        out.byte(UInt8(ascii: "}"))
        out.newline()
    }

    /// `.event [flags] type name { .addon … .removeon … .fire … .other … }` (II.18).
    mutating func writeEvent(_ row: UInt32, indent: Int) throws(MetadataError) {
        let token = MetadataToken(.event, row)
        let def = try file.event(row)
        out.indent(indent)
        out.write(".event ")
        FlagsText.write(UInt32(def.flags), FlagsText.propertyOrEvent, to: &out)
        if !def.type.isNil {
            out.write(try names.typeSpecForm(def.type))
            out.byte(0x20)
        }
        try writeName(def.name)
        out.newline()
        out.indent(indent)
        out.byte(UInt8(ascii: "{"))
        out.newline()
        writeCustomAttributes(of: token, indent: indent + 2)
        try writeSemantics(of: token, indent: indent + 2)
        out.indent(indent)
        out.byte(UInt8(ascii: "}"))
        out.newline()
    }

    /// The accessor methods of a property or event (II.22.28 MethodSemantics).
    private mutating func writeSemantics(of owner: MetadataToken, indent: Int) throws(MetadataError) {
        for row in index.semantics[owner] ?? [] {
            let s = try file.methodSemantics(row)
            let word: StaticString
            switch s.semantics {
            case 0x01: word = ".set "
            case 0x02: word = ".get "
            case 0x08: word = ".addon "
            case 0x10: word = ".removeon "
            case 0x20: word = ".fire "
            default: word = ".other "
            }
            out.indent(indent)
            out.write(word)
            out.write(try names.methodDef(s.method).bytes)
            out.newline()
        }
    }
}
