/// Operand folding: a peephole pass run after each IL instruction that removes the copies a
/// stack machine makes. `ldloc.1; ldc.i4.1; add; stloc.1` is four internal instructions when
/// each evaluation-stack entry is a frame slot of its own; folded it is one, `addI4Imm` reading
/// and writing local 1 directly.
///
/// Two rewrites, both on adjacent instructions P (earlier) and X (just emitted, the only
/// instruction of its IL instruction):
/// - *operand folding*: P loads a local, argument or constant into stack slot s and X reads s;
///   X reads the source directly (or the constant as an immediate) and P goes away;
/// - *result forwarding*: P computes a value into stack slot s and X is a `stloc`/`starg` of s;
///   P writes the local directly and X goes away.
///
/// Both are only valid when nothing else reads s afterwards (no live stack entry covers it) and
/// when no branch lands on X (a branch target's code must work for every path that reaches it;
/// the loads of other paths would be skipped). P may be a branch target: after the rewrite the
/// label lands on X, which does P's work itself.
extension Transformer {
    /// How an operand field of an instruction is read: only its low 32 bits, or all 64.
    enum OperandRead { case low32, full64 }

    /// The operand fields an instruction reads and whether it writes field `a` (8 bytes,
    /// after reading its operands). nil: the instruction takes no part in folding.
    struct OperandUse {
        var a: OperandRead?
        var b: OperandRead?
        var c: OperandRead?
        var writesA: Bool
    }

