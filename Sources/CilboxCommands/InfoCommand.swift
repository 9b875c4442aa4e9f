import ArgumentParser
import CILMetadata

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show an assembly's headers, metadata streams, tables, references, resources and entry point.",
        discussion: """
            Reads FILE leniently: parts that are malformed are reported under 'diagnostics' \
            (with the file offset or table row) and everything else is still shown. The exit \
            code is 65 when there was any diagnostic, 0 otherwise.

            Examples:
              cilbox info Program.exe
              cilbox info --json /usr/lib/mono/4.5/mscorlib.dll | jq '.tables'
            """)

    @Argument(help: "The assembly or module to read (.exe, .dll, .netmodule).")
    var file: String

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let cli = try InputFile.load(file, mode: .lenient)
        let summary = AssemblySummary(path: file, file: cli)
        let report = InfoReport(summary: summary)
        StandardStreams.write(json ? report.json().rendered() : report.text())
        StandardStreams.flush()
        if !summary.diagnostics.isEmpty {
            StandardStreams.writeError("cilbox: \(file): \(summary.diagnostics.count) problem(s); first: \(summary.diagnostics[0])\n")
            throw ExitCode(CilboxExit.malformedInput)
        }
    }
}

/// The facts of `info`, gathered once so the text and JSON forms say the same thing.
struct InfoReport {
    var path: String
    var fileSize: Int
    var pe: PEImage
    var cli: CLIHeader
    var root: MetadataRoot
    var tables: TablesStream
    var assembly: (name: String, version: String, culture: String, publicKey: String, flags: UInt32, hashAlgorithm: UInt32)?
    var moduleName: String
    var mvid: String
    var references: [AssemblySummary.Reference]
    var moduleRefs: [String]
    var files: [String]
    var exported: [AssemblySummary.Exported]
    var resources: [AssemblySummary.Resource]
    var entryPoint: String?
    var methodBodies: (count: Int, ilBytes: Int)
    var diagnostics: [String]

    init(summary s: AssemblySummary) {
        let f = s.file
        path = s.path
        fileSize = f.bytes.count
        pe = f.pe
        cli = f.cliHeader
        root = f.root
        tables = f.tables
        if f.rowCount(.assembly) >= 1, let a = try? f.assembly(1) {
            let key = (try? f.blobs.bytes(a.publicKey)) ?? []
            assembly = (s.string(a.name), a.version.dotted, s.string(a.culture), AssemblySummary.publicKeyToken(key), a.flags, a.hashAlgorithm)
        }
        if f.rowCount(.module) >= 1, let m = try? f.module(1) {
            moduleName = s.string(m.name)
            mvid = ((try? f.guids.guid(m.mvid)) ?? nil).map(GuidHeap.format) ?? ""
        } else {
            moduleName = ""
            mvid = ""
        }
        references = s.assemblyReferences()
        moduleRefs = stride(from: UInt32(1), through: f.rowCount(.moduleRef), by: 1).map { s.string((try? f.moduleRef($0).name) ?? 0) }
        files = stride(from: UInt32(1), through: f.rowCount(.file), by: 1).map { s.string((try? f.file($0).name) ?? 0) }
        exported = s.exportedTypes()
        resources = s.resources()
        entryPoint = s.entryPointText
        var count = 0, bytes = 0
        for row in stride(from: UInt32(1), through: f.rowCount(.methodDef), by: 1) {
            let body: MethodBody? = s.attempt(nil) { () throws(MetadataError) in try f.methodBody(row) }
            if let body { count += 1; bytes += body.codeSize }
        }
        methodBodies = (count, bytes)
        diagnostics = s.diagnostics.map(\.description)
    }

    var presentTables: [TableID] { TableID.allCases.filter { tables.rowCount($0) > 0 } }

    func text() -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let hex = { (v: UInt32) in AssemblySummary.hex(v) }
        line("file         \(path) (\(fileSize) bytes)")
        line("format       \(pe.isPE32Plus ? "PE32+" : "PE32"), machine \(AssemblySummary.hex(UInt32(pe.machine), width: 4)), subsystem \(pe.subsystem), characteristics \(AssemblySummary.hex(UInt32(pe.characteristics), width: 4))")
        if let a = assembly {
            line("assembly     \(a.name), Version=\(a.version), Culture=\(a.culture.isEmpty ? "neutral" : a.culture)\(a.publicKey.isEmpty ? "" : ", PublicKey=\(a.publicKey.prefix(16))…")")
        } else {
            line("assembly     (none: this is a module)")
        }
        line("module       \(moduleName) \(mvid.isEmpty ? "" : "{\(mvid)}")")
        line("runtime      \(root.version) (CLI header \(cli.majorRuntimeVersion).\(cli.minorRuntimeVersion), flags \(AssemblySummary.flagWords(cli.flags, AssemblySummary.runtimeFlagNames).joined(separator: " ")))")
        line("entry point  \(entryPoint.map { "\($0) (\(MetadataToken(cli.entryPointToken)))" } ?? "none")")
        line("methods      \(methodBodies.count) bodies, \(methodBodies.ilBytes) bytes of IL")
        line()
        line("sections")
        for s in pe.sections {
            line("  \(s.name.padding(8)) rva \(hex(s.virtualAddress)) size \(hex(s.virtualSize)) file \(hex(s.rawDataOffset)) + \(hex(s.rawDataSize))")
        }
        line("metadata streams (root at file offset \(AssemblySummary.hex(UInt32(root.fileOffset))))")
        for s in root.streams {
            line("  \(s.name.padding(10)) offset \(hex(s.offset)) size \(s.size)")
        }
        line("tables (\(tables.isUncompressed ? "#-" : "#~") \(tables.majorVersion).\(tables.minorVersion), heap sizes \(AssemblySummary.hex(UInt32(tables.heapSizes), width: 2)))")
        for t in presentTables {
            line("  \(AssemblySummary.hex(UInt32(t.rawValue), width: 2)) \(t.name.padding(24)) \(String(tables.rowCount(t)).leftPad(7)) rows × \(tables.rowSize(t)) bytes")
        }
        line("assembly references (\(references.count))")
        for r in references {
            line("  \(r.name), Version=\(r.version)\(r.culture.isEmpty ? "" : ", Culture=\(r.culture)")\(r.publicKeyOrToken.isEmpty ? "" : ", PublicKeyToken=\(r.publicKeyOrToken)")")
        }
        if !moduleRefs.isEmpty { line("module references (\(moduleRefs.count))"); moduleRefs.forEach { line("  \($0)") } }
        if !files.isEmpty { line("files (\(files.count))"); files.forEach { line("  \($0)") } }
        if !exported.isEmpty {
            line("exported types (\(exported.count))")
            for e in exported { line("  \(e.name) → \(e.implementation)\(e.isForwarder ? " (forwarder)" : "")") }
        }
        line("resources (\(resources.count))")
        for r in resources {
            line("  \(r.name) \(r.isPublic ? "public" : "private") \(r.location)\(r.size.map { ", \($0) bytes" } ?? "")")
        }
        if !diagnostics.isEmpty {
            line("diagnostics (\(diagnostics.count))")
            diagnostics.forEach { line("  \($0)") }
        }
        return out
    }

