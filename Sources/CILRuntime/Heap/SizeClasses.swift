/// Segregated size classes for small objects (up to `largestSmall` bytes). Each small block holds
/// cells of one class, so a cell's start is `block + index × cellSize` and a conservative pointer
/// finds its object with one multiplication.
///
/// Four classes per power of two keep the internal waste under 25 % (12.5 % on average), the
/// usual trade-off of segregated-fit allocators; below 64 bytes every 8-byte step has its own
/// class because most guest objects (boxes, small classes, short strings) live there.
enum SizeClasses {
    static let sizes: [Int] = [
        24, 32, 40, 48, 56, 64,
        80, 96, 112, 128,
        160, 192, 224, 256,
        320, 384, 448, 512,
        640, 768, 896, 1024,
        1280, 1536, 1792, 2048,
        2560, 3072, 3584, 4096,
        5120, 6144, 7168, 8192,
    ]
    static var count: Int { sizes.count }
    /// Larger objects get their own page-aligned span.
    static let largestSmall = 8192

    /// Class index for every size in granules of 8 bytes, `(size + 7) >> 3` for size 0...largestSmall.
    /// The heap copies it into host memory so the allocation fast path is one load.
    static func lookupTable() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: largestSmall / 8 + 1)
        var index = 0
        for granules in 0...largestSmall / 8 {
            while sizes[index] < granules * 8 { index += 1 }
            table[granules] = UInt8(index)
        }
        return table
    }
}
