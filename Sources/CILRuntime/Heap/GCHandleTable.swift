/// The slots behind `System.Runtime.InteropServices.GCHandle`, numbered as Mono's sgen numbers
/// them (`MONO_GC_HANDLE`): handle = slot << 3 | (type + 1), so 0 is never a handle and the type
/// can be read back from the handle alone (`GetAddrOfPinnedObject` does). Mono's managed code only
/// compares handles with 0; the numbering is kept anyway so handle values look like Mono's.
///
/// Normal and pinned slots are roots of the collector; weak slots are cleared by it when their
/// target dies (WeakReferences.swift). Objects never move, so pinning only keeps the target alive.
struct GCHandleTable {
    /// `System.Runtime.InteropServices.GCHandleType` (Mono's HandleType).
    enum Kind: UInt8 {
        case weak = 0
        case weakTrackResurrection = 1
        case normal = 2
        case pinned = 3
    }

    static let typeShift = 3
    /// A guest that allocates handles without freeing them meets OutOfMemoryException here rather
    /// than growing the host's tables without bound (DESIGN decision 7).
    static let maximumSlots = 1 << 24
    private static let freeSlot: UInt8 = 0xFF

    private(set) var targets: [UInt64] = []
    private(set) var kinds: [UInt8] = []
    /// Freed slots, reused last-freed first.
    private var freeSlots: [Int32] = []
    private(set) var liveCount = 0

    /// A new handle of `kind` for `target` (0 allowed), or nil when the table is full.
    mutating func allocate(_ target: UInt64, _ kind: Kind) -> Int32? {
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = Int(reused)
            targets[slot] = target
            kinds[slot] = kind.rawValue
        } else {
            guard targets.count < Self.maximumSlots else { return nil }
            slot = targets.count
            targets.append(target)
            kinds.append(kind.rawValue)
        }
        liveCount += 1
        return Int32(truncatingIfNeeded: (slot << Self.typeShift) | (Int(kind.rawValue) + 1))
    }

    /// The type a handle value says it has (from its low bits), whether or not it is allocated.
    static func kind(ofHandle handle: Int32) -> Kind? {
        Kind(rawValue: UInt8(truncatingIfNeeded: (Int(handle) & ((1 << typeShift) - 1)) - 1))
    }

    /// The slot of an allocated handle whose type bits match its slot, or nil for anything else
    /// (0, freed handles, forged values).
    func slot(of handle: Int32) -> Int? {
        let slot = Int(UInt32(bitPattern: handle) >> UInt32(Self.typeShift))
        guard handle != 0, slot < kinds.count, let kind = Self.kind(ofHandle: handle), kinds[slot] == kind.rawValue else { return nil }
        return slot
    }

    func target(_ handle: Int32) -> UInt64 { slot(of: handle).map { targets[$0] } ?? 0 }

    /// Changes the target of an allocated handle; false if `handle` is not one.
    @discardableResult
    mutating func setTarget(_ handle: Int32, _ target: UInt64) -> Bool {
        guard let slot = slot(of: handle) else { return false }
        targets[slot] = target
        return true
    }

    mutating func free(_ handle: Int32) {
        guard let slot = slot(of: handle) else { return }
        targets[slot] = 0
        kinds[slot] = Self.freeSlot
        freeSlots.append(Int32(slot))
        liveCount -= 1
    }

    // MARK: collector

    /// Reports the targets of normal and pinned handles (roots).
    func markStrongTargets(_ mark: (UInt64) -> Void) {
        for slot in kinds.indices where kinds[slot] == Kind.normal.rawValue || kinds[slot] == Kind.pinned.rawValue {
            mark(targets[slot])
        }
    }

    /// Clears weak handles of `kind` whose targets did not survive marking.
    mutating func clearDeadTargets(_ kind: Kind, _ isMarked: (UInt64) -> Bool) {
        let wanted = kind.rawValue
        for slot in kinds.indices where kinds[slot] == wanted && targets[slot] != 0 && !isMarked(targets[slot]) {
            targets[slot] = 0
        }
    }
}