    func json() -> JSONValue {
        func dir(_ d: PEImage.DataDirectory) -> JSONValue { .object([("rva", .hex(d.rva)), ("size", .uint(d.size))]) }
        var fields: [(String, JSONValue)] = [
            ("file", .string(path)),
            ("size", .int(Int64(fileSize))),
            ("format", .string(pe.isPE32Plus ? "PE32+" : "PE32")),
            ("machine", .hex(UInt32(pe.machine))),
            ("subsystem", .int(Int64(pe.subsystem))),
            ("characteristics", .hex(UInt32(pe.characteristics))),
            ("sections", .array(pe.sections.map { s in
                .object([("name", .string(s.name)), ("virtualAddress", .hex(s.virtualAddress)), ("virtualSize", .uint(s.virtualSize)),
                         ("rawDataOffset", .hex(s.rawDataOffset)), ("rawDataSize", .uint(s.rawDataSize)),
                         ("characteristics", .hex(s.characteristics))])
            })),
            ("cliHeader", .object([
                ("runtimeVersion", .string("\(cli.majorRuntimeVersion).\(cli.minorRuntimeVersion)")),
                ("flags", .array(AssemblySummary.flagWords(cli.flags, AssemblySummary.runtimeFlagNames).map { .string($0) })),
                ("entryPointToken", .hex(cli.entryPointToken)),
                ("metadata", dir(cli.metadata)), ("resources", dir(cli.resources)),
                ("strongNameSignature", dir(cli.strongNameSignature)),
            ])),
            ("metadataVersion", .string(root.version)),
            ("streams", .array(root.streams.map { .object([("name", .string($0.name)), ("offset", .hex($0.offset)), ("size", .uint($0.size))]) })),
            ("tables", .object(presentTables.map { ($0.name, .object([("rows", .uint(tables.rowCount($0))), ("rowSize", .int(Int64(tables.rowSize($0))))])) })),
            ("tablesStream", .object([("name", .string(tables.isUncompressed ? "#-" : "#~")),
                                      ("heapSizes", .hex(UInt32(tables.heapSizes))),
                                      ("extraData", .bool(tables.hasExtraData))])),
        ]
        if let a = assembly {
            fields.append(("assembly", .object([("name", .string(a.name)), ("version", .string(a.version)), ("culture", .string(a.culture)),
                                                ("publicKey", .string(a.publicKey)), ("flags", .hex(a.flags)), ("hashAlgorithm", .hex(a.hashAlgorithm))])))
        } else {
            fields.append(("assembly", .null))
        }
        fields += [
            ("module", .object([("name", .string(moduleName)), ("mvid", .string(mvid))])),
            ("entryPoint", entryPoint.map { .object([("method", .string($0)), ("token", .hex(cli.entryPointToken))]) } ?? .null),
            ("methodBodies", .object([("count", .int(Int64(methodBodies.count))), ("ilBytes", .int(Int64(methodBodies.ilBytes)))])),
            ("assemblyReferences", .array(references.map { r in
                .object([("name", .string(r.name)), ("version", .string(r.version)), ("culture", .string(r.culture)),
                         ("publicKeyOrToken", .string(r.publicKeyOrToken)), ("flags", .hex(r.flags))])
            })),
            ("moduleReferences", .array(moduleRefs.map { .string($0) })),
            ("files", .array(files.map { .string($0) })),
            ("exportedTypes", .array(exported.map { e in
                .object([("name", .string(e.name)), ("implementation", .string(e.implementation)), ("forwarder", .bool(e.isForwarder))])
            })),
            ("resources", .array(resources.map { r in
                .object([("name", .string(r.name)), ("public", .bool(r.isPublic)), ("location", .string(r.location)),
                         ("size", r.size.map { .int(Int64($0)) } ?? .null)])
            })),
            ("diagnostics", .array(diagnostics.map { .string($0) })),
        ]
        return .object(fields)
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
