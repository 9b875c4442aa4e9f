/// Where one size class allocates next: a 64-cell window (one allocated-bitmap word) of one
/// block. The fast path takes the lowest free bit of the window; only when the window is used up
/// does the slow path move to the next word, the next block with free cells, or a new block.
struct AllocationCursor {
    /// Free cells of the window (bit i = cell `word × 64 + i`).
    var freeMask: UInt64 = 0
    /// Cells of the window that must be cleared before reuse (they held objects since the block was fresh).
    var dirtyMask: UInt64 = 0
    /// Host address of the window's cell 0.
    var windowHost: UnsafeMutableRawPointer
    /// Guest address of the window's cell 0.
    var windowAddress: UInt64 = 0
    /// The allocated-bitmap word of the window.
    var allocatedWord: UnsafeMutablePointer<UInt64>
    var cellSize: Int
    var block: Int32 = -1
    var word: Int32 = 0
    /// Blocks of this class with free cells the cursor has not visited since the last sweep.
    var availableHead: Int32 = -1

    init(cellSize: Int, placeholder: UnsafeMutablePointer<UInt64>) {
        self.cellSize = cellSize
        windowHost = UnsafeMutableRawPointer(placeholder)
        allocatedWord = placeholder
    }

    /// Forgets the window (after a sweep rewrote the bitmaps).
    mutating func reset(availableHead head: Int32) {
        freeMask = 0
        dirtyMask = 0
        block = -1
        availableHead = head
    }
}

/// Counters the allocation fast path updates, kept in host memory so updating them is a plain
/// store (no exclusivity bookkeeping on class properties).
struct AllocationCounters {
    /// Bytes (cell or span sizes) handed out since the last collection.
    var allocatedSinceCollection = 0
    /// `allocate` returns nil once `allocatedSinceCollection` would pass this, asking for a collection.
    var collectionTrigger = 0
}
