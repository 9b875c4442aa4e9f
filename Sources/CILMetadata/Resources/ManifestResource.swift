/// A ManifestResource row (II.22.24) with, for a resource embedded in this file, where its bytes
/// are: at Offset into the CLI header's Resources directory (II.25.3.3), behind a 4-byte length.
public struct ManifestResource: Sendable, Equatable {
    public var row: UInt32
    public var name: String
    public var flags: UInt32
    /// The File or AssemblyRef that holds the resource; `nil` when it is embedded in this file.
    public var implementation: MetadataToken?
    /// The Offset column: into this file's resources, or into the File's.
    public var offset: UInt32
    /// Absolute file offsets of an embedded resource's bytes (after the length prefix).
    public var dataRange: Range<Int>?
    /// Why an embedded resource's bytes could not be located (lenient mode only; strict throws).
    public var dataError: MetadataError?

    /// II.23.1.9 ManifestResourceAttributes: the visibility mask and its values.
    public static let visibilityMask: UInt32 = 0x0007
    public static let publicVisibility: UInt32 = 0x0001
    public static let privateVisibility: UInt32 = 0x0002

    public var isPublic: Bool { flags & Self.visibilityMask == Self.publicVisibility }
    public var isPrivate: Bool { flags & Self.visibilityMask == Self.privateVisibility }
    public var isEmbedded: Bool { implementation == nil }
}

extension CLIFile {
    public func manifestResourceInfo(_ r: UInt32) throws(MetadataError) -> ManifestResource {
        let row = try manifestResource(r)
        var resource = ManifestResource(row: r, name: try string(row.name), flags: row.flags,
                                        implementation: row.implementation.isNil ? nil : row.implementation,
                                        offset: row.offset, dataRange: nil, dataError: nil)
        guard resource.isEmbedded else { return resource }
        do throws(MetadataError) {
            resource.dataRange = try embeddedResourceRange(offset: row.offset)
        } catch {
            let e = error.located(.tableRow(.manifestResource, r))
            if mode == .strict { throw e }
            resource.dataError = e
        }
        return resource
    }

    /// Every ManifestResource row, in table order.
    public func manifestResources() throws(MetadataError) -> [ManifestResource] {
        var out: [ManifestResource] = []
        for r in stride(from: UInt32(1), through: rowCount(.manifestResource), by: 1) { out.append(try manifestResourceInfo(r)) }
        return out
    }

    /// The bytes of an embedded resource (`nil` for one held elsewhere or not located).
    public func resourceData(_ resource: ManifestResource) -> ArraySlice<UInt8>? {
        guard let range = resource.dataRange, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        return bytes[range]
    }

    /// II.25.3.3: the resource at `offset` in the Resources directory, a 4-byte little-endian
    /// length then the data, all inside the directory.
    public func embeddedResourceRange(offset: UInt32) throws(MetadataError) -> Range<Int> {
        let directory = cliHeader.resources
        guard directory.size > 0 else {
            throw MetadataError(.outOfRange, "embedded resource at offset 0x\(String(offset, radix: 16)) but the CLI header has no resources")
        }
        var r = try pe.reader(atRVA: directory.rva, size: Int(directory.size), what: "resources")
        guard UInt64(offset) + 4 <= UInt64(directory.size) else {
            throw MetadataError(.outOfRange, "resource offset 0x\(String(offset, radix: 16)) beyond the \(directory.size)-byte resources", at: .fileOffset(r.start))
        }
        try r.seek(relative: Int(offset))
        let lengthAt = r.position
        let length = try r.u32()
        guard UInt64(length) <= UInt64(r.remaining) else {
            throw MetadataError(.truncated, "resource of \(length) bytes, \(r.remaining) left in the resources", at: .fileOffset(lengthAt))
        }
        return try r.range(Int(length))
    }
}
