/// Variable argument lists (II.15.3, III.3.4 arglist). A vararg call records which extra
/// argument types it passed (a cookie); `arglist` turns that into a RuntimeArgumentHandle whose
/// value points to a descriptor in the frame's localloc area (the call moved the extra
/// arguments to that area too, since the callee's locals start right after its fixed ones):
///     [Int64 count][UInt64 address of the first extra argument][UInt64 type id × count]
/// ArgIterator's internal calls walk that descriptor.
extension Runtime {
    func registerVarargCookie(_ types: [RuntimeType]) -> Int {
        varargCookies.append(types)
        return varargCookies.count - 1
    }

    func argumentList(_ thread: GuestThread, fp: UnsafeMutableRawPointer, method: TransformedMethod) throws(RuntimeError) -> UInt64 {
        let record = thread.records[thread.records.count - 1]
        let types = record.varargCookie > 0 && Int(record.varargCookie) < varargCookies.count ? varargCookies[Int(record.varargCookie)] : []
        let size = 16 + 8 * types.count
        guard UInt64(size) <= thread.localAllocRegion.end - thread.localAllocTop else {
            throw RuntimeError(.budgetExhausted, "stack allocation budget exhausted by arglist")
        }
        let descriptor = thread.localAllocTop
        thread.localAllocTop += UInt64((size + 15) & ~15)
        let p = space.unchecked(descriptor)
        p.storeBytes(of: Int64(types.count), as: Int64.self)
        p.storeBytes(of: record.varargArguments, toByteOffset: 8, as: UInt64.self)
        for (k, t) in types.enumerated() { p.storeBytes(of: UInt64(t.id), toByteOffset: 16 + 8 * k, as: UInt64.self) }
        return descriptor
    }
}

extension NativeRegistry {
    func registerVarargNatives() {
        // Setup(IntPtr argsp, IntPtr start): argsp is our descriptor.
        register("System.ArgIterator::Setup") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let t = try r.coreType("System.ArgIterator")
            guard let this = r.space.pointer(c.uint64(0), 24), let d = r.space.pointer(c.uint64(1), 16) else { try c.raise(.argument); return }
            let count = d.loadUnaligned(as: Int64.self)
            guard count >= 0, count < 4096 else { try c.raise(.argument); return }
            this.storeBytes(of: c.uint64(1), toByteOffset: try r.field(named: "sig", in: t).offset, as: UInt64.self)
            this.storeBytes(of: d.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: try r.field(named: "args", in: t).offset, as: UInt64.self)
            this.storeBytes(of: Int32(0), toByteOffset: try r.field(named: "next_arg", in: t).offset, as: Int32.self)
            this.storeBytes(of: Int32(count), toByteOffset: try r.field(named: "num_args", in: t).offset, as: Int32.self)
        }
        register("System.ArgIterator::IntGetNextArg") { (c: inout NativeContext) throws(RuntimeError) in
            try c.runtime.nextArgument(&c, result: c.uint64(1), expectedType: 0)
        }
        register("System.ArgIterator::IntGetNextArgWithType") { (c: inout NativeContext) throws(RuntimeError) in
            try c.runtime.nextArgument(&c, result: c.uint64(1), expectedType: c.uint64(2))
        }
        register("System.ArgIterator::IntGetNextArgType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (_, type, _) = try c.runtime.peekArgument(c.uint64(0)) else { try c.raise(.invalidOperation); return }
            c.returnUInt64(UInt64(type.id))
        }
        // TypedReference.InternalToObject(void* typedReference): the value boxed (or the reference itself).
        register("System.TypedReference::InternalToObject") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let tr = r.space.pointer(c.uint64(0), 16) else { try c.raise(.nullReference); return }
            let (handle, pointer) = try r.readTypedReference(tr)
            guard let t = r.type(id: UInt32(truncatingIfNeeded: handle)), let value = r.space.pointer(pointer, 8) else { try c.raise(.argumentNull); return }
            try r.ensureLayout(t)
            if t.isReferenceType { c.returnUInt64(value.loadUnaligned(as: UInt64.self)); return }
            guard let boxed = try r.box(t, from: value) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(boxed)
        }
    }
}

extension Runtime {
    /// The next argument of the ArgIterator at `iterator`: its address, type and the iterator's fields.
    func peekArgument(_ iterator: UInt64) throws(RuntimeError) -> (address: UInt64, type: RuntimeType, next: Int32)? {
        let t = try coreType("System.ArgIterator")
        guard let it = space.pointer(iterator, 24) else { return nil }
        let sig = it.loadUnaligned(fromByteOffset: try field(named: "sig", in: t).offset, as: UInt64.self)
        let args = it.loadUnaligned(fromByteOffset: try field(named: "args", in: t).offset, as: UInt64.self)
        let next = it.loadUnaligned(fromByteOffset: try field(named: "next_arg", in: t).offset, as: Int32.self)
        let count = it.loadUnaligned(fromByteOffset: try field(named: "num_args", in: t).offset, as: Int32.self)
        guard next >= 0, next < count, let d = space.pointer(sig + 16 + UInt64(8 * Int(next)), 8),
              let type = self.type(id: UInt32(truncatingIfNeeded: d.loadUnaligned(as: UInt64.self))) else { return nil }
        return (args, type, next)
    }

    func nextArgument(_ c: inout NativeContext, result: UInt64, expectedType: UInt64) throws(RuntimeError) {
        let iterator = c.uint64(0)
        guard let (address, type, next) = try peekArgument(iterator), let out = space.pointer(result, 16) else { try c.raise(.invalidOperation); return }
        if expectedType != 0 && expectedType != UInt64(type.id) { try c.raise(.invalidCast); return }
        try ensureLayout(type)
        try writeTypedReference(to: out, pointer: address, typeHandle: UInt64(type.id))
        let t = try coreType("System.ArgIterator")
        let it = space.unchecked(iterator)
        it.storeBytes(of: address + UInt64((type.storageSize + 7) & ~7), toByteOffset: try field(named: "args", in: t).offset, as: UInt64.self)
        it.storeBytes(of: next + 1, toByteOffset: try field(named: "next_arg", in: t).offset, as: Int32.self)
    }
}
