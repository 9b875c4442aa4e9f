/// A 64 KiB span of cells of one size class. Its state lives outside the guest memory, in three
/// bitmaps of one bit per cell:
/// - allocated: the cell holds an object (what conservative roots are checked against);
/// - marked: reached during the current collection (so marking never writes to objects);
/// - dirty: the cell has held an object since the block's pages were last fresh; only a dirty
///   cell is cleared when allocated again (fresh and discarded pages already read as zero).
struct HeapBlock {
    static let pages = 16
    static let size = pages << SpanTable.pageShift
    /// Bitmap words for the smallest class, 2730 cells; every block reserves this many.
    static let maxWords = (size / ObjectLayout.minimumSize + 63) / 64

    /// Guest address of cell 0.
    var address: UInt64
    var startPage: UInt32
    var sizeClass: UInt8
    var cellSize: Int
    /// 0 for a descriptor not in use.
    var cellCount: Int
    var wordCount: Int
    /// ⌈2³² / cellSize⌉: `(offset × reciprocal) >> 32` is `offset / cellSize` exactly for every
    /// offset below 2¹⁶ (the error term stays under 2⁻¹⁶, less than 1 / cellSize).
    var reciprocal: UInt64
    /// Next block of the same class with free cells, or -1.
    var nextAvailable: Int32 = -1

    /// A block at `address` divided into cells of `sizeClass`.
    init(address: UInt64, startPage: UInt32, sizeClass: Int) {
        self.address = address
        self.startPage = startPage
        self.sizeClass = UInt8(sizeClass)
        cellSize = SizeClasses.sizes[sizeClass]
        cellCount = Self.size / cellSize
        wordCount = (cellCount + 63) / 64
        reciprocal = ((1 << 32) + UInt64(cellSize) - 1) / UInt64(cellSize)
    }

    @inline(__always)
    func cellIndex(ofOffset offset: UInt64) -> Int {
        Int(truncatingIfNeeded: (offset &* reciprocal) >> 32)
    }
}

/// All block descriptors and their bitmaps, in host memory sized for the most blocks the budget
/// allows (so pointers to bitmap words stay valid), recycled through a free list.
final class BlockTable {
    /// Words per descriptor: allocated, marked, dirty.
    static let stride = 3 * HeapBlock.maxWords

    let capacity: Int
    let blocks: UnsafeMutablePointer<HeapBlock>
    let bits: UnsafeMutablePointer<UInt64>
    /// Descriptors 0..<highWater have been used at least once.
    private(set) var highWater = 0
    private var recycled: [Int32] = []
    private let storage: HostTable

    init(capacity: Int) throws(RuntimeError) {
        self.capacity = max(capacity, 1)
        storage = try HostTable(
            bytes: HostTable.footprint(HeapBlock.self, count: self.capacity)
                + HostTable.footprint(UInt64.self, count: self.capacity * Self.stride),
            "block table")
        blocks = storage.carve(HeapBlock.self, count: self.capacity)
        bits = storage.carve(UInt64.self, count: self.capacity * Self.stride)
    }

    @inline(__always) func allocated(_ block: Int) -> UnsafeMutablePointer<UInt64> { bits + block &* Self.stride }
    @inline(__always) func marked(_ block: Int) -> UnsafeMutablePointer<UInt64> { allocated(block) + HeapBlock.maxWords }
    @inline(__always) func dirty(_ block: Int) -> UnsafeMutablePointer<UInt64> { allocated(block) + 2 * HeapBlock.maxWords }

    /// A descriptor with all three bitmaps clear, or nil when every one is in use.
    func acquire() -> Int? {
        if let index = recycled.popLast() { return Int(index) }
        guard highWater < capacity else { return nil }
        highWater += 1
        return highWater - 1
    }

    /// Takes back a descriptor whose allocated and marked bitmaps are already clear.
    func release(_ block: Int) {
        dirty(block).update(repeating: 0, count: blocks[block].wordCount)
        blocks[block].cellCount = 0
        recycled.append(Int32(block))
    }
}
