import CILInstructions
import CILMetadata

extension Transformer {
    /// Emits internal code for one IL instruction; returns false when control cannot fall
    /// through to the next instruction (br, ret, throw, leave, switch falls through → true).
    mutating func transformInstruction(_ ins: Instruction) throws(RuntimeError) -> Bool {
        let v = ins.opcode.value
        switch v {
        case 0x00: break                                              // nop
        case 0x01: emit(.breakpoint)                                  // break
        // ldarg.0-3, ldloc.0-3, stloc.0-3
        case 0x02...0x05: try loadArgument(Int(v - 0x02))
        case 0x06...0x09: try loadLocal(Int(v - 0x06))
        case 0x0A...0x0D: try storeLocal(Int(v - 0x0A))
        case 0x0E, 0xFE09: try loadArgument(Int(try variable(ins)))   // ldarg.s, ldarg
        case 0x0F, 0xFE0A: try loadArgumentAddress(Int(try variable(ins)))
        case 0x10, 0xFE0B: try storeArgument(Int(try variable(ins)))
        case 0x11, 0xFE0C: try loadLocal(Int(try variable(ins)))
        case 0x12, 0xFE0D: try loadLocalAddress(Int(try variable(ins)))
        case 0x13, 0xFE0E: try storeLocal(Int(try variable(ins)))
        case 0x14:                                                    // ldnull
            let e = push(.object, try runtime.coreType("System.Object"))
            emit(.ldImm, a: e.offset, imm: 0)
        case 0x15...0x1E:                                             // ldc.i4.m1 … ldc.i4.8
            let e = push(.i4, nil)
            emit(.ldImm, a: e.offset, imm: Int64(v) - 0x16)
        case 0x1F, 0x20:                                              // ldc.i4.s, ldc.i4
            guard case .int(let value) = ins.operand else { throw invalid("operand") }
            let e = push(.i4, nil)
            emit(.ldImm, a: e.offset, imm: Int64(Int32(truncatingIfNeeded: value)))
        case 0x21:                                                    // ldc.i8
            guard case .int(let value) = ins.operand else { throw invalid("operand") }
            let e = push(.i8, nil)
            emit(.ldImm, a: e.offset, imm: value)
        case 0x22:                                                    // ldc.r4
            guard case .float32Bits(let bits) = ins.operand else { throw invalid("operand") }
            let e = push(.r4, nil)
            emit(.ldImm, a: e.offset, imm: Int64(bits))
        case 0x23:                                                    // ldc.r8
            guard case .float64Bits(let bits) = ins.operand else { throw invalid("operand") }
            let e = push(.r8, nil)
            emit(.ldImm, a: e.offset, imm: Int64(bitPattern: bits))
        case 0x25:                                                    // dup
            guard let t = stack.last else { throw invalid("dup on an empty stack") }
            let e = push(t.kind, t.type, size: t.size)
            emit(t.size == 8 ? .mov8 : .movN, a: e.offset, b: t.offset, imm: Int64(t.size))
        case 0x26: _ = try pop()                                      // pop
        case 0x27: try transformJump(ins); return false               // jmp
        case 0x28: try transformCall(ins, virtual: false)             // call
        case 0x29: try transformCallIndirect(ins)                     // calli
        case 0x2A: try transformReturn(); return false                // ret
        case 0x2B, 0x38:                                              // br.s, br
            emitBranch(.br, target: try target(ins))
            return false
        case 0x2C, 0x39, 0x2D, 0x3A:                                  // brfalse(.s), brtrue(.s)
            let cond = try pop()
            let op: Op = v == 0x2C || v == 0x39 ? (cond.kind == .i4 ? .brFalseI4 : .brFalse) : (cond.kind == .i4 ? .brTrueI4 : .brTrue)
            emitBranch(op, a: cond.offset, target: try target(ins))
        case 0x2E...0x37: try transformCompareBranch(Int(v - 0x2E), ins)   // beq.s … blt.un.s
        case 0x3B...0x44: try transformCompareBranch(Int(v - 0x3B), ins)   // beq … blt.un
        case 0x45:                                                    // switch
            guard case .switchTargets(let targets) = ins.operand else { throw invalid("operand") }
            let index = try pop()
            out.switchTables.append([])
            switchFixups.append((out.switchTables.count - 1, targets))
            for t in targets where savedStacks[t] == nil { savedStacks[t] = stack }
            emit(.switchTable, a: index.offset, imm: Int64(out.switchTables.count - 1))
        // ldind.*
        case 0x46: try loadIndirect("System.SByte")
        case 0x47: try loadIndirect("System.Byte")
        case 0x48: try loadIndirect("System.Int16")
        case 0x49: try loadIndirect("System.UInt16")
        case 0x4A: try loadIndirect("System.Int32")
        case 0x4B: try loadIndirect("System.UInt32")
        case 0x4C: try loadIndirect("System.Int64")
        case 0x4D: try loadIndirect("System.IntPtr")
        case 0x4E: try loadIndirect("System.Single")
        case 0x4F: try loadIndirect("System.Double")
        case 0x50: try loadIndirect("System.Object")
        // stind.*
        case 0x51: try storeIndirect("System.Object")
        case 0x52: try storeIndirect("System.SByte")
        case 0x53: try storeIndirect("System.Int16")
        case 0x54: try storeIndirect("System.Int32")
        case 0x55: try storeIndirect("System.Int64")
        case 0x56: try storeIndirect("System.Single")
        case 0x57: try storeIndirect("System.Double")
        case 0xDF: try storeIndirect("System.IntPtr")
        // Binary arithmetic (III.1.5 Table III.2).
        case 0x58 where runtime.options.injectedFault == "add" && module === runtime.program:  // test-only fault (RuntimeOptions.injectedFault)
            try binaryNumeric(i4: .subI4, i8: .subI8, r4: .subR4, r8: .subR8, pointerArithmetic: true)
        case 0x58: try binaryNumeric(i4: .addI4, i8: .addI8, r4: .addR4, r8: .addR8, pointerArithmetic: true)
        case 0x59: try binaryNumeric(i4: .subI4, i8: .subI8, r4: .subR4, r8: .subR8, pointerArithmetic: true)
        case 0x5A: try binaryNumeric(i4: .mulI4, i8: .mulI8, r4: .mulR4, r8: .mulR8)
        case 0x5B: try binaryNumeric(i4: .divI4, i8: .divI8, r4: .divR4, r8: .divR8)
        case 0x5C: try binaryNumeric(i4: .divUnI4, i8: .divUnI8, r4: nil, r8: nil)
        case 0x5D: try binaryNumeric(i4: .remI4, i8: .remI8, r4: .remR4, r8: .remR8)
        case 0x5E: try binaryNumeric(i4: .remUnI4, i8: .remUnI8, r4: nil, r8: nil)
        case 0x5F: try binaryNumeric(i4: .andI4, i8: .and8, r4: nil, r8: nil)
        case 0x60: try binaryNumeric(i4: .orI4, i8: .or8, r4: nil, r8: nil)
        case 0x61 where runtime.options.injectedFault == "xor" && module === runtime.program:  // test-only fault (RuntimeOptions.injectedFault)
            try binaryNumeric(i4: .orI4, i8: .or8, r4: nil, r8: nil)
        case 0x61: try binaryNumeric(i4: .xorI4, i8: .xor8, r4: nil, r8: nil)
        case 0x62: try shift(i4: .shlI4, i8: .shlI8)
        case 0x63: try shift(i4: .shrI4, i8: .shrI8)
        case 0x64: try shift(i4: .shrUnI4, i8: .shrUnI8)
        case 0x65:                                                    // neg
            let x = try pop()
            let op: Op = switch x.kind { case .i4: .negI4; case .r4: .negR4; case .r8: .negR8; default: .negI8 }
            let e = push(x.kind, x.type)
            emit(op, a: e.offset, b: x.offset)
        case 0x66:                                                    // not
            let x = try pop()
            let e = push(x.kind, x.type)
            emit(.notI8, a: e.offset, b: x.offset)
        // Conversions (III.3.27, III.3.19, III.3.18).
        case 0x67: try convert(to: .int8)
        case 0x68: try convert(to: .int16)
        case 0x69: try convert(to: .int32)
        case 0x6A: try convert(to: .int64)
        case 0x6B: try convert(to: .float32)
        case 0x6C: try convert(to: .float64)
        case 0x6D: try convert(to: .uint32)
        case 0x6E: try convert(to: .uint64)
        case 0xD1: try convert(to: .uint16)
        case 0xD2: try convert(to: .uint8)
        case 0xD3: try convert(to: .intPtr)
        case 0xE0: try convert(to: .uintPtr)
        case 0x76: try convertUnsignedToFloat()                       // conv.r.un
        case 0xB3: try convertChecked(to: .int8, unsignedSource: false)
        case 0xB4: try convertChecked(to: .uint8, unsignedSource: false)
        case 0xB5: try convertChecked(to: .int16, unsignedSource: false)
        case 0xB6: try convertChecked(to: .uint16, unsignedSource: false)
        case 0xB7: try convertChecked(to: .int32, unsignedSource: false)
        case 0xB8: try convertChecked(to: .uint32, unsignedSource: false)
        case 0xB9: try convertChecked(to: .int64, unsignedSource: false)
        case 0xBA: try convertChecked(to: .uint64, unsignedSource: false)
        case 0xD4: try convertChecked(to: .intPtr, unsignedSource: false)
        case 0xD5: try convertChecked(to: .uintPtr, unsignedSource: false)
        case 0x82: try convertChecked(to: .int8, unsignedSource: true)
        case 0x83: try convertChecked(to: .int16, unsignedSource: true)
        case 0x84: try convertChecked(to: .int32, unsignedSource: true)
        case 0x85: try convertChecked(to: .int64, unsignedSource: true)
        case 0x86: try convertChecked(to: .uint8, unsignedSource: true)
        case 0x87: try convertChecked(to: .uint16, unsignedSource: true)
        case 0x88: try convertChecked(to: .uint32, unsignedSource: true)
        case 0x89: try convertChecked(to: .uint64, unsignedSource: true)
        case 0x8A: try convertChecked(to: .intPtr, unsignedSource: true)
        case 0x8B: try convertChecked(to: .uintPtr, unsignedSource: true)
        case 0xC3:                                                    // ckfinite
            let x = try pop()
            let e = push(x.kind, x.type)
            emit(x.kind == .r4 ? .ckfiniteR4 : .ckfiniteR8, a: e.offset, b: x.offset)
        case 0xD6: try binaryNumeric(i4: .addOvfI4, i8: .addOvfI8, r4: nil, r8: nil, pointerArithmetic: true)
        case 0xD7: try binaryNumeric(i4: .addOvfUnI4, i8: .addOvfUnI8, r4: nil, r8: nil, pointerArithmetic: true)
        case 0xD8: try binaryNumeric(i4: .mulOvfI4, i8: .mulOvfI8, r4: nil, r8: nil)
        case 0xD9: try binaryNumeric(i4: .mulOvfUnI4, i8: .mulOvfUnI8, r4: nil, r8: nil)
        case 0xDA: try binaryNumeric(i4: .subOvfI4, i8: .subOvfI8, r4: nil, r8: nil, pointerArithmetic: true)
        case 0xDB: try binaryNumeric(i4: .subOvfUnI4, i8: .subOvfUnI8, r4: nil, r8: nil, pointerArithmetic: true)
        // Comparisons (III.1.5 Table III.4).
        case 0xFE01: try compare(i4: .ceqI4, i8: .ceqI8, r8: .ceqR8, r4: .ceqR4)
        case 0xFE02: try compare(i4: .cgtI4, i8: .cgtI8, r8: .cgtR8, r4: .cgtR4)
        case 0xFE03: try compare(i4: .cgtUnI4, i8: .cgtUnI8, r8: .cgtUnR8, r4: .cgtUnR4)
        case 0xFE04: try compare(i4: .cltI4, i8: .cltI8, r8: .cltR8, r4: .cltR4)
        case 0xFE05: try compare(i4: .cltUnI4, i8: .cltUnI8, r8: .cltUnR8, r4: .cltUnR4)
        // Objects, fields, arrays.
        case 0x6F: try transformCall(ins, virtual: true)              // callvirt
        case 0x70: try copyObject(ins)                                // cpobj
        case 0x71: try loadObject(ins)                                // ldobj
        case 0x72: try loadString(ins)                                // ldstr
        case 0x73: try transformNewObject(ins)                        // newobj
        case 0x74: try castClass(ins, isInstance: false)              // castclass
        case 0x75: try castClass(ins, isInstance: true)               // isinst
        case 0x79: try unbox(ins)                                     // unbox
        case 0x7A:                                                    // throw
            let x = try pop()
            emit(.throwException, a: x.offset)
            return false
        case 0x7B: try loadField(ins)                                 // ldfld
        case 0x7C: try loadFieldAddress(ins)                          // ldflda
        case 0x7D: try storeField(ins)                                // stfld
        case 0x7E: try loadStaticField(ins)                           // ldsfld
        case 0x7F: try loadStaticFieldAddress(ins)                    // ldsflda
        case 0x80: try storeStaticField(ins)                          // stsfld
        case 0x81: try storeObject(ins)                               // stobj
        case 0x8C: try box(ins)                                       // box
        case 0x8D: try newArray(ins)                                  // newarr
        case 0x8E:                                                    // ldlen
            let a = try pop()
            let e = push(.nativeInt, nil)
            emit(.arrayLength, a: e.offset, b: a.offset)
        case 0x8F: try loadElementAddress(ins)                        // ldelema
        case 0x90: try loadElement("System.SByte")
        case 0x91: try loadElement("System.Byte")
        case 0x92: try loadElement("System.Int16")
        case 0x93: try loadElement("System.UInt16")
        case 0x94: try loadElement("System.Int32")
        case 0x95: try loadElement("System.UInt32")
        case 0x96: try loadElement("System.Int64")
        case 0x97: try loadElement("System.IntPtr")
        case 0x98: try loadElement("System.Single")
        case 0x99: try loadElement("System.Double")
        case 0x9A: try loadElement(nil)                               // ldelem.ref
        case 0x9B: try storeElement("System.IntPtr")
        case 0x9C: try storeElement("System.SByte")
        case 0x9D: try storeElement("System.Int16")
        case 0x9E: try storeElement("System.Int32")
        case 0x9F: try storeElement("System.Int64")
        case 0xA0: try storeElement("System.Single")
        case 0xA1: try storeElement("System.Double")
        case 0xA2: try storeElement(nil)                              // stelem.ref
        case 0xA3: try loadElement(token: ins)                        // ldelem
        case 0xA4: try storeElement(token: ins)                       // stelem
        case 0xA5: try unboxAny(ins)                                  // unbox.any
        case 0xC2: try refAnyValue(ins)                               // refanyval
        case 0xC6: try makeRefAny(ins)                                // mkrefany
        case 0xD0: try loadToken(ins)                                 // ldtoken
        // Exception handling (III.3.45, III.3.35, III.3.34).
        case 0xDC:                                                    // endfinally
            emit(.endFinally)
            stack = []
            return false
        case 0xDD, 0xDE:                                              // leave, leave.s
            stack = []
            let t = try target(ins)
            branchFixups.append((out.code.count, t))
            emit(.leave)
            if savedStacks[t] == nil { savedStacks[t] = [] }
            return false
        case 0xFE00:                                                  // arglist
            let e = push(.valueType, try runtime.coreType("System.RuntimeArgumentHandle"), size: 8)
            emit(.argList, a: e.offset)
        case 0xFE06: try loadFunction(ins, virtual: false)            // ldftn
        case 0xFE07: try loadFunction(ins, virtual: true)             // ldvirtftn
        case 0xFE0F:                                                  // localloc
            let size = try pop()
            let e = push(.nativeInt, nil)
            emit(.localAlloc, a: e.offset, b: size.offset)
        case 0xFE11:                                                  // endfilter
            let x = try pop()
            emit(.endFilter, a: x.offset)
            return false
        case 0xFE12, 0xFE13, 0xFE19: break                            // unaligned., volatile., no. (no effect here)
        case 0xFE14: tailPrefix = true                                // tail.
        case 0xFE16:                                                  // constrained.
            guard case .token(let t) = ins.operand else { throw invalid("operand") }
            constrainedType = try runtime.type(module, MetadataToken(t), context)
        case 0xFE1E: readonlyPrefix = true                            // readonly.
        case 0xFE15: try initObject(ins)                              // initobj
        case 0xFE17:                                                  // cpblk
            let size = try pop(), source = try pop(), dest = try pop()
            emit(.copyBlock, a: dest.offset, b: source.offset, c: size.offset)
        case 0xFE18:                                                  // initblk
            let size = try pop(), value = try pop(), dest = try pop()
            emit(.initBlock, a: dest.offset, b: value.offset, c: size.offset)
        case 0xFE1A: emit(.rethrow); return false                     // rethrow
        case 0xFE1C:                                                  // sizeof
            guard case .token(let t) = ins.operand else { throw invalid("operand") }
            let type = try runtime.type(module, MetadataToken(t), context)
            try runtime.ensureLayout(type)
            let e = push(.i4, nil)
            emit(.ldImm, a: e.offset, imm: Int64(type.storageSize))
        case 0xFE1D:                                                  // refanytype
            let r = try pop()
            let e = push(.valueType, try runtime.coreType("System.RuntimeTypeHandle"), size: 8)
            emit(.refAnyType, a: e.offset, b: r.offset)
        default:
            throw TransformCoverage.unhandled(ins.opcode)  // keep TransformCoverage.decisions in step with this switch
        }
        return true
    }

