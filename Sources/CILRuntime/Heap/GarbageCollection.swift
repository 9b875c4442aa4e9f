/// Connects the heap's collector to the runtime's roots and type layouts (DESIGN decision 3):
/// thread stacks, localloc areas and statics are scanned conservatively (any word that points
/// into an object keeps it), objects precisely by their type's reference offsets.
extension Runtime {
    func collectGarbage() {
        heap.collect(roots: { mark in
            for thread in [mainThread].compactMap({ $0 }) {
                scanWords(UnsafeRawPointer(thread.stackStart), UnsafeRawPointer(thread.stackTop), mark)
                if let p = space.pointer(thread.localAllocRegion.start, Int(thread.localAllocTop - thread.localAllocRegion.start)) {
                    scanWords(UnsafeRawPointer(p), UnsafeRawPointer(p + Int(thread.localAllocTop - thread.localAllocRegion.start)), mark)
                }
                thread.heldExceptions.forEach(mark)
                for c in thread.continuations {
                    if case .unwind(let ex, _, _, _) = c.action { mark(ex) }
                }
            }
            let statics = staticsRange
            if !statics.isEmpty, let p = space.pointer(statics.lowerBound, Int(statics.upperBound - statics.lowerBound)) {
                scanWords(UnsafeRawPointer(p), UnsafeRawPointer(p + Int(statics.upperBound - statics.lowerBound)), mark)
            }
            internTable.values.forEach(mark)
            pinnedObjects.forEach(mark)
            nativeRoots.forEach(mark)
        }, references: { object, mark in
            guard let p = space.pointer(object, ObjectLayout.headerSize) else { return }
            guard let t = type(id: p.loadUnaligned(as: UInt32.self)) else { return }
            switch t.kind {
            case .szArray, .array:
                guard let e = t.elementType else { return }
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
        })
    }

    private func scanWords(_ from: UnsafeRawPointer, _ to: UnsafeRawPointer, _ mark: (UInt64) -> Void) {
        var p = from
        while p + 8 <= to {
            mark(p.loadUnaligned(as: UInt64.self))
            p += 8
        }
    }
}
