import CILMetadata

/// Gives a seed a `#Blob` heap with extra blobs of any size, for signature mutations that do
/// not fit in the seed's own blobs (10,000 nested types, fan-out TypeSpec chains).
///
/// The metadata (root and every stream) is copied to the end of the file, followed by the
/// old blob heap plus the new blobs; the last section is grown to cover the copy and the CLI
/// header is pointed at it. Stream offsets are relative to the root (II.24.2.2), so the copy
/// is valid as it stands; only the `#Blob` header changes. Method bodies and field data stay
/// where they were (they are addressed by RVA).
struct BlobAppender {
    /// The rebuilt image.
    var bytes: [UInt8]
    /// Heap index of each appended blob, in order.
    var indices: [UInt32]
    /// Add this to a file offset inside the seed's metadata to find the same byte in the copy.
    var metadataDelta: Int

    init?(_ layout: SeedLayout, blobs: [[UInt8]]) {
        let file = layout.file
        guard let last = layout.sections.max(by: { $0.rawDataOffset < $1.rawDataOffset }),
              last.virtualAddress == file.pe.sections.map(\.virtualAddress).max(),
              let blobHeader = layout.streams.first(where: { $0.name == "#Blob" }) else { return nil }
        let rootSize = Int(file.cliHeader.metadata.size)
        let oldRoot = layout.metadataRootOffset

        var out = layout.bytes
        let sectionEnd = last.rawDataOffset + last.rawDataSize
        if out.count < sectionEnd { out += [UInt8](repeating: 0, count: sectionEnd - out.count) }
        out += [UInt8](repeating: 0, count: (16 - out.count % 16) % 16)
        let newRoot = out.count
        out += layout.bytes[oldRoot ..< oldRoot + rootSize]
        out += [UInt8](repeating: 0, count: (4 - out.count % 4) % 4)

        // New heap: the old one, then each blob with its compressed length (II.24.2.4).
        let heapStart = out.count
        out += layout.bytes[blobHeader.dataOffset ..< blobHeader.dataOffset + blobHeader.size]
        var indices: [UInt32] = []
        for blob in blobs {
            indices.append(UInt32(out.count - heapStart))
            out += compressed(UInt32(blob.count)) + blob
        }
        out += [UInt8](repeating: 0, count: (4 - out.count % 4) % 4)
        let heapSize = out.count - heapStart
        // A 2-byte blob column could not reach the new blobs.
        if !file.tables.blobsAreWide && heapSize > 0xFFFF { return nil }

        let delta = newRoot - oldRoot
        out.put32(UInt32(heapStart - newRoot), at: blobHeader.headerOffset + delta)
        out.put32(UInt32(heapSize), at: blobHeader.headerOffset + delta + 4)

        // Grow the last section over the copy and point the CLI header at it.
        let newRawSize = out.count - last.rawDataOffset
        out.put32(UInt32(newRawSize), at: last.headerOffset + 16)
        let virtualSize = SeedLayout.u32(out, last.headerOffset + 8)
        out.put32(max(virtualSize, UInt32(newRawSize)), at: last.headerOffset + 8)
        let rootRVA = last.virtualAddress + UInt32(newRoot - last.rawDataOffset)
        out.put32(rootRVA, at: layout.cliHeaderOffset + 8)
        out.put32(UInt32(out.count - newRoot), at: layout.cliHeaderOffset + 12)

        self.bytes = out
        self.indices = indices
        self.metadataDelta = delta
    }

    /// Sets a cell of the copied tables (offsets as in the seed's layout).
    mutating func setCell(_ layout: SeedLayout, _ table: TableID, _ row: UInt32, _ column: SeedLayout.Column, _ value: UInt32) {
        bytes.put(value, width: column.width, at: layout.cellOffset(table, row, column) + metadataDelta)
    }
}
