import Testing
import CILFuzzer

/// Which campaigns make an opcode fuzz-validated: passing ones, on the runtime code of now,
/// with enough executions and encodings, and no open known difference.
@Suite struct FuzzEvidenceTests {
    func entry(commit: String, tree: String?, executions: Int, occurrences: Int, divergences: Int = 0) -> LedgerEntry {
        LedgerEntry(date: "2026-11-22T00:00:00Z", commit: commit, pool: "test", opcodes: ["add", "sub"], firstSeed: "0x1",
                    batches: 1, programs: 1000, passed: 1000, executed: ["add": executions, "sub": executions],
                    divergences: divergences > 0 ? ["value": divergences] : [:], generatorLeaks: 0,
                    seconds: .init(wall: 1, cpu: 1, generation: 0, assembly: 0, reference: 0, emulator: 0, reduction: 0),
                    cost: .init(cpuHours: 0, ratePerCPUHour: 0, amount: 0, externalAmount: nil, externalLabel: nil), findings: [], occurrences: ["add": occurrences, "sub": occurrences],
                    runtimeTree: tree)
    }

    @Test func thresholdsAddUpOverPassingCampaigns() {
        let half = entry(commit: "a", tree: "T", executions: 5_000, occurrences: 50)
        #expect(FuzzEvidence.validated([half]).isEmpty)
        #expect(FuzzEvidence.validated([half, half]) == ["add", "sub"])
        let failing = entry(commit: "a", tree: "T", executions: 50_000, occurrences: 500, divergences: 1)
        #expect(FuzzEvidence.validated([half, failing]).isEmpty)
    }

    @Test func onlyCampaignsOnTheCurrentRuntimeCount() {
        let recorded = entry(commit: "old", tree: "T1", executions: 20_000, occurrences: 200)
        let resolved = entry(commit: "c2", tree: nil, executions: 20_000, occurrences: 200)
        let treeOfCommit = { (c: String) -> String? in c == "c2" ? "T2" : nil }
        #expect(FuzzEvidence.sameRuntime([recorded, resolved], current: "T1", treeOfCommit: treeOfCommit).map(\.commit) == ["old"])
        #expect(FuzzEvidence.sameRuntime([recorded, resolved], current: "T2", treeOfCommit: treeOfCommit).map(\.commit) == ["c2"])
        #expect(FuzzEvidence.sameRuntime([recorded, resolved], current: "T3", treeOfCommit: treeOfCommit).isEmpty)
    }

    @Test func openKnownDifferencesAreNotValidated() {
        let text = "# opcode\tfile\treason\nsub\tTests/Regression/x.il\tnot fixed yet\n"
        #expect(FuzzEvidence.openDifferences(text) == ["sub"])
        let e = entry(commit: "a", tree: "T", executions: 20_000, occurrences: 200)
        #expect(FuzzEvidence.validated([e], open: FuzzEvidence.openDifferences(text)) == ["add"])
    }
}