    func invalid(_ what: String) -> RuntimeError { RuntimeError(.invalidProgram, "bad \(what)") }

    func variable(_ ins: Instruction) throws(RuntimeError) -> UInt16 {
        guard case .variable(let i) = ins.operand else { throw invalid("variable operand") }
        return i
    }

    func target(_ ins: Instruction) throws(RuntimeError) -> Int {
        guard case .branchTarget(let t) = ins.operand else { throw invalid("branch operand") }
        return t
    }

    func token(_ ins: Instruction) throws(RuntimeError) -> MetadataToken {
        guard case .token(let t) = ins.operand else { throw invalid("token operand") }
        return MetadataToken(t)
    }

    // MARK: arguments and locals

    mutating func loadArgument(_ i: Int) throws(RuntimeError) {
        guard i < argumentTypes.count else { throw invalid("argument index \(i)") }
        try emitLoadFromFrame(argumentTypes[i], from: argumentOffsets[i])
    }

    mutating func storeArgument(_ i: Int) throws(RuntimeError) {
        guard i < argumentTypes.count else { throw invalid("argument index \(i)") }
        try emitStoreToFrame(argumentTypes[i], to: argumentOffsets[i])
    }

    mutating func loadArgumentAddress(_ i: Int) throws(RuntimeError) {
        guard i < argumentTypes.count else { throw invalid("argument index \(i)") }
        let e = push(.managedPointer, try runtime.byReferenceType(to: argumentTypes[i]))
        emit(.frameAddress, a: e.offset, b: argumentOffsets[i])
    }

