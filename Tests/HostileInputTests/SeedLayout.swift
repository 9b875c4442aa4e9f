import CILMetadata

/// Where the structures of a well-formed seed assembly lie in its bytes, found with
/// CILMetadata itself, so structure-aware mutations can aim at one field (II.25, II.24).
struct SeedLayout {
    struct Section {
        /// File offset of the 40-byte section header (II.25.3).
        var headerOffset: Int
        var rawDataOffset: Int
        var rawDataSize: Int
        var virtualAddress: UInt32
    }

    struct StreamHeaderField {
        var name: String
        /// File offset of the header's Offset field; Size follows at +4.
        var headerOffset: Int
        /// The stream's bytes.
        var dataOffset: Int
        var size: Int
    }

    struct Column {
        var table: TableID
        var index: Int
        var kind: ColumnKind
        /// Offset in the row and width in bytes (II.24.2.6).
        var offset: Int
        var width: Int
    }

    struct Body {
        var methodRow: UInt32
        var headerOffset: Int
        var isFat: Bool
        var code: Range<Int>
        /// File offset of the first extra data section (fat bodies with MoreSects).
        var sectionOffset: Int?
    }

    let bytes: [UInt8]
    let file: CLIFile
    let lfanew: Int
    let optionalHeaderOffset: Int
    let optionalHeaderSize: Int
    let dataDirectoriesOffset: Int
    let sections: [Section]
    let cliHeaderOffset: Int
    let cliHeaderRVA: UInt32
    let metadataRootOffset: Int
    /// File offset of the metadata root's stream-count field.
    let streamCountOffset: Int
    let streams: [StreamHeaderField]
    let tablesOffset: Int
    /// File offset of each present table's row count in the `#~` header.
    let rowCountOffsets: [TableID: Int]
    let columns: [TableID: [Column]]
    let bodies: [Body]
    let blobHeap: Range<Int>
    let stringHeap: Range<Int>

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        file = try CLIFile(bytes: bytes, mode: .strict)
        let pe = file.pe
        lfanew = pe.peHeaderOffset
        optionalHeaderOffset = lfanew + 24
        optionalHeaderSize = Int(Self.u16(bytes, lfanew + 20))
        dataDirectoriesOffset = optionalHeaderOffset + (pe.isPE32Plus ? 112 : 96)
        let sectionTable = optionalHeaderOffset + optionalHeaderSize
        sections = pe.sections.enumerated().map { i, s in
            Section(headerOffset: sectionTable + 40 * i, rawDataOffset: Int(s.rawDataOffset),
                    rawDataSize: Int(s.rawDataSize), virtualAddress: s.virtualAddress)
        }
        guard let cliDirectory = pe.cliHeaderDirectory, let cliOffset = pe.fileOffset(ofRVA: cliDirectory.rva) else {
            throw LayoutError("seed has no CLI header")
        }
        cliHeaderOffset = cliOffset
        cliHeaderRVA = cliDirectory.rva
        metadataRootOffset = file.root.fileOffset

        // II.24.2.1: signature, versions, reserved, length, version string, flags, stream count.
        let versionLength = Int(Self.u32(bytes, metadataRootOffset + 12))
        streamCountOffset = metadataRootOffset + 16 + versionLength + 2
        var at = streamCountOffset + 2
        var streams: [StreamHeaderField] = []
        for s in file.root.streams {
            streams.append(StreamHeaderField(name: s.name, headerOffset: at, dataOffset: s.fileOffset, size: Int(s.size)))
            at += 8 + (s.name.utf8.count / 4 + 1) * 4
        }
        self.streams = streams
        guard let tablesStream = streams.first(where: { $0.name == "#~" || $0.name == "#-" }) else {
            throw LayoutError("seed has no tables stream")
        }
        tablesOffset = tablesStream.dataOffset
        let blobs = streams.first { $0.name == "#Blob" }
        blobHeap = blobs.map { $0.dataOffset ..< $0.dataOffset + $0.size } ?? 0 ..< 0
        let strings = streams.first { $0.name == "#Strings" }
        stringHeap = strings.map { $0.dataOffset ..< $0.dataOffset + $0.size } ?? 0 ..< 0

        let t = file.tables
        var countAt = tablesOffset + 24
        var rowCountOffsets: [TableID: Int] = [:]
        for n in 0 ..< 64 where t.validMask & (1 << UInt64(n)) != 0 {
            if let table = TableID(rawValue: UInt8(n)) { rowCountOffsets[table] = countAt }
            countAt += 4
        }
        self.rowCountOffsets = rowCountOffsets

