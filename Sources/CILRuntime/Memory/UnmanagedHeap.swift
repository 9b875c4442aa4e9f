/// Unmanaged allocations of the guest (Marshal.AllocHGlobal, native strings) in their own
/// region of the address space: first fit over 16-byte-aligned blocks. Block sizes are kept
/// here, not in guest memory, so a guest that scribbles over its heap cannot make the runtime
/// free or clear memory it does not own.
final class UnmanagedHeap {
    let space: AddressSpace
    let region: Region
    private var top: UInt64
    private var free: [UInt64: Int] = [:]  // free block address → size
    private var live: [UInt64: Int] = [:]  // handed-out block address → size

    init(space: AddressSpace, size: Int) throws(RuntimeError) {
        self.space = space
        region = try space.reserveRegion(size, "unmanaged")
        top = region.start
    }

    /// `size` zeroed bytes, or nil when the region is exhausted.
    func allocate(_ size: Int) -> UInt64? {
        guard size >= 0, size < region.size else { return nil }
        let rounded = (max(size, 1) + 15) & ~15
        if let (address, blockSize) = free.first(where: { $0.value >= rounded }),
           let p = space.pointer(address, blockSize) {
            free[address] = nil
            live[address] = blockSize
            p.initializeMemory(as: UInt8.self, repeating: 0, count: blockSize)
            return address
        }
        guard top + UInt64(rounded) <= region.end else { return nil }
        let address = top
        top += UInt64(rounded)
        live[address] = rounded
        return address
    }

    /// Frees a block handed out by `allocate`; any other address (a guest can pass anything to
    /// FreeHGlobal) is ignored.
    func release(_ address: UInt64) {
        guard let size = live.removeValue(forKey: address) else { return }
        free[address] = size
    }
}
