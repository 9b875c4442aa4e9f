extension GCHeap {
    /// Whether the object starting at `object` is marked: meaningful during a collection, between
    /// marking and sweeping (the `afterMarking` phase of `collect`). Addresses outside the heap
    /// count as marked, since nothing there is ever collected; free cells count as unmarked.
    func isMarked(_ object: UInt64) -> Bool {
        let offset = object &- region.start
        guard offset < UInt64(region.size) else { return true }
        guard let span = spans.spanStart(ofPage: Int(offset >> UInt64(SpanTable.pageShift))) else { return false }
        guard spans.kind[span] == SpanTable.Kind.smallBlock.rawValue else { return spans.payload[span] != 0 }
        let block = Int(spans.payload[span])
        let descriptor = blocks.blocks[block]
        let index = descriptor.cellIndex(ofOffset: offset - UInt64(span << SpanTable.pageShift))
        guard index < descriptor.cellCount else { return false }
        return blocks.marked(block)[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