    mutating func loadLocal(_ i: Int) throws(RuntimeError) {
        guard i < localTypes.count else { throw invalid("local index \(i)") }
        try emitLoadFromFrame(localTypes[i], from: localOffsets[i])
    }

    mutating func storeLocal(_ i: Int) throws(RuntimeError) {
        guard i < localTypes.count else { throw invalid("local index \(i)") }
        try emitStoreToFrame(localTypes[i], to: localOffsets[i])
    }

    mutating func loadLocalAddress(_ i: Int) throws(RuntimeError) {
        guard i < localTypes.count else { throw invalid("local index \(i)") }
        let e = push(.managedPointer, try runtime.byReferenceType(to: localTypes[i]))
        emit(.frameAddress, a: e.offset, b: localOffsets[i])
    }

    // MARK: arithmetic

    /// Makes two float operands the same width, widening a float32 to float64 (III.1.5).
    mutating func unifyFloats(_ a: inout StackEntry, _ b: inout StackEntry) {
        if a.kind == .r4 && b.kind == .r8 { emit(.convR4ToR8, a: a.offset, b: a.offset); a.kind = .r8 }
        if a.kind == .r8 && b.kind == .r4 { emit(.convR4ToR8, a: b.offset, b: b.offset); b.kind = .r8 }
    }

