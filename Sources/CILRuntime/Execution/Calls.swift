/// Entering methods: direct, virtual, interface, indirect and constructor calls, and natives
/// (DESIGN decision 5: one call chain for every kind of call).
extension Runtime {
    enum CallOutcome {
        /// A new activation was pushed; the loop continues in the callee.
        case entered
        /// The call finished without a new activation (a native).
        case completed
        case raised(UInt64)
    }

    func performCall(_ i: Inst, thread: GuestThread, fp: UnsafeMutableRawPointer) throws(RuntimeError) -> CallOutcome {
        // newobj of a class this site has constructed before: allocate and push here (kept out
        // of the interpreter loop, whose code size matters for every instruction).
        if i.op == .newObject {
            let caller = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method)
            if try constructKnownObject(i, caller: caller, fp: fp, pc: thread.records[thread.records.count - 1].pc, thread: thread) != nil {
                return .entered
            }
            let outcome = try performGeneralCall(i, thread: thread, fp: fp)
            if case .entered = outcome { learnConstructor(i, caller: caller.takeUnretainedValue(), callerFrame: fp, thread: thread) }
            return outcome
        }
        return try performGeneralCall(i, thread: thread, fp: fp)
    }

    func performGeneralCall(_ i: Inst, thread: GuestThread, fp: UnsafeMutableRawPointer) throws(RuntimeError) -> CallOutcome {
        let base = fp + Int(i.a)
        var callee: RuntimeMethod
        var frameKind: CallRecord.Kind = .normal
        switch i.op {
        case .callIndirect:
            let handle = ld64(fp, i.b)
            guard let m = methodHandles.item(handle) else { return .raised(try guestException(.nullReference, thread)) }
            callee = m
        case .newObject:
            guard let ctor = methodHandles.item(i.imm) else { throw RuntimeError(.badImage, "bad constructor handle") }
            guard let object = try newObject(ctor.owner) else { return .raised(try guestException(.outOfMemory, thread)) }
            // Make room for `this` below the arguments: the constructor's frame is [this][args].
            (base + 8).copyMemory(from: base, byteCount: Int(i.c))
            base.storeBytes(of: object, as: UInt64.self)
            callee = ctor
            frameKind = .constructor(object: object)
        case .newValueObject:
            guard let ctor = methodHandles.item(i.imm) else { throw RuntimeError(.badImage, "bad constructor handle") }
            let size = (ctor.owner.storageSize + 7) & ~7
            let ctorFrame = base + size
            (ctorFrame + 8).copyMemory(from: base, byteCount: Int(i.c))
            base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            ctorFrame.storeBytes(of: space.guestAddress(base), as: UInt64.self)
            return try enter(ctor, frame: ctorFrame, kind: .normal, thread: thread)
        default:
            guard let m = methodHandles.item(i.imm) else { throw RuntimeError(.badImage, "bad method handle") }
            callee = m
        }
        if i.op == .callVirtual || i.op == .callInterface {
            let this = base.loadUnaligned(as: UInt64.self)
            guard this != 0, let header = space.pointer(this, ObjectLayout.headerSize) else { return .raised(try guestException(.nullReference, thread)) }
            let typeID = header.loadUnaligned(as: UInt32.self)
            let caller = thread.records[thread.records.count - 1].method
            let site = Int(i.c >> 1)
            if site < caller.callSiteCount, let hit = caller.sites[site].target(for: typeID) {
                callee = hit
            } else {
                guard let type = type(id: typeID) else { return .raised(try guestException(.nullReference, thread)) }
                callee = try virtualTarget(callee, type)
                if site < caller.callSiteCount { caller.sites[site].remember(typeID: typeID, target: callee) }
            }
            // A value type's method expects a pointer to the value, not the box (II.13.3).
            if callee.owner.isValueType { base.storeBytes(of: this + UInt64(ObjectLayout.headerSize), as: UInt64.self) }
        }
        // III.2.4 tail.: the callee replaces the caller's activation (its arguments move down
        // to the caller's frame base, where the caller's result would have gone).
        if i.c & 1 == 1 && i.op != .newObject && i.op != .newValueObject && !isNative(callee) {
            let current = thread.records.removeLast()
            thread.localAllocTop = current.localAllocMark
            let bytes = try argumentsSize(callee)
            if current.fp != base { current.fp.copyMemory(from: base, byteCount: bytes) }
            return try enter(callee, frame: current.fp, kind: current.kind, thread: thread)
        }
        // Vararg call: the extra arguments follow the fixed ones, where the callee's locals go;
        // move them to the caller's stack-allocation area first (II.15.3).
        var extraArguments: UInt64 = 0
        if i.b != 0 && i.op != .callIndirect && i.op != .newObject {
            let fixed = try argumentsSize(callee)
            var extra = 0
            for t in varargCookies[Int(i.b)] { try ensureLayout(t); extra += (t.storageSize + 7) & ~7 }
            guard UInt64(extra) <= thread.localAllocRegion.end - thread.localAllocTop else {
                throw RuntimeError(.budgetExhausted, "stack allocation budget exhausted by a vararg call")
            }
            extraArguments = thread.localAllocTop
            thread.localAllocTop += UInt64((extra + 15) & ~15)
            if extra > 0 { space.unchecked(extraArguments).copyMemory(from: base + fixed, byteCount: extra) }
        }
        let outcome = try enter(callee, frame: base, kind: frameKind, thread: thread)
        if i.b != 0 && i.op != .callIndirect && i.op != .newObject, case .entered = outcome {
            thread.records[thread.records.count - 1].varargCookie = i.b
            thread.records[thread.records.count - 1].varargArguments = extraArguments
        }
        return outcome
    }

    /// The interpreter's fast path for `call`/`callvirt`: when the call site has entered the
    /// callee (for this receiver type) before, push its activation here and return it; nil
    /// sends the call through `performCall`. Kept out of the loop so the loop's registers stay
    /// free for the common instructions.
    @inline(never)
    func enterKnownCallee(_ i: Inst, caller: Unmanaged<TransformedMethod>, fp: UnsafeMutableRawPointer, pc: Int, thread: GuestThread) -> Unmanaged<TransformedMethod>? {
        let site = caller._withUnsafeGuaranteedRef { $0.sites } + Int(i.c >> 1)
        let known: Unmanaged<TransformedMethod>?
        if i.op == .call {
            known = site.pointee.first.direct
        } else {
            let this = UInt64(bitPattern: ld64(fp, i.a))
            guard this != 0, let header = space.pointer(this, ObjectLayout.headerSize) else { return nil }
            let typeID = header.loadUnaligned(as: UInt32.self)
            known = site.pointee.first.typeID == typeID ? site.pointee.first.direct
                : site.pointee.second.typeID == typeID ? site.pointee.second.direct : nil
        }
        guard let known else { return nil }
        let frame = fp + Int(i.a)
        let fits = known._withUnsafeGuaranteedRef { callee in
            guard frame + callee.frameSize <= thread.stackEnd else { return false }
            if callee.localsSize > 0 { (frame + callee.localsOffset).initializeMemory(as: UInt8.self, repeating: 0, count: callee.localsSize) }
            return true
        }
        guard fits, thread.records.count < options.maxCallDepth else { return nil }
        thread.records[thread.records.count - 1].pc = pc
        thread.records.append(CallRecord(method: known.takeUnretainedValue(), pc: 0, fp: frame, kind: .normal, localAllocMark: thread.localAllocTop))
        return known
    }

    /// The allocation fast path of `newobj` (III.4.21): when the site has constructed this class
    /// through the general path before, allocate, place `this` below the arguments and push
    /// the constructor's activation here. nil: take the general path (which also raises
    /// OutOfMemoryException).
    @inline(never)
    func constructKnownObject(_ i: Inst, caller: Unmanaged<TransformedMethod>, fp: UnsafeMutableRawPointer, pc: Int, thread: GuestThread) throws(RuntimeError) -> Unmanaged<TransformedMethod>? {
        guard i.b > 0 else { return nil }
        let site = caller._withUnsafeGuaranteedRef { $0.sites } + Int(i.b - 1)
        guard let known = site.pointee.first.direct, let type = site.pointee.objectType else { return nil }
        let base = fp + Int(i.a)
        let fits = known._withUnsafeGuaranteedRef { base + $0.frameSize <= thread.stackEnd }
        guard fits, thread.records.count < options.maxCallDepth else { return nil }
        let allocated = type._withUnsafeGuaranteedRef { t in
            Result<UInt64?, RuntimeError>(catching: { () throws(RuntimeError) -> UInt64? in try newObject(t) })
        }
        guard let object = try allocated.get() else { return nil }
        (base + 8).copyMemory(from: base, byteCount: Int(i.c))
        base.storeBytes(of: object, as: UInt64.self)
        known._withUnsafeGuaranteedRef { callee in
            if callee.localsSize > 0 { (base + callee.localsOffset).initializeMemory(as: UInt8.self, repeating: 0, count: callee.localsSize) }
        }
        thread.records[thread.records.count - 1].pc = pc
        thread.records.append(CallRecord(method: known.takeUnretainedValue(), pc: 0, fp: base, kind: .constructor(object: object), localAllocMark: thread.localAllocTop))
        return known
    }

    /// After `newobj` went through the general path and pushed an IL constructor, remember it
    /// (and the class) in the site for `constructKnownObject`.
    func learnConstructor(_ i: Inst, caller: TransformedMethod, callerFrame fp: UnsafeMutableRawPointer, thread: GuestThread) {
        guard i.b > 0, Int(i.b - 1) < caller.callSiteCount, let top = thread.records.last,
              case .constructor = top.kind, top.fp == fp + Int(i.a),
              let ctor = methodHandles.item(i.imm), ctor === top.method.method else { return }
        let site = caller.sites + Int(i.b - 1)
        site.pointee.first = .init(typeID: ctor.owner.id, target: ctor, direct: Unmanaged.passUnretained(top.method))
        site.pointee.objectType = Unmanaged.passUnretained(ctor.owner)
    }

    /// After a `call`/`callvirt` went through the general path and pushed an ordinary IL
    /// activation, remember the callee's code in the call site so that the interpreter's fast
    /// path can enter it directly next time (for the same receiver type).
    func learnDirectCall(_ i: Inst, caller: TransformedMethod, callerFrame fp: UnsafeMutableRawPointer, thread: GuestThread) {
        guard i.c & 1 == 0, i.b == 0, Int(i.c >> 1) < caller.callSiteCount, let top = thread.records.last,
              case .normal = top.kind, top.fp == fp + Int(i.a) else { return }
        let site = caller.sites + Int(i.c >> 1)
        let callee = top.method
        switch i.op {
        case .call:
            guard let m = methodHandles.item(i.imm), m === callee.method else { return }
            site.pointee.first = .init(typeID: 0, target: m, direct: Unmanaged.passUnretained(callee))
        case .callVirtual, .callInterface:
            guard !callee.method.owner.isValueType,
                  let header = space.pointer(UInt64(bitPattern: ld64(fp, i.a)), ObjectLayout.headerSize) else { return }
            let typeID = header.loadUnaligned(as: UInt32.self)
            if site.pointee.first.typeID == typeID, site.pointee.first.target === callee.method {
                site.pointee.first.direct = Unmanaged.passUnretained(callee)
            } else if site.pointee.second.typeID == typeID, site.pointee.second.target === callee.method {
                site.pointee.second.direct = Unmanaged.passUnretained(callee)
            }
        default:
            return
        }
    }

    /// Pushes an activation of `callee` at `frame`, or runs it at once when it is native.
    func enter(_ callee: RuntimeMethod, frame: UnsafeMutableRawPointer, kind: CallRecord.Kind, thread: GuestThread) throws(RuntimeError) -> CallOutcome {
        if callee.isRuntimeImplemented && callee.name == "Invoke" && isDelegateType(callee.owner) {
            return try invokeDelegate(callee, frame: frame, thread: thread)
        }
        if isNative(callee) {
            let result = try callNative(callee, frame: frame, thread: thread)
            if case .constructor(let object) = kind { frame.storeBytes(of: object, as: UInt64.self) }
            if result != 0 { return .raised(result) }
            return .completed
        }
        let target = try transformed(callee)
        guard frame + target.frameSize <= thread.stackEnd, thread.records.count < options.maxCallDepth else {
            throw RuntimeError(.budgetExhausted, "stack overflow: call depth \(thread.records.count) at \(callee)")
        }
        if target.localsSize > 0 {
            (frame + target.localsOffset).initializeMemory(as: UInt8.self, repeating: 0, count: target.localsSize)
        }
        thread.records.append(CallRecord(method: target, pc: 0, fp: frame, kind: kind, localAllocMark: thread.localAllocTop))
        try runEntryInitializations(target, thread: thread)
        return .entered
    }

    /// Whether `m` runs as a native: it has no IL, or a native replaces its IL.
    func isNative(_ m: RuntimeMethod) -> Bool {
        if let known = m.isNativeCache { return known }
        _ = try? signature(m)
        let result = m.hasNoBody || natives.isIntrinsic(m)
        m.isNativeCache = result
        return result
    }

    /// The method a virtual call of `m` reaches on an object of type `t`, cached per (method, type).
    func virtualTarget(_ m: RuntimeMethod, _ t: RuntimeType) throws(RuntimeError) -> RuntimeMethod {
        let key = VirtualKey(method: ObjectIdentifier(m), type: t.id)
        if let hit = virtualCache[key] { return hit }
        let target = try resolveVirtual(m, on: t)
        virtualCache[key] = target
        return target
    }

    struct VirtualKey: Hashable {
        var method: ObjectIdentifier
        var type: UInt32
    }

    /// Runs a native method; returns a raised exception object, or 0.
    func callNative(_ m: RuntimeMethod, frame: UnsafeMutableRawPointer, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        if !m.nativeResolved {
            _ = try? signature(m)
            m.native = natives.lookup(m) ?? arrayAccessor(m)
            if m.native == nil, m.isRuntimeImplemented, m.isConstructor, isDelegateType(m.owner) {
                m.native = { (c: inout NativeContext) throws(RuntimeError) in try c.runtime.constructDelegate(&c) }
            }
            m.nativeResolved = true
        }
        guard let native = m.native else {
            if m.isAbstract { throw RuntimeError(.invalidProgram, "call to abstract method \(m)") }
            throw RuntimeError(.unmodelledNative, "no model for \(m.isPInvoke ? "P/Invoke" : "internal call") \(m.nativeKey)")
        }
        var context = NativeContext(runtime: self, thread: thread, frame: frame, method: m)
        try native(&context)
        return context.raised
    }
}
