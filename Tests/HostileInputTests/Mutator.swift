import CILMetadata
import CILInstructions

/// The kinds of damage done to seed assemblies. Byte-level classes hit anything; the others
/// use `SeedLayout` to aim at one field of one structure.
enum MutationClass: String, CaseIterable, Sendable {
    case bitFlip = "bit-flip"
    case byteOverwrite = "byte-overwrite"
    case truncateRandom = "truncate-random"
    case truncateBoundary = "truncate-boundary"
    case peHeader = "pe-header"
    case sectionTable = "section-table"
    case cliHeader = "cli-header"
    case streamHeader = "stream-header"
    case rowCount = "row-count"
    case tableFlags = "table-flags"
    case tableIndex = "table-index"
    case codedIndex = "coded-index"
    case heapIndex = "heap-index"
    case fixedColumn = "fixed-column"
    case methodBody = "method-body"
    case ehSection = "eh-section"
    case ilBytes = "il-bytes"
    case typeSpecCycle = "typespec-cycle"
    case typeSpecFanOut = "typespec-fanout"
    case signatureCount = "signature-count"
    case signatureNesting = "signature-nesting"

    /// Mutants of this class made from each seed.
    var quota: Int {
        switch self {
        case .bitFlip: 40
        case .byteOverwrite: 30
        case .truncateRandom: 12
        case .truncateBoundary: 16
        case .peHeader, .sectionTable: 12
        case .cliHeader: 14
        case .streamHeader, .rowCount: 16
        case .tableFlags: 10
        case .tableIndex: 20
        case .codedIndex, .heapIndex: 16
        case .fixedColumn: 12
        case .methodBody, .ilBytes: 20
        case .ehSection: 12
        case .typeSpecCycle: 10
        case .typeSpecFanOut: 3
        case .signatureCount: 14
        case .signatureNesting: 10
        }
    }
}

/// One generated input and how to make it again.
struct Mutant: Sendable {
    var index: Int
    var seedName: String
    var mutation: MutationClass
    /// Seed of the PRNG that made it (with the seed assembly and class, enough to rebuild it).
    var prngSeed: UInt64
    /// What was changed, for humans.
    var detail: String
    var bytes: [UInt8]

    var label: String {
        "#\(index) \(mutation.rawValue) of \(seedName), prng seed 0x\(String(prngSeed, radix: 16)): \(detail)"
    }
}

/// Makes mutants of one seed. Every method returns a description of what it changed, or nil
/// when the seed has nothing of that kind (no EH table, no TypeSpec, …).
struct Mutator {
    let layout: SeedLayout
    var rng: SplitMix64

    private var seed: [UInt8] { layout.bytes }
    private var tables: TablesStream { layout.file.tables }

    mutating func mutate(_ mutation: MutationClass) -> (bytes: [UInt8], detail: String)? {
        var b = seed
        let detail: String?
        switch mutation {
        case .bitFlip: detail = bitFlip(&b)
        case .byteOverwrite: detail = byteOverwrite(&b)
        case .truncateRandom:
            let cut = rng.int(in: 0 ..< b.count)
            b.removeSubrange(cut...)
            detail = "cut at \(hex(cut))"
        case .truncateBoundary:
            let cut = max(0, min(b.count - 1, rng.pick(layout.boundaries) + rng.pick([-1, 0, 0, 1, 2])))
            b.removeSubrange(cut...)
            detail = "cut at \(hex(cut))"
        case .peHeader: detail = peHeader(&b)
        case .sectionTable: detail = sectionTable(&b)
        case .cliHeader: detail = cliHeader(&b)
        case .streamHeader: detail = streamHeader(&b)
        case .rowCount: detail = rowCount(&b)
        case .tableFlags: detail = tableFlags(&b)
        case .tableIndex: detail = tableIndex(&b)
        case .codedIndex: detail = codedIndex(&b)
        case .heapIndex: detail = heapIndex(&b)
        case .fixedColumn: detail = fixedColumn(&b)
        case .methodBody: detail = methodBody(&b)
        case .ehSection: detail = ehSection(&b)
        case .ilBytes: detail = ilBytes(&b)
        case .typeSpecCycle: detail = typeSpecCycle(&b)
        case .typeSpecFanOut: detail = typeSpecFanOut(&b)
        case .signatureCount: detail = signatureCount(&b)
        case .signatureNesting: detail = signatureNesting(&b)
        }
        return detail.map { (b, $0) }
    }