        // II.24.2.6 column widths, recomputed here because the reader keeps its layout private;
        // checked against the reader's row sizes so both agree.
        func rows(_ table: TableID) -> UInt32 { t.rowCount(table) }
        func width(_ kind: ColumnKind) -> Int {
            switch kind {
            case .fixed(let n): return n
            case .string: return t.stringsAreWide ? 4 : 2
            case .guid: return t.guidsAreWide ? 4 : 2
            case .blob: return t.blobsAreWide ? 4 : 2
            case .table(let target): return rows(target) > 0xFFFF ? 4 : 2
            case .coded(let c):
                let maxRows = c.tables.compactMap { $0 }.map(rows).max() ?? 0
                return maxRows >= UInt32(1) << UInt32(16 - c.tagBits) ? 4 : 2
            }
        }
        var columns: [TableID: [Column]] = [:]
        for table in TableID.allCases where t.rowCount(table) > 0 {
            var offset = 0
            var list: [Column] = []
            for (i, (_, kind)) in TableSchema.columns(table).enumerated() {
                let w = width(kind)
                list.append(Column(table: table, index: i, kind: kind, offset: offset, width: w))
                offset += w
            }
            guard offset == t.rowSize(table) else {
                throw LayoutError("column widths of \(table.name) add up to \(offset), the reader says \(t.rowSize(table))")
            }
            columns[table] = list
        }
        self.columns = columns

        var bodies: [Body] = []
        for row in stride(from: UInt32(1), through: t.rowCount(.methodDef), by: 1) {
            guard let body = try file.methodBody(row) else { continue }
            let flags = Self.u16(bytes, body.fileOffset)
            var sectionOffset: Int?
            if body.format == .fat && flags & 0x8 != 0 { sectionOffset = (body.codeRange.upperBound + 3) & ~3 }
            bodies.append(Body(methodRow: row, headerOffset: body.fileOffset, isFat: body.format == .fat,
                               code: body.codeRange, sectionOffset: sectionOffset))
        }
        self.bodies = bodies
    }

    struct LayoutError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    // MARK: lookups used by mutations

    /// File offset of column `column` of `row` of `table`.
    func cellOffset(_ table: TableID, _ row: UInt32, _ column: Column) -> Int {
        file.tables.fileOffset(table, row) + column.offset
    }

    /// The blob at heap index `index`: file offset of its length prefix, and its payload range.
    func blob(at index: UInt32) -> (prefix: Int, payload: Range<Int>)? {
        guard var r = try? file.blobs.reader(index) else { return nil }
        let remaining = r.remaining
        guard let payload = try? r.range(remaining) else { return nil }
        return (blobHeap.lowerBound + Int(index), payload)
    }

    /// Offsets a truncation can usefully cut at: the start and end of every structure.
    var boundaries: [Int] {
        var b = [0x3C, lfanew, lfanew + 4, optionalHeaderOffset, dataDirectoriesOffset,
                 optionalHeaderOffset + optionalHeaderSize, cliHeaderOffset, cliHeaderOffset + 72,
                 metadataRootOffset, metadataRootOffset + 16, streamCountOffset, tablesOffset, tablesOffset + 24]
        for s in sections { b += [s.headerOffset, s.rawDataOffset, s.rawDataOffset + s.rawDataSize] }
        for s in streams { b += [s.headerOffset, s.dataOffset, s.dataOffset + s.size] }
        for table in columns.keys { b.append(file.tables.fileOffset(table, 1)) }
        for body in bodies {
            b += [body.headerOffset, body.code.lowerBound, body.code.lowerBound + body.code.count / 2, body.code.upperBound]
            if let s = body.sectionOffset { b += [s, s + 4] }
        }
        return b.filter { $0 > 0 && $0 < bytes.count }
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}

extension Array where Element == UInt8 {
    mutating func put16(_ value: UInt16, at offset: Int) {
        guard offset >= 0, offset + 2 <= count else { return }
        self[offset] = UInt8(value & 0xFF)
        self[offset + 1] = UInt8(value >> 8)
    }

    mutating func put32(_ value: UInt32, at offset: Int) {
        guard offset >= 0, offset + 4 <= count else { return }
        for i in 0 ..< 4 { self[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
    }

    /// Writes `value` in `width` (1, 2 or 4) little-endian bytes, truncating it to fit.
    mutating func put(_ value: UInt32, width: Int, at offset: Int) {
        switch width {
        case 1: if offset >= 0 && offset < count { self[offset] = UInt8(value & 0xFF) }
        case 2: put16(UInt16(truncatingIfNeeded: value), at: offset)
        default: put32(value, at: offset)
        }
    }
}

/// II.23.2 compressed unsigned integer (values up to 0x1FFFFFFF).
func compressed(_ value: UInt32) -> [UInt8] {
    switch value {
    case 0 ..< 0x80: [UInt8(value)]
    case 0x80 ..< 0x4000: [UInt8(0x80 | value >> 8), UInt8(value & 0xFF)]
    default: [UInt8(0xC0 | (value >> 24) & 0x1F), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// II.23.2.8 TypeDefOrRefOrSpecEncoded of a token.
func typeDefOrRefEncoded(_ token: MetadataToken) -> [UInt8] {
    compressed(CodedIndex.typeDefOrRef.encode(token) ?? 0)
}
