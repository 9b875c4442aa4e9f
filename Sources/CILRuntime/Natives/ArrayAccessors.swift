/// The accessors the runtime provides for multi-dimensional arrays (II.14.2): `Get`, `Set`
/// and `Address`, each taking one int32 index per dimension (checked against the bounds).
extension Runtime {
    func arrayAccessor(_ m: RuntimeMethod) -> NativeMethod? {
        guard m.module == nil, m.owner.isArray else { return nil }
        switch m.name {
        case "Get", "Set", "Address":
            return { (c: inout NativeContext) throws(RuntimeError) in try c.runtime.accessArray(&c, m.name) }
        default:
            return nil
        }
    }

    private func accessArray(_ c: inout NativeContext, _ name: String) throws(RuntimeError) {
        let a = c.uint64(0)
        guard let t = objectType(a), let e = t.elementType else { try c.raise(.nullReference); return }
        try ensureLayout(e)
        let rank = t.rank
        var flat = 0
        let header = space.unchecked(a)
        for d in 0 ..< rank {
            let index = Int(c.int32(1 + d))
            let length: Int, lower: Int
            if t.isSZArray {
                length = ObjectLayout.guestLength(header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)); lower = 0
            } else {
                length = Int(header.loadUnaligned(fromByteOffset: ObjectLayout.multiArrayBoundsOffset + 8 * d, as: Int32.self))
                lower = Int(header.loadUnaligned(fromByteOffset: ObjectLayout.multiArrayBoundsOffset + 8 * d + 4, as: Int32.self))
            }
            let i = index - lower
            guard i >= 0, i < length else { try c.raise(.indexOutOfRange); return }
            flat = flat * length + i
        }
        let offset = (t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: rank)) + flat * e.storageSize
        guard let element = space.pointer(a + UInt64(offset), e.storageSize) else { try c.raise(.indexOutOfRange); return }
        switch name {
        case "Address":
            c.returnUInt64(a + UInt64(offset))
        case "Get":
            let op = Transformer.memoryLoadOp(e).elementForm
            load(op, from: element, to: c.frame, size: e.storageSize)
        default:
            let value = c.slot(1 + rank)
            if e.isReferenceType, value.loadUnaligned(as: UInt64.self) != 0, let vt = objectType(value.loadUnaligned(as: UInt64.self)), !(try isAssignable(vt, to: e)) {
                try c.raise(.arrayTypeMismatch); return
            }
            element.copyMemory(from: value, byteCount: e.storageSize)
        }
    }
}
