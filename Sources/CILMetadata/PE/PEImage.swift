/// The PE/COFF container of a CLI image (ECMA-335 II.25): headers, sections and the
/// mapping from relative virtual addresses (RVAs) to file offsets.
public struct PEImage: Sendable {
    public struct Section: Sendable {
        public var name: String
        public var virtualAddress: UInt32
        public var virtualSize: UInt32
        public var rawDataOffset: UInt32
        public var rawDataSize: UInt32
        public var characteristics: UInt32
    }

    public struct DataDirectory: Sendable, Equatable {
        public var rva: UInt32
        public var size: UInt32
        public var isEmpty: Bool { rva == 0 && size == 0 }
    }

    public let bytes: [UInt8]
    /// `true` for PE32+ (optional header magic 0x20B), `false` for PE32 (0x10B).
    public let isPE32Plus: Bool
    public let machine: UInt16
    public let timeDateStamp: UInt32
    public let characteristics: UInt16
    public let subsystem: UInt16
    public let dllCharacteristics: UInt16
    public let imageBase: UInt64
    public let sectionAlignment: UInt32
    public let fileAlignment: UInt32
    public let sections: [Section]
    public let dataDirectories: [DataDirectory]
    /// File offset of the PE signature.
    public let peHeaderOffset: Int

    /// Limits against absurd headers: real images have a handful of sections and 16 directories.
    static let maxSections = 96
    static let maxDirectories = 16

    public init(bytes: [UInt8]) throws(MetadataError) {
        self.bytes = bytes
        var r = ByteReader(bytes)
        // II.25.2.1: MS-DOS header, "MZ", with the PE header offset at 0x3C.
        guard try r.u16() == 0x5A4D else {
            throw MetadataError(.badMagic, "not a PE file (no MZ signature)", at: .fileOffset(0))
        }
        try r.seek(relative: 0x3C)
        let lfanew = Int(try r.u32())
        try r.seek(relative: lfanew)
        peHeaderOffset = lfanew
        // II.25.2.2: "PE\0\0" then the COFF file header.
        guard try r.u32() == 0x0000_4550 else {
            throw MetadataError(.badMagic, "no PE signature", at: .fileOffset(lfanew))
        }
        machine = try r.u16()
        let sectionCount = Int(try r.u16())
        timeDateStamp = try r.u32()
        try r.skip(8)  // symbol table pointer and count: 0 for CLI images
        let optionalHeaderSize = Int(try r.u16())
        characteristics = try r.u16()
        guard sectionCount <= PEImage.maxSections else {
            throw MetadataError(.tooLarge, "\(sectionCount) sections", at: .fileOffset(lfanew + 6))
        }
        // II.25.2.3: optional header.
        let optionalStart = r.position
        var opt = try ByteReader(bytes, start: optionalStart, count: optionalHeaderSize)
        let magic = try opt.u16()
        switch magic {
        case 0x10B: isPE32Plus = false
        case 0x20B: isPE32Plus = true
        default:
            throw MetadataError(.badMagic, "optional header magic 0x\(String(magic, radix: 16))", at: .fileOffset(optionalStart))
        }
        try opt.skip(isPE32Plus ? 22 : 26)  // linker versions, code/data sizes, entry point, bases
        imageBase = isPE32Plus ? try opt.u64() : UInt64(try opt.u32())
        sectionAlignment = try opt.u32()
        fileAlignment = try opt.u32()
        try opt.skip(12 + 4 + 4 + 4)  // OS/image/subsystem versions, win32 version, image and header sizes
        try opt.skip(4)                   // checksum
        subsystem = try opt.u16()
        dllCharacteristics = try opt.u16()
        try opt.skip(isPE32Plus ? 32 : 16)  // stack and heap reserve/commit
        try opt.skip(4)                     // loader flags
        let directoryCount = Int(try opt.u32())
        var directories: [DataDirectory] = []
        for _ in 0 ..< min(directoryCount, PEImage.maxDirectories) {
            guard opt.remaining >= 8 else { break }
            directories.append(DataDirectory(rva: try opt.u32(), size: try opt.u32()))
        }
        dataDirectories = directories
        // II.25.3: section headers follow the optional header.
        try r.seek(relative: optionalStart + optionalHeaderSize)
        var sections: [Section] = []
        sections.reserveCapacity(sectionCount)
        for _ in 0 ..< sectionCount {
            let nameBytes = try r.array(8)
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            let virtualSize = try r.u32()
            let virtualAddress = try r.u32()
            let rawSize = try r.u32()
            let rawOffset = try r.u32()
            try r.skip(12)  // relocations, line numbers and their counts
            let flags = try r.u32()
            sections.append(Section(name: name, virtualAddress: virtualAddress, virtualSize: virtualSize,
                                    rawDataOffset: rawOffset, rawDataSize: rawSize, characteristics: flags))
        }
        self.sections = sections
    }

    /// The CLI header directory (index 14, II.25.2.3.3).
    public var cliHeaderDirectory: DataDirectory? {
        dataDirectories.count > 14 && !dataDirectories[14].isEmpty ? dataDirectories[14] : nil
    }

    /// The section holding `rva`, if any.
    public func section(containing rva: UInt32) -> Section? {
        for s in sections {
            let size = max(s.virtualSize, s.rawDataSize)
            if rva >= s.virtualAddress && UInt64(rva) < UInt64(s.virtualAddress) + UInt64(size) { return s }
        }
        return nil
    }

    /// File offset of `rva`, or `nil` when no section's file data covers it.
    public func fileOffset(ofRVA rva: UInt32) -> Int? {
        guard let s = section(containing: rva) else { return nil }
        let delta = UInt64(rva - s.virtualAddress)
        guard delta < UInt64(s.rawDataSize) else { return nil }
        let offset = UInt64(s.rawDataOffset) + delta
        return offset < UInt64(bytes.count) ? Int(offset) : nil
    }

    /// How many bytes of file data are available from `rva` to the end of its section's raw data.
    public func availableBytes(atRVA rva: UInt32) -> Int {
        guard let s = section(containing: rva), let off = fileOffset(ofRVA: rva) else { return 0 }
        let sectionEnd = min(UInt64(s.rawDataOffset) + UInt64(s.rawDataSize), UInt64(bytes.count))
        return Int(sectionEnd) - off
    }

    /// A reader over `size` bytes at `rva`; throws if they are not all in the file.
    public func reader(atRVA rva: UInt32, size: Int, what: String) throws(MetadataError) -> ByteReader {
        guard let off = fileOffset(ofRVA: rva) else {
            throw MetadataError(.outOfRange, "\(what) at RVA 0x\(String(rva, radix: 16)) is in no section", at: .fileOffset(peHeaderOffset))
        }
        guard size >= 0, size <= availableBytes(atRVA: rva) else {
            throw MetadataError(.truncated, "\(what) of \(size) bytes at RVA 0x\(String(rva, radix: 16)) leaves its section", at: .fileOffset(off))
        }
        return try ByteReader(bytes, start: off, count: size)
    }

    /// A reader from `rva` to the end of its section (for structures whose size is found while reading).
    public func reader(atRVA rva: UInt32, what: String) throws(MetadataError) -> ByteReader {
        try reader(atRVA: rva, size: availableBytes(atRVA: rva), what: what)
    }
}
