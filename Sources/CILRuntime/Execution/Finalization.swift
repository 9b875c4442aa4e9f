/// Finalizers (I.8.9.6.7, ECMA-335 Object.Finalize), as Mono runs them, made deterministic.
///
/// An object whose type overrides System.Object::Finalize is registered when it is allocated
/// (`allocate`), as Mono does. When a collection finds a registered object unreachable, it keeps
/// the object and everything it references alive and queues it (WeakReferences.swift). Mono runs
/// the queue on its finalizer thread, at no fixed time; cilbox runs it on the thread that reaches
/// one of these points, as nested runs, in the order the objects were registered:
///
/// - `GC.WaitForPendingFinalizers`;
/// - the end of `GC.Collect` (and `GC.GetTotalMemory(true)`), and the first budget check (every
///   16 Ki instructions) after a collection the program did not ask for — both only while the thread
///   holds no lock, since the finalizer would enter it freely where Mono's thread would wait;
/// - the end of the program (Main returned or Environment.Exit): Mono finalizes the root domain,
///   the queued objects, then every object still registered, reachable or not; objects allocated
///   from then on get no finalizer. An unhandled exception ends the process without finalizers, as
///   on Mono.
///
/// An exception escaping a finalizer ends the process as on Mono: "Unhandled Exception:" on stderr,
/// exit code 255.
extension Runtime {
    /// Registers `object`, just allocated with `type`, when the type has a finalizer.
    @inline(__always)
    func registerForFinalizationIfNeeded(_ type: RuntimeType, _ object: UInt64) {
        let id = Int(type.id)
        if id < gcReferences.finalizerKinds.count, gcReferences.finalizerKinds[id] == 1 { return }
        registerForFinalizationSlow(type, object)
    }

    @inline(never)
    private func registerForFinalizationSlow(_ type: RuntimeType, _ object: UInt64) {
        guard finalizerKind(type) == 2, !gcReferences.shutDown else { return }
        updateFlags(object) { $0 | FinalizationFlags.registered | FinalizationFlags.tracked }
        gcReferences.finalizable.append(object)
    }

    /// 2 when `type` overrides System.Object::Finalize (itself or through a base class), 1 when it
    /// does not, 0 when that cannot be known yet (the answer is then not remembered).
    func finalizerKind(_ type: RuntimeType) -> UInt8 {
        let r = gcReferences
        let id = Int(type.id)
        if id < r.finalizerKinds.count, r.finalizerKinds[id] != 0 { return r.finalizerKinds[id] }
        guard let slot = objectFinalizeSlot() else { return 0 }
        var kind: UInt8 = 1
        if type.kind == .class {
            guard (try? ensureVTable(type)) != nil else { return 0 }
            if slot < type.vtable.count, let object = try? coreType("System.Object"), type.vtable[slot].owner !== object { kind = 2 }
        }
        if id >= r.finalizerKinds.count { r.finalizerKinds += [UInt8](repeating: 0, count: max(id + 1 - r.finalizerKinds.count, 256)) }
        r.finalizerKinds[id] = kind
        return kind
    }

    private func objectFinalizeSlot() -> Int? {
        let r = gcReferences
        if r.objectFinalizeSlot >= 0 { return r.objectFinalizeSlot }
        guard let object = try? coreType("System.Object"), (try? ensureVTable(object)) != nil,
              let finalize = object.methods.first(where: { $0.name == "Finalize" && !$0.isStatic }), finalize.vtableSlot >= 0
        else { return nil }
        r.objectFinalizeSlot = finalize.vtableSlot
        return finalize.vtableSlot
    }

    private func flags(_ object: UInt64) -> UInt32 {
        space.pointer(object + UInt64(ObjectLayout.flagsOffset), 4)?.loadUnaligned(as: UInt32.self) ?? 0
    }

    private func updateFlags(_ object: UInt64, _ change: (UInt32) -> UInt32) {
        guard let p = space.pointer(object + UInt64(ObjectLayout.flagsOffset), 4) else { return }
        p.storeBytes(of: change(p.loadUnaligned(as: UInt32.self)), as: UInt32.self)
    }

    // MARK: GC natives

    /// GC.SuppressFinalize: the finalizer does not run, even if the object is already queued.
    func suppressFinalize(_ object: UInt64) {
        guard heap.isAllocatedObject(object) else { return }
        updateFlags(object) { $0 & ~FinalizationFlags.registered }
    }

    /// GC.ReRegisterForFinalize: the finalizer runs (again) when the object is next found unreachable.
    func reRegisterForFinalize(_ object: UInt64) {
        guard !gcReferences.shutDown, heap.isAllocatedObject(object), let t = objectType(object), finalizerKind(t) == 2 else { return }
        let old = flags(object)
        updateFlags(object) { $0 | FinalizationFlags.registered | FinalizationFlags.tracked }
        if old & FinalizationFlags.tracked == 0 { gcReferences.finalizable.append(object) }
    }

