import ArgumentParser
import CILDisassembler
import CILMetadata

struct DisasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disasm",
        abstract: "Disassemble an assembly to ILAsm text that re-assembles with ilasm.",
        discussion: """
            Prints the whole module — references, classes, fields, methods with their IL, \
            exception blocks, properties, events and custom attributes — in ILAsm syntax. The \
            reader is lenient: anything malformed becomes a '// cilbox:' comment at its place, \
            a one-line summary goes to standard error and the exit code is 65.

            Examples:
              cilbox disasm Program.exe > Program.il && ilasm Program.il
              cilbox disasm Program.exe --type MyNamespace.Parser --method Parse
              cilbox disasm Program.exe --json | jq '.types[].name'
            """)

    @Argument(help: "The assembly or module to disassemble.")
    var file: String

    @Option(name: .long, help: "Only this type: full name, nested types as Outer/Inner.")
    var type: String?

    @Option(name: .long, help: "Only methods with this name.")
    var method: String?

    @Flag(name: .long, help: "Print a JSON document instead of ILAsm text.")
    var json = false

    func run() throws {
        let cli = try InputFile.load(file, mode: .lenient)
        let disassembler = Disassembler(file: cli, options: DisassemblyOptions(typeFilter: type, methodFilter: method))
        if json {
            disassembler.writeJSON(to: { StandardStreams.write($0) })
        } else {
            disassembler.writeText(to: { StandardStreams.write($0) })
        }
        let problems = cli.diagnostics.map(\.description) + disassembler.diagnostics.map(\.description)
        if !problems.isEmpty {
            StandardStreams.writeError("cilbox: \(file): \(problems.count) problem(s); first: \(problems[0])\n")
            throw ExitCode(CilboxExit.malformedInput)
        }
    }
}
