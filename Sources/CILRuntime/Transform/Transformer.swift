import CILInstructions
import CILMetadata

/// Transforms one method's IL into internal code (DESIGN decision 4), simulating the
/// evaluation stack with verification types (III.1.8) so that every internal instruction
/// knows the frame offsets and types of its operands.
///
/// Frame layout: arguments (8-byte aligned slots, `this` first), then locals, then the
/// evaluation stack. A call's arguments are already in place as the callee's argument area,
/// and its return value lands where its first argument was.
struct Transformer {
    let runtime: Runtime
    let method: RuntimeMethod
    let module: RuntimeModule
    let context: GenericContext
    let body: MethodBody
    let out: TransformedMethod
    let signature: MethodSig

    var argumentTypes: [RuntimeType] = []
    var argumentOffsets: [Int32] = []
    var localTypes: [RuntimeType] = []
    var localOffsets: [Int32] = []
    var holderOffsets: [Int32] = []
    var evalBase: Int32 = 0
    var maxFrame: Int32 = 0
    var stack: [StackEntry] = []
    /// Code index of each IL offset that starts an instruction.
    var pcOfIL: [Int: Int] = [:]
    /// Branches to patch: (code index, IL target).
    var branchFixups: [(pc: Int, target: Int)] = []
    var switchFixups: [(table: Int, targets: [Int])] = []
    /// Stack shapes recorded at branch targets and handler entries.
    var savedStacks: [Int: [StackEntry]] = [:]
    var currentIL: Int = 0
    /// IL offsets that must keep a code index of their own: branch targets and EH boundaries.
    var landmarks = Set<Int>()
    /// Code indices where a landmark's code starts (operand folding must not move work across them).
    var landmarkCodeIndices = Set<Int>()
    // Prefixes (III.2) that apply to the next instruction.
    var constrainedType: RuntimeType?
    var readonlyPrefix = false
    var tailPrefix = false
    /// IL offsets of the instructions reached with an empty evaluation stack (sequence points).
    var emptyStackOffsets: [Int32] = []

    init(runtime: Runtime, method: RuntimeMethod) throws(RuntimeError) {
        self.runtime = runtime
        self.method = method
        guard let module = method.module else { throw RuntimeError(.notImplemented, "transform of synthetic method \(method)") }
        self.module = module
        context = GenericContext(type: method.owner, method: method)
        guard let body = try module.read({ () throws(MetadataError) in try module.file.methodBody(method.row) }) else {
            throw RuntimeError(.badImage, "\(method) has no body")
        }
        try module.read { () throws(MetadataError) in try module.file.validate(body) }
        self.body = body
        out = TransformedMethod(method: method)
        signature = try runtime.signature(method)
    }

    // MARK: driver

    mutating func transform() throws(RuntimeError) -> TransformedMethod {
        try layOutFrame()
        let instructions: [Instruction]
        do { instructions = try ILDecoder(bytes: module.file.bytes, range: body.codeRange).decodeAll() } catch {
            throw RuntimeError(.invalidProgram, "\(method): \(error)")
        }
        var handlerEntries: [Int: Bool] = [:]  // IL offset → pushes an exception object
        for c in body.exceptionClauses {
            switch c.kind {
            case .exception: handlerEntries[c.handlerOffset] = true
            case .filter: handlerEntries[c.handlerOffset] = true; handlerEntries[c.filterOffset] = true
            case .finally, .fault: handlerEntries[c.handlerOffset] = false
            }
        }
        let exceptionType = try runtime.coreType("System.Exception")
        for ins in instructions { landmarks.formUnion(ins.operand.branchTargets) }
        for c in body.exceptionClauses {
            landmarks.formUnion([c.tryOffset, c.tryEnd, c.handlerOffset, c.handlerEnd])
            if c.kind == .filter { landmarks.insert(c.filterOffset) }
        }
        var reachable = true
        for ins in instructions {
            currentIL = ins.offset
            if let pushesException = handlerEntries[ins.offset] {
                stack = []
                if pushesException { _ = push(.object, exceptionType) }
                reachable = true
            } else if let saved = savedStacks[ins.offset] {
                if !reachable { stack = saved }
                reachable = true
            } else if !reachable {
                stack = []  // III.1.7.5: only backward branches reach here; the stack is empty
                reachable = true
            }
            pcOfIL[ins.offset] = out.code.count
            if stack.isEmpty { emptyStackOffsets.append(Int32(ins.offset)) }
            if landmarks.contains(ins.offset) { landmarkCodeIndices.insert(out.code.count) }
            let emitted = out.code.count
            do {
                reachable = try transformInstruction(ins)
            } catch {
                throw RuntimeError(error.kind, "\(method) IL_\(String(ins.offset, radix: 16)) \(ins.opcode.mnemonic): \(error.message)")
            }
            // An instruction that emits nothing (nop, pop, a prefix) would share its code index
            // with the next one; at a landmark that could move a label across an EH boundary
            // (e.g. `leave` to a `nop` just before a try must run the finally).
            if out.code.count == emitted && landmarks.contains(ins.offset) && !ins.opcode.isPrefix { emit(.nop) }
            if out.code.count == emitted + 1 { foldLastInstruction() }
            if !ins.opcode.isPrefix { constrainedType = nil; readonlyPrefix = false; tailPrefix = false }
        }
        pcOfIL[body.codeSize] = out.code.count
        emit(.unimplemented, imm: -1)  // falling off the end of the body is invalid IL
        for f in branchFixups {
            guard let pc = pcOfIL[f.target] else {
                throw RuntimeError(.invalidProgram, "\(method): branch to IL_\(String(f.target, radix: 16)), which starts no instruction")
            }
            out.code[f.pc].imm = Int64(pc)
        }
        for f in switchFixups {
            var table: [Int32] = []
            for t in f.targets {
                guard let pc = pcOfIL[t] else { throw RuntimeError(.invalidProgram, "\(method): switch to IL_\(String(t, radix: 16))") }
                table.append(Int32(pc))
            }
            out.switchTables[f.table] = table
        }
        try buildClauses()
        out.sequencePoints = monoSequencePoints(instructions, emptyStackAt: emptyStackOffsets)
        out.frameSize = Int(maxFrame) + 16
        return out
    }

