/// Guest objects that stand for runtime entities: System.RuntimeType for `GetType()` and
/// `typeof`, identity hash codes, and shallow copies.
extension Runtime {
    /// The one System.RuntimeType object of `t` (Mono keeps its MonoType* in `_impl.value`; we keep the type id).
    func typeObject(_ t: RuntimeType, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        if let o = typeObjects[t.id] { return o }
        let runtimeType = try coreType("System.RuntimeType")
        guard let o = try newObject(runtimeType) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a Type object") }
        let impl = try field(named: "_impl", in: runtimeType)
        space.unchecked(o + UInt64(impl.offset)).storeBytes(of: UInt64(t.id), as: UInt64.self)
        typeObjects[t.id] = o
        pinnedObjects.append(o)
        return o
    }

    /// A stable per-object hash (Object.GetHashCode), kept in the header's sync word.
    func identityHash(_ object: UInt64) -> Int32 {
        guard let p = space.pointer(object, ObjectLayout.headerSize) else { return 0 }
        var h = p.loadUnaligned(fromByteOffset: ObjectLayout.syncWordOffset, as: UInt64.self)
        if h == 0 {
            nextHash = nextHash &* 6364136223846793005 &+ 1442695040888963407
            h = (nextHash >> 33) | 1
            p.storeBytes(of: h, toByteOffset: ObjectLayout.syncWordOffset, as: UInt64.self)
        }
        return Int32(truncatingIfNeeded: h & 0x7FFF_FFFF)
    }

    /// Object.MemberwiseClone: a new object with the same type and bytes (header hash cleared).
    func shallowCopy(_ object: UInt64) throws(RuntimeError) -> UInt64? {
        guard let t = objectType(object), let size = heap.allocationSize(ofObjectAt: object) else { return nil }
        nativeRoots.append(object)
        defer { nativeRoots.removeLast() }
        guard let copy = allocate(t, size: size) else { return nil }
        (space.unchecked(copy) + ObjectLayout.fieldsOffset).copyMemory(from: space.unchecked(object) + ObjectLayout.fieldsOffset,
                                                                       byteCount: size - ObjectLayout.fieldsOffset)
        return copy
    }
}
