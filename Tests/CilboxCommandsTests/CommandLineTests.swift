import Foundation
import Testing

/// The command line as users meet it: help text, exit codes and one-line errors.
@Suite struct CommandLineTests {
    @Test(arguments: ["info", "disasm", "checklist"])
    func everySubcommandExplainsItselfWithAnExample(_ command: String) throws {
        let r = try CilboxBinary.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("cilbox \(command)"))
    }

    @Test func rootHelpListsSubcommandsAndExitCodes() throws {
        let r = try CilboxBinary.run(["--help"])
        #expect(r.status == 0)
        for word in ["info", "disasm", "checklist", "65 malformed input"] { #expect(r.stdout.contains(word), "\(word)") }
    }

    @Test func missingFileIsExit66() throws {
        let r = try CilboxBinary.run(["info", "/nonexistent/file.dll"])
        #expect(r.status == 66)
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func directoryIsExit66() throws {
        let r = try CilboxBinary.run(["info", "/tmp"])
        #expect(r.status == 66)
    }

    @Test func unknownOptionIsExit64() throws {
        let r = try CilboxBinary.run(["info", "--no-such-option", "x.dll"])
        #expect(r.status == 64)
    }

    @Test func nonPEFileIsOneLineWithOffsetAndExit65() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-not-pe-\(getpid()).dll")
        try Data("hello, this is not a PE file".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        for command in ["info", "disasm"] {
            let r = try CilboxBinary.run([command, path.path])
            #expect(r.status == 65, "\(command)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("file offset 0x0"), "\(command): \(r.stderr)")
        }
    }

    @Test func truncatedAssemblyNamesTheOffset() throws {
        let bcl = try BCLPath.directory()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: bcl + "/System.Numerics.dll"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-truncated-\(getpid()).dll")
        // Cut inside the metadata: the CLI header survives, the tables do not.
        try bytes.prefix(bytes.count / 2).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let r = try CilboxBinary.run(["info", path.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("offset") || r.stderr.contains("table"), "\(r.stderr)")
    }
}
