import CILRuntime

/// A heap with a fake type table, standing in for the runtime's:
/// - 1 `node`: one reference at offset 16 (a list cell), 24 bytes;
/// - 2 `pair`: references at 16 and 24 (a tree node), 32 bytes;
/// - 3 `refArray`: an SZ array of references, length at 16, elements from 24;
/// - 4 `blob`: no references (its bytes from 16 on are whatever the test writes).
final class TestHeap {
    enum TypeID: UInt32 {
        case node = 1
        case pair = 2
        case refArray = 3
        case blob = 4
    }

    let space: AddressSpace
    let heap: GCHeap
    var region: Region { heap.region }

    init(budget: Int = 64 << 20, regionSize: Int? = nil) throws {
        let size = regionSize ?? budget * 2
        space = try AddressSpace(capacity: size + (4 << 20))
        heap = try GCHeap(space: space, region: space.reserveRegion(size, "heap"), budget: budget)
    }

    // MARK: memory

    func load(_ object: UInt64, _ offset: Int) -> UInt64 {
        space.unchecked(object + UInt64(offset)).load(as: UInt64.self)
    }

    func store(_ object: UInt64, _ offset: Int, _ value: UInt64) {
        space.unchecked(object + UInt64(offset)).storeBytes(of: value, as: UInt64.self)
    }

    func typeID(_ object: UInt64) -> UInt32 {
        space.unchecked(object).load(as: UInt32.self)
    }

    func bytes(_ object: UInt64, _ count: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: space.unchecked(object), count: count)
    }

    func isZero(_ object: UInt64, _ count: Int) -> Bool {
        bytes(object, count).allSatisfy { $0 == 0 }
    }

    // MARK: objects

    /// A new object of `type`, without collecting (nil only when the budget says no).
    func new(_ type: TypeID, size: Int) -> UInt64? {
        guard let object = heap.allocate(size, mayTriggerCollection: false) else { return nil }
        space.unchecked(object).storeBytes(of: type.rawValue, as: UInt32.self)
        return object
    }

    func node(next: UInt64 = 0) -> UInt64? {
        guard let object = new(.node, size: 24) else { return nil }
        store(object, 16, next)
        return object
    }

    func pair(_ left: UInt64, _ right: UInt64) -> UInt64? {
        guard let object = new(.pair, size: 32) else { return nil }
        store(object, 16, left)
        store(object, 24, right)
        return object
    }

    func refArray(_ length: Int) -> UInt64? {
        guard let object = new(.refArray, size: ObjectLayout.szArraySize(length: length, elementSize: 8)!) else {
            return nil
        }
        store(object, ObjectLayout.arrayLengthOffset, UInt64(length))
        return object
    }

    /// The fake type table's reference map.
    func references(_ object: UInt64, _ mark: (UInt64) -> Void) {
        switch TypeID(rawValue: typeID(object)) {
        case .node:
            mark(load(object, 16))
        case .pair:
            mark(load(object, 16))
            mark(load(object, 24))
        case .refArray:
            let length = Int(load(object, ObjectLayout.arrayLengthOffset))
            for index in 0..<length { mark(load(object, ObjectLayout.arrayElementsOffset + 8 * index)) }
        case .blob, nil:
            break  // type 0: allocated, not initialised yet
        }
    }

    @discardableResult
    func collect(_ roots: [UInt64]) -> CollectionStats {
        heap.collect(roots: { mark in roots.forEach(mark) }, references: references)
    }

    var objects: [UInt64] {
        var all: [UInt64] = []
        heap.forEachObject { address, _ in all.append(address) }
        return all
    }
}

/// SplitMix64: a seeded generator so every fuzz run can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