    mutating func layOutFrame() throws(RuntimeError) {
        var offset: Int32 = 0
        if signature.hasThis {
            // II.14.4.1.1: `this` is a managed pointer for value types, a reference otherwise.
            let thisType = method.owner.isValueType ? try runtime.byReferenceType(to: method.owner) : method.owner
            argumentTypes.append(thisType)
            argumentOffsets.append(offset)
            offset += 8
        }
        for p in signature.parameters {
            try runtime.ensureLayout(p)
            argumentTypes.append(p)
            argumentOffsets.append(offset)
            offset += Self.slotBytes(p)
        }
        out.argumentsSize = Int(offset)
        out.localsOffset = Int(offset)
        if !body.localSignature.isNil {
            let sig = try module.read { () throws(MetadataError) in try module.file.standAloneSig(body.localSignature.row) }
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let locals = try module.read { () throws(MetadataError) in try decoder.localSignature(blob: sig.signature) }
            for l in locals {
                let t = try runtime.resolve(l, module, context)
                try runtime.ensureLayout(t)
                localTypes.append(t)
                localOffsets.append(offset)
                offset += Self.slotBytes(t)
            }
        }
        // One hidden local per catch or filter clause keeps its exception for `rethrow`.
        for c in body.exceptionClauses where c.kind == .exception || c.kind == .filter {
            holderOffsets.append(offset)
            offset += 8
        }
        out.localsSize = Int(offset) - out.localsOffset
        out.initLocals = body.initLocals || true  // zeroing is always safe and keeps runs deterministic
        if let r = signature.returnType { try runtime.ensureLayout(r); out.returnSize = Int(Self.slotBytes(r)) }
        evalBase = offset
        maxFrame = max(offset, Int32(out.returnSize))
    }

    static func slotBytes(_ t: RuntimeType) -> Int32 {
        Int32((t.storageSize + 7) & ~7)
    }

    mutating func buildClauses() throws(RuntimeError) {
        var holders = holderOffsets.makeIterator()
        for c in body.exceptionClauses {
            func pc(_ il: Int) throws(RuntimeError) -> Int {
                guard let p = pcOfIL[il] else { throw RuntimeError(.invalidProgram, "\(method): EH clause boundary IL_\(String(il, radix: 16))") }
                return p
            }
            let kind: TransformedMethod.Clause.Kind
            switch c.kind {
            case .exception: kind = .catch(try runtime.type(module, c.catchType, context))
            case .filter: kind = .filter(start: try pc(c.filterOffset))
            case .finally: kind = .finally
            case .fault: kind = .fault
            }
            out.clauses.append(.init(kind: kind, tryStart: try pc(c.tryOffset), tryEnd: try pc(c.tryEnd),
                                     handlerStart: try pc(c.handlerOffset), handlerEnd: try pc(c.handlerEnd),
                                     exceptionSlot: evalBase,
                                     holderSlot: c.kind == .exception || c.kind == .filter ? holders.next() ?? -1 : -1))
        }
    }

    // MARK: stack

    mutating func push(_ kind: StackKind, _ type: RuntimeType?, size: Int32 = 8) -> StackEntry {
        let offset = stack.last.map { $0.offset + $0.size } ?? evalBase
        let e = StackEntry(kind: kind, type: type, offset: offset, size: size)
        stack.append(e)
        maxFrame = max(maxFrame, offset + size)
        return e
    }

    mutating func push(_ type: RuntimeType) throws(RuntimeError) -> StackEntry {
        let k = try stackKind(type)
        return push(k, type, size: k == .valueType ? Self.slotBytes(type) : 8)
    }

