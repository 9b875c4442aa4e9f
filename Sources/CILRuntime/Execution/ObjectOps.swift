/// The less frequent instructions: arrays, boxing, casts, blocks, typed references and
/// exception control. Kept out of the main switch so the hot loop stays small.
extension Runtime {
    enum ObjectOpOutcome {
        case completed
        case raised(UInt64)
        case jump(Int)
        /// The top record changed (an unwind resumed elsewhere); reload the loop state.
        case entered
        case filterDone(Int32)
        case finishRun
    }

    @inline(never)
    func executeObjectOp(_ i: Inst, thread: GuestThread, fp: UnsafeMutableRawPointer, method running: Unmanaged<TransformedMethod>) throws(RuntimeError) -> ObjectOpOutcome {
        switch i.op {
        case .newArray:
            // III.4.20: a negative length is OverflowException.
            let length = i.c == 0 ? Int64(ld32(fp, i.b)) : ld64(fp, i.b)
            guard length >= 0 else { return .raised(try guestException(.overflow, thread)) }
            guard let t = type(id: UInt32(i.imm)), length <= Int64(Int32.max) else { return .raised(try guestException(.outOfMemory, thread)) }
            guard let a = try newArray(t, length: Int(length)) else { return .raised(try guestException(.outOfMemory, thread)) }
            st64(fp, i.a, Int64(bitPattern: a))
        case .newMultiArray:
            guard let t = type(id: UInt32(i.imm)) else { throw RuntimeError(.badImage, "bad array type") }
            var values: [Int64] = []
            for k in 0 ..< Int(i.c) { values.append(Int64(ld32(fp, i.b + Int32(8 * k)))) }
            switch try newMultiDimensionalArray(t, values, thread: thread) {
            case .success(let a): st64(fp, i.a, Int64(bitPattern: a))
            case .failure(let ex): return .raised(ex)
            }
        case .arrayLength:
            let a = UInt64(bitPattern: ld64(fp, i.b))
            guard a != 0, let p = space.pointer(a, ObjectLayout.arrayElementsOffset) else { return .raised(try guestException(.nullReference, thread)) }
            st64(fp, i.a, p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: Int64.self))
        case .ldElemI1, .ldElemU1, .ldElemI2, .ldElemU2, .ldElemI4, .ldElem4, .ldElem8, .ldElemN:
            let size = i.op == .ldElemN ? i.elementSize : Self.accessSize(i.op)
            switch try elementPointer(fp, array: i.b, index: i.c, imm: i.imm, size: size, thread: thread) {
            case .success(let p): load(i.op, from: p, to: fp + Int(i.a), size: size)
            case .failure(let ex): return .raised(ex.exception)
            }
        case .stElem1, .stElem2, .stElem4, .stElem8, .stElemN:
            let size = i.op == .stElemN ? i.elementSize : Self.accessSize(i.op)
            switch try elementPointer(fp, array: i.a, index: i.b, imm: i.imm, size: size, thread: thread) {
            case .success(let p): p.copyMemory(from: fp + Int(i.c), byteCount: size)
            case .failure(let ex): return .raised(ex.exception)
            }
        case .stElemRef:
            // III.4.26: the stored reference must be assignable to the array's element type.
            let value = UInt64(bitPattern: ld64(fp, i.c))
            switch try elementPointer(fp, array: i.a, index: i.b, imm: i.imm, size: 8, thread: thread) {
            case .success(let p):
                if value != 0, let arrayType = objectType(UInt64(bitPattern: ld64(fp, i.a))), let e = arrayType.elementType,
                   let vt = objectType(value), !(try isAssignable(vt, to: e)) {
                    return .raised(try guestException(.arrayTypeMismatch, thread))
                }
                p.storeBytes(of: value, as: UInt64.self)
            case .failure(let ex): return .raised(ex.exception)
            }
        case .elementAddress, .elementAddressChecked:
            let size = i.op == .elementAddress ? i.elementSize : 8
            if i.op == .elementAddressChecked, let arrayType = objectType(UInt64(bitPattern: ld64(fp, i.b))),
               let e = arrayType.elementType, e.id != UInt32((i.imm >> 32) & 0x3FFF_FFFF) {
                return .raised(try guestException(.arrayTypeMismatch, thread))
            }
            switch try elementPointer(fp, array: i.b, index: i.c, imm: i.imm, size: size, thread: thread) {
            case .success(let p): st64(fp, i.a, Int64(bitPattern: space.guestAddress(p)))
            case .failure(let ex): return .raised(ex.exception)
            }
        case .box:
            guard let t = type(id: UInt32(i.imm)) else { throw RuntimeError(.badImage, "bad type in box") }
            var source: UnsafeRawPointer = UnsafeRawPointer(fp + Int(i.b))
            if i.c == 1 {
                // constrained. on a value type without an override: the operand is a pointer to the value.
                guard let p = space.pointer(UInt64(bitPattern: ld64(fp, i.b)), t.storageSize) else { return .raised(try guestException(.nullReference, thread)) }
                source = UnsafeRawPointer(p)
            }
            guard let obj = try box(t, from: source) else { return .raised(try guestException(.outOfMemory, thread)) }
            st64(fp, i.a, Int64(bitPattern: obj))
        case .unbox, .unboxAny:
            guard let t = type(id: UInt32(i.imm)) else { throw RuntimeError(.badImage, "bad type in unbox") }
            let obj = UInt64(bitPattern: ld64(fp, i.b))
            switch try unboxValue(obj, as: t, thread: thread) {
            case .failure(let ex): return .raised(ex.exception)
            case .success(let address):
                if i.op == .unbox {
                    st64(fp, i.a, Int64(bitPattern: address))
                } else if t.typeDefinition.fullName == "System.Nullable`1" && address == 0 {
                    (fp + Int(i.a)).initializeMemory(as: UInt8.self, repeating: 0, count: Int(i.c))
                } else if t.typeDefinition.fullName == "System.Nullable`1" {
                    try writeNullable(t, from: address, to: fp + Int(i.a))
                } else {
                    load(Transformer.memoryLoadOp(t).elementForm, from: space.unchecked(address), to: fp + Int(i.a), size: t.storageSize)
                }
            }
        case .castClass, .isInstance:
            guard let t = type(id: UInt32(i.imm)) else { throw RuntimeError(.badImage, "bad type in cast") }
            let obj = UInt64(bitPattern: ld64(fp, i.b))
            if obj == 0 { st64(fp, i.a, 0); break }
            guard let ot = objectType(obj) else { return .raised(try guestException(.nullReference, thread)) }
            // I.8.2.4: a boxed T is an instance of Nullable<T> (boxing a Nullable<T> boxes its T).
            let target = t.typeDefinition.fullName == "System.Nullable`1" ? (t.genericArguments.first ?? t) : t
            if try isAssignable(ot, to: target) {
                st64(fp, i.a, Int64(bitPattern: obj))
            } else if i.op == .isInstance {
                st64(fp, i.a, 0)
            } else {
                return .raised(try guestException(.invalidCast, thread))
            }
        case .checkNull:
            if ld64(fp, i.a) == 0 { return .raised(try guestException(.nullReference, thread)) }
        case .throwException:
            let ex = UInt64(bitPattern: ld64(fp, i.a))
            if ex == 0 { return .raised(try guestException(.nullReference, thread)) }
            return .raised(ex)
        case .rethrow:
            let ex = caughtException(running.takeUnretainedValue(), fp: fp, pc: thread.records[thread.records.count - 1].pc - 1)
            guard ex != 0 else { throw RuntimeError(.invalidProgram, "rethrow outside a catch handler") }
            return .raised(ex)
        case .leave:
            let pc = thread.records[thread.records.count - 1].pc - 1
            return .jump(leave(thread, method: running.takeUnretainedValue(), from: pc, to: Int(i.imm)))
        case .endFinally:
            switch try endFinally(thread) {
            case .jump(let target): return .jump(target)
            case .resumeUnwind: return .entered
            case .finishRun: return .finishRun
            }
        case .endFilter:
            return .filterDone(ld32(fp, i.a))
        case .localAlloc:
            // III.3.47: memory lives until the method returns; initialised to zero here always.
            let size = ld64(fp, i.b)
            guard size >= 0, UInt64(size) <= thread.localAllocRegion.end - thread.localAllocTop else {
                throw RuntimeError(.budgetExhausted, "localloc of \(size) bytes exceeds the stack allocation budget")
            }
            let address = thread.localAllocTop
            thread.localAllocTop += (UInt64(size) + 15) & ~15
            if size > 0 { space.unchecked(address).initializeMemory(as: UInt8.self, repeating: 0, count: Int(size)) }
            st64(fp, i.a, Int64(bitPattern: address))
        case .copyBlock:
            let size = Int(UInt32(truncatingIfNeeded: ld64(fp, i.c)))
            guard let d = space.pointer(UInt64(bitPattern: ld64(fp, i.a)), size), let s = space.pointer(UInt64(bitPattern: ld64(fp, i.b)), size) else {
                return .raised(try guestException(.nullReference, thread))
            }
            d.copyMemory(from: s, byteCount: size)
        case .initBlock:
            // initblk (value in slot b, size in slot c) or initobj (b = -1, size in imm).
            let size = i.b < 0 ? Int(i.imm) : Int(UInt32(truncatingIfNeeded: ld64(fp, i.c)))
            let value = i.b < 0 ? UInt8(0) : UInt8(truncatingIfNeeded: ld64(fp, i.b))
            guard let d = space.pointer(UInt64(bitPattern: ld64(fp, i.a)), size) else { return .raised(try guestException(.nullReference, thread)) }
            d.initializeMemory(as: UInt8.self, repeating: value, count: size)
        case .copyObject:
            let size = Int(i.imm)
            guard let d = space.pointer(UInt64(bitPattern: ld64(fp, i.a)), size), let s = space.pointer(UInt64(bitPattern: ld64(fp, i.b)), size) else {
                return .raised(try guestException(.nullReference, thread))
            }
            d.copyMemory(from: s, byteCount: size)
        case .makeRefAny:
            // TypedReference: (type handle, value pointer) — Mono's layout is type, value, klass.
            try writeTypedReference(to: fp + Int(i.a), pointer: UInt64(bitPattern: ld64(fp, i.b)), typeHandle: UInt64(bitPattern: i.imm))
        case .refAnyValue:
            let (typeHandle, pointer) = try readTypedReference(fp + Int(i.b))
            guard typeHandle == UInt64(bitPattern: i.imm) else { return .raised(try guestException(.invalidCast, thread)) }
            st64(fp, i.a, Int64(bitPattern: pointer))
        case .refAnyType:
            let (typeHandle, _) = try readTypedReference(fp + Int(i.b))
            st64(fp, i.a, Int64(bitPattern: typeHandle))
        case .loadFunction:
            st64(fp, i.a, i.imm)
        case .loadVirtualFunction:
            let obj = UInt64(bitPattern: ld64(fp, i.b))
            guard let t = objectType(obj), let m = methodHandles.item(i.imm) else { return .raised(try guestException(.nullReference, thread)) }
            st64(fp, i.a, handle(of: try virtualTarget(m, t)))
        case .argList:
            st64(fp, i.a, Int64(bitPattern: try argumentList(thread, fp: fp, method: running.takeUnretainedValue())))
        case .breakpoint:
            break
        default:
            let il = thread.records.last.map { Int($0.method.ilOffsets[max(0, $0.pc - 1)]) } ?? 0
            throw RuntimeError(.notImplemented, "internal op \(i.op) in \(running.takeUnretainedValue().method) at IL_\(String(il, radix: 16))")
        }
        return .completed
    }

    /// Host pointer to element `index` of the array in slot `array` after the null and bounds checks (III.4.7).
    func elementPointer(_ fp: UnsafeMutableRawPointer, array: Int32, index: Int32, imm: Int64, size: Int, thread: GuestThread) throws(RuntimeError) -> Result<UnsafeMutableRawPointer, GuestRaise> {
        let a = UInt64(bitPattern: ld64(fp, array))
        guard a != 0, let header = space.pointer(a, ObjectLayout.arrayElementsOffset) else { return .failure(GuestRaise(try guestException(.nullReference, thread))) }
        let length = header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        let i = UInt64(bitPattern: Self.elementIndex(fp, index, imm))
        guard i < length else { return .failure(GuestRaise(try guestException(.indexOutOfRange, thread))) }
        guard let p = space.pointer(a + UInt64(ObjectLayout.arrayElementsOffset) + i * UInt64(size), size) else {
            return .failure(GuestRaise(try guestException(.indexOutOfRange, thread)))
        }
        return .success(p)
    }

    /// III.4.32: the address of the value inside a box of `t` (Nullable<T> accepts a box of T or null).
    func unboxValue(_ obj: UInt64, as t: RuntimeType, thread: GuestThread) throws(RuntimeError) -> Result<UInt64, GuestRaise> {
        let isNullable = t.typeDefinition.fullName == "System.Nullable`1"
        if obj == 0 {
            if isNullable { return .success(0) }
            return .failure(GuestRaise(try guestException(.nullReference, thread)))
        }
        guard let ot = objectType(obj) else { return .failure(GuestRaise(try guestException(.nullReference, thread))) }
        let expected = isNullable ? (t.genericArguments.first ?? t) : t
        // Exact type, or an enum and its underlying primitive either way round (Mono allows both).
        let equivalent = ot.isValueType && expected.isValueType && (ot.isEnum || expected.isEnum)
            && ot.primitive != nil && ot.primitive == expected.primitive
        if ot === expected || equivalent {
            return .success(obj + UInt64(ObjectLayout.headerSize))
        }
        return .failure(GuestRaise(try guestException(.invalidCast, thread)))
    }

    func writeNullable(_ t: RuntimeType, from address: UInt64, to destination: UnsafeMutableRawPointer) throws(RuntimeError) {
        let hasValue = try field(named: "hasValue", in: t)
        let value = try field(named: "value", in: t)
        destination.initializeMemory(as: UInt8.self, repeating: 0, count: (t.storageSize + 7) & ~7)
        destination.storeBytes(of: 1, toByteOffset: hasValue.offset, as: UInt8.self)
        (destination + value.offset).copyMemory(from: space.unchecked(address), byteCount: value.type.storageSize)
    }

    func writeTypedReference(to p: UnsafeMutableRawPointer, pointer: UInt64, typeHandle: UInt64) throws(RuntimeError) {
        let t = try coreType("System.TypedReference")
        try ensureLayout(t)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: max(t.instanceSize, 16))
        for f in t.instanceFields {
            if f.name == "Value" || f.name == "value" { p.storeBytes(of: pointer, toByteOffset: f.offset, as: UInt64.self) }
            if f.name == "Type" || f.name == "type" { p.storeBytes(of: typeHandle, toByteOffset: f.offset, as: UInt64.self) }
        }
    }

    func readTypedReference(_ p: UnsafeMutableRawPointer) throws(RuntimeError) -> (type: UInt64, pointer: UInt64) {
        let t = try coreType("System.TypedReference")
        try ensureLayout(t)
        var type: UInt64 = 0, pointer: UInt64 = 0
        for f in t.instanceFields {
            if f.name == "Value" || f.name == "value" { pointer = p.loadUnaligned(fromByteOffset: f.offset, as: UInt64.self) }
            if f.name == "Type" || f.name == "type" { type = p.loadUnaligned(fromByteOffset: f.offset, as: UInt64.self) }
        }
        return (type, pointer)
    }

    enum ArrayResult { case success(UInt64), failure(UInt64) }

    /// II.14.2: multi-dimensional arrays from lengths (or lower bound/length pairs).
    func newMultiDimensionalArray(_ t: RuntimeType, _ values: [Int64], thread: GuestThread) throws(RuntimeError) -> ArrayResult {
        let rank = t.rank
        var lengths: [Int64] = [], lowerBounds: [Int64] = []
        if values.count == rank { lengths = values; lowerBounds = Array(repeating: 0, count: rank) }
        else if values.count == 2 * rank {
            for k in 0 ..< rank { lowerBounds.append(values[2 * k]); lengths.append(values[2 * k + 1]) }
        } else { throw RuntimeError(.invalidProgram, "array constructor with \(values.count) arguments for rank \(rank)") }
        var total: Int64 = 1
        for l in lengths {
            guard l >= 0 else { return .failure(try guestException(.overflow, thread)) }
            let (r, o) = total.multipliedReportingOverflow(by: l)
            guard !o, r <= Int64(Int32.max) else { return .failure(try guestException(.outOfMemory, thread)) }
            total = r
        }
        guard let element = t.elementType else { throw RuntimeError(.badImage, "array without element type") }
        try ensureLayout(element)
        let dataOffset = ObjectLayout.multiArrayElementsOffset(rank: rank)
        guard let a = allocate(t, size: dataOffset + Int(total) * element.storageSize) else { return .failure(try guestException(.outOfMemory, thread)) }
        let p = space.unchecked(a)
        p.storeBytes(of: UInt64(total), toByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        p.storeBytes(of: a + UInt64(ObjectLayout.multiArrayBoundsOffset), toByteOffset: ObjectLayout.arrayBoundsPointerOffset, as: UInt64.self)
        for k in 0 ..< rank {
            p.storeBytes(of: Int32(lengths[k]), toByteOffset: ObjectLayout.multiArrayBoundsOffset + 8 * k, as: Int32.self)
            p.storeBytes(of: Int32(lowerBounds[k]), toByteOffset: ObjectLayout.multiArrayBoundsOffset + 8 * k + 4, as: Int32.self)
        }
        return .success(a)
    }
}

/// A guest exception object to raise, carried through Swift `Result`s.
struct GuestRaise: Error { var exception: UInt64; init(_ e: UInt64) { exception = e } }

extension Op {
    /// The element-load op with the same widening as this memory-load op.
    var elementForm: Op {
        switch self {
        case .ldMemI1: .ldElemI1
        case .ldMemU1: .ldElemU1
        case .ldMemI2: .ldElemI2
        case .ldMemU2: .ldElemU2
        case .ldMemI4: .ldElemI4
        case .ldMem4: .ldElem4
        case .ldMem8: .ldElem8
        default: .ldElemN
        }
    }
}