    // swiftlint:disable:next cyclomatic_complexity
    static func operandUse(_ i: Inst) -> OperandUse? {
        let index: OperandRead = i.imm & Inst.int32Index != 0 ? .low32 : .full64
        switch i.op {
        case .ldElemI1, .ldElemU1, .ldElemI2, .ldElemU2, .ldElemI4, .ldElem4, .ldElem8, .elementAddress:
            return OperandUse(a: nil, b: .full64, c: index, writesA: true)
        case .stElem1, .stElem2, .stElem4:
            return OperandUse(a: .full64, b: index, c: .low32, writesA: false)
        case .stElem8, .stElemRef:
            return OperandUse(a: .full64, b: index, c: .full64, writesA: false)
        case .addI4, .subI4, .mulI4, .divI4, .divUnI4, .remI4, .remUnI4, .shlI4, .shrI4, .shrUnI4,
             .andI4, .orI4, .xorI4, .addOvfI4, .addOvfUnI4, .subOvfI4, .subOvfUnI4, .mulOvfI4, .mulOvfUnI4,
             .ceqI4, .cgtI4, .cgtUnI4, .cltI4, .cltUnI4,
             .addR4, .subR4, .mulR4, .divR4, .remR4, .ceqR4, .cgtR4, .cgtUnR4, .cltR4, .cltUnR4:
            return OperandUse(a: nil, b: .low32, c: .low32, writesA: true)
        case .addI8, .subI8, .mulI8, .divI8, .divUnI8, .remI8, .remUnI8, .shlI8, .shrI8, .shrUnI8,
             .and8, .or8, .xor8, .addOvfI8, .addOvfUnI8, .subOvfI8, .subOvfUnI8, .mulOvfI8, .mulOvfUnI8,
             .ceqI8, .cgtI8, .cgtUnI8, .cltI8, .cltUnI8,
             .addR8, .subR8, .mulR8, .divR8, .remR8, .ceqR8, .cgtR8, .cgtUnR8, .cltR8, .cltUnR8:
            return OperandUse(a: nil, b: .full64, c: .full64, writesA: true)
        case .addI4Imm, .mulI4Imm, .andI4Imm, .orI4Imm, .xorI4Imm, .shlI4Imm, .shrI4Imm, .shrUnI4Imm:
            return OperandUse(a: nil, b: .low32, c: nil, writesA: true)
        case .addI8Imm:
            return OperandUse(a: nil, b: .full64, c: nil, writesA: true)
        // Conversions that keep at most the low 32 bits of an integer source read only those.
        case .negI4, .negR4, .convI8ToI1, .convI8ToU1, .convI8ToI2, .convI8ToU2, .convI8ToI4, .convI4ToU8,
             .convR4ToR8, .convUnI4ToR8, .convUnI4ToR4, .ckfiniteR4:
            return OperandUse(a: nil, b: .low32, c: nil, writesA: true)
        case .negI8, .negR8, .notI8, .mov8, .convR8ToR4, .convI8ToR8, .convI8ToR4, .convUnI8ToR8, .convUnI8ToR4,
             .convR8ToI1, .convR8ToU1, .convR8ToI2, .convR8ToU2, .convR8ToI4, .convR8ToU4, .convR8ToI8, .convR8ToU8,
             .convOvfI8ToI1, .convOvfI8ToU1, .convOvfI8ToI2, .convOvfI8ToU2, .convOvfI8ToI4, .convOvfI8ToU4, .convOvfI8ToU8,
             .convOvfUnI8ToI1, .convOvfUnI8ToU1, .convOvfUnI8ToI2, .convOvfUnI8ToU2, .convOvfUnI8ToI4, .convOvfUnI8ToU4,
             .convOvfUnI8ToI8, .convOvfI4ToU8, .convOvfUnI4ToI8OrU8,
             .convOvfR8ToI1, .convOvfR8ToU1, .convOvfR8ToI2, .convOvfR8ToU2, .convOvfR8ToI4, .convOvfR8ToU4,
             .convOvfR8ToI8, .convOvfR8ToU8, .ckfiniteR8,
             .ldMemI1, .ldMemU1, .ldMemI2, .ldMemU2, .ldMemI4, .ldMem4, .ldMem8, .fieldAddress, .arrayLength:
            return OperandUse(a: nil, b: .full64, c: nil, writesA: true)
        // Stores to a local or argument (a is that frame offset, not a stack slot).
        case .stFrame1, .stFrame2, .stFrame4:
            return OperandUse(a: nil, b: .low32, c: nil, writesA: false)
        case .stFrame8:
            return OperandUse(a: nil, b: .full64, c: nil, writesA: false)
        case .stMem1, .stMem2, .stMem4:
            return OperandUse(a: .full64, b: .low32, c: nil, writesA: false)
        case .stMem8:
            return OperandUse(a: .full64, b: .full64, c: nil, writesA: false)
        case .brTrueI4, .brFalseI4, .switchTable,
             .beqI4Imm, .bneUnI4Imm, .bgeI4Imm, .bgeUnI4Imm, .bgtI4Imm, .bgtUnI4Imm, .bleI4Imm, .bleUnI4Imm, .bltI4Imm, .bltUnI4Imm:
            return OperandUse(a: .low32, b: nil, c: nil, writesA: false)
        case .brTrue, .brFalse:
            return OperandUse(a: .full64, b: nil, c: nil, writesA: false)
        case .beqI4, .bneUnI4, .bgeI4, .bgeUnI4, .bgtI4, .bgtUnI4, .bleI4, .bleUnI4, .bltI4, .bltUnI4,
             .beqR4, .bneUnR4, .bgeR4, .bgeUnR4, .bgtR4, .bgtUnR4, .bleR4, .bleUnR4, .bltR4, .bltUnR4:
            return OperandUse(a: .low32, b: .low32, c: nil, writesA: false)
        case .beqI8, .bneUnI8, .bgeI8, .bgeUnI8, .bgtI8, .bgtUnI8, .bleI8, .bleUnI8, .bltI8, .bltUnI8,
             .beqR8, .bneUnR8, .bgeR8, .bgeUnR8, .bgtR8, .bgtUnR8, .bleR8, .bleUnR8, .bltR8, .bltUnR8:
            return OperandUse(a: .full64, b: .full64, c: nil, writesA: false)
        default:
            return nil
        }
    }

    /// Whether `op` writes exactly 8 bytes at `a` after reading its operands and nothing else,
    /// so its result can go straight to a local instead of a stack slot.
    static func isForwardableProducer(_ op: Op) -> Bool {
        switch op {
        case .ldImm, .ldFrameI1, .ldFrameU1, .ldFrameI2, .ldFrameU2, .ldFrameI4, .ldFrame4, .ldFrame8, .frameAddress,
             .ldAbsI1, .ldAbsU1, .ldAbsI2, .ldAbsU2, .ldAbsI4, .ldAbs4, .ldAbs8:
            return true
        default:
            return operandUse(Inst(op))?.writesA ?? false
        }
    }

