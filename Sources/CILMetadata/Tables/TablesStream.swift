/// The `#~` (compressed) or `#-` (uncompressed) tables stream (II.24.2.6): row counts, the
/// computed layout of every table, and raw column access.
///
/// Nothing here allocates in proportion to a row count read from the file: counts are checked
/// against the stream's size before any layout is trusted.
public struct TablesStream: Sendable {
    public let majorVersion: UInt8
    public let minorVersion: UInt8
    public let heapSizes: UInt8
    public let validMask: UInt64
    public let sortedMask: UInt64
    /// `true` for the uncompressed `#-` stream, which may use the *Ptr indirection tables.
    public let isUncompressed: Bool
    /// Row count of each table number 0..63 (0 where absent).
    public let rowCounts: [UInt32]
    /// Absolute file offset of each table's first row.
    let tableOffsets: [Int]
    let rowSizes: [Int]
    /// For each table: (offset in row, width in bytes) of each column.
    let columnLayout: [[(offset: Int, width: Int)]]
    let bytes: [UInt8]

    public var stringsAreWide: Bool { heapSizes & 0x01 != 0 }
    public var guidsAreWide: Bool { heapSizes & 0x02 != 0 }
    public var blobsAreWide: Bool { heapSizes & 0x04 != 0 }
    /// II.24.2.6 does not define 0x40; in practice it announces 4 extra bytes after the row counts.
    public var hasExtraData: Bool { heapSizes & 0x40 != 0 }

    init(bytes: [UInt8], start: Int, size: Int, uncompressed: Bool,
         mode: ReadingMode, diagnostics: inout [Diagnostic]) throws(MetadataError) {
        self.bytes = bytes
        isUncompressed = uncompressed
        var r = try ByteReader(bytes, start: start, count: size)
        try r.skip(4)  // reserved
        majorVersion = try r.u8()
        minorVersion = try r.u8()
        heapSizes = try r.u8()
        try r.skip(1)  // reserved
        validMask = try r.u64()
        sortedMask = try r.u64()
        var counts = [UInt32](repeating: 0, count: 64)
        for t in 0 ..< 64 where validMask & (1 << UInt64(t)) != 0 {
            counts[t] = try r.u32()
        }
        if heapSizes & 0x40 != 0 { try r.skip(4) }

        let unknown = (0 ..< 64).filter { counts[$0] != 0 && TableID(rawValue: UInt8($0)) == nil }
        if !unknown.isEmpty {
            // Known tables come first (tables are stored in number order), so they stay readable.
            let e = MetadataError(.unsupported, "tables stream declares unknown tables \(unknown.map { "0x" + String($0, radix: 16) })", at: .fileOffset(start + 8))
            if mode == .strict { throw e }
            diagnostics.append(Diagnostic(e))
        }

        // II.24.2.6: index widths depend on row counts and heap sizes.
        func rows(_ t: TableID) -> UInt32 { counts[Int(t.rawValue)] }
        func width(_ kind: ColumnKind, stringsWide: Bool, guidsWide: Bool, blobsWide: Bool) -> Int {
            switch kind {
            case .fixed(let n): return n
            case .string: return stringsWide ? 4 : 2
            case .guid: return guidsWide ? 4 : 2
            case .blob: return blobsWide ? 4 : 2
            case .table(let t): return rows(t) > 0xFFFF ? 4 : 2
            case .coded(let c):
                let limit = UInt32(1) << UInt32(16 - c.tagBits)
                let maxRows = c.tables.compactMap { $0 }.map(rows).max() ?? 0
                return maxRows >= limit ? 4 : 2
            }
        }
        var layouts = [[(offset: Int, width: Int)]](repeating: [], count: 64)
        var sizes = [Int](repeating: 0, count: 64)
        for t in TableID.allCases {
            var offset = 0
            var cols: [(offset: Int, width: Int)] = []
            for (_, kind) in TableSchema.columns(t) {
                let w = width(kind, stringsWide: heapSizes & 1 != 0, guidsWide: heapSizes & 2 != 0, blobsWide: heapSizes & 4 != 0)
                cols.append((offset, w))
                offset += w
            }
            layouts[Int(t.rawValue)] = cols
            sizes[Int(t.rawValue)] = offset
        }
        columnLayout = layouts
        rowSizes = sizes

        // Lay the tables out back to back and check each fits in the stream.
        var offsets = [Int](repeating: 0, count: 64)
        var cursor = r.position
        let streamEnd = start + size
        for t in TableID.allCases {
            let i = Int(t.rawValue)
            offsets[i] = cursor
            let need = UInt64(counts[i]) * UInt64(sizes[i])
            let available = UInt64(max(0, streamEnd - cursor))
            if need > available {
                let fits = sizes[i] == 0 ? 0 : UInt32(available / UInt64(sizes[i]))
                let e = MetadataError(.truncated, "table \(t.name) declares \(counts[i]) rows of \(sizes[i]) bytes but only \(fits) fit in the tables stream", at: .fileOffset(cursor))
                if mode == .strict { throw e }
                diagnostics.append(Diagnostic(e))
                counts[i] = fits
            }
            cursor += Int(counts[i]) * sizes[i]
        }
        for i in 0 ..< 64 where TableID(rawValue: UInt8(i)) == nil { counts[i] = 0 }
        tableOffsets = offsets
        rowCounts = counts
    }

    public func rowCount(_ table: TableID) -> UInt32 { rowCounts[Int(table.rawValue)] }
    public func rowSize(_ table: TableID) -> Int { rowSizes[Int(table.rawValue)] }
    public func isSorted(_ table: TableID) -> Bool { sortedMask & (1 << UInt64(table.rawValue)) != 0 }
    public func contains(_ token: MetadataToken) -> Bool {
        guard let t = token.table else { return false }
        return token.row >= 1 && token.row <= rowCount(t)
    }

    /// Raw value of column `column` of 1-based `row`.
    @inline(__always)
    public func value(_ table: TableID, _ row: UInt32, _ column: Int) throws(MetadataError) -> UInt32 {
        let t = Int(table.rawValue)
        guard row >= 1 && row <= rowCounts[t] else {
            throw MetadataError(.outOfRange, "row \(row) of table \(table.name) (\(rowCounts[t]) rows)", at: .tableRow(table, row))
        }
        let col = columnLayout[t][column]
        let at = tableOffsets[t] + Int(row - 1) * rowSizes[t] + col.offset
        switch col.width {
        case 1: return UInt32(bytes[at])
        case 2: return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8
        default:
            return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
    }

    /// A coded-index column decoded to a token; the row is not checked (it may be nil, i.e. 0).
    public func coded(_ table: TableID, _ row: UInt32, _ column: Int, _ kind: CodedIndex) throws(MetadataError) -> MetadataToken {
        do { return try kind.decode(try value(table, row, column)) } catch { throw error.located(.tableRow(table, row)) }
    }

    /// File offset of a table's row (for error messages and `info`).
    public func fileOffset(_ table: TableID, _ row: UInt32) -> Int {
        tableOffsets[Int(table.rawValue)] + Int(max(row, 1) - 1) * rowSizes[Int(table.rawValue)]
    }
}
