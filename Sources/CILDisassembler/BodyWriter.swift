import CILInstructions
import CILMetadata

/// Method bodies (II.25.4): `.maxstack`, `.locals`, one labelled line per instruction, then the
/// exception clauses in ilasm's label form (II.19, VI.C `.try IL_a to IL_b catch T handler …`).
///
/// Every instruction gets a label `IL_xxxx:` (its offset, four lowercase hex digits), so
/// branches, `switch` tables and EH clauses can all name their offsets. The clause form keeps
/// the clause table exactly as stored — same order, any nesting, even overlapping shapes that
/// no block structure can express — so it re-assembles to the same table.
extension TextWriter {
    static let mnemonics: [[UInt8]] = Opcode.all.map { Array($0.mnemonic.utf8) }

    /// Writes the body of MethodDef `row` from `.maxstack` to the last EH clause.
    mutating func writeBody(_ body: MethodBody, methodRow: UInt32, indent: Int) {
        let methodToken = MetadataToken(.methodDef, methodRow)
        out.indent(indent)
        out.write("// code size ")
        out.decimal(body.codeSize)
        out.newline()
        out.indent(indent)
        out.write(".maxstack ")
        out.decimal(body.maxStack)
        out.newline()
        if !body.localSignature.isNil {
            attempt("locals", token: methodToken, indent: indent) { (w) throws(MetadataError) in
                try w.writeLocals(body, indent: indent)
            }
        }

        // Decode everything first: labels for branch targets past the last instruction and
        // checks of every target need the full list of instruction starts.
        instructions.removeAll(keepingCapacity: true)
        var decodeError: ILDecodingError?
        let range = body.codeRange
        if range.lowerBound < 0 || range.upperBound > file.bytes.count {
            report("method body", token: methodToken, "code range leaves the file", indent: indent)
            return
        }
        file.bytes.withUnsafeBytes { raw in
            let code = UnsafeRawBufferPointer(rebasing: raw[range])
            var offset = 0
            while offset < code.count {
                do throws(ILDecodingError) {
                    let ins = try ILDecoder.decodeInstruction(at: offset, in: code)
                    instructions.append(ins)
                    offset = ins.nextOffset
                } catch {
                    decodeError = error
                    break
                }
            }
        }

        // Targets that are not instruction starts: the end of the code gets a label of its own
        // (a clause or `leave` may point there); anything else is malformed.
        let codeSize = body.codeSize
        var needsEndLabel = false
        var badTargets: [(from: Int, target: Int)] = []
        func check(_ target: Int, from: Int) {
            if target == codeSize { needsEndLabel = true; return }
            if !isInstructionStart(target) { badTargets.append((from, target)) }
        }
        for ins in instructions {
            switch ins.operand {
            case .branchTarget(let t): check(t, from: ins.offset)
            case .switchTargets(let ts): for t in ts { check(t, from: ins.offset) }
            default: break
            }
        }
        for c in body.exceptionClauses {
            for t in [c.tryOffset, c.tryEnd, c.handlerOffset, c.handlerEnd] + (c.kind == .filter ? [c.filterOffset] : []) {
                check(t, from: -1)
            }
        }
        for bad in badTargets.prefix(16) {
            report("branch target", token: methodToken, ilOffset: bad.from >= 0 ? bad.from : nil,
                   "IL offset \(bad.target) is not the start of an instruction (code size \(codeSize))", indent: indent)
        }

        for i in instructions.indices {
            out.indent(indent)
            writeInstruction(instructions[i], methodToken: methodToken, indent: indent)
            out.newline()
        }
        if let decodeError {
            report("instruction", token: methodToken, ilOffset: decodeError.offset, decodeError.message, indent: indent)
        }
        if needsEndLabel {
            out.indent(indent)
            out.label(codeSize)
            out.byte(UInt8(ascii: ":"))
            out.newline()
        }
        for clause in body.exceptionClauses {
            attempt("exception clause", token: methodToken, indent: indent) { (w) throws(MetadataError) in
                w.out.indent(indent)
                try w.writeClause(clause)
                w.out.newline()
            }
        }
    }

