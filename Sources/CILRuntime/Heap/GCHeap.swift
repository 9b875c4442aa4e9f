/// The managed heap: a non-moving mark-sweep collector over one region of the address space
/// (DESIGN decision 3). Objects never move, so interpreter frames can be scanned conservatively;
/// the runtime reports precise references from type layouts and the collector only decides what is
/// an object, what is reachable and what is free.
///
/// Small objects (up to 8 KiB) live in 64 KiB blocks of one size class with side bitmaps
/// (HeapBlock.swift); larger ones in their own page-aligned spans (SpanTable.swift). The heap never
/// holds more than `budget` bytes of pages (the guest heap limit); the region may be larger, which
/// only gives the span allocator room. Memory handed out is always zeroed.
///
/// Protocol with the runtime, at an allocation safepoint:
/// ```
/// guard let object = heap.allocate(size) else {
///     heap.collect(roots: …, references: …)
///     guard let object = heap.allocate(size) else { throw OutOfMemoryException in the guest }
/// }
/// ```
/// `allocate` returns nil both when the collection trigger is reached and when the budget is
/// exhausted; after a collection only the budget can say no. Code that cannot collect at that point
/// (bootstrap, natives holding unreported references) passes `mayTriggerCollection: false`.
///
/// Weak references: right after `collect`, before any allocation, `isAllocatedObject(target)` is
/// false exactly for the targets that died; during `collect`, its `afterMarking` phase sees the
/// marks and can keep more objects (the runtime's weak handles, ephemerons and finalization).
///
/// Not thread-safe: guest threads are green threads on one host thread (decision 6).
public final class GCHeap {
    public static let defaultBudget = 256 << 20
    /// The least allocation between two collections, so small heaps do not collect constantly.
    public static let defaultMinimumCollectionInterval = 4 << 20
    /// Larger objects get their own page-aligned span of whole pages.
    public static let largestSmallObject = SizeClasses.largestSmall

    public let space: AddressSpace
    public let region: Region
    /// Most bytes of pages (blocks and large-object spans) the heap may hold at once.
    public let budget: Int
    /// Bytes allocated since a collection before `shouldCollect` says yes, at least; the trigger is
    /// `max(liveBytesAfterLastCollection, minimumCollectionInterval)` so collection work stays
    /// proportional to allocation.
    public var minimumCollectionInterval = GCHeap.defaultMinimumCollectionInterval {
        didSet { updateTrigger() }
    }

    public private(set) var collections = 0
    public private(set) var liveBytesAfterLastCollection = 0
    public private(set) var liveObjectsAfterLastCollection = 0

    let spans: SpanTable
    let blocks: BlockTable
    let budgetPages: Int
    /// Host address of `region.start`.
    let host: UnsafeMutableRawPointer
    let cursors: UnsafeMutablePointer<AllocationCursor>
    let classOfGranules: UnsafeMutablePointer<UInt8>
    let counters: UnsafeMutablePointer<AllocationCounters>
    /// What an idle cursor's `allocatedWord` points at, so the fast path needs no optional.
    private let placeholderWord: UnsafeMutablePointer<UInt64>
    /// First pages of all large-object spans, for the sweeper.
    var largeObjects: [UInt32] = []
    /// Empty blocks the last sweep kept for reuse (see GCHeap+EmptyBlocks.swift).
    var emptyBlocks: [Int32] = []

