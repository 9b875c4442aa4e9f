#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zero-filled host memory for the heap's side tables (page map, block descriptors, bitmaps).
/// Reserved with `mmap(MAP_NORESERVE)` like the address space itself, so a table sized for the
/// whole region costs only the pages it touches, starts out zero without a pass over it, and
/// never moves (pointers into it stay valid for the heap's life).
final class HostTable {
    private let base: UnsafeMutableRawPointer
    private let size: Int
    private var used = 0

    init(bytes: Int, _ name: String) throws(RuntimeError) {
        size = max((bytes + 0xFFF) & ~0xFFF, 0x1000)
        let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else {
            throw RuntimeError(.resourceExhausted, "cannot reserve \(size >> 10) KiB of host memory for the heap's \(name)")
        }
        base = p
    }

    deinit { munmap(base, size) }

    /// Bytes a table carved with `carve` needs, including its alignment padding.
    static func footprint<T>(_ type: T.Type, count: Int) -> Int {
        MemoryLayout<T>.stride * count + 64
    }

    /// The next `count` zeroed elements of `T`, 64-byte aligned so tables never share a cache line.
    func carve<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let start = (used + 63) & ~63
        used = start + MemoryLayout<T>.stride * count
        precondition(used <= size, "HostTable carved past its reservation")
        return (base + start).bindMemory(to: T.self, capacity: count)
    }
}