    // MARK: byte level

    /// Where the interesting bytes are: metadata and code, rather than padding.
    private mutating func interestingOffset() -> Int {
        if rng.chance(0.5) { return rng.int(in: 0 ..< seed.count) }
        let metadata = layout.metadataRootOffset ..< layout.metadataRootOffset + Int(layout.file.cliHeader.metadata.size)
        if rng.chance(0.7) || layout.bodies.isEmpty { return rng.int(in: metadata) }
        let body = rng.pick(layout.bodies)
        return rng.int(in: body.headerOffset ..< max(body.headerOffset + 1, body.code.upperBound))
    }

    private mutating func bitFlip(_ b: inout [UInt8]) -> String {
        let n = rng.int(in: 1 ... 16)
        var flipped: [String] = []
        for _ in 0 ..< n {
            let at = interestingOffset()
            let bit = rng.int(in: 0 ..< 8)
            b[at] ^= 1 << UInt8(bit)
            flipped.append("\(hex(at)).\(bit)")
        }
        return "\(n) bits: " + flipped.prefix(4).joined(separator: " ") + (n > 4 ? " …" : "")
    }

    private mutating func byteOverwrite(_ b: inout [UInt8]) -> String {
        let value = rng.pick([0x00, 0xFF, 0x7F, 0x80] as [UInt8])
        let length = rng.pick([1, 1, 2, 4])
        let at = min(interestingOffset(), b.count - length)
        for i in at ..< at + length { b[i] = value }
        return "\(length) bytes at \(hex(at)) = \(hex(Int(value)))"
    }

    // MARK: PE container

