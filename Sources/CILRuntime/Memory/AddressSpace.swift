#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one emulated 64-bit address space of a guest (DESIGN decision 3): objects, arrays,
/// strings, statics, thread stacks and unmanaged allocations all live here, and every guest
/// reference or pointer is a plain address into it.
///
/// The space is one host reservation made with `mmap(MAP_NORESERVE)`: pages cost nothing until
/// touched. Guest address `a` lives at host `base + (a - AddressSpace.guestBase)`. Addresses
/// below `guestBase` (null and small integers cast to pointers) and past the end are never
/// mapped, so one unsigned comparison tells a valid access from a fault.
public final class AddressSpace: @unchecked Sendable {
    /// First guest address. Chosen far from 0 so that null and small garbage pointers fault.
    public static let guestBase: UInt64 = 0x0000_7E00_0000_0000
    public let host: UnsafeMutableRawPointer
    public let capacity: Int
    /// Bump pointer for carving regions (heap, stacks, statics, unmanaged) out of the space.
    private var nextRegion: Int = 0x1000

    /// Mapped bytes past `capacity`: an access that `unchecked` starts inside the space may run
    /// this far past its end and still touch only the reservation (value types are capped
    /// below this size by the type loader: `maximumValueSize`).
    public static let slack = 64 << 20
    /// Largest instance of a value type the loader accepts (values are copied through
    /// `unchecked`). Mono's limit: larger value types are a TypeLoadException there.
    public static let maximumValueSize = 1 << 20
    /// The reservation rounded up to a power of two, minus one: masking keeps any offset inside it.
    private let offsetMask: UInt64
    private let mappedBytes: Int

    public init(capacity: Int) throws(RuntimeError) {
        // The mask needs a power of two: the reservation is rounded up (pages cost nothing
        // until touched), while `capacity` keeps the size that `pointer` accepts.
        let rounded = capacity <= 1 ? 1 : 1 << (Int.bitWidth - (capacity - 1).leadingZeroBitCount)
        mappedBytes = rounded + Self.slack
        let p = mmap(nil, mappedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else {
            throw RuntimeError(.resourceExhausted, "cannot reserve \(capacity >> 20) MiB for the guest address space")
        }
        host = p
        self.capacity = capacity
        offsetMask = UInt64(rounded - 1)
    }

    deinit { munmap(host, mappedBytes) }

    /// A fresh, zero-filled region of `size` bytes, aligned to 4 KiB.
    public func reserveRegion(_ size: Int, _ name: String) throws(RuntimeError) -> Region {
        let aligned = (size + 0xFFF) & ~0xFFF
        guard aligned <= capacity - nextRegion else {
            throw RuntimeError(.resourceExhausted, "guest address space full reserving \(name) (\(size) bytes)")
        }
        let start = nextRegion
        nextRegion += aligned + 0x1000  // an unmapped-by-convention gap between regions catches overruns
        return Region(name: name, start: AddressSpace.guestBase + UInt64(start), size: aligned)
    }

    /// Host pointer for `size` bytes at guest `address`, or nil when any byte is outside the space.
    @inline(__always)
    public func pointer(_ address: UInt64, _ size: Int) -> UnsafeMutableRawPointer? {
        let offset = address &- AddressSpace.guestBase
        guard offset < UInt64(capacity), UInt64(size) <= UInt64(capacity) - offset else { return nil }
        return host + Int(offset)
    }

    /// Host pointer for a guest address already known to be valid (internal structures).
    /// Defence in depth: should a guest-derived address reach here unvalidated, the offset is
    /// masked into the reservation, so the access lands in guest memory (corrupting only the
    /// guest), never in host memory.
    @inline(__always)
    public func unchecked(_ address: UInt64) -> UnsafeMutableRawPointer {
        host + Int((address &- AddressSpace.guestBase) & offsetMask)
    }

    /// Guest address of a host pointer inside the space.
    @inline(__always)
    public func guestAddress(_ p: UnsafeRawPointer) -> UInt64 {
        AddressSpace.guestBase &+ UInt64(UInt(bitPattern: p - UnsafeRawPointer(host)))
    }

    /// Releases the physical pages behind a range (the guest sees zeros afterwards).
    public func discard(_ address: UInt64, _ size: Int) {
        guard let p = pointer(address, size) else { return }
        let page = 4096
        let start = (Int(bitPattern: p) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: p) + size) & ~(page - 1)
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    }
}

/// A named range of the address space handed to one owner (the heap, one thread's stack, …).
public struct Region: Sendable {
    public let name: String
    public let start: UInt64
    public let size: Int
    public var end: UInt64 { start + UInt64(size) }
    public func contains(_ address: UInt64) -> Bool { address >= start && address < end }
}
