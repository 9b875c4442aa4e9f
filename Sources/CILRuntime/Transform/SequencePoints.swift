import CILInstructions
import CILMetadata

/// The IL offsets Mono's JIT would report in a stack trace of this method.
///
/// Without debug symbols Mono 6.8 maps a frame's native address to the nearest preceding
/// *sequence point*, not to the exact instruction, so `[0x00007]` in `e.StackTrace` is usually
/// the start of the statement. Its JIT (`mono_method_to_ir`) places one:
/// - at every instruction reached with an empty evaluation stack;
/// - right after every `call`, `callvirt`, `calli` and `newobj` (a "non-empty stack" point),
///   except where the JIT folds the call into the instruction before it (`ldtoken` +
///   `Type.GetTypeFromHandle`, `ldftn`/`ldvirtftn` + a delegate `newobj`), and except for
///   `newobj` of a corlib exception with at most two string parameters inside a block that ends
///   in `throw` (the JIT calls `mono_create_corlib_exception_N` there instead);
/// - but not in the arms of a `c ? a : b` that the JIT turns into a conditional move.
/// Verified against `mono` 6.8 on calls in argument position, nested calls, constructors of
/// classes, structs, strings, arrays and delegates, and `throw new …` inside and outside blocks.
extension Transformer {
    func monoSequencePoints(_ instructions: [Instruction], emptyStackAt emptyStack: [Int32]) -> [Int32] {
        var points = emptyStack
        let outOfLine = Self.outOfLineBlocks(instructions, body.exceptionClauses)
        for (k, ins) in instructions.enumerated() {
            switch ins.opcode.value {
            case 0x28, 0x6F, 0x29:  // call, callvirt, calli
                if k > 0, instructions[k - 1].opcode.value == 0xD0, !landmarks.contains(ins.offset), callsGetTypeFromHandle(ins) { continue }
            case 0x73:  // newobj
                if k > 0, [0xFE06, 0xFE07].contains(instructions[k - 1].opcode.value), !landmarks.contains(ins.offset),
                   (try? constructedDelegate(ins)) == true { continue }
                if let start = outOfLine.blockStart(of: ins.offset), outOfLine.flagged.contains(start), (try? isSmallCorlibExceptionConstructor(ins)) == true { continue }
            default:
                continue
            }
            points.append(Int32(ins.nextOffset))
        }
        let converted = ifConvertedArms(instructions)
        return Array(Set(points).subtracting(converted)).sorted()
    }

    /// The JIT turns `c ? a : b` into a conditional move when each arm is one integer or
    /// reference load (a constant, string, argument or local, not floating point) and the else
    /// arm has no other predecessor; the arms' sequence points go with their blocks.
    private func ifConvertedArms(_ instructions: [Instruction]) -> Set<Int32> {
        var incoming: [Int: Int] = [:]
        for ins in instructions { for t in ins.operand.branchTargets { incoming[t, default: 0] += 1 } }
        let clauseOffsets = Set(body.exceptionClauses.flatMap { [$0.tryOffset, $0.handlerOffset, $0.filterOffset] })
        var arms = Set<Int32>()
        var byOffset: [Int: Int] = [:]
        for (k, ins) in instructions.enumerated() { byOffset[ins.offset] = k }
        for k in 0 ..< instructions.count {
            let c = instructions[k]
            let v = c.opcode.value
            guard (0x2C...0x37).contains(v) || (0x39...0x44).contains(v), let elseStart = c.operand.branchTargets.first,
                  let n1 = simpleIntegerArm(instructions, at: k + 1), k + 1 + n1 < instructions.count else { continue }
            let a = instructions[k + 1], br = instructions[k + 1 + n1]
            guard [0x2B, 0x38].contains(br.opcode.value), let join = br.operand.branchTargets.first,
                  let e = byOffset[elseStart], e == k + 2 + n1, let n2 = simpleIntegerArm(instructions, at: e),
                  instructions[e + n2 - 1].nextOffset == join,
                  incoming[elseStart] == 1, incoming[a.offset] == nil, !clauseOffsets.contains(a.offset), !clauseOffsets.contains(elseStart) else { continue }
            arms.insert(Int32(a.offset))
            arms.insert(Int32(elseStart))
        }
        return arms
    }