    mutating func binaryNumeric(i4: Op, i8: Op, r4: Op?, r8: Op?, pointerArithmetic: Bool = false) throws(RuntimeError) {
        var b = try pop(), a = try pop()
        if a.isFloat || b.isFloat {
            unifyFloats(&a, &b)
            guard let op = a.kind == .r4 ? r4 : r8 else { throw invalid("float operands") }
            let e = push(a.kind, nil)
            emit(op, a: e.offset, b: a.offset, c: b.offset)
            return
        }
        let kind: StackKind
        let type: RuntimeType?
        if a.kind == .i4 && b.kind == .i4 {
            let e = push(.i4, nil)
            emit(i4, a: e.offset, b: a.offset, c: b.offset)
            return
        } else if pointerArithmetic && (a.kind == .managedPointer || b.kind == .managedPointer) {
            // & ± int → &, & − & → native int (III.1.5 Table III.2).
            if a.kind == .managedPointer && b.kind == .managedPointer { kind = .nativeInt; type = nil }
            else { kind = .managedPointer; type = a.kind == .managedPointer ? a.type : b.type }
        } else if a.kind == .i8 && b.kind == .i8 {
            kind = .i8; type = nil
        } else {
            kind = .nativeInt; type = nil
        }
        let e = push(kind, type)
        emit(i8, a: e.offset, b: a.offset, c: b.offset)
    }

