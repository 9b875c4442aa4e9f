import CILDisassembler
import CILMetadata
import Foundation
import Testing

/// The disassembler's acceptance test: every fixture program, built by the reference toolchain,
/// disassembled by cilbox and re-assembled by ilasm, prints the same and exits the same on Mono
/// as the original.
@Suite struct RoundTripTests {
    @Test func toolchainIsInstalled() {
        #expect(Toolchain.paths != nil, Toolchain.missingMessage)
    }

    @Test func fixturesExist() {
        #expect(!Fixture.all.isEmpty, "no fixtures under Tests/Fixtures/CSharp or Tests/Fixtures/IL")
    }

    @Test(arguments: Fixture.all)
    func roundTrip(_ fixture: Fixture) throws {
        let mono = try Toolchain.require("mono")
        let ilasm = try Toolchain.require("ilasm")
        let dir = try makeTemporaryDirectory("roundtrip")
        defer { cleanUp(dir) }
        // Original and rebuilt program run under the same file name, each in its own folder.
        let originalDir = dir.appendingPathComponent("original")
        let rebuiltDir = dir.appendingPathComponent("rebuilt")
        try FileManager.default.createDirectory(at: originalDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rebuiltDir, withIntermediateDirectories: true)

        let original = try fixture.build(in: originalDir)
        let expected = try runProcess(mono, [original.lastPathComponent], in: originalDir)
        try #require(!expected.timedOut, "\(fixture.name): the original timed out")

        let (text, diagnostics) = try disassemble(original)
        #expect(diagnostics.isEmpty, "\(fixture.name): \(diagnostics)")
        let source = dir.appendingPathComponent("disassembly.il")
        try Data(text.utf8).write(to: source)
        let rebuilt = rebuiltDir.appendingPathComponent(original.lastPathComponent)
        let assembled = try runProcess(ilasm, ["-quiet", "-output:" + rebuilt.path, source.path], in: dir)
        try #require(assembled.status == 0 && FileManager.default.fileExists(atPath: rebuilt.path),
                     "\(fixture.name): ilasm rejected the disassembly:\n\(assembled.stdout)\(assembled.stderr)")

        let actual = try runProcess(mono, [rebuilt.lastPathComponent], in: rebuiltDir)
        #expect(!actual.timedOut, "\(fixture.name): the round-tripped program timed out")
        if let reason = Fixture.knownRoundTripDifferences[fixture.testDescription] {
            // Listed with a reason outside the disassembler: it must still differ, or the list is stale.
            #expect(actual.stdout != expected.stdout || actual.status != expected.status,
                    "\(fixture.testDescription) now round-trips: remove it from Tests/Fixtures/round-trip-known-differences.tsv (\(reason))")
            return
        }
        #expect(actual.status == expected.status, "\(fixture.name): exit code \(actual.status), original \(expected.status)\n\(actual.stderr)")
        #expect(actual.stdout == expected.stdout, "\(fixture.name): output differs from the original's")
    }
}
