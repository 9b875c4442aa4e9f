import CILMetadata

/// Method definitions (II.15.4): the header with flags, calling convention, return type,
/// parameters and implementation flags, then the directives inside the braces.
extension TextWriter {
    /// Writes MethodDef `row` completely; a failure anywhere replaces the method by a comment.
    mutating func writeMethod(_ row: UInt32, overrides: [MetadataToken], indent: Int) {
        let token = MetadataToken(.methodDef, row)
        attempt("method", token: token, indent: indent) { (w) throws(MetadataError) in
            try w.writeMethodUnchecked(row, overrides: overrides, indent: indent)
        }
        out.flushIfFull()
    }

    private mutating func writeMethodUnchecked(_ row: UInt32, overrides: [MetadataToken], indent: Int) throws(MetadataError) {
        let token = MetadataToken(.methodDef, row)
        let def = try file.methodDef(row)
        let sig = try names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.methodSignature(blob: def.signature) }
        let flags = UInt32(def.flags)

        // Param rows by sequence number (II.22.33: 0 is the return value).
        let paramCount = sig.parameterTypes.count
        var paramRows = [UInt32](repeating: 0, count: paramCount + 1)
        for p in index.paramRows(of: row) {
            let seq = Int(try file.param(p).sequence)
            if seq <= paramCount && paramRows[seq] == 0 { paramRows[seq] = p }
        }

        // .method flags [pinvokeimpl(…)]
        out.indent(indent)
        out.write(".method ")
        FlagsText.write(flags, FlagsText.method, to: &out)
        if flags & 0x2000 != 0 {
            try writePInvoke(token)
        }
        // callConv ret [marshal(…)] name<generics>(params) implFlags, on the same line.
        FlagsText.callingConvention(sig.header.rawValue, to: &out)
        out.write(sig.returnType.bytes)
        if paramRows[0] != 0 {
            writeMarshal(of: MetadataToken(.param, paramRows[0]))
        }
        out.byte(0x20)
        TokenNames.writeMethodName(try file.strings.utf8(def.name), to: &out)
        try writeGenericParameters(of: token, indent: indent + 2)
        out.byte(UInt8(ascii: "("))
        for i in 0 ..< paramCount {
            if i > 0 { out.write(", ") }
            let prow = paramRows[i + 1]
            if prow != 0 {
                FlagsText.write(UInt32(try file.param(prow).flags), FlagsText.param, to: &out)
            }
            out.write(sig.parameterTypes[i].bytes)
            if prow != 0 {
                writeMarshal(of: MetadataToken(.param, prow))
                let name = try file.strings.utf8(try file.param(prow).name)
                if !name.isEmpty {
                    out.byte(0x20)
                    Identifier.write(name, to: &out)
                }
            }
        }
        out.byte(UInt8(ascii: ")"))
        FlagsText.writeLeadingSpace(UInt32(def.implFlags), FlagsText.methodImpl, to: &out)
        out.newline()

