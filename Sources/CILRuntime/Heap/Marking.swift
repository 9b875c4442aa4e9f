extension GCHeap {
    /// Frees every object not reachable from `roots`.
    ///
    /// - `roots` calls `mark` for each root value. Values may be conservative: anything that is not
    ///   inside an allocated object is ignored, and an interior pointer keeps its whole object alive.
    /// - `references` is called once for each newly marked object and calls `mark` for each
    ///   reference the object holds (the runtime knows the layouts). An object whose type id is
    ///   still 0 (allocated, not yet initialised) must be reported as holding none.
    ///
    /// - `afterMarking` runs once everything reachable from the roots is marked, before the sweep
    ///   (weak references, ephemerons, finalization: WeakReferences.swift): `isMarked` tells whether
    ///   an object start survives so far, `trace` marks an object and everything it reaches.
    ///
    /// Marking uses an explicit stack, so the depth of the object graph costs host memory, not
    /// host stack.
    @discardableResult
    public func collect(
        roots: (_ mark: (UInt64) -> Void) -> Void,
        references: (_ object: UInt64, _ mark: (UInt64) -> Void) -> Void,
        afterMarking: (_ isMarked: (UInt64) -> Bool, _ trace: (UInt64) -> Void) -> Void = { _, _ in }
    ) -> CollectionStats {
        let clock = ContinuousClock()
        let started = clock.now
        var marker = Marker(self)
        defer { marker.deallocate() }
        roots { marker.mark($0) }
        while let object = marker.pop() {
            references(object) { marker.mark($0) }
        }
        withoutActuallyEscaping(references) { references in
            afterMarking({ isMarked($0) }, { root in
                marker.mark(root)
                while let object = marker.pop() { references(object) { marker.mark($0) } }
            })
        }
        var stats = sweep()
        stats.pauseTime = clock.now - started
        recordCollection(liveBytes: stats.liveBytes, liveObjects: stats.liveObjects)
        return stats
    }
}

/// The mark phase's state: copies of the tables it reads (so the inner loop does not go through
/// class references) and the mark stack.
struct Marker {
    private let regionStart: UInt64
    private let regionSize: UInt64
    private let owner: UnsafeMutablePointer<UInt32>
    private let kind: UnsafeMutablePointer<UInt8>
    private let payload: UnsafeMutablePointer<UInt32>
    private let blocks: UnsafeMutablePointer<HeapBlock>
    private let bits: UnsafeMutablePointer<UInt64>
    private var stack: UnsafeMutablePointer<UInt64>
    private var capacity = 4096
    private var count = 0

    init(_ heap: GCHeap) {
        regionStart = heap.region.start
        regionSize = UInt64(heap.region.size)
        owner = heap.spans.owner
        kind = heap.spans.kind
        payload = heap.spans.payload
        blocks = heap.blocks.blocks
        bits = heap.blocks.bits
        stack = .allocate(capacity: capacity)
    }

    func deallocate() { stack.deallocate() }

    /// Marks the object holding `address`, if any and not yet marked, and queues it for scanning.
    @inline(__always)
    mutating func mark(_ address: UInt64) {
        let offset = address &- regionStart
        guard offset < regionSize else { return }
        let tag = owner[Int(truncatingIfNeeded: offset >> UInt64(SpanTable.pageShift))]
        guard tag != 0 else { return }
        let span = Int(tag &- 1)
        let spanOffset = UInt64(span << SpanTable.pageShift)
        if kind[span] == SpanTable.Kind.largeObject.rawValue {
            guard payload[span] == 0 else { return }
            payload[span] = 1
            push(regionStart &+ spanOffset)
            return
        }
        let block = Int(payload[span])
        let descriptor = blocks + block
        let index = descriptor.pointee.cellIndex(ofOffset: offset &- spanOffset)
        guard index < descriptor.pointee.cellCount else { return }  // the block's unused tail
        let word = index >> 6
        let bit: UInt64 = 1 << UInt64(index & 63)
        let allocated = bits + block &* BlockTable.stride
        guard allocated[word] & bit != 0 else { return }  // a free cell
        let marked = allocated + HeapBlock.maxWords + word
        guard marked.pointee & bit == 0 else { return }
        marked.pointee |= bit
        push(descriptor.pointee.address &+ UInt64(index &* descriptor.pointee.cellSize))
    }

    @inline(__always)
    mutating func pop() -> UInt64? {
        guard count > 0 else { return nil }
        count -= 1
        return stack[count]
    }

    @inline(__always)
    private mutating func push(_ object: UInt64) {
        if _slowPath(count == capacity) { grow() }
        stack[count] = object
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: stack, count: count)
        stack.deallocate()
        stack = larger
        capacity *= 2
    }
}
