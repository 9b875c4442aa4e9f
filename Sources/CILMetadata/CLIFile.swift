/// One CLI image (an assembly or module) read from bytes: PE container, CLI header, metadata
/// root, heaps and tables. Higher-level views (rows, signatures, bodies, attributes) are
/// extensions that read through these bounds-checked parts.
public final class CLIFile: Sendable {
    public let bytes: [UInt8]
    public let mode: ReadingMode
    public let pe: PEImage
    public let cliHeader: CLIHeader
    public let root: MetadataRoot
    public let tables: TablesStream
    public let strings: StringHeap
    public let userStrings: UserStringHeap
    public let blobs: BlobHeap
    public let guids: GuidHeap
    /// Problems passed over while loading (lenient mode only; strict mode throws instead).
    public let diagnostics: [Diagnostic]

    /// Reads `bytes` as a CLI image. Strict mode throws at the first problem; lenient mode keeps
    /// whatever can be read and records the rest in `diagnostics`. Either way it never traps.
    public init(bytes: [UInt8], mode: ReadingMode = .strict) throws(MetadataError) {
        self.bytes = bytes
        self.mode = mode
        var diagnostics: [Diagnostic] = []
        pe = try PEImage(bytes: bytes)
        guard let cliDirectory = pe.cliHeaderDirectory else {
            throw MetadataError(.invalidValue, "PE file has no CLI header: not a .NET assembly", at: .fileOffset(pe.peHeaderOffset))
        }
        var headerReader = try pe.reader(atRVA: cliDirectory.rva, size: 72, what: "CLI header")
        cliHeader = try CLIHeader(reading: &headerReader)
        var rootReader = try pe.reader(atRVA: cliHeader.metadata.rva, size: Int(cliHeader.metadata.size), what: "metadata")
        let root = try MetadataRoot(reading: &rootReader, mode: mode, diagnostics: &diagnostics)
        self.root = root

        func heap(_ name: String) -> (Int, Int)? {
            guard let s = root.stream(named: name) else { return nil }
            return (s.fileOffset, Int(s.size))
        }
        if let (start, size) = heap("#Strings") { strings = StringHeap(bytes: bytes, start: start, size: size) } else { strings = .empty }
        if let (start, size) = heap("#US") { userStrings = UserStringHeap(bytes: bytes, start: start, size: size) } else { userStrings = .empty }
        if let (start, size) = heap("#Blob") { blobs = BlobHeap(bytes: bytes, start: start, size: size) } else { blobs = .empty }
        if let (start, size) = heap("#GUID") { guids = GuidHeap(bytes: bytes, start: start, size: size) } else { guids = .empty }

        let tablesHeader = root.stream(named: "#~") ?? root.stream(named: "#-")
        guard let tablesHeader else {
            throw MetadataError(.invalidValue, "metadata has no #~ or #- tables stream", at: .fileOffset(root.fileOffset))
        }
        tables = try TablesStream(bytes: bytes, start: tablesHeader.fileOffset, size: Int(tablesHeader.size),
                                  uncompressed: tablesHeader.name == "#-", mode: mode, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
    }

    /// The row count of a table.
    public func rowCount(_ table: TableID) -> UInt32 { tables.rowCount(table) }

    /// The entry point method token, if the CLI header names a MethodDef.
    public var entryPoint: MetadataToken? {
        let token = MetadataToken(cliHeader.entryPointToken)
        guard cliHeader.flags & CLIHeader.nativeEntryPoint == 0, token.table == .methodDef, tables.contains(token) else { return nil }
        return token
    }
}
