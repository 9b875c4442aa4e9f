import Testing
import CILRuntime

/// Throughput and pause figures, printed for the record (run in release, alone:
/// `swift test -c release --filter HeapFigures`). The expectations only check the work was done.
@Suite("GCHeap figures", .serialized)
struct HeapFigures {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return seconds(clock.now - start)
    }

    /// Every timed loop writes the type id, as the runtime does, so cells cleared at allocation and
    /// fresh pages faulted in by that first write are both paid for.
    @Test func allocationThroughput() throws {
        #if DEBUG
        let count = 1_000_000  // keeps a debug `swift test` quick; only release figures mean anything
        #else
        let count = 10_000_000
        #endif
        let t = try TestHeap(budget: 1 << 30)
        let host = t.space.unchecked(t.region.start)
        @inline(__always) func newObject(_ mayCollect: Bool) -> UInt64? {
            guard let object = t.heap.allocate(32, mayTriggerCollection: mayCollect) else { return nil }
            host.storeBytes(of: UInt32(4), toByteOffset: Int(object - t.region.start), as: UInt32.self)
            return object
        }
        var objects = [UInt64](repeating: 0, count: count)
        // Fresh blocks: pages come zero from the host, nothing is cleared.
        let fresh = Self.time {
            for index in 0..<count { objects[index] = newObject(false)! }
        }
        // Reused cells: one object in 64 survives, so blocks stay and 63 cells in 64 are cleared on reuse.
        let sparse = t.collect(stride(from: 0, to: count, by: 64).map { objects[$0] })
        let reusedCount = count - (count + 63) / 64
        let reused = Self.time {
            for index in 0..<reusedCount { objects[index] = newObject(false)! }
        }
        #expect(t.heap.allocatedBytes == count * 32)
        t.collect([])
        // Steady state, nothing live: blocks go back to the host at each collection and come back as
        // fresh pages.
        let steadyCount = 4 * count
        var emptyCollections = 0
        let empty = Self.time {
            for _ in 0..<steadyCount where newObject(true) == nil {
                t.collect([])
                emptyCollections += 1
                _ = newObject(true)
            }
        }
        // Steady state with churn: 100 000 objects live in a ring, one allocation in 16 replaces one.
        var ring = [UInt64](repeating: 0, count: 100_000)
        var churnCollections = 0
        var next = 0
        let churn = Self.time {
            for index in 0..<steadyCount {
                var object = newObject(true)
                if object == nil {
                    t.collect(ring)
                    churnCollections += 1
                    object = newObject(true)
                }
                if index & 15 == 0 {
                    ring[next] = object!
                    next = next == ring.count - 1 ? 0 : next + 1
                }
            }
        }
        func rate(_ count: Int, _ seconds: Double) -> String {
            "\(Int(Double(count) / seconds / 1e6)) M allocs/s, \(Int(seconds * 1e10 / Double(count)) / 10) ns each"
        }
        print("""
            GCHeap allocation, 32-byte objects, type id written:
              fresh blocks                   \(rate(count, fresh))
              reused cells (1/64 survive)    \(rate(reusedCount, reused)) (after a \(Int(Self.seconds(sparse.pauseTime) * 1e3)) ms collection)
              steady, nothing live           \(rate(steadyCount, empty)) (\(emptyCollections) collections included)
              steady, 100 000 live, churning \(rate(steadyCount, churn)) (\(churnCollections) collections included)
            """)
    }

    @Test func collectionPauseForAMillionLiveObjects() throws {
        let t = try TestHeap(budget: 512 << 20)
        var head: UInt64 = 0
        for _ in 0..<1_000_000 { head = try #require(t.node(next: head)) }
        let list = t.collect([head])
        #expect(list.liveObjects == 1_000_000)
        let listAgain = t.collect([head])

        var level = try (0..<(1 << 19)).map { _ in try #require(t.pair(0, 0)) }
        while level.count > 1 {
            level = try stride(from: 0, to: level.count, by: 2).map { try #require(t.pair(level[$0], level[$0 + 1])) }
        }
        let both = t.collect([head, level[0]])
        #expect(both.liveObjects == 1_000_000 + (1 << 20) - 1)

        let arrays = try (0..<1000).map { _ in try #require(t.refArray(1000)) }
        let leaves = try (0..<1_000_000).map { _ in try #require(t.node()) }
        for (index, leaf) in leaves.enumerated() {
            t.store(arrays[index / 1000], ObjectLayout.arrayElementsOffset + 8 * (index % 1000), leaf)
        }
        let roots = t.refArray(1000)!
        for (index, array) in arrays.enumerated() { t.store(roots, ObjectLayout.arrayElementsOffset + 8 * index, array) }
        let wide = t.collect([roots])
        #expect(wide.liveObjects == 1_000_000 + 1001)
        let dead = t.collect([])
        #expect(dead.objectsFreed == wide.liveObjects)

        func ms(_ stats: CollectionStats) -> String {
            let value = Self.seconds(stats.pauseTime) * 1e3
            return "\(Int(value * 10) / 10) ms"
        }
        print("""
            GCHeap collection pauses:
              list of 10^6 live nodes           \(ms(list)) (again: \(ms(listAgain)))
              list + tree, 2.05 × 10^6 live     \(ms(both))
              10^6 nodes under 1000 arrays      \(ms(wide))
              sweeping 10^6 dead + 1001 arrays  \(ms(dead)) (releases \(dead.releasedBytes >> 20) MiB)
            """)
    }
}