    /// The length of an arm the JIT reduces to one integer or reference move: a load, or an
    /// integer constant widened by a conversion it folds (`ldc.i4.1; conv.i8`).
    private func simpleIntegerArm(_ instructions: [Instruction], at k: Int) -> Int? {
        guard k < instructions.count, isSimpleIntegerLoad(instructions[k]) else { return nil }
        if k + 1 < instructions.count, (0x15...0x20).contains(instructions[k].opcode.value),
           [0x6A, 0x6E, 0xD3, 0xE0].contains(instructions[k + 1].opcode.value) { return 2 }  // conv.i8, conv.u8, conv.i, conv.u
        return 1
    }

    private func isSimpleIntegerLoad(_ ins: Instruction) -> Bool {
        func integerOrReference(_ t: RuntimeType) -> Bool {
            !t.isValueType || (t.primitive != nil && t.primitive != .float32 && t.primitive != .float64)
        }
        let v = ins.opcode.value
        switch v {
        case 0x14, 0x15...0x21, 0x72: return true                     // ldnull, ldc.i4*, ldc.i8, ldstr
        case 0x02...0x05: return Int(v - 0x02) < argumentTypes.count && integerOrReference(argumentTypes[Int(v - 0x02)])
        case 0x06...0x09: return Int(v - 0x06) < localTypes.count && integerOrReference(localTypes[Int(v - 0x06)])
        case 0x0E, 0xFE09:
            guard case .variable(let i) = ins.operand else { return false }
            return Int(i) < argumentTypes.count && integerOrReference(argumentTypes[Int(i)])
        case 0x11, 0xFE0C:
            guard case .variable(let i) = ins.operand else { return false }
            return Int(i) < localTypes.count && integerOrReference(localTypes[Int(i)])
        default: return false
        }
    }

    private func callsGetTypeFromHandle(_ ins: Instruction) -> Bool {
        guard let m = try? runtime.method(module, try token(ins), context) else { return false }
        return m.name == "GetTypeFromHandle" && m.owner.fullName == "System.Type"
    }

    private func constructedDelegate(_ ins: Instruction) throws(RuntimeError) -> Bool {
        let ctor = try runtime.method(module, try token(ins), context)
        return runtime.isDelegateType(ctor.owner)
    }

    /// Mono's `is_exception_class` on a corlib class, with a constructor of 0–2 `string` parameters.
    private func isSmallCorlibExceptionConstructor(_ ins: Instruction) throws(RuntimeError) -> Bool {
        let ctor = try runtime.method(module, try token(ins), context)
        guard ctor.owner.module === runtime.corlib else { return false }
        let parameters = try runtime.signature(ctor).parameters
        guard parameters.count <= 2, parameters.allSatisfy({ $0.fullName == "System.String" }) else { return false }
        var t: RuntimeType? = ctor.owner
        while let c = t {
            if c.fullName == "System.Exception" { return true }
            try runtime.ensureHierarchy(c)
            t = c.baseType
        }
        return false
    }

    /// Mono's basic blocks as its IL pre-scan (`get_basic_blocks`) sees them: blocks start at 0,
    /// at clause boundaries, at branch targets and after branches; a `throw` marks the block it
    /// is in (as far as the scan has seen blocks) as out-of-line.
    struct BlockScan {
        var starts: [Int] = []
        var flagged = Set<Int>()

        func blockStart(of offset: Int) -> Int? {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? starts[lo - 1] : nil
        }
    }

    static func outOfLineBlocks(_ instructions: [Instruction], _ clauses: [ExceptionClause]) -> BlockScan {
        var starts: Set<Int> = [0]
        for c in clauses {
            starts.insert(c.tryOffset)
            starts.insert(c.handlerOffset)
            if c.kind == .filter { starts.insert(c.filterOffset) }
        }
        var flagged = Set<Int>()
        for ins in instructions {
            let targets = ins.operand.branchTargets
            if !targets.isEmpty {
                starts.formUnion(targets)
                starts.insert(ins.nextOffset)
            } else if ins.opcode.value == 0x7A, let start = starts.filter({ $0 <= ins.offset }).max() {  // throw
                flagged.insert(start)
            }
        }
        return BlockScan(starts: starts.sorted(), flagged: flagged)
    }
}

extension TransformedMethod {
    /// The IL offset Mono reports for a frame stopped at code index `pc` (see `monoSequencePoints`).
    func reportedILOffset(atCode pc: Int) -> Int32 {
        guard !ilOffsets.isEmpty else { return 0 }
        let il = ilOffsets[max(0, min(pc, ilOffsets.count - 1))]
        var lo = 0, hi = sequencePoints.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sequencePoints[mid] <= il { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? sequencePoints[lo - 1] : il
    }
}