    /// Binary search in the decoded (offset-ordered) instruction list.
    func isInstructionStart(_ offset: Int) -> Bool {
        var lo = 0, hi = instructions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let o = instructions[mid].offset
            if o == offset { return true }
            if o < offset { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// `.locals init (int32 V_0, string V_1)` (II.15.4.1.3).
    mutating func writeLocals(_ body: MethodBody, indent: Int) throws(MetadataError) {
        let token = body.localSignature
        guard token.table == .standAloneSig else {
            throw MetadataError(.invalidValue, "local signature token \(token) is not a StandAloneSig")
        }
        let blob = try file.standAloneSig(token.row).signature
        let types = try names.decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.localSignature(blob: blob) }
        out.indent(indent)
        out.write(body.initLocals ? ".locals init (" : ".locals (")
        for (i, t) in types.enumerated() {
            if i > 0 {
                out.byte(UInt8(ascii: ","))
                out.newline()
                out.indent(indent + 4)
            }
            out.write(t.bytes)
            out.write(" V_")
            out.decimal(i)
        }
        out.byte(UInt8(ascii: ")"))
        out.newline()
    }

    /// `.try IL_a to IL_b catch T handler IL_c to IL_d` and the filter/finally/fault forms.
    mutating func writeClause(_ c: ExceptionClause) throws(MetadataError) {
        out.write(".try ")
        out.label(c.tryOffset)
        out.write(" to ")
        out.label(c.tryEnd)
        switch c.kind {
        case .exception:
            out.write(" catch ")
            out.write(try names.catchTypeForm(c.catchType))
        case .filter:
            out.write(" filter ")
            out.label(c.filterOffset)
        case .finally:
            out.write(" finally")
        case .fault:
            out.write(" fault")
        }
        out.write(" handler ")
        out.label(c.handlerOffset)
        out.write(" to ")
        out.label(c.handlerEnd)
    }

    /// One instruction: `IL_0005:  call instance void [mscorlib]System.Object::.ctor()`.
    /// An operand that cannot be named is replaced by a comment and a diagnostic.
    mutating func writeInstruction(_ ins: Instruction, methodToken: MetadataToken?, indent: Int) {
        out.label(ins.offset)
        out.write(":  ")
        if ins.opcode.value == 0xFE19, case .int(let v) = ins.operand {
            // III.2.2 `no.` has no spelling in Mono's ilasm; its bytes go in as they are.
            out.write(".emitbyte 0xFE .emitbyte 0x19 .emitbyte ")
            out.hex0x(UInt64(UInt8(truncatingIfNeeded: v)), digits: 2)
            out.write(" // no. ")
            out.decimal(v)
            return
        }
        out.write(TextWriter.mnemonics[Int(ins.opcode.index)])
        if ins.operand != .none { out.byte(0x20) }
        writeOperand(ins, methodToken: methodToken, indent: indent)
    }

    /// The operand of `ins` as ilasm writes it (nothing for `.none`).
    mutating func writeOperand(_ ins: Instruction, methodToken: MetadataToken?, indent: Int) {
        switch ins.operand {
        case .none:
            break
        case .int(let v):
            out.decimal(v)
        case .float32Bits(let bits):
            writeFloat32(bits)
        case .float64Bits(let bits):
            writeFloat64(bits)
        case .branchTarget(let t):
            out.label(t)
        case .variable(let v):
            out.decimal(Int(v))
        case .switchTargets(let targets):
            out.byte(UInt8(ascii: "("))
            for (i, t) in targets.enumerated() {
                if i > 0 { out.write(", ") }
                out.label(t)
            }
            out.byte(UInt8(ascii: ")"))
        case .token(let raw):
            let mark = out.mark
            do {
                try writeTokenOperand(MetadataToken(raw), kind: ins.opcode.operandKind, indent: indent)
            } catch {
                out.rewind(to: mark)
                let diagnostic = DisassemblyDiagnostic(token: methodToken, ilOffset: ins.offset,
                                                       item: "operand \(MetadataToken(raw)) of \(ins.opcode.mnemonic)", message: error.description)
                diagnostics.append(diagnostic)
                out.write("// cilbox: ")
                for b in diagnostic.description.utf8 { out.byte(b == 0x0A || b == 0x0D ? 0x20 : b) }
            }
        }
    }

    /// III.1.9 token operands, each in the form its instruction takes in ilasm.
    mutating func writeTokenOperand(_ token: MetadataToken, kind: OperandKind, indent: Int) throws(MetadataError) {
        switch kind {
        case .method:
            out.write(try names.method(token))
        case .field:
            out.write(try names.field(token))
        case .type:
            out.write(try names.typeSpecForm(token))
        case .string:
            guard token.tableNumber == MetadataToken.userStringTable else {
                throw MetadataError(.invalidValue, "ldstr operand \(token) is not a #US token")
            }
            StringLiteral.write(try file.userStrings.utf16(token.row), to: &out, indent: indent + 2)
        case .signature:
            guard token.table == .standAloneSig else {
                throw MetadataError(.invalidValue, "calli operand \(token) is not a StandAloneSig")
            }
            out.write(try names.standAloneMethodSignature(token.row))
        case .token:
            // II.15.4.1 / VI.C: `ldtoken` says which kind of member it loads.
            switch token.table {
            case .methodDef?, .methodSpec?:
                out.write("method ")
                out.write(try names.method(token))
            case .field?:
                out.write("field ")
                out.write(try names.field(token))
            case .memberRef?:
                if try names.memberRefIsField(token.row) {
                    out.write("field ")
                    out.write(try names.memberRefField(token.row))
                } else {
                    out.write("method ")
                    out.write(try names.memberRefMethod(token.row).bytes)
                }
            default:
                out.write(try names.typeSpecForm(token))
            }
        default:
            throw MetadataError(.invalidValue, "token operand for operand kind \(kind)")
        }
    }

    /// `float32(0xXXXXXXXX)` is exact for every value but NaN: Mono's ilasm turns the bits
    /// into a number first and loses NaN payloads and signs. A NaN is written as its four
    /// little-endian bytes `(01 00 C0 FF)`, which ilasm stores untouched.
    mutating func writeFloat32(_ bits: UInt32) {
        if bits & 0x7F80_0000 == 0x7F80_0000 && bits & 0x007F_FFFF != 0 {
            writeFloatBytes(UInt64(bits), count: 4)
        } else {
            out.write("float32(")
            out.hex0x(UInt64(bits), digits: 8)
            out.byte(UInt8(ascii: ")"))
        }
    }

    mutating func writeFloat64(_ bits: UInt64) {
        if bits & 0x7FF0_0000_0000_0000 == 0x7FF0_0000_0000_0000 && bits & 0x000F_FFFF_FFFF_FFFF != 0 {
            writeFloatBytes(bits, count: 8)
        } else {
            out.write("float64(")
            out.hex0x(bits, digits: 16)
            out.byte(UInt8(ascii: ")"))
        }
    }

    private mutating func writeFloatBytes(_ bits: UInt64, count: Int) {
        out.byte(UInt8(ascii: "("))
        for i in 0 ..< count {
            if i > 0 { out.byte(0x20) }
            out.hexByte(UInt8(truncatingIfNeeded: bits >> UInt64(i * 8)))
        }
        out.byte(UInt8(ascii: ")"))
    }
}
