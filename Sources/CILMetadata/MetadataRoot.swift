/// The metadata root and its stream headers (II.24.2.1, II.24.2.2).
public struct MetadataRoot: Sendable {
    public struct StreamHeader: Sendable {
        /// Offset from the start of the metadata root.
        public var offset: UInt32
        public var size: UInt32
        public var name: String
        /// Absolute file offset of the stream's first byte.
        public var fileOffset: Int
    }

    public var majorVersion: UInt16
    public var minorVersion: UInt16
    /// The runtime version string, e.g. "v4.0.30319".
    public var version: String
    public var flags: UInt16
    public var streams: [StreamHeader]
    /// File offset of the root ("BSJB").
    public var fileOffset: Int

    static let signature: UInt32 = 0x424A_5342  // "BSJB"
    static let maxVersionLength = 255
    static let maxStreams = 64

    init(reading r: inout ByteReader, mode: ReadingMode, diagnostics: inout [Diagnostic]) throws(MetadataError) {
        fileOffset = r.position
        guard try r.u32() == MetadataRoot.signature else {
            throw MetadataError(.badMagic, "metadata root signature is not BSJB", at: .fileOffset(fileOffset))
        }
        majorVersion = try r.u16()
        minorVersion = try r.u16()
        try r.skip(4)  // reserved
        let versionLength = Int(try r.u32())
        guard versionLength <= MetadataRoot.maxVersionLength else {
            throw MetadataError(.tooLarge, "version string length \(versionLength)", at: .fileOffset(r.position - 4))
        }
        let versionBytes = try r.array(versionLength)
        version = String(decoding: versionBytes.prefix { $0 != 0 }, as: UTF8.self)
        flags = try r.u16()
        let count = Int(try r.u16())
        guard count <= MetadataRoot.maxStreams else {
            throw MetadataError(.tooLarge, "\(count) metadata streams", at: .fileOffset(r.position - 2))
        }
        var streams: [StreamHeader] = []
        for _ in 0 ..< count {
            let at = r.position
            let offset = try r.u32()
            let size = try r.u32()
            // II.24.2.2: the name is NUL-terminated and padded to a 4-byte boundary, at most 32 bytes.
            let nameBytes = try r.cString(limit: 32)
            try r.align(to: 4)
            let name = String(decoding: nameBytes, as: UTF8.self)
            let absolute = fileOffset + Int(offset)
            if UInt64(offset) + UInt64(size) > UInt64(r.end - fileOffset) {
                let e = MetadataError(.outOfRange, "stream \(name) (offset 0x\(String(offset, radix: 16)), \(size) bytes) leaves the metadata", at: .fileOffset(at))
                if mode == .strict { throw e }
                diagnostics.append(Diagnostic(e))
                continue
            }
            streams.append(StreamHeader(offset: offset, size: size, name: name, fileOffset: absolute))
        }
        self.streams = streams
    }

    /// The first stream with this name. II.24.2.2 allows each name once; a hostile file may repeat one,
    /// in which case the first wins, as in the CLR.
    public func stream(named name: String) -> StreamHeader? {
        streams.first { $0.name == name }
    }
}
