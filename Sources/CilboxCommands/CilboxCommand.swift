import ArgumentParser

/// The `cilbox` command line: one subcommand per job. The executable's `@main` only runs this.
public struct CilboxCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cilbox",
        abstract: "Read, disassemble and (soon) emulate .NET assemblies, safely.",
        discussion: """
            cilbox treats every input as hostile: malformed files give a one-line error with the \
            file offset or table row where the problem is, never a crash.

            Exit codes: 0 success, 64 usage error, 65 malformed input, 66 input file unreadable, \
            69 feature not modelled yet, 70 internal error, 75 budget exhausted; `run` otherwise \
            exits with the program's own exit code.

            Examples:
              cilbox run Program.exe arg1 arg2
              cilbox info Program.exe
              cilbox disasm Program.exe > Program.il
              cilbox checklist --markdown
              cilbox fuzz --programs 2000
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, InfoCommand.self, DisasmCommand.self, ChecklistCommand.self, FuzzCommand.self, ReduceCommand.self])

    public init() {}
}
