/// System.Runtime.InteropServices.GCHandle's internal calls (Mono's gc.c), over the runtime's
/// handle table (GCHandleTable.swift). WeakReference, WeakReference<T> and much of the class
/// library reach the collector through these.
extension NativeRegistry {
    func registerGCHandleNatives() {
        // GetTargetHandle(object obj, int handle, GCHandleType type): type -1 changes the target of
        // `handle` and returns it; otherwise a new handle of that type.
        register("System.Runtime.InteropServices.GCHandle::GetTargetHandle") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let target = c.uint64(0)
            let handle = c.int32(1)
            let type = c.int32(2)
            if type == -1 {
                r.gcReferences.handles.setTarget(handle, target)
                c.returnInt32(handle)
                return
            }
            // The managed constructor maps types outside 0...3 to Normal; so does this.
            let kind = GCHandleTable.Kind(rawValue: UInt8(truncatingIfNeeded: type)) ?? .normal
            guard type >= 0, let h = r.gcReferences.handles.allocate(target, kind) else {
                if type < 0 { try c.raise(.argumentOutOfRange) } else { try c.raise(.outOfMemory) }
                return
            }
            c.returnInt32(h)
        }
        register("System.Runtime.InteropServices.GCHandle::GetTarget") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(c.runtime.gcReferences.handles.target(c.int32(0)))
        }
        register("System.Runtime.InteropServices.GCHandle::FreeHandle") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.gcReferences.handles.free(c.int32(0))
        }
        register("System.Runtime.InteropServices.GCHandle::CheckCurrentDomain") { (c: inout NativeContext) throws(RuntimeError) in
            // One domain: a handle is "in the current domain" when it is allocated.
            c.returnBool(c.runtime.gcReferences.handles.slot(of: c.int32(0)) != nil)
        }
        register("System.Runtime.InteropServices.GCHandle::GetAddrOfPinnedObject") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(c.runtime.addressOfPinnedObject(c.int32(0)))
        }
        // The address of element `index` of an array the caller has pinned (no bounds check, as in Mono).
        register("System.Runtime.InteropServices.Marshal::UnsafeAddrOfPinnedArrayElement") { (c: inout NativeContext) throws(RuntimeError) in
            let array = c.uint64(0)
            guard let t = c.runtime.objectType(array), let e = t.elementType else { try c.raise(.argumentNull); return }
            let data = t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
            c.returnUInt64(array &+ UInt64(data) &+ UInt64(bitPattern: Int64(c.int32(1)) &* Int64(e.storageSize)))
        }
    }
}

extension Runtime {
    /// Mono's GetAddrOfPinnedObject: -2 when the handle is not pinned (the managed caller throws
    /// InvalidOperationException), 0 for a null target, the characters of a string, the first element
    /// of an array, the data of an object with sequential or explicit layout, and -1 for an
    /// auto-layout object (ArgumentException: not blittable).
    func addressOfPinnedObject(_ handle: Int32) -> UInt64 {
        guard GCHandleTable.kind(ofHandle: handle) == .pinned else { return UInt64(bitPattern: -2) }
        let target = gcReferences.handles.target(handle)
        guard target != 0, let t = objectType(target) else { return 0 }
        switch t.kind {
        case .szArray: return target + UInt64(ObjectLayout.arrayElementsOffset)
        case .array(let rank): return target + UInt64(ObjectLayout.multiArrayElementsOffset(rank: rank))
        default:
            if t === (try? coreType("System.String")) { return target + UInt64(ObjectLayout.stringCharsOffset) }
            // Mono's test is the layout flag alone (boxed values keep their data after the header too).
            if !t.isSequentialLayout && !t.isExplicitLayout { return UInt64(bitPattern: -1) }
            return target + UInt64(ObjectLayout.fieldsOffset)
        }
    }
}
