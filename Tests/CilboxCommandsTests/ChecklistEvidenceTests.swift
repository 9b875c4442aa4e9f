import CILInstructions
import CILRuntime
import CilboxCommands
import Foundation
import Testing

/// `cilbox checklist` shows what the evidence says: implemented from the transformer's
/// coverage, tested from the generated test evidence, and the two back each other up.
@Suite struct ChecklistEvidenceTests {
    let entries = Checklist.entries(evidence: .cilbox)

    @Test func implementedIsWhatTheTransformerAccepts() {
        #expect(entries.filter(\.implemented).map(\.opcode) == TransformCoverage.accepted)
        #expect(entries.allSatisfy { $0.decoded })
    }

    @Test func testedIsWhatTheGeneratedEvidenceNames() {
        #expect(ChecklistEvidence.unknownTestEvidenceMnemonics.isEmpty,
                "\(ChecklistEvidence.unknownTestEvidenceMnemonics)")
        let rows = ChecklistEvidence.testEvidenceRows
        #expect(rows.map(\.mnemonic) == Opcode.all.map(\.mnemonic),
                "Generated/TestEvidence.swift must have one row per opcode (regenerate it: see its header)")
        let byMnemonic = Dictionary(rows.map { ($0.mnemonic, $0.programs) }, uniquingKeysWith: { a, _ in a })
        for entry in entries {
            let programs = byMnemonic[entry.mnemonic] ?? []
            #expect(entry.tested == !programs.isEmpty, "\(entry.mnemonic)")
            #expect(entry.testedBy == programs, "\(entry.mnemonic)")
            #expect(entry.testedBy == entry.testedBy.sorted(), "\(entry.mnemonic)")
            #expect(!entry.fuzzValidated, "\(entry.mnemonic): no fuzz campaign is recorded yet")
        }
    }

    /// An opcode the transformer claims must occur in a program that runs like mono: the claim
    /// is then backed by a run, not only by the coverage table.
    @Test func everyImplementedOpcodeOccursInAPassingProgram() {
        let unbacked = entries.filter { $0.implemented && !$0.tested }.map(\.mnemonic)
        #expect(unbacked.isEmpty, """
            implemented but in no passing program (add one under Tests/Programs, then regenerate \
            Generated/TestEvidence.swift): \(unbacked.joined(separator: " "))
            """)
    }

    /// A passing program that contains an opcode the coverage rejects would mean the coverage
    /// is wrong (or the opcode sits in code the program never runs).
    @Test func everyTestedOpcodeIsImplemented() {
        let contradicted = entries.filter { $0.tested && !$0.implemented }
            .map { "\($0.mnemonic) (in \($0.testedBy.prefix(3).joined(separator: ", ")))" }
        #expect(contradicted.isEmpty, "tested but rejected by TransformCoverage: \(contradicted.joined(separator: "; "))")
    }

    @Test func summaryCountsTheEvidence() {
        let implemented = TransformCoverage.accepted.count
        let tested = ChecklistEvidence.testEvidenceRows.count(where: { !$0.programs.isEmpty })
        #expect(ChecklistRendering.summary(entries)
                == "\(Opcode.count) instructions: \(Opcode.count) decoded, \(implemented) implemented, \(tested) tested, 0 fuzz-validated")
    }

    @Test func jsonNamesAFewTestingPrograms() throws {
        let json = ChecklistRendering.json(entries)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == entries.count)
        for (object, entry) in zip(objects, entries) {
            let names = try #require(object["testedBy"] as? [String], "\(entry.mnemonic)")
            #expect(names == Array(entry.testedBy.prefix(ChecklistRendering.testedByLimit)), "\(entry.mnemonic)")
            #expect(object["implemented"] as? Bool == entry.implemented)
            #expect(object["tested"] as? Bool == entry.tested)
        }
    }
}
