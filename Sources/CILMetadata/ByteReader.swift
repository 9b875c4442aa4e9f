/// A bounds-checked little-endian cursor over one region of the input.
///
/// Every structure is read through a reader limited to exactly that structure's bytes
/// (a blob, a stream, a method body), so a wrong length inside one cannot reach the next.
/// Positions reported in errors are absolute file offsets.
public struct ByteReader: Sendable {
    public let bytes: [UInt8]
    /// Absolute bounds of the region in `bytes`.
    public let start: Int
    public let end: Int
    /// Absolute position of the next byte to read.
    public var position: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.start = 0
        self.end = bytes.count
        self.position = 0
    }

    /// A reader over `bytes[start ..< start+count]`; throws if that leaves `bytes`.
    public init(_ bytes: [UInt8], start: Int, count: Int) throws(MetadataError) {
        guard start >= 0, count >= 0, start <= bytes.count, count <= bytes.count - start else {
            throw MetadataError(.truncated, "region of \(count) bytes at 0x\(String(start, radix: 16)) leaves the \(bytes.count)-byte input", at: .fileOffset(max(0, start)))
        }
        self.bytes = bytes
        self.start = start
        self.end = start + count
        self.position = start
    }

    @inline(__always) public var remaining: Int { end - position }
    @inline(__always) public var isAtEnd: Bool { position >= end }
    /// Offset of the cursor relative to the start of the region.
    @inline(__always) public var relativePosition: Int { position - start }

    @inline(__always)
    func need(_ n: Int) throws(MetadataError) {
        if n > end - position || n < 0 {
            throw MetadataError(.truncated, "need \(n) bytes, \(end - position) left", at: .fileOffset(position))
        }
    }

    public mutating func seek(relative offset: Int) throws(MetadataError) {
        guard offset >= 0, offset <= end - start else {
            throw MetadataError(.outOfRange, "offset \(offset) outside a \(end - start)-byte region", at: .fileOffset(start))
        }
        position = start + offset
    }

    public mutating func skip(_ n: Int) throws(MetadataError) {
        try need(n)
        position += n
    }

    @inline(__always) public mutating func u8() throws(MetadataError) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return bytes[position]
    }

    @inline(__always) public mutating func u16() throws(MetadataError) -> UInt16 {
        try need(2)
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    @inline(__always) public mutating func u32() throws(MetadataError) -> UInt32 {
        try need(4)
        defer { position += 4 }
        return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
    }

    @inline(__always) public mutating func u64() throws(MetadataError) -> UInt64 {
        let lo = try u32()
        let hi = try u32()
        return UInt64(lo) | UInt64(hi) << 32
    }

    public mutating func i8() throws(MetadataError) -> Int8 { Int8(bitPattern: try u8()) }
    public mutating func i16() throws(MetadataError) -> Int16 { Int16(bitPattern: try u16()) }
    public mutating func i32() throws(MetadataError) -> Int32 { Int32(bitPattern: try u32()) }
    public mutating func i64() throws(MetadataError) -> Int64 { Int64(bitPattern: try u64()) }

    /// An index column of 2 or 4 bytes (II.24.2.6: heap and table indices are sized by the schema).
    @inline(__always) public mutating func index(wide: Bool) throws(MetadataError) -> UInt32 {
        wide ? try u32() : UInt32(try u16())
    }

    /// II.23.2: unsigned compressed integer, 1, 2 or 4 bytes, big-endian, at most 0x1FFFFFFF.
    public mutating func compressedUInt() throws(MetadataError) -> UInt32 {
        let at = position
        let b0 = try u8()
        if b0 & 0x80 == 0 { return UInt32(b0) }
        if b0 & 0xC0 == 0x80 {
            let b1 = try u8()
            return UInt32(b0 & 0x3F) << 8 | UInt32(b1)
        }
        if b0 & 0xE0 == 0xC0 {
            let b1 = try u8(), b2 = try u8(), b3 = try u8()
            return UInt32(b0 & 0x1F) << 24 | UInt32(b1) << 16 | UInt32(b2) << 8 | UInt32(b3)
        }
        throw MetadataError(.invalidValue, "compressed integer starts with 0x\(String(b0, radix: 16))", at: .fileOffset(at))
    }

    /// II.23.2: signed compressed integer; the sign bit is rotated into bit 0.
    public mutating func compressedInt() throws(MetadataError) -> Int32 {
        let at = position
        let b0 = try u8()
        position = at
        let raw = try compressedUInt()
        let negative = raw & 1 != 0
        let magnitude = Int32(raw >> 1)
        guard negative else { return magnitude }
        if b0 & 0x80 == 0 { return magnitude - 0x40 }        // 7-bit value, 6-bit payload
        if b0 & 0xC0 == 0x80 { return magnitude - 0x2000 }   // 14-bit value
        return magnitude - 0x1000_0000                       // 29-bit value
    }

    /// The next `count` bytes as an absolute range of `bytes`, without copying.
    public mutating func range(_ count: Int) throws(MetadataError) -> Range<Int> {
        try need(count)
        defer { position += count }
        return position ..< position + count
    }

    public mutating func array(_ count: Int) throws(MetadataError) -> [UInt8] {
        Array(bytes[try range(count)])
    }

    /// A reader over the next `count` bytes; this reader moves past them.
    public mutating func subReader(_ count: Int) throws(MetadataError) -> ByteReader {
        let r = try range(count)
        return try ByteReader(bytes, start: r.lowerBound, count: count)
    }

    /// Reads a NUL-terminated byte string of at most `limit` bytes (the NUL is consumed).
    public mutating func cString(limit: Int) throws(MetadataError) -> [UInt8] {
        var out: [UInt8] = []
        let stop = min(end, position + limit)
        while position < stop {
            let b = bytes[position]
            position += 1
            if b == 0 { return out }
            out.append(b)
        }
        throw MetadataError(.truncated, "unterminated string", at: .fileOffset(position))
    }

    public mutating func align(to n: Int) throws(MetadataError) {
        let rel = position - start
        let pad = (n - rel % n) % n
        try skip(pad)
    }
}
