extension GCHeap {
    /// Calls `body` with the address and allocation size (cell or pages) of every allocated
    /// object, in address order, so snapshots and heap dumps come out the same on every run.
    /// `body` must not allocate or collect.
    public func forEachObject(_ body: (_ address: UInt64, _ size: Int) throws -> Void) rethrows {
        var page = 0
        while page < spans.pageCount {
            let pages = Int(spans.length[page])
            switch SpanTable.Kind(rawValue: spans.kind[page]) {
            case .smallBlock:
                let block = Int(spans.payload[page])
                let descriptor = blocks.blocks[block]
                let allocated = blocks.allocated(block)
                for word in 0..<descriptor.wordCount {
                    var bits = allocated[word]
                    while bits != 0 {
                        let index = word * 64 + bits.trailingZeroBitCount
                        bits &= bits &- 1
                        try body(descriptor.address + UInt64(index * descriptor.cellSize), descriptor.cellSize)
                    }
                }
            case .largeObject:
                try body(region.start + UInt64(page << SpanTable.pageShift), pages << SpanTable.pageShift)
            case .free, nil:
                break
            }
            page += pages
        }
    }
}