    mutating func pop() throws(RuntimeError) -> StackEntry {
        guard let e = stack.popLast() else { throw RuntimeError(.invalidProgram, "stack underflow") }
        return e
    }

    /// Offset where the next pushed entry will go.
    var top: Int32 { stack.last.map { $0.offset + $0.size } ?? evalBase }

    func stackKind(_ t: RuntimeType) throws(RuntimeError) -> StackKind {
        switch t.kind {
        case .class, .interface, .szArray, .array: return .object
        case .byReference: return .managedPointer
        case .pointer, .functionPointer: return .nativeInt
        case .genericParameter: throw RuntimeError(.notImplemented, "open generic type \(t.fullName) in executed code")
        case .valueType:
            try runtime.ensureLayout(t)
            switch t.primitive {
            case .boolean?, .char?, .int8?, .uint8?, .int16?, .uint16?, .int32?, .uint32?: return .i4
            case .int64?, .uint64?: return .i8
            case .float32?: return .r4
            case .float64?: return .r8
            case .intPtr?, .uintPtr?: return .nativeInt
            case nil: return .valueType
            }
        }
    }

    // MARK: emission

    mutating func emit(_ op: Op, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, imm: Int64 = 0) {
        out.code.append(Inst(op, a: a, b: b, c: c, imm: imm))
        out.ilOffsets.append(Int32(currentIL))
        out.stackTops.append(stack.last?.offset ?? -1)
    }

    mutating func emitBranch(_ op: Op, a: Int32 = 0, b: Int32 = 0, target: Int) {
        branchFixups.append((out.code.count, target))
        emit(op, a: a, b: b)
        if savedStacks[target] == nil { savedStacks[target] = stack }
    }

    /// Load of a value of `type` from frame storage at `from` into a new stack entry.
    mutating func emitLoadFromFrame(_ type: RuntimeType, from: Int32) throws(RuntimeError) {
        let e = try push(type)
        emit(try Self.frameLoadOp(type), a: e.offset, b: from, imm: Int64(e.size))
    }

    static func frameLoadOp(_ t: RuntimeType) throws(RuntimeError) -> Op {
        if !t.isValueType { return .ldFrame8 }
        switch t.primitive {
        case .int8?: return .ldFrameI1
        case .uint8?, .boolean?: return .ldFrameU1
        case .int16?: return .ldFrameI2
        case .uint16?, .char?: return .ldFrameU2
        case .int32?, .uint32?: return .ldFrameI4
        case .float32?: return .ldFrame4
        case .int64?, .uint64?, .float64?, .intPtr?, .uintPtr?: return .ldFrame8
        case nil: return .movN
        }
    }

    /// Store of the top entry into frame storage of `type` at `to`.
    mutating func emitStoreToFrame(_ type: RuntimeType, to: Int32) throws(RuntimeError) {
        let v = try pop()
        let value = try coerce(v, to: type)
        switch type.storageSize {
        case _ where type.isValueType && type.primitive == nil: emit(.movN, a: to, b: value.offset, imm: Int64(type.storageSize))
        case 1: emit(.stFrame1, a: to, b: value.offset)
        case 2: emit(.stFrame2, a: to, b: value.offset)
        case 4: emit(.stFrame4, a: to, b: value.offset)
        default: emit(.stFrame8, a: to, b: value.offset)
        }
    }

    /// Converts a float entry in place when the destination's width differs (III.1.1.1: F
    /// values are narrowed or widened on store); other kinds pass unchanged.
    mutating func coerce(_ e: StackEntry, to type: RuntimeType) throws(RuntimeError) -> StackEntry {
        guard type.isValueType, let p = type.primitive else { return e }
        if p == .float32 && e.kind == .r8 { emit(.convR8ToR4, a: e.offset, b: e.offset) }
        if p == .float64 && e.kind == .r4 { emit(.convR4ToR8, a: e.offset, b: e.offset) }
        return e
    }

    /// Load op for memory of `type` (fields, array elements, indirections).
    static func memoryLoadOp(_ t: RuntimeType) -> Op {
        if !t.isValueType { return .ldMem8 }
        switch t.primitive {
        case .int8?: return .ldMemI1
        case .uint8?, .boolean?: return .ldMemU1
        case .int16?: return .ldMemI2
        case .uint16?, .char?: return .ldMemU2
        case .int32?, .uint32?: return .ldMemI4
        case .float32?: return .ldMem4
        case .int64?, .uint64?, .float64?, .intPtr?, .uintPtr?: return .ldMem8
        case nil: return .ldMemN
        }
    }

    static func memoryStoreOp(_ t: RuntimeType) -> Op {
        if !t.isValueType { return .stMem8 }
        if t.primitive == nil { return .stMemN }
        switch t.storageSize {
        case 1: return .stMem1
        case 2: return .stMem2
        case 4: return .stMem4
        default: return .stMem8
        }
    }
}
