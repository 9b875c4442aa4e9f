/// The common case of the array instructions (III.4.7 ldelem, III.4.26 stelem, III.4.8 ldelema,
/// III.4.12 ldlen), inlined into the interpreter loop. Anything unusual — a null array, an
/// index out of range — returns false and the instruction goes through `executeObjectOp`,
/// which raises the exception.
extension Runtime {
    @inline(__always)
    func arrayFastPath(_ i: Inst, _ fp: UnsafeMutableRawPointer) -> Bool {
        switch i.op {
        case .ldElemI1, .ldElemU1, .ldElemI2, .ldElemU2, .ldElemI4, .ldElem4, .ldElem8:
            let size = Self.accessSize(i.op)
            guard let p = elementAddressFast(fp, array: i.b, index: i.c, imm: i.imm, size: size) else { return false }
            load(i.op, from: p, to: fp + Int(i.a), size: size)
        case .stElem1, .stElem2, .stElem4, .stElem8:
            let size = Self.accessSize(i.op)
            guard let p = elementAddressFast(fp, array: i.a, index: i.b, imm: i.imm, size: size) else { return false }
            p.copyMemory(from: fp + Int(i.c), byteCount: size)
        case .elementAddress:
            guard let p = elementAddressFast(fp, array: i.b, index: i.c, imm: i.imm, size: i.elementSize) else { return false }
            st64(fp, i.a, Int64(bitPattern: space.guestAddress(p)))
        case .arrayLength:
            let a = UInt64(bitPattern: ld64(fp, i.b))
            guard a != 0, let p = space.pointer(a, ObjectLayout.arrayElementsOffset) else { return false }
            st64(fp, i.a, p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: Int64.self))
        default:
            return false
        }
        return true
    }

    /// Host address of the element at the index in slot `index` of the array in slot `array`,
    /// or nil for a null array or an index out of range.
    @inline(__always)
    func elementAddressFast(_ fp: UnsafeMutableRawPointer, array: Int32, index: Int32, imm: Int64, size: Int) -> UnsafeMutableRawPointer? {
        let a = UInt64(bitPattern: ld64(fp, array))
        guard a != 0, let header = space.pointer(a, ObjectLayout.arrayElementsOffset) else { return nil }
        let length = header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        let i = UInt64(bitPattern: Self.elementIndex(fp, index, imm))
        guard i < length else { return nil }
        return space.pointer(a &+ UInt64(ObjectLayout.arrayElementsOffset) &+ i &* UInt64(size), size)
    }

    /// The index operand of an element instruction, as its stack type says (int32 or native int).
    @inline(__always)
    static func elementIndex(_ fp: UnsafeMutableRawPointer, _ slot: Int32, _ imm: Int64) -> Int64 {
        imm & Inst.int32Index != 0 ? Int64(ld32(fp, slot)) : ld64(fp, slot)
    }
}
