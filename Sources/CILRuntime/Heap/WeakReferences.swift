/// What the collector needs beyond plain reachability: GC handles, ephemerons
/// (ConditionalWeakTable) and finalization. One per runtime (`Runtime.gcReferences`).
final class GCReferences {
    var handles = GCHandleTable()

    // Ephemerons. Mono's ConditionalWeakTable keeps its entries in `Ephemeron[]` arrays (a key and
    // a value per element) that it registers with the collector. Such an array is not traced like
    // other arrays: a value is kept only while its key is reachable from elsewhere, and the entry of
    // a dead key becomes (tombstone, null). Every live `Ephemeron[]` is treated so once the tombstone
    // exists (Mono's arrays are all registered; before that no table can have been made).

    /// `System.Runtime.CompilerServices.Ephemeron`, set when the first array is registered.
    var ephemeronType: RuntimeType?
    var ephemeronKeyOffset = 0
    var ephemeronValueOffset = 8
    /// The `Ephemeron[]` arrays marked by the collection under way.
    var ephemeronArrays: [UInt64] = []

    // Finalization (Finalization.swift).

    /// Objects with a finalizer that has not run, in registration order (the order finalizers
    /// of objects dying together run in). Compacted at every collection.
    var finalizable: [UInt64] = []
    /// Unreachable finalizable objects found by collections, waiting for their finalizer: roots.
    var finalizationQueue: [UInt64] = []
    var queueHead = 0
    /// Per type id: 0 not known yet, 1 no finalizer, 2 overrides System.Object::Finalize.
    var finalizerKinds: [UInt8] = []
    var objectFinalizeSlot = -1
    /// True while finalizers run (a finalizer that collects or waits does not run them again).
    var runningFinalizers = false
    /// Set when the program ends: objects allocated from then on get no finalizer (as in Mono,
    /// where an unloading domain registers none).
    var shutDown = false

    /// Collections the program asked for (GC.Collect), counted as Mono's major collections.
    var explicitCollections = 0

    var hasPendingFinalizers: Bool { queueHead < finalizationQueue.count }
}

/// Header flag bits the runtime owns (ObjectLayout: bits 1–31 of the flags word).
enum FinalizationFlags {
    /// The finalizer is to run when the object becomes unreachable (cleared by SuppressFinalize).
    static let registered: UInt32 = 1 << 1
    /// The object is in `finalizable` or in the finalization queue.
    static let tracked: UInt32 = 1 << 2
}

extension Runtime {
    func collectGarbage(explicitly: Bool) {
        if explicitly { gcReferences.explicitCollections += 1 }
        collectGarbage()
    }

    /// Zeroes the calling frame above a GC native's arguments (`end`) before an explicit
    /// collection. Stack words are roots (scanned conservatively), and that part of the frame still
    /// holds what the frames of earlier, returned calls left there (`new T()` in a method that has
    /// returned): without this, `Make(); GC.Collect();` would keep Make's garbage alive. Above the
    /// arguments of a native nothing of the caller is live: its evaluation stack ends with them.
    func scrubDeadStack(above end: UnsafeMutableRawPointer, thread: GuestThread) {
        let top = thread.stackTop
        guard end >= thread.stackStart, end < top else { return }
        end.initializeMemory(as: UInt8.self, repeating: 0, count: top - end)
    }

    /// Roots the collector gets from here: normal and pinned handles, and objects waiting for
    /// their finalizer (with everything they reach).
    func markReferenceRoots(_ mark: (UInt64) -> Void) {
        gcReferences.handles.markStrongTargets(mark)
        let r = gcReferences
        for k in r.queueHead ..< r.finalizationQueue.count { mark(r.finalizationQueue[k]) }
    }

