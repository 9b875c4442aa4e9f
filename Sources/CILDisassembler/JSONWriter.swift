import CILInstructions
import CILMetadata

/// The JSON form: assembly, references, types with their fields and methods, each method's
/// instructions (offset, mnemonic, operand text as in the ilasm text) and EH clauses, and the
/// diagnostics. Keys always come in the same order.
struct JSONWriter {
    var json: JSONEmitter
    /// Renders names, operands and signatures; its buffer is a scratch that is emptied after
    /// each piece. Its diagnostics are the run's diagnostics.
    var text: TextWriter

    init(names: TokenNames, options: DisassemblyOptions, sink: @escaping OutputSink) {
        json = JSONEmitter(out: OutputBuffer(sink: sink))
        text = TextWriter(names: names, options: options, buffer: OutputBuffer(scratchCapacity: 256))
    }

    var file: CLIFile { text.file }
    var index: MetadataIndex { text.index }

    /// Renders with `body` into the scratch buffer and returns the bytes (nil if it threw,
    /// after recording a diagnostic).
    mutating func render(_ what: String, token: MetadataToken?, _ body: (inout TextWriter) throws(MetadataError) -> Void) -> [UInt8]? {
        text.out.truncateAll()
        do {
            try body(&text)
            let bytes = text.out.bytes
            text.out.truncateAll()
            return bytes
        } catch {
            text.out.truncateAll()
            text.diagnostics.append(DisassemblyDiagnostic(token: token, item: what, message: error.description))
            return nil
        }
    }

    mutating func stringOrNull(_ bytes: [UInt8]?) {
        if let bytes { json.string(bytes) } else { json.null() }
    }

    /// Flag words without the trailing space.
    mutating func flags(_ value: UInt32, _ table: [FlagsText.Entry]) {
        var bytes = render("flags", token: nil) { (w) throws(MetadataError) in FlagsText.write(value, table, to: &w.out) } ?? []
        while bytes.last == 0x20 { bytes.removeLast() }
        json.string(bytes)
    }

