/// Block copies over guest memory (System.Buffer), bounds-checked against the address space.
extension NativeRegistry {
    func registerBufferNatives() {
        // InternalMemcpy(byte* dest, byte* src, int count)
        register("System.Buffer::InternalMemcpy") { (c: inout NativeContext) throws(RuntimeError) in
            let count = Int(c.int32(2))
            guard count >= 0 else { return }
            guard let d = c.runtime.space.pointer(c.uint64(0), count), let s = c.runtime.space.pointer(c.uint64(1), count) else {
                try c.raise(.nullReference); return
            }
            d.copyMemory(from: s, byteCount: count)
        }
        // InternalBlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count): byte offsets.
        register("System.Buffer::InternalBlockCopy") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let src = c.uint64(0), dst = c.uint64(2)
            let so = Int(c.int32(1)), dof = Int(c.int32(3)), n = Int(c.int32(4))
            guard let sb = r.primitiveArrayBytes(src), let db = r.primitiveArrayBytes(dst) else { c.returnBool(false); return }
            guard so >= 0, dof >= 0, n >= 0, so + n <= sb.count, dof + n <= db.count else { c.returnBool(false); return }
            (db.base + dof).copyMemory(from: sb.base + so, byteCount: n)
            c.returnBool(true)
        }
        register("System.Buffer::_ByteLength") { (c: inout NativeContext) throws(RuntimeError) in
            guard let b = c.runtime.primitiveArrayBytes(c.uint64(0)) else { c.returnInt32(-1); return }
            c.returnInt32(Int32(b.count))
        }
        // ZeroMemory(byte* p, uint len)
        register("System.Buffer::InternalZeroMemory") { (c: inout NativeContext) throws(RuntimeError) in
            let count = Int(UInt32(truncatingIfNeeded: c.int64(1)))
            guard let p = c.runtime.space.pointer(c.uint64(0), count) else { try c.raise(.nullReference); return }
            p.initializeMemory(as: UInt8.self, repeating: 0, count: count)
        }
    }
}

extension Runtime {
    /// The element bytes of an array of primitives (Buffer.BlockCopy's domain), or nil.
    func primitiveArrayBytes(_ array: UInt64) -> (base: UnsafeMutableRawPointer, count: Int)? {
        guard let t = objectType(array), t.isArray, let e = t.elementType, e.primitive != nil, !e.isEnum || true else { return nil }
        let header = space.unchecked(array)
        let length = ObjectLayout.guestLength(header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
        let offset = t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
        guard let p = space.pointer(array + UInt64(offset), length * e.storageSize) else { return nil }
        return (p, length * e.storageSize)
    }
}
