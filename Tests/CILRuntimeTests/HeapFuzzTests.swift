import Testing
import CILRuntime

/// Random allocation, linking, rooting and collection, checked after every collection against a
/// model that computes reachability on its own: the heap must hold exactly the reachable objects,
/// with their contents intact, and must hand out zeroed memory that overlaps nothing.
@Suite("GCHeap model fuzzing")
struct HeapFuzzTests {
    enum Content {
        case references([UInt64])
        case pattern(UInt8)
    }

    struct ModelObject {
        var size: Int
        var content: Content
    }

    final class Model {
        let t: TestHeap
        var rng: SplitMix64
        /// Everything allocated and not yet collected, reachable or not.
        var objects: [UInt64: ModelObject] = [:]
        var addresses: [UInt64] = []
        /// Root values; some point inside their object rather than at its start.
        var roots: [UInt64] = []
        var collections = 0
        var refusals = 0
        /// Every address handed out, in order.
        var history: [UInt64] = []

        init(seed: UInt64) throws {
            rng = SplitMix64(seed: seed)
            t = try TestHeap(budget: 4 << 20, regionSize: 8 << 20)
            t.heap.minimumCollectionInterval = 512 << 10
        }

        func random(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
        func anyObject() -> UInt64? { addresses.isEmpty ? nil : addresses[random(addresses.count)] }

        func randomSize() -> Int {
            switch random(10) {
            case 0..<7: random(257)
            case 7..<9: 257 + random(8192 - 256)
            default: 8193 + random(100_000)
            }
        }

        func allocate() throws {
            let requested = randomSize()
            let slots = random(2) == 0 ? max(0, (requested - 24) / 8) : nil
            let size = slots.map { ObjectLayout.szArraySize(length: $0, elementSize: 8)! } ?? requested
            var object = t.heap.allocate(size)
            if object == nil {
                try collectAndCheck()
                object = t.heap.allocate(size)
            }
            guard let object else {
                refusals += 1  // the budget is taken by reachable data
                #expect(t.heap.footprint > t.heap.budget / 2)
                return
            }
            history.append(object)
            #expect(objects[object] == nil && t.heap.objectStart(containing: object + UInt64(max(size, 24) - 1)) == object)
            #expect(t.region.contains(object) && t.region.contains(object + UInt64(t.heap.allocationSize(ofObjectAt: object)! - 1)))
            #expect(t.isZero(object, t.heap.allocationSize(ofObjectAt: object)!))
            if let slots {
                t.store(object, 0, UInt64(TestHeap.TypeID.refArray.rawValue))
                t.store(object, ObjectLayout.arrayLengthOffset, UInt64(slots))
                objects[object] = ModelObject(size: size, content: .references(Array(repeating: 0, count: slots)))
            } else {
                let byte = UInt8(truncatingIfNeeded: rng.next() | 1)
                t.store(object, 0, UInt64(TestHeap.TypeID.blob.rawValue))
                if size > 16 { UnsafeMutableRawBufferPointer(rebasing: t.bytes(object, size)[16...]).initializeMemory(as: UInt8.self, repeating: byte) }
                objects[object] = ModelObject(size: size, content: .pattern(byte))
            }
            addresses.append(object)
        }

        func link() {
            guard let from = anyObject(), case .references(var slots) = objects[from]!.content, !slots.isEmpty else { return }
            let slot = random(slots.count)
            let target = random(4) == 0 ? 0 : (anyObject() ?? 0)
            slots[slot] = target
            objects[from]!.content = .references(slots)
            t.store(from, ObjectLayout.arrayElementsOffset + 8 * slot, target)
        }

        func addRoot() {
            guard let object = anyObject() else { return }
            let size = max(objects[object]!.size, 24)
            roots.append(random(3) == 0 ? object + UInt64(random(size)) : object)
        }

        func dropRoot() {
            guard !roots.isEmpty else { return }
            roots.swapAt(random(roots.count), roots.count - 1)
            roots.removeLast()
        }

        /// The object a root value points into, found the slow way.
        func resolve(_ value: UInt64) -> UInt64? {
            if objects[value] != nil { return value }
            return objects.first { value >= $0.key && value < $0.key + UInt64(max($0.value.size, 24)) }?.key
        }

        func collectAndCheck() throws {
            var reachable: Set<UInt64> = []
            var pending = roots.compactMap(resolve)
            while let object = pending.popLast() {
                guard reachable.insert(object).inserted else { continue }
                if case .references(let slots) = objects[object]!.content { pending += slots.filter { $0 != 0 } }
            }
            let before = objects.count
            let stats = t.collect(roots)
            collections += 1
            #expect(stats.liveObjects == reachable.count && stats.objectsFreed == before - reachable.count)
            objects = objects.filter { reachable.contains($0.key) }
            addresses = Array(objects.keys).sorted()
            roots = roots.filter { resolve($0) != nil }
            #expect(t.objects == addresses)
            for (object, model) in objects {
                switch model.content {
                case .references(let slots):
                    #expect(t.typeID(object) == TestHeap.TypeID.refArray.rawValue)
                    #expect(slots.indices.allSatisfy { t.load(object, ObjectLayout.arrayElementsOffset + 8 * $0) == slots[$0] })
                case .pattern(let byte):
                    #expect(t.typeID(object) == TestHeap.TypeID.blob.rawValue)
                    #expect(model.size <= 16 || t.bytes(object, model.size)[16...].allSatisfy { $0 == byte })
                }
            }
        }
    }

    static func run(_ model: Model, steps: Int) throws {
        for _ in 0..<steps {
            switch model.random(100) {
            case 0..<55: try model.allocate()
            case 55..<75: model.link()
            case 75..<85: model.addRoot()
            case 85..<97: model.dropRoot()
            default: try model.collectAndCheck()
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomOperationsMatchAModel(seed: UInt64) throws {
        let model = try Model(seed: seed)
        try Self.run(model, steps: 20_000)
        model.roots = []
        try model.collectAndCheck()
        model.t.heap.releaseEmptyBlocks()
        #expect(model.t.heap.footprint == 0)
        #expect(model.collections > 300)
    }

    /// Decision 6: the same operations give the same addresses, in a fresh address space each time.
    @Test func sameOperationsGiveSameAddresses() throws {
        let first = try Model(seed: 42), second = try Model(seed: 42)
        try Self.run(first, steps: 5000)
        try Self.run(second, steps: 5000)
        #expect(first.history.count > 2000 && first.history == second.history)
    }
}