    mutating func writeFile(loadProblems: [DisassemblyDiagnostic]) {
        json.beginObject()
        json.key("format"); json.string("cilbox-disassembly-1")
        writeModuleAndAssembly()
        json.key("types"); json.arrayValue()
        let typeCount = file.rowCount(.typeDef)
        let filter = text.options.typeFilter.map { $0.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "/") : $0 } }
        for row in stride(from: UInt32(1), through: typeCount, by: 1) {
            if let filter, text.plainName(of: row) != filter { continue }
            if text.options.methodFilter != nil && !text.hasMethod(named: text.options.methodFilter, in: row) { continue }
            writeType(row)
            json.out.newline()
            json.out.flushIfFull()
        }
        json.endArray()
        json.key("diagnostics"); json.arrayValue()
        for d in loadProblems + text.diagnostics {
            json.objectValue()
            json.key("token"); if let t = d.token { json.token(t) } else { json.null() }
            json.key("ilOffset"); if let o = d.ilOffset { json.int(o) } else { json.null() }
            json.key("item"); json.string(d.item)
            json.key("message"); json.string(d.message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.out.newline()
        json.out.flush()
    }

    mutating func writeModuleAndAssembly() {
        json.key("module")
        if let module = try? file.module(1), let name = try? file.strings.utf8(module.name) {
            json.objectValue()
            json.key("name"); json.string(name)
            json.key("mvid")
            if let g = try? file.guids.guid(module.mvid) { json.string(GuidHeap.format(g)) } else { json.null() }
            json.endObject()
        } else {
            json.null()
        }
        json.key("assembly")
        if file.rowCount(.assembly) > 0, let a = try? file.assembly(1), let name = try? file.strings.utf8(a.name) {
            json.objectValue()
            json.key("name"); json.string(name)
            json.key("version"); json.string(a.version.dotted)
            json.key("culture"); json.string((try? file.strings.utf8(a.culture)) ?? [])
            json.key("flags"); json.int(Int(a.flags))
            json.key("hashAlgorithm"); json.int(Int(a.hashAlgorithm))
            json.key("publicKey"); hexOrNull(a.publicKey)
            json.endObject()
        } else {
            json.null()
        }
        json.key("references"); json.arrayValue()
        for row in stride(from: UInt32(1), through: file.rowCount(.assemblyRef), by: 1) {
            guard let r = try? file.assemblyRef(row) else {
                text.diagnostics.append(DisassemblyDiagnostic(token: MetadataToken(.assemblyRef, row), item: "assembly reference", message: "row unreadable"))
                continue
            }
            json.objectValue()
            json.key("name"); json.string((try? file.strings.utf8(r.name)) ?? [])
            json.key("version"); json.string(r.version.dotted)
            json.key("culture"); json.string((try? file.strings.utf8(r.culture)) ?? [])
            json.key("flags"); json.int(Int(r.flags))
            json.key(r.flags & 1 != 0 ? "publicKey" : "publicKeyToken"); hexOrNull(r.publicKeyOrToken)
            json.endObject()
        }
        json.endArray()
        json.key("moduleReferences"); json.arrayValue()
        for row in stride(from: UInt32(1), through: file.rowCount(.moduleRef), by: 1) {
            json.string((try? file.strings.utf8(try file.moduleRef(row).name)) ?? [])
        }
        json.endArray()
        json.key("entryPoint")
        if let e = file.entryPoint { json.token(e) } else { json.null() }
    }

    /// Lowercase hex of a blob, or null for none.
    mutating func hexOrNull(_ blob: UInt32) {
        guard blob != 0, let bytes = try? file.blobs.bytes(blob) else { json.null(); return }
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes.count * 2)
        for b in bytes {
            hex.append(OutputBuffer.hexDigitsLower[Int(b >> 4)])
            hex.append(OutputBuffer.hexDigitsLower[Int(b & 0xF)])
        }
        json.string(hex)
    }

    mutating func writeType(_ row: UInt32) {
        let token = MetadataToken(.typeDef, row)
        json.objectValue()
        json.key("token"); json.token(token)
        json.key("name"); json.string(text.plainName(of: row))
        guard let def = try? file.typeDef(row) else {
            text.diagnostics.append(DisassemblyDiagnostic(token: token, item: "class header", message: "row unreadable"))
            json.endObject()
            return
        }
        json.key("flags"); flags(def.flags, FlagsText.type)
        json.key("extends")
        if def.extends.isNil { json.null() } else {
            stringOrNull(render("extends", token: token) { (w) throws(MetadataError) in w.out.write(try w.names.typeSpecForm(def.extends)) })
        }
        json.key("interfaces"); json.arrayValue()
        for impl in index.interfaces[row] ?? [] {
            stringOrNull(render("interface", token: token) { (w) throws(MetadataError) in
                w.out.write(try w.names.typeSpecForm(try w.file.interfaceImpl(impl).interface))
            })
        }
        json.endArray()
        json.key("genericParameters")
        if index.genericParameterRows(of: token).isEmpty { json.null() } else {
            stringOrNull(render("generic parameters", token: token) { (w) throws(MetadataError) in try w.writeGenericParameters(of: token, indent: 0) })
        }
        json.key("enclosing")
        let enclosing = index.enclosingType(of: row)
        if enclosing == 0 { json.null() } else { json.token(MetadataToken(.typeDef, enclosing)) }

        json.key("fields"); json.arrayValue()
        if text.options.methodFilter == nil {
            for f in index.fieldRows(of: row) { writeField(f) }
        }
        json.endArray()
        json.key("methods"); json.arrayValue()
        for m in index.methodRows(of: row) {
            if let filter = text.options.methodFilter {
                guard let name = try? file.strings.utf8(try file.methodDef(m).name), name.elementsEqual(filter.utf8) else { continue }
            }
            writeMethod(m)
            json.out.flushIfFull()
        }
        json.endArray()
        json.key("properties"); json.arrayValue()
        if text.options.methodFilter == nil {
            for p in index.propertyRowList(of: row) {
                json.objectValue()
                json.key("token"); json.token(MetadataToken(.property, p))
                json.key("text")
                stringOrNull(render("property", token: MetadataToken(.property, p)) { (w) throws(MetadataError) in
                    try w.writeProperty(p, indent: 0)
                })
                json.endObject()
            }
        }
        json.endArray()
        json.key("events"); json.arrayValue()
        if text.options.methodFilter == nil {
            for e in index.eventRowList(of: row) {
                json.objectValue()
                json.key("token"); json.token(MetadataToken(.event, e))
                json.key("text")
                stringOrNull(render("event", token: MetadataToken(.event, e)) { (w) throws(MetadataError) in
                    try w.writeEvent(e, indent: 0)
                })
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
    }

    mutating func writeField(_ row: UInt32) {
        let token = MetadataToken(.field, row)
        json.objectValue()
        json.key("token"); json.token(token)
        if let def = try? file.field(row) {
            json.key("name"); json.string((try? file.strings.utf8(def.name)) ?? [])
            json.key("flags"); flags(UInt32(def.flags), FlagsText.field)
            json.key("type")
            stringOrNull(render("field type", token: token) { (w) throws(MetadataError) in
                let type = try w.names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.fieldSignature(blob: def.signature) }
                w.out.write(type.bytes)
            })
            json.key("value")
            if let c = index.constants[token] {
                stringOrNull(render("constant", token: token) { (w) throws(MetadataError) in try w.writeConstant(row: c, indent: 0) })
            } else {
                json.null()
            }
        } else {
            text.diagnostics.append(DisassemblyDiagnostic(token: token, item: "field", message: "row unreadable"))
        }
        json.endObject()
    }

    mutating func writeMethod(_ row: UInt32) {
        let token = MetadataToken(.methodDef, row)
        json.objectValue()
        json.key("token"); json.token(token)
        guard let def = try? file.methodDef(row) else {
            text.diagnostics.append(DisassemblyDiagnostic(token: token, item: "method", message: "row unreadable"))
            json.endObject()
            return
        }
        json.key("name"); json.string((try? file.strings.utf8(def.name)) ?? [])
        json.key("flags"); flags(UInt32(def.flags), FlagsText.method)
        json.key("implFlags"); flags(UInt32(def.implFlags), FlagsText.methodImpl)
        json.key("signature")
        stringOrNull(render("method signature", token: token) { (w) throws(MetadataError) in w.out.write(try w.names.methodDef(row).bytes) })
        json.key("rva"); json.int(Int(def.rva))

        let body: MethodBody?
        do { body = try file.methodBody(row) } catch {
            text.diagnostics.append(DisassemblyDiagnostic(token: token, item: "method body", message: error.description))
            body = nil
        }
        json.key("body")
        guard let body, def.implFlags & 0x3 != 0x1 else {
            json.null()
            json.endObject()
            return
        }
        json.objectValue()
        json.key("codeSize"); json.int(body.codeSize)
        json.key("maxStack"); json.int(body.maxStack)
        json.key("initLocals"); json.bool(body.initLocals)
        json.key("locals"); json.arrayValue()
        if !body.localSignature.isNil {
            let types = render("locals", token: token) { (w) throws(MetadataError) in
                guard body.localSignature.table == .standAloneSig else {
                    throw MetadataError(.invalidValue, "local signature token \(body.localSignature) is not a StandAloneSig")
                }
                let blob = try w.file.standAloneSig(body.localSignature.row).signature
                let types = try w.names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.localSignature(blob: blob) }
                for (i, t) in types.enumerated() {
                    if i > 0 { w.out.byte(0) }
                    w.out.write(t.bytes)
                }
            }
            if let types, !types.isEmpty {
                for t in types.split(separator: 0, omittingEmptySubsequences: false) { json.string(t) }
            }
        }
        json.endArray()
        json.key("instructions"); json.arrayValue()
        if body.codeRange.upperBound <= file.bytes.count {
            var offset = 0
            var decoded: [Instruction] = []
            var failure: ILDecodingError?
            file.bytes.withUnsafeBytes { raw in
                let code = UnsafeRawBufferPointer(rebasing: raw[body.codeRange])
                while offset < code.count {
                    do throws(ILDecodingError) {
                        let ins = try ILDecoder.decodeInstruction(at: offset, in: code)
                        decoded.append(ins)
                        offset = ins.nextOffset
                    } catch {
                        failure = error
                        break
                    }
                }
            }
            for ins in decoded {
                json.objectValue()
                json.key("offset"); json.int(ins.offset)
                json.key("mnemonic"); json.string(TextWriter.mnemonics[Int(ins.opcode.index)])
                json.key("operand")
                if ins.operand == .none {
                    json.null()
                } else {
                    text.out.truncateAll()
                    text.writeOperand(ins, methodToken: token, indent: 0)
                    json.string(text.out.bytes)
                    text.out.truncateAll()
                }
                json.endObject()
            }
            if let failure {
                text.diagnostics.append(DisassemblyDiagnostic(token: token, ilOffset: failure.offset, item: "instruction", message: failure.message))
            }
        }
        json.endArray()
        json.key("exceptionClauses"); json.arrayValue()
        for c in body.exceptionClauses {
            json.objectValue()
            json.key("kind")
            switch c.kind {
            case .exception: json.string("catch")
            case .filter: json.string("filter")
            case .finally: json.string("finally")
            case .fault: json.string("fault")
            }
            json.key("tryOffset"); json.int(c.tryOffset)
            json.key("tryEnd"); json.int(c.tryEnd)
            json.key("handlerOffset"); json.int(c.handlerOffset)
            json.key("handlerEnd"); json.int(c.handlerEnd)
            json.key("catchType")
            if c.kind == .exception {
                stringOrNull(render("catch type", token: token) { (w) throws(MetadataError) in w.out.write(try w.names.catchTypeForm(c.catchType)) })
            } else {
                json.null()
            }
            json.key("filterOffset")
            if c.kind == .filter { json.int(c.filterOffset) } else { json.null() }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }
}

extension Disassembler {
    /// Writes the JSON form (see `JSONWriter`) to `sink`, in chunks.
    public func writeJSON(to sink: OutputSink) {
        withoutActuallyEscaping(sink) { sink in
            var w = JSONWriter(names: names, options: options, sink: sink)
            let load = loadDiagnostics
            w.writeFile(loadProblems: load)
            diagnostics = load + w.text.diagnostics
        }
    }
}