    mutating func shift(i4: Op, i8: Op) throws(RuntimeError) {
        let amount = try pop(), value = try pop()
        let e = push(value.kind, value.type)
        emit(value.kind == .i4 ? i4 : i8, a: e.offset, b: value.offset, c: amount.offset)
    }

    mutating func compare(i4: Op, i8: Op, r8: Op, r4: Op) throws(RuntimeError) {
        var b = try pop(), a = try pop()
        let op: Op
        if a.isFloat || b.isFloat {
            unifyFloats(&a, &b)
            op = a.kind == .r4 ? r4 : r8
        } else {
            op = a.kind == .i4 && b.kind == .i4 ? i4 : i8
        }
        let e = push(.i4, nil)
        emit(op, a: e.offset, b: a.offset, c: b.offset)
    }

    /// beq … blt.un in table order: beq, bge, bgt, ble, blt, bne.un, bge.un, bgt.un, ble.un, blt.un.
    mutating func transformCompareBranch(_ index: Int, _ ins: Instruction) throws(RuntimeError) {
        var b = try pop(), a = try pop()
        let ints: [Op] = [.beqI8, .bgeI8, .bgtI8, .bleI8, .bltI8, .bneUnI8, .bgeUnI8, .bgtUnI8, .bleUnI8, .bltUnI8]
        let i4s: [Op] = [.beqI4, .bgeI4, .bgtI4, .bleI4, .bltI4, .bneUnI4, .bgeUnI4, .bgtUnI4, .bleUnI4, .bltUnI4]
        let r8s: [Op] = [.beqR8, .bgeR8, .bgtR8, .bleR8, .bltR8, .bneUnR8, .bgeUnR8, .bgtUnR8, .bleUnR8, .bltUnR8]
        let r4s: [Op] = [.beqR4, .bgeR4, .bgtR4, .bleR4, .bltR4, .bneUnR4, .bgeUnR4, .bgtUnR4, .bleUnR4, .bltUnR4]
        var op = a.kind == .i4 && b.kind == .i4 ? i4s[index] : ints[index]
        if a.isFloat || b.isFloat {
            unifyFloats(&a, &b)
            op = a.kind == .r4 ? r4s[index] : r8s[index]
        }
        emitBranch(op, a: a.offset, b: b.offset, target: try target(ins))
    }

