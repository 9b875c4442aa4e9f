import CILInstructions
import CILMetadata

/// What to disassemble.
public struct DisassemblyOptions: Sendable {
    /// Only this class (full name with namespace; nested as `Outer/Inner` or `Outer+Inner`),
    /// with its nested classes.
    public var typeFilter: String?
    /// Only methods of this name (in `typeFilter`'s class, or in every class).
    public var methodFilter: String?

    public init(typeFilter: String? = nil, methodFilter: String? = nil) {
        self.typeFilter = typeFilter
        self.methodFilter = methodFilter
    }

    var isFiltered: Bool { typeFilter != nil || methodFilter != nil }
}

/// ilasm-compatible text (and a JSON form) of a CLI file.
///
/// Reads hostile input without trapping: anything that cannot be decoded in a method, type,
/// attribute or other item becomes a `// cilbox: cannot decode …` comment in the output and an
/// entry in `diagnostics`, and the disassembly goes on with the next item. For a well-formed
/// file the text re-assembles with ilasm into an equivalent program.
public final class Disassembler {
    public let file: CLIFile
    public let options: DisassemblyOptions
    /// Problems met by the last `writeText`/`writeJSON` call, including those met while the
    /// file was loaded (lenient mode) and indexed.
    public internal(set) var diagnostics: [DisassemblyDiagnostic] = []

    let index: MetadataIndex
    let names: TokenNames

    public init(file: CLIFile, options: DisassemblyOptions = DisassemblyOptions()) {
        self.file = file
        self.options = options
        index = MetadataIndex(file)
        names = TokenNames(file: file, index: index)
    }

    /// Diagnostics of loading and indexing, as disassembly diagnostics.
    var loadDiagnostics: [DisassemblyDiagnostic] {
        (file.diagnostics + index.diagnostics).map { DisassemblyDiagnostic(token: nil, item: "file", message: $0.description) }
    }

    // MARK: text

    /// Writes the whole disassembly (or the filtered part) to `sink`, in chunks.
    public func writeText(to sink: OutputSink) {
        withoutActuallyEscaping(sink) { sink in
            var w = TextWriter(names: names, options: options, sink: sink)
            w.writeFile(loadProblems: loadDiagnostics)
            w.out.flush()
            diagnostics = loadDiagnostics + w.diagnostics
        }
    }

    /// The whole text as one string (for tests and small files).
    public func text() -> String {
        var bytes: [UInt8] = []
        writeText { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of MethodDef `row`'s body, one per instruction, as they appear in the text
    /// (`IL_0001:  call instance void [mscorlib]System.Object::.ctor()`), without indentation.
    /// Empty for a method without a body; undecodable bytes end the list with a comment line.
    public func instructionListing(methodRow row: UInt32) -> [String] {
        var lines: [String] = []
        var w = TextWriter(names: names, options: options, sink: { _ in })
        guard let body = try? file.methodBody(row), body.codeRange.upperBound <= file.bytes.count else { return [] }
        var offset = 0
        let token = MetadataToken(.methodDef, row)
        file.bytes.withUnsafeBytes { raw in
            let code = UnsafeRawBufferPointer(rebasing: raw[body.codeRange])
            while offset < code.count {
                do throws(ILDecodingError) {
                    let ins = try ILDecoder.decodeInstruction(at: offset, in: code)
                    w.writeInstruction(ins, methodToken: token, indent: 0)
                    lines.append(String(decoding: w.out.bytes, as: UTF8.self))
                    w.out.truncateAll()
                    offset = ins.nextOffset
                } catch {
                    lines.append("// cilbox: " + DisassemblyDiagnostic(token: token, ilOffset: error.offset, item: "instruction", message: error.message).description)
                    break
                }
            }
        }
        return lines
    }
}

extension TextWriter {
    /// The whole file, or the part the filters select.
    mutating func writeFile(loadProblems: [DisassemblyDiagnostic]) {
        for problem in loadProblems {
            out.write("// cilbox: ")
            for b in problem.description.utf8 { out.byte(b == 0x0A || b == 0x0D ? 0x20 : b) }
            out.newline()
        }
        let typeCount = file.rowCount(.typeDef)
        if !options.isFiltered {
            writeManifest()
            // II.10.8: TypeDef row 1 is `<Module>`, whose members are the globals.
            if typeCount >= 1 {
                writeTypeMembers(1, indent: 0)
            }
            for row in stride(from: UInt32(2), through: typeCount, by: 1) where index.enclosingType(of: row) == 0 {
                writeType(row, indent: 0)
            }
            writeDataBlocks()
            writeUnplacedAttributes()
            return
        }

        if let typeFilter = options.typeFilter {
            let wanted = typeFilter.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "/") : $0 }
            var found = false
            for row in stride(from: UInt32(1), through: typeCount, by: 1) where plainName(of: row) == wanted {
                found = true
                if row == 1 { writeTypeMembers(1, indent: 0) } else { writeType(row, indent: 0) }
            }
            if !found {
                out.write("// cilbox: no class named ")
                out.write(string: typeFilter)
                out.newline()
            }
            return
        }
        // A method filter alone: each class that has such a method, with only those methods.
        writeTypeMembers(1, indent: 0)
        for row in stride(from: UInt32(2), through: typeCount, by: 1) where hasMethod(named: options.methodFilter, in: row) {
            writeType(row, indent: 0, nestedTypes: false)
        }
    }

    /// `Ns.Outer/Inner` without any quoting, for matching `--type`.
    func plainName(of row: UInt32) -> [UInt8] {
        var parts: [[UInt8]] = []
        var current = row
        var depth = 0
        while current != 0 && depth < TokenNames.maxNesting {
            guard let def = try? file.typeDef(current),
                  let name = try? file.strings.utf8(def.name), let ns = try? file.strings.utf8(def.namespace) else { return [] }
            parts.append(ns.isEmpty ? Array(name) : Array(ns) + [UInt8(ascii: ".")] + Array(name))
            current = index.enclosingType(of: current)
            depth += 1
        }
        return Array(parts.reversed().joined(separator: [UInt8(ascii: "/")]))
    }

    func hasMethod(named name: String?, in row: UInt32) -> Bool {
        guard let name else { return true }
        for m in index.methodRows(of: row) {
            if let def = try? file.methodDef(m), let text = try? file.strings.utf8(def.name), text.elementsEqual(name.utf8) {
                return true
            }
        }
        return false
    }
}