    /// The collector's phase between marking and sweeping, in the order of Mono's sgen
    /// (`sgen_finish_gray_stack`): ephemerons to a fixpoint; weak handles cleared; unreachable
    /// finalizable objects resurrected and queued; ephemerons again; dead ephemeron keys replaced
    /// by the tombstone; WeakTrackResurrection handles cleared.
    func processWeakReferences(_ isMarked: (UInt64) -> Bool, _ trace: (UInt64) -> Void) {
        let r = gcReferences
        markEphemeronValues(isMarked, trace)
        r.handles.clearDeadTargets(.weak, isMarked)
        queueUnreachableFinalizable(isMarked, trace)
        markEphemeronValues(isMarked, trace)
        clearDeadEphemerons(isMarked)
        r.handles.clearDeadTargets(.weakTrackResurrection, isMarked)
        r.ephemeronArrays.removeAll(keepingCapacity: true)
    }

    /// Keeps the value of every ephemeron whose key is marked, until no more values get marked
    /// (a value can be the key of another entry).
    private func markEphemeronValues(_ isMarked: (UInt64) -> Bool, _ trace: (UInt64) -> Void) {
        let r = gcReferences
        let tombstone = ephemeronTombstone
        var changed = true
        while changed {
            changed = false
            var k = 0
            while k < r.ephemeronArrays.count {  // tracing a value can add arrays
                forEachEphemeron(r.ephemeronArrays[k]) { entry in
                    let key = entry.loadUnaligned(fromByteOffset: r.ephemeronKeyOffset, as: UInt64.self)
                    guard key != 0, key != tombstone, isMarked(key) else { return }
                    let value = entry.loadUnaligned(fromByteOffset: r.ephemeronValueOffset, as: UInt64.self)
                    if value != 0, !isMarked(value) {
                        trace(value)
                        changed = true
                    }
                }
                k += 1
            }
        }
    }

    private func clearDeadEphemerons(_ isMarked: (UInt64) -> Bool) {
        let r = gcReferences
        let tombstone = ephemeronTombstone
        for array in r.ephemeronArrays {
            forEachEphemeron(array) { entry in
                let key = entry.loadUnaligned(fromByteOffset: r.ephemeronKeyOffset, as: UInt64.self)
                guard key != 0, key != tombstone, !isMarked(key) else { return }
                entry.storeBytes(of: tombstone, toByteOffset: r.ephemeronKeyOffset, as: UInt64.self)
                entry.storeBytes(of: 0, toByteOffset: r.ephemeronValueOffset, as: UInt64.self)
            }
        }
    }

    private func forEachEphemeron(_ array: UInt64, _ body: (UnsafeMutableRawPointer) -> Void) {
        guard let t = gcReferences.ephemeronType, let header = space.pointer(array, ObjectLayout.arrayElementsOffset) else { return }
        let count = ObjectLayout.guestLength(header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
        let size = t.storageSize
        guard size >= 16, let data = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), count * size) else { return }
        for k in 0 ..< count { body(data + k * size) }
    }

    /// Called by the collector for an array of `element`s it marked: true when the array is an
    /// ephemeron array, which the weak phase scans instead of the tracer.
    @inline(__always)
    func isEphemeronArray(_ array: UInt64, element: RuntimeType) -> Bool {
        guard element === gcReferences.ephemeronType else { return false }
        gcReferences.ephemeronArrays.append(array)
        return true
    }

    /// GC.register_ephemeron_array: from now on ephemeron arrays are weak (the tombstone that dead
    /// keys become must exist first).
    func enableEphemerons() throws(RuntimeError) {
        guard gcReferences.ephemeronType == nil else { return }
        _ = try ephemeronTombstoneObject()
        let t = try coreType("System.Runtime.CompilerServices.Ephemeron")
        try ensureLayout(t)
        gcReferences.ephemeronKeyOffset = try field(named: "key", in: t).offset
        gcReferences.ephemeronValueOffset = try field(named: "value", in: t).offset
        gcReferences.ephemeronType = t
    }

    /// GC.get_ephemeron_tombstone: one object for the whole run, kept alive.
    func ephemeronTombstoneObject() throws(RuntimeError) -> UInt64 {
        if ephemeronTombstone == 0 {
            guard let o = try newObject(try coreType("System.Object")) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating the ephemeron tombstone") }
            ephemeronTombstone = o
            pinnedObjects.append(o)
        }
        return ephemeronTombstone
    }
}