        out.indent(indent)
        out.byte(UInt8(ascii: "{"))
        out.newline()
        let inner = indent + 2
        writeCustomAttributes(of: token, indent: inner)
        writeSecurity(of: token, indent: inner)
        for decl in overrides {
            attempt(".override", token: token, indent: inner) { (w) throws(MetadataError) in
                w.out.indent(inner)
                w.out.write(".override method ")
                w.out.write(try w.names.overriddenMethod(decl))
                w.out.newline()
            }
        }
        // .param [n] for the return value and parameters that carry a default or attributes.
        for (seq, prow) in paramRows.enumerated() where prow != 0 {
            let ptoken = MetadataToken(.param, prow)
            let constant = index.constants[ptoken]
            let attributes = index.attributes(of: ptoken)
            guard constant != nil || !attributes.isEmpty else { continue }
            attempt("parameter \(seq)", token: ptoken, indent: inner) { (w) throws(MetadataError) in
                w.out.indent(inner)
                w.out.write(".param [")
                w.out.decimal(seq)
                w.out.byte(UInt8(ascii: "]"))
                if let constant {
                    w.out.write(" = ")
                    try w.writeConstant(row: constant, indent: inner)
                }
                w.out.newline()
            }
            writeCustomAttributes(of: ptoken, indent: inner + 2)
        }
        writeGenericParameterAttributes(of: token, indent: inner)
        if file.entryPoint == token {
            line(".entrypoint", indent: inner)
        }
        if def.rva != 0 {
            if def.implFlags & 0x3 == 0x1 {
                // II.23.1.11: native code has no IL to show.
                line("// native code body not shown", indent: inner)
            } else {
                let mark = out.mark
                do {
                    if let body = try file.methodBody(row) {
                        writeBody(body, methodRow: row, indent: inner)
                    }
                } catch {
                    out.rewind(to: mark)
                    report("method body", token: token, error.description, indent: inner)
                }
            }
        }
        out.indent(indent)
        out.write("} // end of method ")
        TokenNames.writeMethodName(try file.strings.utf8(def.name), to: &out)
        out.newline()
        out.newline()
    }

    /// `pinvokeimpl("lib" as "entry" cdecl …)` from the method's ImplMap row (II.15.5.2).
    mutating func writePInvoke(_ member: MetadataToken) throws(MetadataError) {
        out.write("pinvokeimpl(")
        if let mapRow = index.implMaps[member] {
            let map = try file.implMap(mapRow)
            let module = try file.strings.utf8(try file.moduleRef(map.importScope).name)
            Identifier.doubleQuoted(module, to: &out)
            out.write(" as ")
            Identifier.doubleQuoted(try file.strings.utf8(map.importName), to: &out)
            FlagsText.writeLeadingSpace(UInt32(map.flags), FlagsText.pinvoke, to: &out)
        }
        out.write(") ")
    }

    /// `<+ class .ctor (class [mscorlib]System.IComparable) T, U>` (II.10.1.7, II.15.4.1).
    mutating func writeGenericParameters(of owner: MetadataToken, indent: Int) throws(MetadataError) {
        let params = index.genericParameterRows(of: owner)
        guard !params.isEmpty else { return }
        out.byte(UInt8(ascii: "<"))
        for (i, p) in params.enumerated() {
            if i > 0 { out.write(", ") }
            let gp = try file.genericParam(p)
            FlagsText.write(UInt32(gp.flags), FlagsText.genericParam, to: &out)
            if let constraints = index.genericParamConstraints[p], !constraints.isEmpty {
                out.byte(UInt8(ascii: "("))
                for (j, c) in constraints.enumerated() {
                    if j > 0 { out.write(", ") }
                    out.write(try names.typeForm(try file.genericParamConstraint(c).constraint))
                }
                out.write(") ")
            }
            let name = try file.strings.utf8(gp.name)
            if name.isEmpty {
                // ilasm needs a name; the number keeps the parameter's identity.
                out.write("'!")
                out.decimal(Int(gp.number))
                out.byte(UInt8(ascii: "'"))
            } else {
                Identifier.write(name, to: &out)
            }
        }
        out.byte(UInt8(ascii: ">"))
    }

    /// `.param type [n]` followed by the attributes of each generic parameter that has some.
    mutating func writeGenericParameterAttributes(of owner: MetadataToken, indent: Int) {
        for (i, p) in index.genericParameterRows(of: owner).enumerated() {
            let gtoken = MetadataToken(.genericParam, p)
            guard !index.attributes(of: gtoken).isEmpty else { continue }
            out.indent(indent)
            // Mono's ilasm numbers generic parameters from 1 here.
            out.write(".param type [")
            out.decimal(i + 1)
            out.byte(UInt8(ascii: "]"))
            out.newline()
            writeCustomAttributes(of: gtoken, indent: indent + 2)
        }
    }
}
