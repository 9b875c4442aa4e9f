/// Where things are inside a heap object (DESIGN decision 3: objects carry a CLR-like header).
/// The interpreter, the natives, snapshots and the collector all read these offsets, so a change
/// here is a format change, not a refactoring.
///
/// ```
/// every object   [0,4) UInt32 type id   [4,8) UInt32 GC flags   [8,16) UInt64 sync/hash word
/// class          fields from 16
/// SZ array       [16,24) bounds pointer (0), [24,32) UInt64 length, elements from 32
/// MD array       [16,24) bounds pointer, [24,32) UInt64 total length, rank × (Int32 length, Int32 lower bound), elements aligned to 8
/// string         [16,20) Int32 length, UTF-16 code units from 20, then one NUL code unit
/// ```
public enum ObjectLayout {
    /// Objects start and end on this boundary, so every field up to 8 bytes is naturally aligned.
    public static let alignment = 8
    /// The smallest object: a header and one 8-byte slot (an empty class still gets one, as in the CLR,
    /// and a free cell can always hold a header).
    public static let minimumSize = 24

    // MARK: header

    public static let headerSize = 16
    /// Index into the runtime's type table. 0 is never a live type: the collector hands out zeroed
    /// memory, so 0 means "allocated, not yet initialised".
    public static let typeIDOffset = 0
    public static let flagsOffset = 4
    public static let syncWordOffset = 8
    public static let fieldsOffset = 16

    /// Bit 0 of the flags word belongs to the collector; the runtime owns bits 1–31 (pinned,
    /// finalizable, …). `GCHeap` keeps its marks in side bitmaps (marking writes no object memory,
    /// sweeping reads none), so it leaves this bit 0; it stays reserved for a collector that marks in place.
    public static let markFlag: UInt32 = 1 << 0
    // Bits 1 and 2: finalization (`FinalizationFlags`, Heap/WeakReferences.swift).
    public static let runtimeFlagsMask: UInt32 = ~markFlag

    // MARK: arrays

    // Mono's managed code reads arrays through its own layout (Array.GetRawSzArrayData casts
    // the array to a class { IntPtr Bounds; IntPtr Count; byte Data; }), so arrays follow it:
    // [16,24) bounds pointer (0 for SZ arrays), [24,32) length, elements from 32.
    public static let arrayBoundsPointerOffset = 16
    public static let arrayLengthOffset = 24
    public static let arrayElementsOffset = 32
    public static let multiArrayBoundsOffset = 32
    /// Bytes per dimension in a multi-dimensional array: Int32 length, Int32 lower bound.
    public static let multiArrayDimensionSize = 8

    /// Elements of a rank-`rank` array start here (8 bytes per dimension keeps them 8-aligned already;
    /// the rounding states the rule rather than relies on it).
    public static func multiArrayElementsOffset(rank: Int) -> Int {
        roundUp(multiArrayBoundsOffset + rank * multiArrayDimensionSize)
    }

    /// An array length read back from guest memory, which unsafe guest code can overwrite:
    /// clamped to what an array can hold so later arithmetic cannot trap on it (the address
    /// space checks still bound every access).
    @inline(__always)
    public static func guestLength(_ stored: UInt64) -> Int {
        stored > UInt64(Int32.max) ? Int(Int32.max) : Int(stored)
    }

    // MARK: strings

    public static let stringLengthOffset = 16
    public static let stringCharsOffset = 20

    // MARK: sizes

    /// Allocation size of an SZ array, or nil when the length is negative or the size overflows:
    /// guest code asks for `new T[n]` with any n, and that must become OutOfMemory/Overflow, not a trap.
    public static func szArraySize(length: Int, elementSize: Int) -> Int? {
        payloadSize(offset: arrayElementsOffset, count: length, unit: elementSize)
    }

    public static func multiArraySize(rank: Int, totalLength: Int, elementSize: Int) -> Int? {
        guard rank >= 1, rank <= 32 else { return nil }  // CoreCLR's MAX_RANK; no real program goes near it
        return payloadSize(offset: multiArrayElementsOffset(rank: rank), count: totalLength, unit: elementSize)
    }

    /// A string of `length` UTF-16 code units plus its terminating NUL.
    public static func stringSize(length: Int) -> Int? {
        guard length >= 0, length < Int(Int32.max) else { return nil }
        return payloadSize(offset: stringCharsOffset, count: length + 1, unit: 2)
    }

    /// `offset + count × unit`, rounded to the alignment and at least the minimum size.
    @inline(__always)
    static func payloadSize(offset: Int, count: Int, unit: Int) -> Int? {
        guard count >= 0, unit >= 0 else { return nil }
        let (bytes, o1) = count.multipliedReportingOverflow(by: unit)
        let (total, o2) = bytes.addingReportingOverflow(offset + alignment - 1)
        guard !o1, !o2 else { return nil }
        return max(total & ~(alignment - 1), minimumSize)
    }

    @inline(__always)
    static func roundUp(_ size: Int) -> Int { (size + alignment - 1) & ~(alignment - 1) }
}