    // MARK: conversions

    mutating func convert(to p: Primitive) throws(RuntimeError) {
        let x = try pop()
        let resultKind: StackKind
        switch p {
        case .int64, .uint64: resultKind = .i8
        case .intPtr, .uintPtr: resultKind = .nativeInt
        case .float32: resultKind = .r4
        case .float64: resultKind = .r8
        default: resultKind = .i4
        }
        let e = push(resultKind, nil)
        let op: Op?
        if x.isFloat {
            if x.kind == .r4 && p != .float32 { emit(.convR4ToR8, a: x.offset, b: x.offset) }
            switch p {
            case .int8: op = .convR8ToI1
            case .uint8: op = .convR8ToU1
            case .int16: op = .convR8ToI2
            case .uint16: op = .convR8ToU2
            case .int32: op = .convR8ToI4
            case .uint32: op = .convR8ToU4
            case .int64, .intPtr: op = .convR8ToI8
            case .uint64, .uintPtr: op = .convR8ToU8
            case .float32: op = x.kind == .r4 ? .mov8 : .convR8ToR4
            case .float64: op = x.kind == .r4 ? .mov8 : .mov8
            default: op = nil
            }
        } else {
            let wide = x.kind != .i4
            switch p {
            case .int8: op = .convI8ToI1
            case .uint8: op = .convI8ToU1
            case .int16: op = .convI8ToI2
            case .uint16: op = .convI8ToU2
            case .int32, .uint32: op = wide ? .convI8ToI4 : .mov8
            case .int64, .intPtr: op = .mov8                    // int32 is already sign-extended
            case .uint64, .uintPtr: op = wide ? .mov8 : .convI4ToU8
            case .float32: op = .convI8ToR4
            case .float64: op = .convI8ToR8
            default: op = nil
            }
        }
        guard let op else { throw invalid("conversion") }
        emit(op, a: e.offset, b: x.offset)
    }

