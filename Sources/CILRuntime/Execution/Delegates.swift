/// Delegates (II.14.6): the runtime implements their constructor and Invoke. A delegate keeps
/// its target in `m_target` and the method's handle in `method`; a multicast delegate made by
/// Delegate.Combine keeps its parts in `delegates`, invoked in order.
extension Runtime {
    func isDelegateType(_ t: RuntimeType) -> Bool {
        var c = t.baseType
        while let x = c {
            if x.fullName == "System.MulticastDelegate" || x.fullName == "System.Delegate" { return true }
            c = x.baseType
        }
        return false
    }

    struct DelegateFields {
        var target: Int
        var method: Int
        var methodIsVirtual: Int
        var delegates: Int
    }

    func delegateFields() throws(RuntimeError) -> DelegateFields {
        if let f = cachedDelegateFields { return f }
        let multicast = try coreType("System.MulticastDelegate")
        let f = DelegateFields(target: try field(named: "m_target", in: multicast).offset,
                               method: try field(named: "method", in: multicast).offset,
                               methodIsVirtual: try field(named: "method_is_virtual", in: multicast).offset,
                               delegates: try field(named: "delegates", in: multicast).offset)
        cachedDelegateFields = f
        return f
    }

    /// Delegate.AllocDelegateLike_internal: an uninitialised delegate of the same type (Combine fills it).
    func allocateDelegateLike(_ c: inout NativeContext) throws(RuntimeError) {
        guard let t = objectType(c.uint64(0)) else { try c.raise(.argumentNull); return }
        guard let d = try newObject(t) else { try c.raise(.outOfMemory); return }
        c.returnUInt64(d)
    }

    /// The delegate constructor `.ctor(object target, native int method)`.
    func constructDelegate(_ c: inout NativeContext) throws(RuntimeError) {
        let f = try delegateFields()
        let d = space.unchecked(c.uint64(0))
        d.storeBytes(of: c.uint64(1), toByteOffset: f.target, as: UInt64.self)
        d.storeBytes(of: c.uint64(2), toByteOffset: f.method, as: UInt64.self)
    }

    /// Rewrites a delegate Invoke frame into a call of the delegate's method and enters it.
    /// The frame holds [delegate][arguments…] of `argumentBytes` bytes.
    func invokeDelegate(_ invoke: RuntimeMethod, frame: UnsafeMutableRawPointer, thread: GuestThread) throws(RuntimeError) -> CallOutcome {
        let delegate = frame.loadUnaligned(as: UInt64.self)
        guard delegate != 0, space.pointer(delegate, ObjectLayout.headerSize) != nil else {
            return .raised(try guestException(.nullReference, thread))
        }
        let f = try delegateFields()
        let d = space.unchecked(delegate)
        let parts = d.loadUnaligned(fromByteOffset: f.delegates, as: UInt64.self)
        let argumentBytes = try argumentsSize(invoke) - 8
        if parts != 0 {
            // Multicast: call every part but the last on a copy of the arguments; the last one's result stands.
            let count = ObjectLayout.guestLength(space.unchecked(parts).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
            let saved = Array(UnsafeRawBufferPointer(start: frame + 8, count: argumentBytes))
            for k in 0 ..< count {
                guard let slot = space.pointer(parts + UInt64(ObjectLayout.arrayElementsOffset + 8 * k), 8) else { return .raised(try guestException(.nullReference, thread)) }
                let part = slot.loadUnaligned(as: UInt64.self)
                saved.withUnsafeBytes { (frame + 8).copyMemory(from: $0.baseAddress!, byteCount: argumentBytes) }
                frame.storeBytes(of: part, as: UInt64.self)
                if k == count - 1 { return try invokeDelegate(invoke, frame: frame, thread: thread) }
                if case .threw(let ex) = try invokeSingle(invoke, frame: frame, thread: thread, nested: true) { return .raised(ex) }
            }
            return .completed
        }
        return try enterSingle(invoke, frame: frame, thread: thread)
    }

    private func invokeSingle(_ invoke: RuntimeMethod, frame: UnsafeMutableRawPointer, thread: GuestThread, nested: Bool) throws(RuntimeError) -> RunResult {
        guard let (target, newFrame) = try prepareDelegateCall(invoke, frame: frame) else { return .threw(try guestException(.nullReference, thread)) }
        return try self.invoke(target, frame: newFrame, thread: thread)
    }

    private func enterSingle(_ invoke: RuntimeMethod, frame: UnsafeMutableRawPointer, thread: GuestThread) throws(RuntimeError) -> CallOutcome {
        guard let (target, newFrame) = try prepareDelegateCall(invoke, frame: frame) else { return .raised(try guestException(.nullReference, thread)) }
        if newFrame != frame {
            // A static target: the arguments moved down over the delegate slot; the result goes there too.
            return try enter(target, frame: newFrame, kind: .normal, thread: thread)
        }
        return try enter(target, frame: frame, kind: .normal, thread: thread)
    }

    /// Places the target's `this` (or drops the delegate slot for static targets) and returns
    /// the method to enter and its frame.
    private func prepareDelegateCall(_ invoke: RuntimeMethod, frame: UnsafeMutableRawPointer) throws(RuntimeError) -> (RuntimeMethod, UnsafeMutableRawPointer)? {
        let f = try delegateFields()
        let d = space.unchecked(frame.loadUnaligned(as: UInt64.self))
        let targetObject = d.loadUnaligned(fromByteOffset: f.target, as: UInt64.self)
        guard var method = methodHandles.item(d.loadUnaligned(fromByteOffset: f.method, as: Int64.self)) else { return nil }
        let argumentBytes = try argumentsSize(invoke) - 8
        if method.isStatic {
            if targetObject == 0 {
                // Open static: the Invoke arguments are the method's arguments.
                frame.copyMemory(from: frame + 8, byteCount: argumentBytes)
            } else {
                // Closed static (e.g. an extension method): the target is the first argument.
                frame.storeBytes(of: targetObject, as: UInt64.self)
            }
            return (method, frame)
        }
        if targetObject == 0 {
            // Open instance: the first Invoke argument is `this`.
            frame.copyMemory(from: frame + 8, byteCount: argumentBytes)
            let this = frame.loadUnaligned(as: UInt64.self)
            if method.isVirtual, let t = objectType(this) { method = try virtualTarget(method, t) }
            return (method, frame)
        }
        // A closed delegate calls exactly the method it was made from: ldvirtftn already
        // resolved virtual methods, and ldftn of a virtual method means that very method.
        frame.storeBytes(of: method.owner.isValueType ? targetObject + UInt64(ObjectLayout.headerSize) : targetObject, as: UInt64.self)
        return (method, frame)
    }

    /// Bytes of the argument area of `m` (this included), as the transform lays it out.
    func argumentsSize(_ m: RuntimeMethod) throws(RuntimeError) -> Int {
        let s = try signature(m)
        var size = s.hasThis ? 8 : 0
        for p in s.parameters { try ensureLayout(p); size += (p.storageSize + 7) & ~7 }
        return size
    }
}
