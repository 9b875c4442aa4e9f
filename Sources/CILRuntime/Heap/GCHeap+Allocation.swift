#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GCHeap {
    /// Guest address of `size` zeroed bytes, 8-byte aligned, at least 24 bytes; nil when `size`
    /// is absurd (negative, more than the budget), when the budget is exhausted, or, unless
    /// `mayTriggerCollection` is false, when `shouldCollect` is true (see the type's documentation
    /// for the retry protocol).
    @inline(__always)
    public func allocate(_ size: Int, mayTriggerCollection: Bool = true) -> UInt64? {
        // One unsigned comparison also sends negative sizes to the slow path, which refuses them.
        guard UInt(bitPattern: size) <= UInt(SizeClasses.largestSmall) else {
            return allocateLarge(size, mayTriggerCollection: mayTriggerCollection)
        }
        let sizeClass = Int(classOfGranules[(size &+ 7) >> 3])
        let cursor = cursors + sizeClass
        let since = counters.pointee.allocatedSinceCollection
        // The counter before this allocation is compared, so right after a collection (counter 0) an
        // allocation of any size within the budget succeeds: the runtime's retry cannot fail spuriously.
        if _slowPath(since >= counters.pointee.collectionTrigger), mayTriggerCollection { return nil }
        let free = cursor.pointee.freeMask
        guard _fastPath(free != 0) else { return allocateSmallSlow(sizeClass) }
        counters.pointee.allocatedSinceCollection = since &+ cursor.pointee.cellSize
        return takeCell(cursor, free)
    }

    /// Takes the lowest free cell of the cursor's window.
    @inline(__always)
    private func takeCell(_ cursor: UnsafeMutablePointer<AllocationCursor>, _ free: UInt64) -> UInt64 {
        let bit = free.trailingZeroBitCount
        let mask: UInt64 = 1 << UInt64(bit)
        cursor.pointee.freeMask = free & (free &- 1)
        cursor.pointee.allocatedWord.pointee |= mask
        let offset = bit &* cursor.pointee.cellSize
        if cursor.pointee.dirtyMask & mask != 0 {
            // Cleared here rather than when swept: the constructor is about to write these bytes, so
            // they are brought into the cache once, and cells that die unused are never touched.
            // Measured with clearing in the sweep instead: sweeping 10^7 cells of which 63/64 died took
            // 85–180 ms instead of 6–22 ms, and allocation with churn ran 2–6× slower.
            memset(cursor.pointee.windowHost + offset, 0, cursor.pointee.cellSize)
        }
        return cursor.pointee.windowAddress &+ UInt64(offset)
    }

    /// The window is used up: move to the next word with a free cell in the current block, then to
    /// the next block of the class with free cells, then to a new block.
    @inline(never)
    private func allocateSmallSlow(_ sizeClass: Int) -> UInt64? {
        let cursor = cursors + sizeClass
        while true {
            if cursor.pointee.block >= 0, advanceWindow(cursor) {
                counters.pointee.allocatedSinceCollection &+= cursor.pointee.cellSize
                return takeCell(cursor, cursor.pointee.freeMask)
            }
            if cursor.pointee.availableHead >= 0 {
                let block = cursor.pointee.availableHead
                cursor.pointee.availableHead = blocks.blocks[Int(block)].nextAvailable
                cursor.pointee.block = block
                cursor.pointee.word = -1
                continue
            }
            guard let block = newBlock(sizeClass) else { return nil }
            cursor.pointee.block = Int32(block)
            cursor.pointee.word = -1
        }
    }

    /// Moves the window to the next word of the cursor's block that has a free cell; false when
    /// the block has none left (it is then full until the next sweep).
    private func advanceWindow(_ cursor: UnsafeMutablePointer<AllocationCursor>) -> Bool {
        let block = Int(cursor.pointee.block)
        let descriptor = blocks.blocks[block]
        let allocated = blocks.allocated(block)
        let dirty = blocks.dirty(block)
        var word = Int(cursor.pointee.word) + 1
        while word < descriptor.wordCount {
            var free = ~allocated[word]
            let cellsLeft = descriptor.cellCount - word * 64
            if cellsLeft < 64 { free &= (1 << UInt64(cellsLeft)) - 1 }
            if free != 0 {
                let offset = word * 64 * descriptor.cellSize
                cursor.pointee.word = Int32(word)
                cursor.pointee.freeMask = free
                cursor.pointee.dirtyMask = dirty[word]
                cursor.pointee.allocatedWord = allocated + word
                cursor.pointee.windowAddress = descriptor.address + UInt64(offset)
                cursor.pointee.windowHost = host + Int(descriptor.address - region.start) + offset
                return true
            }
            word += 1
        }
        cursor.pointee.block = -1
        return false
    }

    /// A block for `sizeClass`: an emptied one kept by the last sweep, else new pages; nil when the
    /// budget or the region has no room for one.
    private func newBlock(_ sizeClass: Int) -> Int? {
        if let block = reuseEmptyBlock(for: sizeClass) { return block }
        guard spans.pagesInUse + HeapBlock.pages <= budgetPages, let block = blocks.acquire() else { return nil }
        guard let start = spans.allocate(pages: HeapBlock.pages, kind: .smallBlock, payload: UInt32(block)) else {
            blocks.release(block)
            return nil
        }
        blocks.blocks[block] = HeapBlock(
            address: region.start + UInt64(start << SpanTable.pageShift), startPage: UInt32(start), sizeClass: sizeClass)
        return block
    }

    /// An object larger than a small cell: its own span of whole pages, which read as zero already.
    @inline(never)
    private func allocateLarge(_ size: Int, mayTriggerCollection: Bool) -> UInt64? {
        guard size >= 0, size <= budget else { return nil }
        let pages = (size + SpanTable.pageSize - 1) >> SpanTable.pageShift
        let bytes = pages << SpanTable.pageShift
        let since = counters.pointee.allocatedSinceCollection
        if since >= counters.pointee.collectionTrigger, mayTriggerCollection { return nil }
        // Kept empty blocks give way first: to the budget, then, if the region is too fragmented for
        // the span, all of them, so their pages can merge with their neighbours.
        while spans.pagesInUse + pages > budgetPages, releaseOneEmptyBlock() {}
        guard spans.pagesInUse + pages <= budgetPages else { return nil }
        var span = spans.allocate(pages: pages, kind: .largeObject, payload: 0)
        if span == nil, releaseEmptyBlocks() > 0 {
            span = spans.allocate(pages: pages, kind: .largeObject, payload: 0)
        }
        guard let start = span else { return nil }
        largeObjects.append(UInt32(start))
        counters.pointee.allocatedSinceCollection = since + bytes
        return region.start + UInt64(start << SpanTable.pageShift)
    }
}
