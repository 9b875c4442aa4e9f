import CILMetadata

/// Field data at an RVA (II.16.3.2: `.field … at D_xxxxxxxx` and `.data D_xxxxxxxx = bytearray (…)`),
/// e.g. the initial contents of `static readonly` arrays that `InitializeArray` copies.
///
/// The metadata gives only the start of each block; its length is the size of the field's
/// type: a primitive's width, or the `.size` of a value type's ClassLayout (what compilers use
/// for `__StaticArrayInitTypeSize=N`). Without either, the block runs to the next field's data,
/// within the section and at most `unknownSizeLimit` bytes.
extension TextWriter {
    static let unknownSizeLimit = 64 << 10
    static let knownSizeLimit = 64 << 20

    /// `D_` and eight uppercase hex digits of the RVA.
    static func writeDataLabel(_ rva: UInt32, to out: inout OutputBuffer) {
        out.write("D_")
        out.hex(UInt64(rva), minDigits: 8, uppercase: true)
    }

    /// Remembers a data block and the size its field's type implies (-1 when unknown).
    mutating func noteData(rva: UInt32, fieldSignature: UInt32) {
        let size = dataSize(fieldSignature: fieldSignature) ?? -1
        if let known = dataBlocks[rva], known >= size { return }
        dataBlocks[rva] = size
    }

    /// The byte size of a field's type, when the signature alone (plus ClassLayout) says it.
    func dataSize(fieldSignature blob: UInt32) -> Int? {
        guard var r = try? file.blobs.reader(blob), (try? r.u8()) == 0x06 else { return nil }
        while true {
            guard let code = try? r.u8() else { return nil }
            switch code {
            case 0x1F, 0x20:  // II.23.2.7 custom modifiers: skip the modifier type
                guard (try? r.compressedUInt()) != nil else { return nil }
                continue
            case 0x02, 0x04, 0x05: return 1
            case 0x03, 0x06, 0x07: return 2
            case 0x08, 0x09, 0x0C: return 4
            case 0x0A, 0x0B, 0x0D: return 8
            case 0x11:
                guard let coded = try? r.compressedUInt(), let token = try? CodedIndex.typeDefOrRef.decode(coded),
                      token.table == .typeDef, let layoutRow = index.classLayouts[token.row],
                      let layout = try? file.classLayout(layoutRow), layout.classSize > 0 else { return nil }
                return Int(layout.classSize)
            default: return nil
            }
        }
    }

    /// All `.data` declarations, in RVA order, after the last class.
    mutating func writeDataBlocks() {
        let rvas = dataBlocks.keys.sorted()
        for (i, rva) in rvas.enumerated() {
            let hint = dataBlocks[rva] ?? -1
            let available = file.pe.availableBytes(atRVA: rva)
            var size: Int
            if hint >= 0 {
                size = min(hint, TextWriter.knownSizeLimit)
                if size > available {
                    report("field data", token: nil, "data at RVA 0x\(String(rva, radix: 16)) needs \(size) bytes, the file has \(available)", indent: 0)
                    size = available
                }
            } else {
                let gap = i + 1 < rvas.count ? Int(rvas[i + 1] - rva) : Int.max
                size = min(gap, available, TextWriter.unknownSizeLimit)
            }
            guard let start = file.pe.fileOffset(ofRVA: rva), size >= 0, start + size <= file.bytes.count else {
                report("field data", token: nil, "RVA 0x\(String(rva, radix: 16)) is not in the file", indent: 0)
                continue
            }
            out.write(".data ")
            TextWriter.writeDataLabel(rva, to: &out)
            out.write(" = bytearray ")
            out.byteList(file.bytes[start ..< start + size], indent: 1)
            out.newline()
            out.flushIfFull()
        }
    }
}
