import Testing
import CILRuntime

/// The collector's phase between marking and sweeping (weak references, ephemerons, finalization
/// build on it): it sees exactly what marking reached, and what it traces survives the sweep.
@Suite("GCHeap afterMarking")
struct HeapWeakPhaseTests {
    @Test func seesTheMarksAndCanResurrectAGraph() throws {
        let t = try TestHeap()
        let live = try #require(t.node())
        let tail = try #require(t.node())
        let resurrected = try #require(t.node(next: tail))
        let gone = try #require(t.node())
        var before: [Bool] = []
        var after: [Bool] = []
        t.heap.collect(roots: { mark in mark(live) }, references: t.references, afterMarking: { isMarked, trace in
            before = [live, resurrected, tail, gone].map(isMarked)
            trace(resurrected)
            after = [live, resurrected, tail, gone].map(isMarked)
        })
        #expect(before == [true, false, false, false])
        #expect(after == [true, true, true, false])
        #expect(Set(t.objects) == [live, resurrected, tail])
        #expect(t.load(resurrected, 16) == tail)
    }

    @Test func largeObjectsAndAddressesOutsideTheHeap() throws {
        let t = try TestHeap()
        let big = try #require(t.new(.blob, size: 100_000))
        let kept = try #require(t.new(.blob, size: 100_000))
        var marks: [Bool] = []
        t.heap.collect(roots: { mark in mark(kept) }, references: t.references, afterMarking: { isMarked, _ in
            // Outside the heap nothing is collected, so it counts as marked.
            marks = [isMarked(big), isMarked(kept), isMarked(0), isMarked(t.region.start &- 4096)]
        })
        #expect(marks == [false, true, true, true])
        #expect(t.objects == [kept])
    }

    @Test func tracingTheSameObjectTwiceIsHarmless() throws {
        let t = try TestHeap()
        let a = try #require(t.node())
        let b = try #require(t.node(next: a))
        _ = try #require(t.pair(a, b))  // garbage referring to both
        t.heap.collect(roots: { _ in }, references: t.references, afterMarking: { _, trace in
            trace(b)
            trace(b)
            trace(a)
        })
        #expect(Set(t.objects) == [a, b])
    }
}
