import CILDisassembler
import CILInstructions
import CILMetadata
import Foundation
import Testing

/// Damaged copies of a fixture, read leniently, must disassemble (text and JSON) without
/// trapping, whatever they contain. A small sample: a large corpus is the fuzzer's job.
@Suite struct HostileInputTests {
    /// Disassembles `bytes` every way there is; returns the diagnostics count (or -1 when the
    /// file is not readable at all, which is a fine outcome too).
    @discardableResult
    static func exercise(_ bytes: [UInt8]) -> Int {
        guard let file = try? CLIFile(bytes: bytes, mode: .lenient) else { return -1 }
        let d = Disassembler(file: file)
        var size = 0
        d.writeText { size += $0.count }
        let textDiagnostics = d.diagnostics.count
        d.writeJSON { size += $0.count }
        for row in stride(from: UInt32(1), through: min(file.rowCount(.methodDef), 64), by: 1) {
            _ = d.instructionListing(methodRow: row)
        }
        let filtered = Disassembler(file: file, options: DisassemblyOptions(typeFilter: "Program", methodFilter: "Main"))
        filtered.writeText { size += $0.count }
        return textDiagnostics
    }

    static func fixtureBytes() throws -> [UInt8] {
        let dir = try makeTemporaryDirectory("hostile")
        defer { cleanUp(dir) }
        let source = packageRoot.appendingPathComponent("Tests/Fixtures/CSharp/Exceptions.cs")
        let fixture = FileManager.default.fileExists(atPath: source.path) ? Fixture(url: source) : try #require(Fixture.all.first)
        return try readBytes(try fixture.build(in: dir))
    }

    @Test func intactFixtureHasNoDiagnostics() throws {
        #expect(Self.exercise(try Self.fixtureBytes()) == 0)
    }

    @Test func truncatedCopies() throws {
        let bytes = try Self.fixtureBytes()
        var cuts = Set<Int>()
        for i in 1 ..< 64 { cuts.insert(bytes.count * i / 64) }
        for cut in [0, 1, 2, 64, 128, 0x80, 0x178, 0x200, bytes.count - 1] where cut >= 0 && cut < bytes.count {
            cuts.insert(cut)
        }
        for cut in cuts.sorted() {
            Self.exercise(Array(bytes[..<cut]))
        }
    }

    @Test func bitFlippedCopies() throws {
        let original = try Self.fixtureBytes()
        var rng = SplitMix64(state: 0xC11B_0D15)
        var readable = 0
        for _ in 0 ..< 300 {
            var bytes = original
            for _ in 0 ..< Int.random(in: 1 ... 8, using: &rng) {
                let i = Int.random(in: 0 ..< bytes.count, using: &rng)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0 ..< 8, using: &rng)
            }
            if Self.exercise(bytes) >= 0 { readable += 1 }
        }
        // Most single-digit flips leave the file loadable, so the disassembler itself was exercised.
        #expect(readable > 100)
    }

    @Test func overwrittenMetadataBytes() throws {
        let original = try Self.fixtureBytes()
        let file = try CLIFile(bytes: original, mode: .strict)
        // Aim at the heaps and tables, where damage reaches names, signatures and bodies.
        let streams = file.root.streams
        var rng = SplitMix64(state: 42)
        for stream in streams where stream.size > 0 {
            for _ in 0 ..< 40 {
                var bytes = original
                let start = stream.fileOffset + Int.random(in: 0 ..< Int(stream.size), using: &rng)
                for j in 0 ..< 4 where start + j < bytes.count {
                    bytes[start + j] = UInt8.random(in: 0 ... 255, using: &rng)
                }
                Self.exercise(bytes)
            }
        }
    }

    /// A bad operand becomes a comment on its instruction and a diagnostic naming the method
    /// and IL offset; the instructions after it are still written.
    @Test func badOperandIsReportedWhereItIs() throws {
        var bytes = try Self.fixtureBytes()
        let file = try CLIFile(bytes: bytes, mode: .strict)
        var patched: (method: UInt32, offset: Int)?
        search: for row in stride(from: UInt32(1), through: file.rowCount(.methodDef), by: 1) {
            guard let body = try file.methodBody(row) else { continue }
            for ins in try ILDecoder(bytes: file.bytes, range: body.codeRange).decodeAll() where ins.opcode.mnemonic == "ldstr" {
                // The token follows the one-byte opcode: make it point past the #US heap.
                let at = body.codeRange.lowerBound + ins.offset + 1
                bytes.replaceSubrange(at ..< at + 4, with: [0xFF, 0xFF, 0xFF, 0x70])
                patched = (row, ins.offset)
                break search
            }
        }
        let (row, offset) = try #require(patched, "the fixture has no ldstr")
        let d = Disassembler(file: try CLIFile(bytes: bytes, mode: .lenient))
        let text = d.text()
        let diagnostic = try #require(d.diagnostics.first)
        #expect(d.diagnostics.count == 1)
        #expect(diagnostic.token == MetadataToken(.methodDef, row))
        #expect(diagnostic.ilOffset == offset)
        #expect(diagnostic.item == "operand 0x70FFFFFF of ldstr")
        #expect(text.contains("ldstr // cilbox: cannot decode operand 0x70FFFFFF of ldstr at token \(MetadataToken(.methodDef, row))"))
        let listing = d.instructionListing(methodRow: row)
        #expect(listing.count == (try ILDecoder(bytes: file.bytes, range: try #require(try file.methodBody(row)).codeRange).decodeAll().count))
    }
}
