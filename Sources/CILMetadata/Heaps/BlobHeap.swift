/// The `#Blob` heap (II.24.2.4): byte strings prefixed by a compressed length.
public struct BlobHeap: Sendable {
    let bytes: [UInt8]
    let start: Int
    public let size: Int
    let name: String

    init(bytes: [UInt8], start: Int, size: Int, name: String = "#Blob") {
        self.bytes = bytes
        self.start = start
        self.size = size
        self.name = name
    }

    static let empty = BlobHeap(bytes: [], start: 0, size: 0)

    /// A reader over exactly the blob at `index` (index 0 is the empty blob).
    public func reader(_ index: UInt32) throws(MetadataError) -> ByteReader {
        if index == 0 { return try ByteReader(bytes, start: start, count: 0) }
        guard Int(index) < size else {
            throw MetadataError(.outOfRange, "blob index 0x\(String(index, radix: 16)) beyond the \(size)-byte heap", at: .heap(name, index))
        }
        var r = try ByteReader(bytes, start: start + Int(index), count: size - Int(index))
        let length: UInt32
        do { length = try r.compressedUInt() } catch { throw error.located(.heap(name, index)) }
        guard Int(length) <= r.remaining else {
            throw MetadataError(.truncated, "blob of \(length) bytes leaves the heap", at: .heap(name, index))
        }
        return try r.subReader(Int(length))
    }

    public func bytes(_ index: UInt32) throws(MetadataError) -> [UInt8] {
        var r = try reader(index)
        return try r.array(r.remaining)
    }
}

/// The `#US` heap (II.24.2.4): string literals for `ldstr`, UTF-16LE with a trailing flag byte.
public struct UserStringHeap: Sendable {
    let blobs: BlobHeap

    init(bytes: [UInt8], start: Int, size: Int) {
        blobs = BlobHeap(bytes: bytes, start: start, size: size, name: "#US")
    }

    static let empty = UserStringHeap(bytes: [], start: 0, size: 0)

    public var size: Int { blobs.size }

    /// The UTF-16 code units of the literal (lone surrogates kept as they are).
    public func utf16(_ index: UInt32) throws(MetadataError) -> [UInt16] {
        var r = try blobs.reader(index)
        let count = r.remaining / 2  // the odd trailing byte is the II.24.2.4 "special characters" flag
        var units: [UInt16] = []
        units.reserveCapacity(count)
        for _ in 0 ..< count { units.append(try r.u16()) }
        return units
    }

    public func string(_ index: UInt32) throws(MetadataError) -> String {
        String(decoding: try utf16(index), as: UTF16.self)
    }
}

/// The `#GUID` heap (II.24.2.5): 16-byte GUIDs addressed by a 1-based index.
public struct GuidHeap: Sendable {
    let bytes: [UInt8]
    let start: Int
    public let size: Int

    init(bytes: [UInt8], start: Int, size: Int) {
        self.bytes = bytes
        self.start = start
        self.size = size
    }

    static let empty = GuidHeap(bytes: [], start: 0, size: 0)

    /// The 16 bytes of GUID `index`, or `nil` for index 0 (no GUID).
    public func guid(_ index: UInt32) throws(MetadataError) -> [UInt8]? {
        if index == 0 { return nil }
        let offset = (Int(index) - 1) * 16
        guard offset + 16 <= size else {
            throw MetadataError(.outOfRange, "GUID index \(index) beyond the \(size / 16)-entry heap", at: .heap("#GUID", index))
        }
        return Array(bytes[start + offset ..< start + offset + 16])
    }

    /// Registry format `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (first three groups little-endian).
    public static func format(_ g: [UInt8]) -> String {
        func hex(_ b: UInt8) -> String { String(b, radix: 16, uppercase: true).leftPadded(to: 2) }
        let d1 = [3, 2, 1, 0].map { hex(g[$0]) }.joined()
        let d2 = [5, 4].map { hex(g[$0]) }.joined()
        let d3 = [7, 6].map { hex(g[$0]) }.joined()
        let d4 = [8, 9].map { hex(g[$0]) }.joined()
        let d5 = (10 ..< 16).map { hex(g[$0]) }.joined()
        return "\(d1)-\(d2)-\(d3)-\(d4)-\(d5)"
    }
}