    mutating func convertUnsignedToFloat() throws(RuntimeError) {
        let x = try pop()
        let e = push(.r8, nil)
        if x.isFloat {
            emit(x.kind == .r4 ? .convR4ToR8 : .mov8, a: e.offset, b: x.offset)
        } else {
            emit(x.kind == .i4 ? .convUnI4ToR8 : .convUnI8ToR8, a: e.offset, b: x.offset)
        }
    }

    mutating func convertChecked(to p: Primitive, unsignedSource: Bool) throws(RuntimeError) {
        let x = try pop()
        let resultKind: StackKind = switch p {
        case .int64, .uint64: .i8
        case .intPtr, .uintPtr: .nativeInt
        default: .i4
        }
        let e = push(resultKind, nil)
        if x.isFloat {
            // F sources: truncate toward zero and check the range (Mono checks the .un forms the same way).
            if x.kind == .r4 { emit(.convR4ToR8, a: x.offset, b: x.offset) }
            let op: Op = switch p {
            case .int8: .convOvfR8ToI1
            case .uint8: .convOvfR8ToU1
            case .int16: .convOvfR8ToI2
            case .uint16: .convOvfR8ToU2
            case .int32: .convOvfR8ToI4
            case .uint32: .convOvfR8ToU4
            case .int64, .intPtr: .convOvfR8ToI8
            default: .convOvfR8ToU8
            }
            emit(op, a: e.offset, b: x.offset)
            return
        }
        // Integer sources are first widened to 64 bits: int32 values already are (sign-extended);
        // an unsigned int32 source must be zero-extended.
        var source = x.offset
        if unsignedSource && x.kind == .i4 {
            emit(.convI4ToU8, a: e.offset, b: x.offset)
            source = e.offset
        }
        let op: Op
        if unsignedSource {
            op = switch p {
            case .int8: .convOvfUnI8ToI1
            case .uint8: .convOvfUnI8ToU1
            case .int16: .convOvfUnI8ToI2
            case .uint16: .convOvfUnI8ToU2
            case .int32: .convOvfUnI8ToI4
            case .uint32: .convOvfUnI8ToU4
            case .int64, .intPtr: .convOvfUnI8ToI8
            default: .mov8
            }
        } else {
            op = switch p {
            case .int8: .convOvfI8ToI1
            case .uint8: .convOvfI8ToU1
            case .int16: .convOvfI8ToI2
            case .uint16: .convOvfI8ToU2
            case .int32: .convOvfI8ToI4
            case .uint32: .convOvfI8ToU4
            case .int64, .intPtr: .mov8
            default: .convOvfI8ToU8
            }
        }
        emit(op, a: e.offset, b: source)
    }
}