    // MARK: during a collection

    /// Queues the registered objects that did not survive marking, then keeps them (and what they
    /// reach) alive for their finalizers. All are chosen before any is traced: an object reachable
    /// only from another finalizable object is finalized in the same collection (no ordering, I.8.9.6.7).
    func queueUnreachableFinalizable(_ isMarked: (UInt64) -> Bool, _ trace: (UInt64) -> Void) {
        let r = gcReferences
        let firstNew = r.finalizationQueue.count
        var kept = 0
        for object in r.finalizable {
            if flags(object) & FinalizationFlags.registered == 0 {
                updateFlags(object) { $0 & ~FinalizationFlags.tracked }  // suppressed: forgotten
            } else if isMarked(object) {
                r.finalizable[kept] = object
                kept += 1
            } else {
                r.finalizationQueue.append(object)
            }
        }
        r.finalizable.removeLast(r.finalizable.count - kept)
        for k in firstNew ..< r.finalizationQueue.count { trace(r.finalizationQueue[k]) }
    }

    // MARK: running finalizers

    /// Runs the queued finalizers, in order, on `thread`. A finalizer that collects or waits for
    /// finalizers does not start the queue again (as on Mono's finalizer thread).
    func runPendingFinalizers(_ thread: GuestThread) throws(RuntimeError) {
        let r = gcReferences
        guard !r.runningFinalizers, r.hasPendingFinalizers else { return }
        r.runningFinalizers = true
        defer {
            r.runningFinalizers = false
            if r.queueHead == r.finalizationQueue.count {
                r.finalizationQueue.removeAll(keepingCapacity: true)
                r.queueHead = 0
            }
        }
        while r.queueHead < r.finalizationQueue.count {
            let object = r.finalizationQueue[r.queueHead]
            // Rooted while it runs: it leaves the queue (a root) before its finalizer starts.
            nativeRoots.append(object)
            defer { nativeRoots.removeLast() }
            r.queueHead += 1
            try runFinalizer(object, thread)
        }
    }

    /// Runs the queue at a point the program did not choose (after GC.Collect, at a budget check),
    /// unless `thread` holds a lock.
    func runFinalizersIfNoLockHeld(_ thread: GuestThread) throws(RuntimeError) {
        guard gcReferences.hasPendingFinalizers, !gcReferences.runningFinalizers,
              !scheduler.monitors.values.contains(where: { $0.owner == thread.id }) else { return }
        try runPendingFinalizers(thread)
    }

    private func runFinalizer(_ object: UInt64, _ thread: GuestThread) throws(RuntimeError) {
        let old = flags(object)
        updateFlags(object) { $0 & ~(FinalizationFlags.registered | FinalizationFlags.tracked) }
        // Suppressed after it was queued: no finalizer (the object is collected next time).
        guard old & FinalizationFlags.registered != 0, let t = objectType(object), let slot = objectFinalizeSlot(), slot < t.vtable.count else { return }
        let frame = thread.stackTop
        frame.storeBytes(of: object, as: UInt64.self)
        if case .threw(let ex) = try invoke(t.vtable[slot], frame: frame, thread: thread) {
            try finalizerFailed(ex)
        }
    }

    /// Mono treats an exception escaping a finalizer as unhandled: it prints it and ends the process
    /// with code 255.
    private func finalizerFailed(_ exception: UInt64) throws(RuntimeError) {
        let text = "\(objectType(exception)?.fullName ?? "?"): \(exceptionMessageChain(exception))"
        try appendOutput(Array("\nUnhandled Exception:\n\(text)\n[ERROR] FATAL UNHANDLED EXCEPTION: \(text)\n".utf8), error: true)
        throw RuntimeError.exit(255)
    }

    /// The end of the program: the queue, then every object still registered, reachable or not
    /// (Mono's finalization of the root domain at shutdown). Mono's order is not fixed; here the
    /// program's own objects go first, then the class library's, each in registration order, so a
    /// finalizer that writes to the console runs before the console's streams are finalized (on
    /// Mono it sometimes runs after them and the process dies). Mono collects first, which here
    /// would change only the order.
    func finalizeAtExit(_ thread: GuestThread) throws(RuntimeError) {
        let r = gcReferences
        guard !r.shutDown, !r.runningFinalizers else { return }
        r.shutDown = true
        guard r.hasPendingFinalizers || !r.finalizable.isEmpty else { return }
        switchTo(thread)
        try runPendingFinalizers(thread)
        var library: [UInt64] = []
        for object in r.finalizable {
            if flags(object) & FinalizationFlags.registered == 0 {
                updateFlags(object) { $0 & ~FinalizationFlags.tracked }
            } else if objectType(object)?.module === corlib {
                library.append(object)
            } else {
                r.finalizationQueue.append(object)
            }
        }
        r.finalizationQueue += library
        r.finalizable.removeAll()
        try runPendingFinalizers(thread)
    }
}
