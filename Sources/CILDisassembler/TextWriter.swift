import CILInstructions
import CILMetadata

/// The state of one text disassembly: the output buffer, the name cache, diagnostics, and the
/// RVA data blocks met so far. A struct used through `mutating` methods, so the hot paths
/// (instructions, names) write to the buffer without class-property exclusivity checks.
///
/// The writer methods live in extensions, one file per subject: AssemblyWriter (manifest),
/// TypeWriter (classes, fields, properties, events), MethodWriter (method headers), BodyWriter
/// (instructions and EH clauses), CustomAttributeWriter, ConstantWriter, MarshalWriter,
/// DataWriter.
struct TextWriter {
    var out: OutputBuffer
    let names: TokenNames
    let file: CLIFile
    let index: MetadataIndex
    let options: DisassemblyOptions
    var diagnostics: [DisassemblyDiagnostic] = []
    /// RVAs named by `.field … at D_xxxxxxxx`, each with the size its field type gives (if known).
    var dataBlocks: [UInt32: Int] = [:]
    /// Reused between method bodies.
    var instructions: [Instruction] = []

    init(names: TokenNames, options: DisassemblyOptions, sink: @escaping OutputSink) {
        self.init(names: names, options: options, buffer: OutputBuffer(sink: sink))
    }

    init(names: TokenNames, options: DisassemblyOptions, buffer: OutputBuffer) {
        self.names = names
        self.file = names.file
        self.index = names.index
        self.options = options
        out = buffer
    }

    // MARK: diagnostics

    /// Records a problem and writes it as a comment line where the item would have been.
    mutating func report(_ what: String, token: MetadataToken?, ilOffset: Int? = nil, _ message: String, indent: Int) {
        let diagnostic = DisassemblyDiagnostic(token: token, ilOffset: ilOffset, item: what, message: message)
        diagnostics.append(diagnostic)
        out.indent(indent)
        out.write("// cilbox: ")
        // A message is one line; file-controlled text in it must not end the comment early.
        for b in diagnostic.description.utf8 { out.byte(b == 0x0A || b == 0x0D ? 0x20 : b) }
        out.newline()
    }

    /// Runs `body`; if it throws, takes back what it wrote (when still in the buffer) and
    /// writes the failure as a comment instead. Returns false on failure.
    @discardableResult
    mutating func attempt(_ what: String, token: MetadataToken?, indent: Int,
                          _ body: (inout TextWriter) throws(MetadataError) -> Void) -> Bool {
        let mark = out.mark
        do {
            try body(&self)
            return true
        } catch {
            if !out.rewind(to: mark) { out.newline() }
            report(what, token: token, error.description, indent: indent)
            return false
        }
    }

    // MARK: small pieces

    mutating func line(_ s: StaticString, indent: Int) {
        out.indent(indent)
        out.write(s)
        out.newline()
    }

    /// A name from the #Strings heap, quoted as needed.
    mutating func writeName(_ index: UInt32) throws(MetadataError) {
        Identifier.write(try file.strings.utf8(index), to: &out)
    }

    /// `( 01 02 … )` of a blob.
    mutating func writeBlob(_ blobIndex: UInt32, indent: Int) throws(MetadataError) {
        var r = try file.blobs.reader(blobIndex)
        let range = try r.range(r.remaining)
        out.byteList(file.bytes[range], indent: indent)
    }
}