    private mutating func peHeader(_ b: inout [UInt8]) -> String {
        let l = layout.lfanew
        switch rng.int(in: 0 ..< 6) {
        case 0:
            let v: UInt32 = rng.pick([0xFFFF_FFF0, UInt32(b.count - 2), 0x3C, 0, 0x8000_0000])
            b.put32(v, at: 0x3C); return "e_lfanew = \(hex(v))"
        case 1:
            let v = rng.pick([0, 0xFFFF, 97, UInt16(layout.sections.count + 1)])
            b.put16(v, at: l + 6); return "NumberOfSections = \(v)"
        case 2:
            let v = rng.pick([0, 0xFFFF, 2, UInt16(layout.optionalHeaderSize - 8), UInt16(layout.optionalHeaderSize + 40)])
            b.put16(v, at: l + 20); return "SizeOfOptionalHeader = \(v)"
        case 3:
            let v: UInt16 = rng.pick([0x20B, 0x10B, 0, 0x107])
            b.put16(v, at: layout.optionalHeaderOffset); return "optional header magic = \(hex(Int(v)))"
        case 4:
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, 14, 15, 0x10000])
            b.put32(v, at: layout.dataDirectoriesOffset - 4); return "NumberOfRvaAndSizes = \(hex(v))"
        default:
            let at = layout.dataDirectoriesOffset + 14 * 8
            let (rva, size) = rng.pick([(0xFFFF_FFFF, 72), (0, 72), (SeedLayout.u32(b, at), 0xFFFF_FFFF), (0x7FFF_FFF0, 0x20)] as [(UInt32, UInt32)])
            b.put32(rva, at: at); b.put32(size, at: at + 4)
            return "CLI directory = \(hex(rva)) size \(hex(size))"
        }
    }

    private mutating func sectionTable(_ b: inout [UInt8]) -> String {
        let s = rng.pick(layout.sections)
        let n = layout.sections.firstIndex { $0.headerOffset == s.headerOffset } ?? 0
        switch rng.int(in: 0 ..< 4) {
        case 0:
            let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x7FFF_FFFF, 0, UInt32(s.rawDataSize) * 16, UInt32(s.rawDataSize + 1)])
            b.put32(v, at: s.headerOffset + 16); return "section \(n) SizeOfRawData = \(hex(v))"
        case 1:
            let v: UInt32 = rng.pick([0xFFFF_FFFF, UInt32(b.count), 0, UInt32(s.rawDataOffset + 1), UInt32(b.count - 4)])
            b.put32(v, at: s.headerOffset + 20); return "section \(n) PointerToRawData = \(hex(v))"
        case 2:
            let other = rng.pick(layout.sections).virtualAddress
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, other, 0xFFFF_F000, s.virtualAddress &+ 1])
            b.put32(v, at: s.headerOffset + 12); return "section \(n) VirtualAddress = \(hex(v))"
        default:
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, 0x8000_0000, 1])
            b.put32(v, at: s.headerOffset + 8); return "section \(n) VirtualSize = \(hex(v))"
        }
    }

    private mutating func cliHeader(_ b: inout [UInt8]) -> String {
        let c = layout.cliHeaderOffset
        let h = layout.file.cliHeader
        switch rng.int(in: 0 ..< 6) {
        case 0:
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, h.metadata.rva &+ h.metadata.size &- 4, layout.cliHeaderRVA, 0x7FFF_FFFF])
            b.put32(v, at: c + 8); return "metadata RVA = \(hex(v))"
        case 1:
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, 0x7FFF_FFFF, h.metadata.size + 1, 8, 0x1000_0000])
            b.put32(v, at: c + 12); return "metadata size = \(hex(v))"
        case 2:
            let methods = tables.rowCount(.methodDef)
            let v: UInt32 = rng.pick([0x06FF_FFFF, 0x0A00_0001, 0x0600_0000 + methods + 1, 0x0600_0000, 0x2600_0001, 0xFFFF_FFFF])
            b.put32(v, at: c + 20); return "entry point token = \(hex(v))"
        case 3:
            let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x10, 0, 0x0002_0003])
            b.put32(v, at: c + 16); return "flags = \(hex(v))"
        case 4:
            let (rva, size) = rng.pick([(0xFFFF_FFFF, 0xFFFF_FFFF), (h.metadata.rva, 0x7FFF_FFFF), (1, 16), (h.metadata.rva, 4)] as [(UInt32, UInt32)])
            b.put32(rva, at: c + 24); b.put32(size, at: c + 28)
            return "resources = \(hex(rva)) size \(hex(size))"
        default:
            let v: UInt32 = rng.pick([0, 0xFFFF_FFFF, 8])
            b.put32(v, at: c); return "cb = \(hex(v))"
        }
    }

    // MARK: metadata root and streams

    private mutating func streamHeader(_ b: inout [UInt8]) -> String {
        let s = rng.pick(layout.streams)
        let metadataSize = layout.file.cliHeader.metadata.size
        switch rng.int(in: 0 ..< 6) {
        case 0:
            let old = UInt32(s.dataOffset - layout.metadataRootOffset)
            let v: UInt32 = rng.pick([0xFFFF_FFFF, metadataSize, old &+ UInt32(s.size), 0xFFFF_FFF0, old &+ 1, 0])
            b.put32(v, at: s.headerOffset); return "stream \(s.name) offset = \(hex(v))"
        case 1:
            let v: UInt32 = rng.pick([0xFFFF_FFFF, UInt32(s.size + 1), UInt32(s.size * 2), 0, 0x7FFF_FFFF, 1])
            b.put32(v, at: s.headerOffset + 4); return "stream \(s.name) size = \(hex(v))"
        case 2:
            let v = rng.pick([0, 0xFFFF, 65, UInt16(layout.streams.count + 1)])
            b.put16(v, at: layout.streamCountOffset); return "stream count = \(v)"
        case 3:
            let v: UInt32 = rng.pick([0xFFFF_FFFF, 256, 255, 0, 3])
            b.put32(v, at: layout.metadataRootOffset + 12); return "version length = \(hex(v))"
        case 4:
            // Rename: make a stream vanish, repeat another's name, or turn #~ into #-.
            let name = s.name == "#~" ? "#-" : rng.pick(["#~", "#Blob", "#US", "#X", "#Strings"].filter { $0.utf8.count <= s.name.utf8.count })
            var at = s.headerOffset + 8
            for byte in Array(name.utf8) + [0] { b[at] = byte; at += 1 }
            return "stream \(s.name) renamed \(name)"
        default:
            // An unterminated name: fill the 32 bytes after the header with letters.
            for i in 0 ..< 32 where s.headerOffset + 8 + i < b.count { b[s.headerOffset + 8 + i] = 0x41 }
            return "stream \(s.name) name unterminated"
        }
    }

    private mutating func rowCount(_ b: inout [UInt8]) -> String {
        let present = layout.rowCountOffsets.sorted { $0.key < $1.key }
        let (table, at) = rng.pick(present)
        let rows = tables.rowCount(table)
        let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x00FF_FFFF, 65536, 0xFFFF, rows + 1, 0x8000_0000, 0])
        b.put32(v, at: at)
        return "\(table.name) rows \(rows) -> \(hex(v))"
    }

    private mutating func tableFlags(_ b: inout [UInt8]) -> String {
        let t = layout.tablesOffset
        switch rng.int(in: 0 ..< 4) {
        case 0:
            let bit: UInt8 = rng.pick([0x01, 0x02, 0x04, 0x08, 0x20, 0x40, 0x80])
            b[t + 6] ^= bit; return "HeapSizes ^= \(hex(Int(bit)))"
        case 1:
            // An absent table declared present: every later row count is read one slot late.
            let absent = (0 ..< 64).filter { tables.validMask & (1 << UInt64($0)) == 0 }
            let n = rng.pick(absent)
            b[t + 8 + n / 8] |= 1 << UInt8(n % 8); return "Valid |= table \(hex(n))"
        case 2:
            let present = (0 ..< 64).filter { tables.validMask & (1 << UInt64($0)) != 0 }
            let n = rng.pick(present)
            b[t + 8 + n / 8] &= ~(1 << UInt8(n % 8)); return "Valid &= ~table \(hex(n))"
        default:
            let v: UInt8 = rng.pick([0, 0xFF, 3, 1])
            b[t + 4] = v; b[t + 5] = v; return "tables version = \(v).\(v)"
        }
    }

    // MARK: table cells

    private mutating func randomCell(where keep: (SeedLayout.Column) -> Bool) -> (TableID, UInt32, SeedLayout.Column)? {
        let candidates = layout.columns.values.flatMap { $0.filter(keep) }.sorted { ($0.table, $0.index) < ($1.table, $1.index) }
        guard !candidates.isEmpty else { return nil }
        let column = rng.pick(candidates)
        let row = UInt32(rng.int(in: 1 ... Int(tables.rowCount(column.table))))
        return (column.table, row, column)
    }

    private func cellName(_ t: TableID, _ row: UInt32, _ c: SeedLayout.Column) -> String {
        "\(t.name)[\(row)].\(TableSchema.columns(t)[c.index].name)"
    }

    private mutating func tableIndex(_ b: inout [UInt8]) -> String? {
        guard let (t, row, c) = randomCell(where: { if case .table = $0.kind { true } else { false } }),
              case .table(let target) = c.kind else { return nil }
        let rows = tables.rowCount(target)
        let v: UInt32 = rng.pick([rows + 1, rows + 2, 0xFFFF, 0xFFFF_FFFF, 0, 0x8000])
        b.put(v, width: c.width, at: layout.cellOffset(t, row, c))
        return "\(cellName(t, row, c)) (\(target.name), \(rows) rows) = \(hex(v))"
    }

    private mutating func codedIndex(_ b: inout [UInt8]) -> String? {
        guard let (t, row, c) = randomCell(where: { if case .coded = $0.kind { true } else { false } }),
              case .coded(let kind) = c.kind else { return nil }
        let tagCount = 1 << kind.tagBits
        let unused = (0 ..< tagCount).filter { $0 >= kind.tables.count || kind.tables[$0] == nil }
        let v: UInt32
        if !unused.isEmpty && rng.chance(0.5) {
            v = UInt32(rng.int(in: 0 ..< 64)) << kind.tagBits | UInt32(rng.pick(unused))
        } else {
            let tag = rng.int(in: 0 ..< kind.tables.count)
            let rows = kind.tables[tag].map { tables.rowCount($0) } ?? 0
            let row = rng.pick([rows + 1, 0xFFFF_FFFF >> kind.tagBits, (0xFFFF >> kind.tagBits), 0])
            v = row << kind.tagBits | UInt32(tag)
        }
        b.put(v, width: c.width, at: layout.cellOffset(t, row, c))
        return "\(cellName(t, row, c)) (\(kind)) = \(hex(v))"
    }

    private mutating func heapIndex(_ b: inout [UInt8]) -> String? {
        guard let (t, row, c) = randomCell(where: {
            switch $0.kind { case .string, .blob, .guid: true; default: false }
        }) else { return nil }
        let size: UInt32
        switch c.kind {
        case .string: size = UInt32(layout.file.strings.size)
        case .blob: size = UInt32(layout.file.blobs.size)
        default: size = UInt32(layout.file.guids.size / 16)
        }
        let v: UInt32 = rng.pick([size, size + 1, 0xFFFF, 0xFFFF_FFFF, size &- 1, size + 0x100])
        b.put(v, width: c.width, at: layout.cellOffset(t, row, c))
        return "\(cellName(t, row, c)) (heap of \(size)) = \(hex(v))"
    }

    private mutating func fixedColumn(_ b: inout [UInt8]) -> String? {
        guard let (t, row, c) = randomCell(where: { if case .fixed = $0.kind { true } else { false } }) else { return nil }
        let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x8000_0000, 0, 0x7FFF_FFFF, UInt32(rng.next() & 0xFFFF_FFFF)])
        b.put(v, width: c.width, at: layout.cellOffset(t, row, c))
        return "\(cellName(t, row, c)) = \(hex(v))"
    }

    // MARK: method bodies

    private mutating func methodBody(_ b: inout [UInt8]) -> String? {
        guard !layout.bodies.isEmpty else { return nil }
        let body = rng.pick(layout.bodies)
        let h = body.headerOffset
        if rng.chance(0.2) {
            // The MethodDef's RVA: into the headers, past the end, into another body's code.
            let column = layout.columns[.methodDef]![0]
            let other = rng.pick(layout.bodies)
            guard let section = layout.sections.first(where: { $0.rawDataOffset <= h && h < $0.rawDataOffset + $0.rawDataSize }) else { return nil }
            let rvaOf = { (offset: Int) in section.virtualAddress + UInt32(offset - section.rawDataOffset) }
            let v = rng.pick([0xFFFF_FFFF, layout.cliHeaderRVA, rvaOf(section.rawDataOffset + section.rawDataSize - 1),
                              rvaOf(other.code.lowerBound + other.code.count / 2), 1])
            b.put32(v, at: layout.cellOffset(.methodDef, body.methodRow, column))
            return "MethodDef[\(body.methodRow)].RVA = \(hex(v))"
        }
        if body.isFat {
            switch rng.int(in: 0 ..< 5) {
            case 0:
                let v: UInt32 = rng.pick([0x7FFF_FFFF, 0xFFFF_FFFF, UInt32(body.code.count + 1), 64 << 20, UInt32(b.count)])
                b.put32(v, at: h + 4); return "method \(body.methodRow) fat code size = \(hex(v))"
            case 1:
                let nibble = rng.pick([0, 1, 2, 15] as [UInt8])
                b[h + 1] = b[h + 1] & 0x0F | nibble << 4; return "method \(body.methodRow) fat header size = \(nibble) dwords"
            case 2:
                b[h] |= 0x08; return "method \(body.methodRow) MoreSects set"
            case 3:
                let v: UInt32 = rng.pick([0x11FF_FFFF, 0x1B00_0001, 0x1100_0000 + tables.rowCount(.standAloneSig) + 1, 0x7000_0001, 0xFFFF_FFFF])
                b.put32(v, at: h + 8); return "method \(body.methodRow) locals token = \(hex(v))"
            default:
                b[h] = rng.pick([0x00, 0x01, 0x02]); return "method \(body.methodRow) header byte = \(hex(Int(b[h])))"
            }
        }
        switch rng.int(in: 0 ..< 3) {
        case 0:
            // The tiny header read as a fat one with MoreSects: code and sections from code bytes.
            b[h] |= 0x0B; return "method \(body.methodRow) tiny header made fat with MoreSects"
        case 1:
            b[h] = 0xFE; return "method \(body.methodRow) tiny code size 63"
        default:
            b[h] = rng.pick([0x00, 0x01, 0x04]); return "method \(body.methodRow) header byte = \(hex(Int(b[h])))"
        }
    }

    private mutating func ehSection(_ b: inout [UInt8]) -> String? {
        let withSections = layout.bodies.filter { $0.sectionOffset != nil }
        guard !withSections.isEmpty else { return nil }
        let body = rng.pick(withSections)
        guard let s = body.sectionOffset else { return nil }
        let fat = b[s] & 0x40 != 0
        switch rng.int(in: 0 ..< 5) {
        case 0:
            b[s] ^= rng.pick([0x40, 0x80, 0x02, 0x3F]); return "method \(body.methodRow) EH kind = \(hex(Int(b[s])))"
        case 1:
            if fat {
                let v = rng.pick([0, 3, 0xFF_FFFF, 0x80_0000, 28])
                b[s + 1] = UInt8(v & 0xFF); b[s + 2] = UInt8(v >> 8 & 0xFF); b[s + 3] = UInt8(v >> 16)
                return "method \(body.methodRow) fat EH data size = \(hex(v))"
            }
            let v: UInt8 = rng.pick([0, 3, 0xFF, 16, 15])
            b[s + 1] = v; return "method \(body.methodRow) small EH data size = \(v)"
        default:
            // One field of the first clause: flags, try/handler offsets and lengths, token.
            let fields: [(Int, Int)] = fat ? [(0, 4), (4, 4), (8, 4), (12, 4), (16, 4), (20, 4)] : [(0, 2), (2, 2), (4, 1), (5, 2), (7, 1), (8, 4)]
            let (offset, width) = rng.pick(fields)
            let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x7FFF_FFFF, UInt32(body.code.count), UInt32(body.code.count + 1), 3, 0x0100_0001])
            b.put(v, width: width, at: s + 4 + offset)
            return "method \(body.methodRow) clause field +\(offset) = \(hex(v))"
        }
    }

    private mutating func ilBytes(_ b: inout [UInt8]) -> String? {
        let bodies = layout.bodies.filter { !$0.code.isEmpty }
        guard !bodies.isEmpty else { return nil }
        let body = rng.pick(bodies)
        let instructions = (try? ILDecoder(bytes: seed, range: body.code).decodeAll()) ?? []
        guard !instructions.isEmpty else { return nil }
        let ins = rng.pick(instructions)
        let at = body.code.lowerBound + ins.offset
        let room = body.code.upperBound - at
        switch rng.int(in: 0 ..< 5) {
        case 0:
            b[at] = UInt8(rng.int(in: 0 ... 255)); return "method \(body.methodRow) IL_\(ins.offset) opcode = \(hex(Int(b[at])))"
        case 1 where room >= 5:
            b[at] = 0x45
            let v: UInt32 = rng.pick([0xFFFF_FFFF, 0x4000_0000, UInt32(room), 0x1000_0000])
            b.put32(v, at: at + 1); return "method \(body.methodRow) IL_\(ins.offset) switch count \(hex(v))"
        case 2 where room >= 5:
            b[at] = 0x38
            let v: UInt32 = rng.pick([0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFFB])
            b.put32(v, at: at + 1); return "method \(body.methodRow) IL_\(ins.offset) br \(hex(v))"
        case 3:
            b[body.code.upperBound - 1] = 0xFE; return "method \(body.methodRow) last IL byte 0xFE"
        default:
            let tokens = instructions.filter { if case .token = $0.operand { true } else { false } }
            guard !tokens.isEmpty else { return nil }
            let t = rng.pick(tokens)
            let operand = body.code.lowerBound + t.nextOffset - 4
            let v: UInt32 = rng.pick([0x70FF_FFFF, 0x2B00_0001, 0xFF00_0001, 0x0A00_0000 | 0xFFFFFF, 0x1B00_0000 + tables.rowCount(.typeSpec) + 1, 0x0600_0000])
            b.put32(v, at: operand); return "method \(body.methodRow) IL_\(t.offset) \(t.opcode) token = \(hex(v))"
        }
    }

    // MARK: signatures

    /// A TypeSpec blob naming `target` through one of the constructors that nest a type.
    private mutating func typeSpecReference(_ target: UInt32) -> [UInt8] {
        let token = typeDefOrRefEncoded(MetadataToken(.typeSpec, target))
        let someType = typeDefOrRefEncoded(MetadataToken(.typeRef, 1))
        return rng.pick([
            [0x1D, 0x12] + token,                          // SZARRAY CLASS spec
            [0x0F, 0x12] + token,                          // PTR CLASS spec
            [0x15, 0x12] + token + [0x01, 0x08],           // GENERICINST CLASS spec<int32>
            [0x15, 0x12] + someType + [0x01, 0x12] + token,  // GENERICINST CLASS ref<spec>
            [0x1F] + token + [0x08],                       // CMOD_REQD spec int32
            [0x14, 0x12] + token + [0x01, 0x00, 0x00],     // ARRAY CLASS spec rank 1
        ])
    }

    private mutating func typeSpecCycle(_ b: inout [UInt8]) -> String? {
        let specs = tables.rowCount(.typeSpec)
        guard specs >= 1, tables.rowCount(.typeRef) >= 1 else { return nil }
        // A self-reference, a pair, or a ring through every TypeSpec.
        let ring: [UInt32]
        switch rng.int(in: 0 ..< 3) {
        case 0: ring = [UInt32(rng.int(in: 1 ... Int(specs)))]
        case 1 where specs >= 2:
            let a = UInt32(rng.int(in: 1 ... Int(specs)))
            ring = [a, a % specs + 1]
        default: ring = Array(1 ... specs)
        }
        var blobs: [[UInt8]] = []
        for i in ring.indices { blobs.append(typeSpecReference(ring[(i + 1) % ring.count])) }
        let column = layout.columns[.typeSpec]![0]
        // In place when each new blob fits in the old one; else in an appended heap.
        var inPlace = true
        for (row, blob) in zip(ring, blobs) {
            guard let old = layout.blob(at: (try? layout.file.typeSpec(row).signature) ?? 0),
                  old.payload.count >= blob.count, old.payload.lowerBound - old.prefix == 1 else { inPlace = false; break }
        }
        let shape = ring.count == 1 ? "self" : ring.count == 2 ? "pair" : "ring of \(ring.count)"
        if inPlace {
            for (row, blob) in zip(ring, blobs) {
                guard let old = layout.blob(at: (try? layout.file.typeSpec(row).signature) ?? 0) else { return nil }
                b[old.prefix] = UInt8(blob.count)
                for (i, byte) in blob.enumerated() { b[old.payload.lowerBound + i] = byte }
            }
            return "TypeSpec \(shape) \(ring.prefix(4)) rewritten in place"
        }
        guard var appended = BlobAppender(layout, blobs: blobs) else { return nil }
        for (row, index) in zip(ring, appended.indices) { appended.setCell(layout, .typeSpec, row, column, index) }
        b = appended.bytes
        return "TypeSpec \(shape) \(ring.prefix(4)) in an appended heap"
    }

    /// TypeSpec k names TypeSpec k+1 `fanOut` times: no cycle, but naive expansion visits
    /// fanOut^depth nodes.
    private mutating func typeSpecFanOut(_ b: inout [UInt8]) -> String? {
        let specs = Int(tables.rowCount(.typeSpec))
        guard specs >= 2, tables.rowCount(.typeRef) >= 1 else { return nil }
        let fanOut = rng.pick([4, 8, 16])
        let someType = typeDefOrRefEncoded(MetadataToken(.typeRef, 1))
        var blobs: [[UInt8]] = []
        for row in 1 ... specs {
            if row == specs { blobs.append([0x08]); continue }
            let next = [0x12] + typeDefOrRefEncoded(MetadataToken(.typeSpec, UInt32(row + 1)))
            blobs.append([0x15, 0x12] + someType + compressed(UInt32(fanOut)) + Array([[UInt8]](repeating: next, count: fanOut).joined()))
        }
        guard var appended = BlobAppender(layout, blobs: blobs) else { return nil }
        let column = layout.columns[.typeSpec]![0]
        for (row, index) in zip(1 ... specs, appended.indices) { appended.setCell(layout, .typeSpec, UInt32(row), column, index) }
        b = appended.bytes
        return "\(specs) TypeSpecs chained with fan-out \(fanOut)"
    }

    /// A signature-bearing cell to point at a new blob, with the header byte its blob needs.
    private mutating func signatureHome() -> (TableID, Int, header: [UInt8])? {
        let homes: [(TableID, Int, [UInt8])] = [
            (.field, 2, [0x06]), (.methodDef, 4, [0x00, 0x01, 0x01]), (.typeSpec, 0, []),
            (.standAloneSig, 0, [0x07, 0x01]), (.memberRef, 2, [0x06]), (.property, 2, [0x08, 0x00]),
            (.methodSpec, 1, [0x0A, 0x01]),
        ].filter { tables.rowCount($0.0) > 0 }
        guard !homes.isEmpty else { return nil }
        return rng.pick(homes)
    }

    private mutating func pointAt(_ blob: [UInt8], _ b: inout [UInt8], _ what: String) -> String? {
        guard let (table, columnIndex, header) = signatureHome() else { return nil }
        guard var appended = BlobAppender(layout, blobs: [header + blob]) else { return nil }
        let row = UInt32(rng.int(in: 1 ... Int(tables.rowCount(table))))
        appended.setCell(layout, table, row, layout.columns[table]![columnIndex], appended.indices[0])
        b = appended.bytes
        return "\(table.name)[\(row)] signature: \(what)"
    }

    private mutating func signatureCount(_ b: inout [UInt8]) -> String? {
        let huge = compressed(rng.pick([0x1FFF_FFFF, 0x0100_0000, 0x3FFF, 10_000]))
        let typeRef = typeDefOrRefEncoded(MetadataToken(.typeRef, 1))
        let filler = [UInt8](repeating: 0x08, count: rng.pick([0, 16, 2000]))
        let (blob, what): ([UInt8], String) = rng.pick([
            ([0x1B, 0x00] + huge + [0x01], "FNPTR with a huge parameter count"),
            ([0x1B, 0x10] + huge + [0x00, 0x01], "generic FNPTR with a huge type-parameter count"),
            ([0x15, 0x12] + typeRef + huge, "GENERICINST with a huge argument count"),
            ([0x14, 0x08] + huge, "ARRAY with a huge rank"),
            ([0x14, 0x08, 0x02] + huge, "ARRAY with huge NumSizes"),
            ([0x14, 0x08, 0x02, 0x00] + huge, "ARRAY with huge NumLoBounds"),
            ([0x14, 0x08, 0x01, 0x01] + huge + [0x01, 0xC0], "ARRAY with a huge size and a truncated bound"),
            ([0x13] + huge, "VAR with a huge index"),
            ([0x1E] + huge, "MVAR with a huge index"),
        ] as [([UInt8], String)])
        return pointAt(blob + filler, &b, what)
    }

    private mutating func signatureNesting(_ b: inout [UInt8]) -> String? {
        let depth = rng.pick([10_000, 10_000, 200, 65])
        let typeRef = typeDefOrRefEncoded(MetadataToken(.typeRef, 1))
        let (unit, tail, what): ([UInt8], [UInt8], String) = rng.pick([
            ([0x1D], [0x08], "SZARRAY"),
            ([0x0F], [0x01], "PTR"),
            ([0x10], [0x08], "BYREF"),
            ([0x45], [0x08], "PINNED"),
            ([0x1F] + typeRef, [0x08], "CMOD_REQD"),
            ([0x15, 0x12] + typeRef + [0x01], [0x08], "GENERICINST"),
            ([0x1B, 0x00, 0x00], [0x01], "FNPTR"),
            ([0x14], [0x08] + Array([[UInt8]](repeating: [0x01, 0x00, 0x00], count: 64).joined()), "ARRAY"),
        ] as [([UInt8], [UInt8], String)])
        let blob = Array([[UInt8]](repeating: unit, count: depth).joined()) + tail
        return pointAt(blob, &b, "\(depth) nested \(what)")
    }

    private func hex(_ v: some BinaryInteger) -> String { "0x" + String(v, radix: 16, uppercase: true) }
}