    /// A heap over `region` (4 KiB aligned, as `AddressSpace.reserveRegion` gives), using at most
    /// `budget` bytes of it. Throws only when the host cannot reserve the side tables.
    public init(space: AddressSpace, region: Region, budget: Int = GCHeap.defaultBudget) throws(RuntimeError) {
        precondition(region.start & UInt64(SpanTable.pageSize - 1) == 0, "heap region must be page-aligned")
        precondition(space.pointer(region.start, region.size) != nil, "heap region must lie in its address space")
        self.space = space
        self.region = region
        let pageCount = region.size >> SpanTable.pageShift
        guard pageCount >= HeapBlock.pages else {
            throw RuntimeError(.resourceExhausted, "heap region \(region.name) is smaller than one block")
        }
        budgetPages = min(max(budget, 0) >> SpanTable.pageShift, pageCount)
        self.budget = budgetPages << SpanTable.pageShift
        spans = try SpanTable(pageCount: pageCount)
        blocks = try BlockTable(capacity: budgetPages / HeapBlock.pages)
        host = space.unchecked(region.start)

        placeholderWord = .allocate(capacity: 1)
        placeholderWord.initialize(to: 0)
        cursors = .allocate(capacity: SizeClasses.count)
        for (index, size) in SizeClasses.sizes.enumerated() {
            (cursors + index).initialize(to: AllocationCursor(cellSize: size, placeholder: placeholderWord))
        }
        let table = SizeClasses.lookupTable()
        classOfGranules = .allocate(capacity: table.count)
        classOfGranules.initialize(from: table, count: table.count)
        counters = .allocate(capacity: 1)
        counters.initialize(to: AllocationCounters())
        updateTrigger()
    }

    deinit {
        cursors.deallocate()
        classOfGranules.deallocate()
        counters.deallocate()
        placeholderWord.deallocate()
    }

    // MARK: counters and policy

    /// Bytes of objects (rounded to their cells or pages) allocated now: the survivors of the last
    /// collection plus everything allocated since.
    public var allocatedBytes: Int { liveBytesAfterLastCollection + counters.pointee.allocatedSinceCollection }
    /// Bytes of pages the heap holds (what the budget limits): blocks, partly or wholly empty or not,
    /// and large spans. `releaseEmptyBlocks()` brings it down to what live objects need.
    public var footprint: Int { spans.pagesInUse << SpanTable.pageShift }
    /// True once enough has been allocated since the last collection; checked at safepoints.
    public var shouldCollect: Bool {
        counters.pointee.allocatedSinceCollection >= counters.pointee.collectionTrigger
    }

    func updateTrigger() {
        // At least 1: with a trigger of 0 even the first allocation after a collection would be refused.
        counters.pointee.collectionTrigger = max(liveBytesAfterLastCollection, minimumCollectionInterval, 1)
    }

    func recordCollection(liveBytes: Int, liveObjects: Int) {
        collections += 1
        liveBytesAfterLastCollection = liveBytes
        liveObjectsAfterLastCollection = liveObjects
        counters.pointee.allocatedSinceCollection = 0
        updateTrigger()
    }

    // MARK: object lookup

    /// Start of the allocated object whose cell or span holds `address` (an object start or an
    /// interior pointer), or nil for anything else: null, integers, free cells, other regions.
    public func objectStart(containing address: UInt64) -> UInt64? {
        let offset = address &- region.start
        guard offset < UInt64(region.size), let span = spans.spanStart(ofPage: Int(offset >> UInt64(SpanTable.pageShift))) else {
            return nil
        }
        let spanOffset = UInt64(span << SpanTable.pageShift)
        guard spans.kind[span] == SpanTable.Kind.smallBlock.rawValue else { return region.start + spanOffset }
        let block = Int(spans.payload[span])
        let descriptor = blocks.blocks[block]
        let index = descriptor.cellIndex(ofOffset: offset - spanOffset)
        guard index < descriptor.cellCount,
              blocks.allocated(block)[index >> 6] & (1 << UInt64(index & 63)) != 0
        else { return nil }
        return descriptor.address + UInt64(index * descriptor.cellSize)
    }

    /// True when `address` is exactly the start of an allocated object.
    public func isAllocatedObject(_ address: UInt64) -> Bool {
        objectStart(containing: address) == address
    }

    /// Bytes reserved for the object at `address` (its size-class cell or its pages), nil when
    /// `address` is not the start of an allocated object.
    public func allocationSize(ofObjectAt address: UInt64) -> Int? {
        guard isAllocatedObject(address) else { return nil }
        let span = Int((address - region.start) >> UInt64(SpanTable.pageShift))
        let start = spans.spanStart(ofPage: span)!
        if spans.kind[start] == SpanTable.Kind.smallBlock.rawValue {
            return blocks.blocks[Int(spans.payload[start])].cellSize
        }
        return Int(spans.length[start]) << SpanTable.pageShift
    }
}