    /// The form of `op` that takes the int32 constant in place of the stack operand in field
    /// `field` ("b" or "c"), and the constant to store.
    static func immediateForm(_ op: Op, field: Character, constant k: Int64) -> (Op, Int32)? {
        guard let k32 = Int32(exactly: k) else { return nil }
        if field == "c" {
            switch op {
            case .addI4: return (.addI4Imm, k32)
            case .subI4: return (.addI4Imm, 0 &- k32)  // x - k == x + (-k) in wrapping int32 arithmetic
            case .mulI4: return (.mulI4Imm, k32)
            case .andI4: return (.andI4Imm, k32)
            case .orI4: return (.orI4Imm, k32)
            case .xorI4: return (.xorI4Imm, k32)
            case .shlI4: return (.shlI4Imm, k32)
            case .shrI4: return (.shrI4Imm, k32)
            case .shrUnI4: return (.shrUnI4Imm, k32)
            case .addI8: return (.addI8Imm, k32)
            case .subI8: return Int32(exactly: -k).map { (.addI8Imm, $0) }
            default: return nil
            }
        }
        if field == "b" {
            switch op {
            case .beqI4: return (.beqI4Imm, k32)
            case .bneUnI4: return (.bneUnI4Imm, k32)
            case .bgeI4: return (.bgeI4Imm, k32)
            case .bgeUnI4: return (.bgeUnI4Imm, k32)
            case .bgtI4: return (.bgtI4Imm, k32)
            case .bgtUnI4: return (.bgtUnI4Imm, k32)
            case .bleI4: return (.bleI4Imm, k32)
            case .bleUnI4: return (.bleUnI4Imm, k32)
            case .bltI4: return (.bltI4Imm, k32)
            case .bltUnI4: return (.bltUnI4Imm, k32)
            default: return nil
            }
        }
        return nil
    }

    /// Whether a live evaluation-stack entry (after the current IL instruction) covers slot `s`.
    func isLive(_ s: Int32) -> Bool {
        stack.contains { $0.offset <= s && s < $0.offset + $0.size }
    }

    /// Runs both rewrites on the instruction just emitted; call only when the current IL
    /// instruction emitted exactly one internal instruction.
    mutating func foldLastInstruction() {
        if forwardResultIntoStore() { return }
        while foldOneOperand() {}
    }

    /// `P: s ← …; X: stloc L ← s` becomes `P: L ← …`.
    mutating func forwardResultIntoStore() -> Bool {
        let n = out.code.count - 1
        guard n >= 1, !landmarkCodeIndices.contains(n) else { return false }
        let x = out.code[n], p = out.code[n - 1]
        switch x.op {
        case .stFrame1, .stFrame2, .stFrame4, .stFrame8: break
        default: return false
        }
        guard Self.isForwardableProducer(p.op), p.a == x.b, p.a >= evalBase, !isLive(x.b) else { return false }
        out.code[n - 1].a = x.a
        removeInstruction(at: n)
        return true
    }

    /// Folds the instruction before X (a load of a local, argument or constant) into X.
    mutating func foldOneOperand() -> Bool {
        let n = out.code.count - 1
        guard n >= 1, !landmarkCodeIndices.contains(n) else { return false }
        var x = out.code[n]
        let p = out.code[n - 1]
        guard let use = Self.operandUse(x) else { return false }
        let s = p.a
        guard s >= evalBase else { return false }
        // The loaded slot must be dead after X: not covered by a live entry, unless that entry
        // is X's own result, written after X has read its operands.
        let covering = stack.filter { $0.offset <= s && s < $0.offset + $0.size }
        guard covering.isEmpty || (covering.count == 1 && covering[0].offset == s && use.writesA && x.a == s) else { return false }
        let readsA = use.a != nil && x.a == s, readsB = use.b != nil && x.b == s, readsC = use.c != nil && x.c == s
        guard [readsA, readsB, readsC].filter({ $0 }).count == 1 else { return false }
        let width = readsA ? use.a! : readsB ? use.b! : use.c!
        switch p.op {
        case .ldImm:
            guard let (op, k) = Self.immediateForm(x.op, field: readsB ? "b" : readsC ? "c" : "a", constant: p.imm) else { return false }
            x.op = op
            if readsB { x.b = k } else { x.c = k }
        case .ldFrame8:
            if readsA { x.a = p.b } else if readsB { x.b = p.b } else { x.c = p.b }
        case .ldFrameI4, .ldFrame4:
            guard width == .low32 else { return false }
            if readsA { x.a = p.b } else if readsB { x.b = p.b } else { x.c = p.b }
        default:
            return false
        }
        out.code[n] = x
        removeInstruction(at: n - 1)
        return true
    }

    /// Removes one internal instruction that no branch targets; later indices move down by one.
    mutating func removeInstruction(at k: Int) {
        out.code.remove(at: k)
        out.ilOffsets.remove(at: k)
        out.stackTops.remove(at: k)
        for f in branchFixups.indices where branchFixups[f].pc > k { branchFixups[f].pc -= 1 }
    }
}
