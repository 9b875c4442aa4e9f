import Foundation
import Testing

/// Every program under Tests/Programs and every fixture under Tests/Fixtures runs on cilbox
/// exactly as on Mono: same stdout, same exit code, and for an unhandled exception the same
/// exception type reported on stderr. Programs listed in Tests/Programs/known-differences.tsv
/// must still differ (so a fixed one is noticed).
@Suite struct ProgramTests {
    @Test(arguments: ProgramCatalog.all)
    func runsLikeMono(_ program: TestProgram) async throws {
        try await Self.checkRunsLikeMono(program)
    }

    @Test(arguments: ProgramCatalog.fixtures)
    func fixtureRunsLikeMono(_ fixture: TestProgram) async throws {
        try await Self.checkRunsLikeMono(fixture)
    }

    static func checkRunsLikeMono(_ program: TestProgram) async throws {
        let binary = try Cilbox.binary()
        let expected = try await ReferenceCache.shared.expectation(program)
        let built = try await ReferenceCache.shared.build(program)
        let actual = try await WorkerPool.shared.run { try Cilbox.run(built, binary: binary) }
        let comparison = Comparison(expected: expected, actual: actual, programPath: built.executable)
        ResultRecorder.record(program, comparison)

        if let listed = KnownDifferences.current.reason(for: program.name) {
            if comparison.passed {
                Issue.record("""
                    \(program.testDescription) now runs like mono on cilbox: remove its line \
                    (`\(program.name)\t\(listed)`) from Tests/Programs/known-differences.tsv
                    """)
            }
        } else if let reason = comparison.reason {
            Issue.record("""
                \(program.testDescription) differs from mono: \(reason)
                \(comparison.details)
                (if this is expected for now, add `\(program.name)<TAB>\(reason)` to Tests/Programs/known-differences.tsv)
                """)
        }
    }

    @Test func catalogHasUniquelyNamedPrograms() {
        let names = ProgramCatalog.all.map(\.name)
        #expect(names.count >= 120, "found only \(names.count) programs under \(ProgramCatalog.programsDirectory.path)")
        #expect(Set(names).count == names.count, "program names must be unique across CSharp/ and IL/")
        let fixtures = ProgramCatalog.fixtures.map(\.name)
        #expect(fixtures.count >= 30, "found only \(fixtures.count) fixtures under \(ProgramCatalog.fixturesDirectory.path)")
        #expect(Set(fixtures).count == fixtures.count && Set(fixtures).isDisjoint(with: names))
    }

    @Test func knownDifferencesListOnlyExistingProgramsOnce() {
        let known = KnownDifferences.current
        #expect(known.problems.isEmpty, "\(known.problems)")
        var seen = Set<String>()
        for entry in known.entries {
            #expect(ProgramCatalog.named(entry.name) != nil,
                    "known-differences.tsv line \(entry.line): no program named \(entry.name)")
            #expect(seen.insert(entry.name).inserted, "known-differences.tsv line \(entry.line): \(entry.name) listed twice")
        }
    }

    @Test func knownDifferencesParsing() {
        let parsed = KnownDifferences.parse("# comment\n\nA\tcilbox: stopped: x\nbroken line\nB\t stdout differs \n")
        #expect(parsed.entries.map(\.name) == ["A", "B"])
        #expect(parsed.reason(for: "B") == "stdout differs")
        #expect(parsed.problems.count == 1)
    }

    @Test func unhandledReportNamesTheExceptionType() {
        let stderr = "\nUnhandled Exception:\nSystem.InvalidOperationException: boom\n  at X.Main () [0x00000]\n"
        #expect(UnhandledReport.exceptionType(in: stderr) == "System.InvalidOperationException")
        #expect(UnhandledReport.exceptionType(in: "nothing here") == nil)
    }

    @Test func comparisonReasonDropsRunSpecificDetails() {
        let line = Comparison.normalize("cilbox: stopped after 1234 instructions: no native for X", programPath: "/tmp/x/P.exe")
        #expect(line == "cilbox: stopped: no native for X")
        #expect(Comparison.normalize("cilbox: /tmp/x/P.exe: bad", programPath: "/tmp/x/P.exe") == "cilbox: P.exe: bad")
        #expect(Comparison.normalize("cilbox: stopped after 9 instructions: instruction budget of 9 exhausted in A::B",
                                     programPath: "/tmp/x/P.exe") == "cilbox: stopped: instruction budget of 9 exhausted")
    }

    @Test func opcodeInventoryListsTheOpcodesAProgramUses() async throws {
        let arithmetic = try #require(ProgramCatalog.named("ArithInt32"))
        let opcodes = try OpcodeInventory.mnemonics(inAssemblyAt: try await ReferenceCache.shared.build(arithmetic).executable)
        #expect(opcodes.contains("add"))
        #expect(opcodes.contains("rem"))
        #expect(opcodes.contains("ret"))
        #expect(!opcodes.contains("jmp"))

        let prefixes = try #require(ProgramCatalog.named("TailCalls"))
        let tail = try OpcodeInventory.mnemonics(inAssemblyAt: try await ReferenceCache.shared.build(prefixes).executable)
        #expect(tail.isSuperset(of: ["tail.", "calli", "ldftn", "callvirt"]))

        let constrained = try #require(ProgramCatalog.named("ConstrainedPrefix"))
        let c = try OpcodeInventory.mnemonics(inAssemblyAt: try await ReferenceCache.shared.build(constrained).executable)
        #expect(c.contains("constrained."))
    }
}
