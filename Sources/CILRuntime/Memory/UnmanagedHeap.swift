/// Unmanaged allocations of the guest (Marshal.AllocHGlobal, native strings) in their own
/// region of the address space. A simple first-fit free list over 16-byte-aligned blocks,
/// each preceded by a 16-byte header holding its size.
final class UnmanagedHeap {
    let space: AddressSpace
    let region: Region
    private var top: UInt64
    private var free: [UInt64: Int] = [:]  // block address → usable size

    init(space: AddressSpace, size: Int) throws(RuntimeError) {
        self.space = space
        region = try space.reserveRegion(size, "unmanaged")
        top = region.start
    }

    /// `size` zeroed bytes, or nil when the region is exhausted.
    func allocate(_ size: Int) -> UInt64? {
        guard size >= 0, size < region.size else { return nil }
        let rounded = (max(size, 1) + 15) & ~15
        if let (address, blockSize) = free.first(where: { $0.value >= rounded }) {
            free[address] = nil
            space.unchecked(address).initializeMemory(as: UInt8.self, repeating: 0, count: blockSize)
            return address
        }
        guard top + UInt64(rounded + 16) <= region.end else { return nil }
        let header = top
        top += UInt64(rounded + 16)
        space.unchecked(header).storeBytes(of: UInt64(rounded), as: UInt64.self)
        return header + 16
    }

    func release(_ address: UInt64) {
        guard address >= region.start + 16, address < top, let p = space.pointer(address - 16, 8) else { return }
        free[address] = Int(p.load(as: UInt64.self))
    }
}
