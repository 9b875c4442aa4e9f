import Testing
import CILRuntime

@Suite("GCHeap allocation")
struct HeapAllocationTests {
    @Test func layoutSizes() {
        #expect(ObjectLayout.stringSize(length: 0) == 24)  // 20 + NUL → 22 → 24
        #expect(ObjectLayout.stringSize(length: 3) == 32)  // 20 + 8 = 28 → 32
        #expect(ObjectLayout.stringSize(length: -1) == nil)
        #expect(ObjectLayout.stringSize(length: Int(Int32.max)) == nil)
        // Arrays follow Mono's layout: bounds pointer at 16, length at 24, elements from 32.
        #expect(ObjectLayout.szArraySize(length: 0, elementSize: 4) == 32)
        #expect(ObjectLayout.szArraySize(length: 10, elementSize: 4) == 72)  // 32 + 40
        #expect(ObjectLayout.szArraySize(length: -1, elementSize: 4) == nil)
        #expect(ObjectLayout.szArraySize(length: Int.max / 2, elementSize: 8) == nil)
        #expect(ObjectLayout.multiArrayElementsOffset(rank: 2) == 48)  // 32 + 2 × (length, lower bound)
        #expect(ObjectLayout.multiArraySize(rank: 2, totalLength: 6, elementSize: 8) == 96)
        #expect(ObjectLayout.multiArraySize(rank: 0, totalLength: 6, elementSize: 8) == nil)
    }

    @Test func sizeClassesCoverEverySmallSizeWithLittleWaste() throws {
        let t = try TestHeap(budget: 64 << 20)
        for size in 0...GCHeap.largestSmallObject {
            let object = try #require(t.heap.allocate(size, mayTriggerCollection: false))
            let cell = try #require(t.heap.allocationSize(ofObjectAt: object))
            let needed = max(ObjectLayout.minimumSize, (size + 7) & ~7)
            #expect(cell >= needed && cell % 8 == 0, "size \(size)")
            #expect(cell <= needed * 5 / 4 + 8, "waste for size \(size): cell \(cell)")
        }
    }

