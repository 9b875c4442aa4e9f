/// The `#Strings` heap (II.24.2.3): NUL-terminated UTF-8 identifiers addressed by byte offset.
public struct StringHeap: Sendable {
    let bytes: [UInt8]
    let start: Int
    public let size: Int

    init(bytes: [UInt8], start: Int, size: Int) {
        self.bytes = bytes
        self.start = start
        self.size = size
    }

    static let empty = StringHeap(bytes: [], start: 0, size: 0)

    /// Absolute byte range of the string at `index`, without its NUL.
    public func byteRange(_ index: UInt32) throws(MetadataError) -> Range<Int> {
        if index == 0 { return start ..< start }
        guard Int(index) < size else {
            throw MetadataError(.outOfRange, "string index 0x\(String(index, radix: 16)) beyond the \(size)-byte heap", at: .heap("#Strings", index))
        }
        let begin = start + Int(index)
        let end = start + size
        var i = begin
        while i < end && bytes[i] != 0 { i += 1 }
        guard i < end else {
            throw MetadataError(.truncated, "unterminated string", at: .heap("#Strings", index))
        }
        return begin ..< i
    }

    public func string(_ index: UInt32) throws(MetadataError) -> String {
        String(decoding: bytes[try byteRange(index)], as: UTF8.self)
    }

    /// Raw UTF-8 bytes of a string, for writers that copy bytes without making a `String`.
    public func utf8(_ index: UInt32) throws(MetadataError) -> ArraySlice<UInt8> {
        bytes[try byteRange(index)]
    }
}
