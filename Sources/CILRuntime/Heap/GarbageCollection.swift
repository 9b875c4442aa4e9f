/// Connects the heap's collector to the runtime's roots and type layouts (DESIGN decision 3):
/// every live guest thread's stack and localloc area, and the statics, are scanned conservatively (any word that points
/// into an object keeps it), objects precisely by their type's reference offsets.
extension Runtime {
    func collectGarbage() {
        heap.collect(roots: { mark in
            var threads = scheduler.threads
            if let main = mainThread, !threads.contains(where: { $0 === main }) { threads.append(main) }
            for thread in threads {
                scanWords(UnsafeRawPointer(thread.stackStart), UnsafeRawPointer(thread.stackTop), mark)
                if let p = space.pointer(thread.localAllocRegion.start, Int(thread.localAllocTop - thread.localAllocRegion.start)) {
                    scanWords(UnsafeRawPointer(p), UnsafeRawPointer(p + Int(thread.localAllocTop - thread.localAllocRegion.start)), mark)
                }
                thread.heldExceptions.forEach(mark)
                mark(thread.escapedException)
                for c in thread.continuations {
                    if case .unwind(let ex, _, _, _) = c.action { mark(ex) }
                }
                // A thread keeps its Thread object, its start delegate and argument until it
                // runs, and its thread-static values while another thread runs.
                mark(thread.managedObject)
                mark(thread.startDelegate)
                mark(thread.startArgument)
                thread.threadStatics.forEach(mark)
            }
            // A held or waited-on monitor keeps its object (its address is the monitor's key).
            scheduler.monitors.keys.forEach(mark)
            mark(scheduler.fatalException)
            let statics = staticsRange
            if !statics.isEmpty, let p = space.pointer(statics.lowerBound, Int(statics.upperBound - statics.lowerBound)) {
                scanWords(UnsafeRawPointer(p), UnsafeRawPointer(p + Int(statics.upperBound - statics.lowerBound)), mark)
            }
            internTable.values.forEach(mark)
            pinnedObjects.forEach(mark)
            nativeRoots.forEach(mark)
            markReferenceRoots(mark)
        }, references: { object, mark in
            guard let p = space.pointer(object, ObjectLayout.headerSize) else { return }
            guard let t = type(id: p.loadUnaligned(as: UInt32.self)) else { return }
            switch t.kind {
            case .szArray, .array:
                guard let e = t.elementType else { return }
                if isEphemeronArray(object, element: e) { return }
                let count = ObjectLayout.guestLength(p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
                let data = t.kind == .szArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
                if e.isReferenceType {
                    guard let d = space.pointer(object + UInt64(data), count * 8) else { return }
                    for k in 0 ..< count { mark(d.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
                } else if e.isValueType && !e.referenceOffsets.isEmpty {
                    let size = e.storageSize
                    guard let d = space.pointer(object + UInt64(data), count * size) else { return }
                    for k in 0 ..< count { for o in e.referenceOffsets { mark(d.loadUnaligned(fromByteOffset: k * size + Int(o), as: UInt64.self)) } }
                }
            default:
                let base = t.isValueType ? ObjectLayout.headerSize : 0  // boxed values hold the value after the header
                for o in t.referenceOffsets {
                    if let f = space.pointer(object + UInt64(base + Int(o)), 8) { mark(f.loadUnaligned(as: UInt64.self)) }
                }
            }
        }, afterMarking: processWeakReferences)
    }

    private func scanWords(_ from: UnsafeRawPointer, _ to: UnsafeRawPointer, _ mark: (UInt64) -> Void) {
        var p = from
        while p + 8 <= to {
            mark(p.loadUnaligned(as: UInt64.self))
            p += 8
        }
    }
}