    @Test(arguments: [0, 1, 8, 17, 24, 25, 100, 4096, 8191, 8192, 8193, 20_000, 1 << 20])
    func allocationIsAlignedZeroedAndInsideTheRegion(size: Int) throws {
        let t = try TestHeap(budget: 16 << 20)
        var previous: [UInt64] = []
        for _ in 0..<5 {
            let object = try #require(t.heap.allocate(size, mayTriggerCollection: false))
            let reserved = try #require(t.heap.allocationSize(ofObjectAt: object))
            #expect(object % 8 == 0)
            #expect(reserved >= max(size, 24))
            #expect(t.region.contains(object) && t.region.contains(object + UInt64(reserved) - 1))
            #expect(t.isZero(object, reserved))
            #expect(t.heap.isAllocatedObject(object))
            #expect(t.heap.objectStart(containing: object + UInt64(reserved) - 1) == object)
            if size > GCHeap.largestSmallObject { #expect(object % 4096 == 0) }
            for other in previous {
                let otherSize = t.heap.allocationSize(ofObjectAt: other)!
                #expect(object + UInt64(reserved) <= other || other + UInt64(otherSize) <= object)
            }
            t.bytes(object, reserved).initializeMemory(as: UInt8.self, repeating: 0xA5)
            previous.append(object)
        }
    }

    @Test func absurdSizesReturnNilAndLeaveTheHeapUsable() throws {
        let t = try TestHeap(budget: 8 << 20)
        for size in [-1, -8, Int.min, Int.max, Int.max - 7, (8 << 20) + 1, Int(Int32.max) * 8, 1 << 40] {
            #expect(t.heap.allocate(size) == nil, "size \(size)")
            #expect(t.heap.allocate(size, mayTriggerCollection: false) == nil, "size \(size)")
        }
        #expect(t.heap.footprint == 0)
        #expect(t.heap.allocate(8 << 20, mayTriggerCollection: false) != nil)  // exactly the budget fits
        #expect(t.heap.allocate(24, mayTriggerCollection: false) == nil)  // and then nothing else
    }

    @Test func objectLookupRejectsEverythingButObjects() throws {
        let t = try TestHeap(budget: 8 << 20)
        let object = try #require(t.heap.allocate(40))  // the 40-byte class
        let start = t.region.start
        for address in [0, 1, start - 8, t.region.end, t.region.end + 4096, UInt64.max, object + 40] {
            #expect(t.heap.objectStart(containing: address) == nil, "\(address)")
        }
        for offset: UInt64 in [0, 1, 8, 39] { #expect(t.heap.objectStart(containing: object + offset) == object) }
        #expect(!t.heap.isAllocatedObject(object + 8))
        #expect(t.heap.allocationSize(ofObjectAt: object + 8) == nil)
    }

    @Test func forEachObjectListsObjectsInAddressOrder() throws {
        let t = try TestHeap(budget: 8 << 20)
        var made: Set<UInt64> = []
        for size in [24, 100, 9000, 24, 5000, 70_000, 32, 32] { made.insert(try #require(t.heap.allocate(size))) }
        let listed = t.objects
        #expect(listed == listed.sorted())
        #expect(Set(listed) == made)
    }
}

@Suite("GCHeap collection")
struct HeapCollectionTests {
    @Test func unreachableObjectsAreFreedAndReachableOnesKept() throws {
        let t = try TestHeap()
        let objects = try (0..<100).map { _ in try #require(t.node()) }
        let roots = stride(from: 0, to: 100, by: 10).map { objects[$0] }
        let stats = t.collect(roots)
        #expect(stats.liveObjects == 10 && stats.objectsFreed == 90)
        #expect(stats.liveBytes == 240 && stats.freedBytes == 90 * 24)
        #expect(Set(t.objects) == Set(roots))
        for object in objects { #expect(t.heap.isAllocatedObject(object) == roots.contains(object)) }
        #expect(t.heap.collections == 1 && t.heap.liveBytesAfterLastCollection == 240)
    }

    @Test func aListOfAMillionNodesSurvivesThenDies() throws {
        let t = try TestHeap(budget: 256 << 20)
        var head: UInt64 = 0
        for _ in 0..<1_000_000 { head = try #require(t.node(next: head)) }
        let kept = t.collect([head])
        #expect(kept.liveObjects == 1_000_000 && kept.objectsFreed == 0)
        var length = 0
        var cursor = head
        while cursor != 0 {
            #expect(t.typeID(cursor) == TestHeap.TypeID.node.rawValue)
            cursor = t.load(cursor, 16)
            length += 1
        }
        #expect(length == 1_000_000)
        let freed = t.collect([])
        #expect(freed.objectsFreed == 1_000_000 && freed.liveObjects == 0 && t.heap.allocatedBytes == 0)
        // 4 MiB of emptied blocks stay for the next allocations (the minimum collection interval).
        #expect(t.heap.footprint == GCHeap.defaultMinimumCollectionInterval)
        #expect(freed.releasedBytes == 1_000_000 / 2730 * 65536 + 65536 - t.heap.footprint)
        t.heap.releaseEmptyBlocks()
        #expect(t.heap.footprint == 0)
    }

    @Test func aTreeOfAMillionNodesSurvivesThenHalfDies() throws {
        let t = try TestHeap(budget: 256 << 20)
        var level = try (0..<(1 << 19)).map { _ in try #require(t.pair(0, 0)) }
        var count = level.count
        while level.count > 1 {
            level = try stride(from: 0, to: level.count, by: 2).map { try #require(t.pair(level[$0], level[$0 + 1])) }
            count += level.count
        }
        #expect(count == (1 << 20) - 1)
        let root = level[0]
        #expect(t.collect([root]).liveObjects == count)
        let stats = t.collect([t.load(root, 16)])
        #expect(stats.liveObjects == (1 << 19) - 1 && stats.objectsFreed == 1 << 19)
    }

    @Test func cyclesAreCollected() throws {
        let t = try TestHeap()
        let ring = try (0..<1000).map { _ in try #require(t.node()) }
        for (index, object) in ring.enumerated() { t.store(object, 16, ring[(index + 1) % ring.count]) }
        let selfLoop = try #require(t.node())
        t.store(selfLoop, 16, selfLoop)
        let a = try #require(t.pair(0, 0)), b = try #require(t.pair(a, a))
        t.store(a, 16, b)
        #expect(t.collect([ring[500]]).liveObjects == 1000)
        let stats = t.collect([])
        #expect(stats.liveObjects == 0 && stats.objectsFreed == 1000)
        #expect(t.objects.isEmpty)
    }

    @Test func interiorPointersKeepTheirObjectsAlive() throws {
        let t = try TestHeap()
        let array = try #require(t.refArray(5))  // 64 bytes
        let element = try #require(t.node())
        t.store(array, 24 + 8 * 4, element)
        let large = try #require(t.new(.blob, size: 100_000))
        let lost = try #require(t.node())
        // A managed pointer to the last element, one into the large object's tail, and one into the
        // rounding slack past a 20 000-byte object's end but inside its pages.
        let slack = try #require(t.new(.blob, size: 20_000))
        let stats = t.collect([array + 56, large + 99_999, slack + 20_400])
        #expect(stats.liveObjects == 4 && stats.objectsFreed == 1)
        #expect(t.heap.isAllocatedObject(element) && !t.heap.isAllocatedObject(lost))
    }

    @Test func garbageRootsAreIgnored() throws {
        let t = try TestHeap(budget: 16 << 20)
        let dead = try #require(t.node())
        let survivor = try #require(t.node())
        t.collect([survivor])  // `dead` is now a free cell
        let tail = survivor - (survivor - t.region.start) % 65536 + 65_530  // past the last 24-byte cell
        let big = try #require(t.new(.blob, size: 50_000))
        var rng = SplitMix64(seed: 7)
        var roots: [UInt64] = [0, 1, 8, UInt64.max, t.region.start - 8, t.region.end, t.region.end + 65536, dead, dead + 8, tail]
        roots += [t.region.start + UInt64(12 << 20), big + 60_000]  // free pages; past the large span
        roots += (0..<10_000).map { _ in rng.next() }
        roots += (0..<10_000).map { _ in t.region.start + rng.next() % UInt64(t.region.size) }
        roots = roots.filter { t.heap.objectStart(containing: $0) != survivor && t.heap.objectStart(containing: $0) != big }
        let stats = t.collect(roots)
        #expect(stats.liveObjects == 0 && stats.objectsFreed == 2)
    }

    @Test func markingDoesNotWriteObjectHeaders() throws {
        let t = try TestHeap()
        let object = try #require(t.node())
        t.collect([object])
        #expect(t.load(object, 0) == UInt64(TestHeap.TypeID.node.rawValue))  // flags and type id untouched
    }
}

@Suite("GCHeap budget and reuse")
struct HeapBudgetTests {
    @Test func allocatingTenTimesTheBudgetReusesMemory() throws {
        let budget = 16 << 20
        let t = try TestHeap(budget: budget)
        let sizes = [24, 32, 100, 1000, 12_000, 3000, 64, 200_000]
        var window = [UInt64](repeating: 0, count: 64)  // the little that stays alive
        var total = 0
        var index = 0
        while total < 10 * budget {
            let size = sizes[index % sizes.count]
            var object = t.heap.allocate(size)
            if object == nil {
                t.collect(window)
                object = t.heap.allocate(size)
            }
            let allocated = try #require(object, "allocation \(index) of \(size) bytes failed after a collection")
            #expect(t.heap.footprint <= budget)
            window[index % window.count] = allocated
            total += size
            index += 1
        }
        #expect(t.heap.collections >= 10)
        #expect(t.collect(window).liveObjects == window.count)
    }

    @Test func liveDataBeyondTheBudgetGivesNil() throws {
        let budget = 4 << 20
        let t = try TestHeap(budget: budget)
        var head: UInt64 = 0
        var nodes = 0
        while true {
            if let object = t.heap.allocate(24) {
                t.store(object, 0, UInt64(TestHeap.TypeID.node.rawValue))
                t.store(object, 16, head)
                head = object
                nodes += 1
                continue
            }
            t.collect([head])
            guard let object = t.heap.allocate(24) else { break }
            t.store(object, 0, UInt64(TestHeap.TypeID.node.rawValue))
            t.store(object, 16, head)
            head = object
            nodes += 1
        }
        #expect(nodes == budget / 65536 * 2730)  // every cell of every block the budget allows
        #expect(t.heap.footprint == budget)
        #expect(t.heap.allocate(100_000) == nil && t.heap.allocate(1000) == nil)
        #expect(t.collect([head]).liveObjects == nodes)
        #expect(t.collect([]).liveObjects == 0)
        #expect(t.heap.allocate(100_000) != nil)
    }

    @Test func largeObjectsTakeWholePagesAndGiveThemBack() throws {
        let t = try TestHeap(budget: 16 << 20, regionSize: 16 << 20)
        let large = try #require(t.new(.blob, size: 100_000))
        #expect(large % 4096 == 0)
        #expect(t.heap.allocationSize(ofObjectAt: large) == 102_400)
        #expect(t.heap.objectStart(containing: large + 99_999) == large)
        #expect(t.heap.footprint == 102_400)
        let stats = t.collect([])
        #expect(stats.objectsFreed == 1 && stats.freedBytes == 102_400 && stats.releasedBytes == 102_400)
        #expect(t.heap.footprint == 0)
        // Free runs merge: after freeing, one span the size of the budget fits again.
        let pieces = try (0..<16).map { _ in try #require(t.new(.blob, size: 1 << 20)) }
        #expect(t.heap.allocate(1, mayTriggerCollection: false) == nil)
        t.collect(stride(from: 0, to: 16, by: 2).map { pieces[$0] })
        #expect(t.heap.allocate(2 << 20, mayTriggerCollection: false) == nil)  // 8 holes of 1 MiB, none of 2
        t.collect([])
        #expect(t.heap.allocate(16 << 20, mayTriggerCollection: false) != nil)
    }

    @Test(arguments: [40, 1000, 8192, 30_000])
    func reusedMemoryIsZeroed(size: Int) throws {
        let t = try TestHeap(budget: 16 << 20)
        func fill(_ count: Int) throws -> [UInt64] {
            try (0..<count).map { _ in
                let object = try #require(t.heap.allocate(size, mayTriggerCollection: false))
                #expect(t.isZero(object, t.heap.allocationSize(ofObjectAt: object)!))
                t.bytes(object, t.heap.allocationSize(ofObjectAt: object)!).initializeMemory(as: UInt8.self, repeating: 0xFF)
                return object
            }
        }
        let count = min(200, (8 << 20) / size)
        // Every other object survives: blocks stay, and their dead cells are reused in place.
        let first = try fill(count)
        let survivors = stride(from: 0, to: count, by: 2).map { first[$0] }
        t.collect(survivors)
        let second = try fill(count)
        if size <= GCHeap.largestSmallObject { #expect(!Set(second).isDisjoint(with: first)) }
        // Everything dies: blocks and spans go back to the host and come back zero.
        t.collect([])
        _ = try fill(count)
    }

    @Test func emptiedBlocksAreKeptAndServeAnySizeClass() throws {
        let t = try TestHeap(budget: 16 << 20)
        let small = try (0..<2730 * 20).map { _ in try #require(t.heap.allocate(24, mayTriggerCollection: false)) }
        for object in small { t.bytes(object, 24).initializeMemory(as: UInt8.self, repeating: 0xFF) }
        t.heap.minimumCollectionInterval = 10 * 65536
        let stats = t.collect([])
        #expect(stats.releasedBytes == 10 * 65536 && t.heap.footprint == 10 * 65536)
        // The kept blocks now hold 40-byte cells straddling the old 24-byte ones: all come back zeroed.
        for _ in 0..<(65536 / 40) * 10 {
            let object = try #require(t.heap.allocate(40, mayTriggerCollection: false))
            #expect(t.isZero(object, 40))
        }
        #expect(t.heap.footprint == 10 * 65536)
        _ = try #require(t.heap.allocate(40, mayTriggerCollection: false))
        #expect(t.heap.footprint == 11 * 65536)
        // A large object that needs the budget takes it from kept blocks.
        t.collect([])
        #expect(t.heap.footprint == 10 * 65536)
        _ = try #require(t.heap.allocate(16 << 20, mayTriggerCollection: false))
        #expect(t.heap.footprint == 16 << 20)
    }

    @Test func collectionPolicy() throws {
        let t = try TestHeap(budget: 64 << 20)
        t.heap.minimumCollectionInterval = 1 << 20
        var count = 0
        while t.heap.allocate(64) != nil { count += 1 }
        #expect(count == (1 << 20) / 64)
        #expect(t.heap.shouldCollect && t.heap.allocatedBytes == 1 << 20)
        #expect(t.heap.allocate(64, mayTriggerCollection: false) != nil)  // a caller that cannot collect
        #expect(t.heap.allocate(100_000) == nil)
        t.collect([])
        #expect(!t.heap.shouldCollect && t.heap.allocate(64) != nil)
        // With 3 MiB live the next collection waits for 3 MiB more, not the 1 MiB minimum.
        let survivors = try (0..<48).map { _ in try #require(t.new(.blob, size: 65536)) }
        #expect(t.collect(survivors).liveBytes == 3 << 20)
        var since = 0
        while t.heap.allocate(64) != nil { since += 64 }
        #expect(since == 3 << 20)
    }

    @Test func anAllocationLargerThanTheTriggerSucceedsRightAfterACollection() throws {
        let t = try TestHeap(budget: 64 << 20)
        #expect(t.heap.allocate(20 << 20) != nil)  // more than the 4 MiB trigger, but nothing allocated before
        #expect(t.heap.shouldCollect && t.heap.allocate(24) == nil)
        t.collect([])
        #expect(t.heap.allocate(40 << 20) != nil)  // the runtime's retry after collecting must not fail
        t.heap.minimumCollectionInterval = -5  // nonsense settings still let the retry through
        t.collect([])
        #expect(t.heap.allocate(24) != nil && t.heap.allocate(24) == nil)
    }
}
