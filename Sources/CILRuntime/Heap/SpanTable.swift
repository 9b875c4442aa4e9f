/// The heap region cut into 4 KiB pages, and pages grouped into spans: a 64 KiB small-object
/// block, one large object, or a free run. Large objects get whole pages so they start page-aligned
/// and their pages can be handed back to the host one by one.
///
/// Every page maps to the first page of the span that holds it, which makes "which object holds
/// this address" O(1) for conservative roots. Free runs are kept in lists by length (exact lists
/// for short runs, one best-fit list for the rest) and merged with free neighbours when a span is
/// freed, so the region does not crumble into runs too short for a block.
///
/// Invariant: every page of a free run reads as zero (the sweeper discards pages it frees), so a new
/// span needs no clearing. Links and owners are stored plus one so that zeroed tables mean "none".
final class SpanTable {
    static let pageShift = 12
    static let pageSize = 1 << pageShift

    enum Kind: UInt8 {
        case free = 0
        case smallBlock = 1
        case largeObject = 2
    }

    let pageCount: Int
    /// Per page: first page + 1 of the in-use span holding it; 0 for a page in a free run.
    let owner: UnsafeMutablePointer<UInt32>
    /// At the first page of each span and free run: its length in pages.
    let length: UnsafeMutablePointer<UInt32>
    /// At the first page of each span and free run: a `Kind`.
    let kind: UnsafeMutablePointer<UInt8>
    /// At the first page of an in-use span: the block descriptor (small blocks) or the mark (large objects).
    let payload: UnsafeMutablePointer<UInt32>
    /// At the last page of a free run: its first page, so a span freed just after it can merge backwards.
    private let freeRunStart: UnsafeMutablePointer<UInt32>
    private let nextFree: UnsafeMutablePointer<UInt32>
    private let previousFree: UnsafeMutablePointer<UInt32>
    /// Runs of 1...63 pages sit in the list of their length; longer ones in list 64 (best fit).
    private static let bigList = 64
    private var listHead = [UInt32](repeating: 0, count: bigList + 1)
    /// Bit n set when exact list n is not empty: a short request finds its best fit with one bit scan.
    private var nonEmptyLists: UInt64 = 0
    private(set) var pagesInUse = 0
    private let storage: HostTable

    init(pageCount: Int) throws(RuntimeError) {
        precondition(pageCount > 0 && pageCount < Int(UInt32.max))
        self.pageCount = pageCount
        let bytes = 6 * HostTable.footprint(UInt32.self, count: pageCount) + HostTable.footprint(UInt8.self, count: pageCount)
        storage = try HostTable(bytes: bytes, "page map")
        owner = storage.carve(UInt32.self, count: pageCount)
        length = storage.carve(UInt32.self, count: pageCount)
        kind = storage.carve(UInt8.self, count: pageCount)
        payload = storage.carve(UInt32.self, count: pageCount)
        freeRunStart = storage.carve(UInt32.self, count: pageCount)
        nextFree = storage.carve(UInt32.self, count: pageCount)
        previousFree = storage.carve(UInt32.self, count: pageCount)
        insertFreeRun(0, pageCount)
    }

    /// First page of the in-use span holding `page`, or nil when the page is free.
    @inline(__always)
    func spanStart(ofPage page: Int) -> Int? {
        let o = owner[page]
        return o == 0 ? nil : Int(o &- 1)
    }

    /// Takes `pages` contiguous pages for a span of `kind`; nil when no free run is long enough.
    func allocate(pages: Int, kind spanKind: Kind, payload value: UInt32) -> Int? {
        guard pages >= 1, pages <= pageCount, let start = bestFit(pages) else { return nil }
        let runLength = Int(length[start])
        unlinkFreeRun(start)
        if runLength > pages { insertFreeRun(start + pages, runLength - pages) }
        let tag = UInt32(start + 1)
        for page in start..<start + pages { owner[page] = tag }
        length[start] = UInt32(pages)
        kind[start] = spanKind.rawValue
        payload[start] = value
        pagesInUse += pages
        return start
    }

    /// Returns a span's pages to the free runs, merging with free neighbours. The caller has
    /// already made the pages read as zero.
    func free(spanAt start: Int) {
        let pages = Int(length[start])
        for page in start..<start + pages { owner[page] = 0 }
        pagesInUse -= pages
        var runStart = start
        var runLength = pages
        if start > 0, owner[start - 1] == 0 {
            let before = Int(freeRunStart[start - 1])
            runLength += Int(length[before])
            unlinkFreeRun(before)
            runStart = before
        }
        let after = start + pages
        if after < pageCount, owner[after] == 0 {
            runLength += Int(length[after])
            unlinkFreeRun(after)
        }
        insertFreeRun(runStart, runLength)
    }

    // MARK: free runs

    private func bestFit(_ pages: Int) -> Int? {
        if pages < Self.bigList {
            let candidates = nonEmptyLists & ~((1 << UInt64(pages)) &- 1)
            if candidates != 0 { return Int(listHead[candidates.trailingZeroBitCount]) - 1 }
        }
        // Long runs: the shortest that fits, first one on ties (deterministic, keeps big runs big).
        var best: Int? = nil
        var bestLength = Int.max
        var link = listHead[Self.bigList]
        while link != 0 {
            let run = Int(link) - 1
            let runLength = Int(length[run])
            if runLength >= pages, runLength < bestLength {
                best = run
                bestLength = runLength
                if runLength == pages { break }
            }
            link = nextFree[run]
        }
        return best
    }

    @inline(__always)
    private static func list(for pages: Int) -> Int { min(pages, bigList) }

    private func insertFreeRun(_ start: Int, _ pages: Int) {
        length[start] = UInt32(pages)
        kind[start] = Kind.free.rawValue
        freeRunStart[start + pages - 1] = UInt32(start)
        let list = Self.list(for: pages)
        let head = listHead[list]
        nextFree[start] = head
        previousFree[start] = 0
        if head != 0 { previousFree[Int(head) - 1] = UInt32(start + 1) }
        listHead[list] = UInt32(start + 1)
        if list < Self.bigList { nonEmptyLists |= 1 << UInt64(list) }
    }

    private func unlinkFreeRun(_ start: Int) {
        let list = Self.list(for: Int(length[start]))
        let next = nextFree[start]
        let previous = previousFree[start]
        if previous != 0 { nextFree[Int(previous) - 1] = next } else { listHead[list] = next }
        if next != 0 { previousFree[Int(next) - 1] = previous }
        if list < Self.bigList, listHead[list] == 0 { nonEmptyLists &= ~(1 << UInt64(list)) }
    }
}
