extension GCHeap {
    /// Frees the unmarked objects and clears the marks. Works on the bitmaps only: live objects and
    /// dead small objects are not touched (dead cells are cleared when reused; see `takeCell`).
    /// Dead large objects give their pages back to the host, which also makes them read as zero
    /// again, as the span table requires of free pages; emptied blocks are kept up to the next
    /// collection trigger and released beyond it.
    func sweep() -> CollectionStats {
        var stats = CollectionStats()
        var emptied: [Int32] = []  // the blocks kept empty by the last sweep come back here too
        var availableHead = [Int32](repeating: -1, count: SizeClasses.count)
        var availableTail = [Int32](repeating: -1, count: SizeClasses.count)
        for block in 0..<blocks.highWater where blocks.blocks[block].cellCount != 0 {
            let descriptor = blocks.blocks[block]
            let allocated = blocks.allocated(block)
            let marked = blocks.marked(block)
            let dirty = blocks.dirty(block)
            var live = 0
            var dead = 0
            for word in 0..<descriptor.wordCount {
                let a = allocated[word]
                let m = marked[word]
                dirty[word] |= a
                allocated[word] = m
                marked[word] = 0
                live &+= m.nonzeroBitCount
                dead &+= (a & ~m).nonzeroBitCount
            }
            stats.liveObjects += live
            stats.liveBytes += live * descriptor.cellSize
            stats.objectsFreed += dead
            stats.freedBytes += dead * descriptor.cellSize
            if live == 0 {
                emptied.append(Int32(block))
            } else if live < descriptor.cellCount {
                // Appended in descriptor order: the next allocations refill the same blocks in the
                // same order on every run (decision 6).
                let sizeClass = Int(descriptor.sizeClass)
                blocks.blocks[block].nextAvailable = -1
                if availableTail[sizeClass] < 0 {
                    availableHead[sizeClass] = Int32(block)
                } else {
                    blocks.blocks[Int(availableTail[sizeClass])].nextAvailable = Int32(block)
                }
                availableTail[sizeClass] = Int32(block)
            }
        }
        for sizeClass in 0..<SizeClasses.count {
            cursors[sizeClass].reset(availableHead: availableHead[sizeClass])
        }
        sweepLargeObjects(&stats)
        stats.releasedBytes += keepEmptyBlocks(emptied, limit: max(stats.liveBytes, minimumCollectionInterval))
        return stats
    }

    private func sweepLargeObjects(_ stats: inout CollectionStats) {
        var survivors = 0
        for start in largeObjects.map({ Int($0) }) {
            let bytes = Int(spans.length[start]) << SpanTable.pageShift
            if spans.payload[start] != 0 {
                spans.payload[start] = 0
                largeObjects[survivors] = UInt32(start)
                survivors += 1
                stats.liveObjects += 1
                stats.liveBytes += bytes
            } else {
                space.discard(region.start + UInt64(start << SpanTable.pageShift), bytes)
                spans.free(spanAt: start)
                stats.objectsFreed += 1
                stats.freedBytes += bytes
                stats.releasedBytes += bytes
            }
        }
        largeObjects.removeLast(largeObjects.count - survivors)
    }
}
