import CILInstructions
import Foundation
import Testing

@Suite("Instruction checklist")
struct ChecklistTests {
    let entries = Checklist.entries()

    @Test func everyInstructionIsListedAndDecoded() {
        #expect(entries.count == 219)
        #expect(entries.map(\.opcode) == Opcode.all)
        for entry in entries {
            #expect(entry.decoded, "\(entry.mnemonic) is not decoded")
            #expect(!entry.implemented && !entry.tested && !entry.fuzzValidated, "\(entry.mnemonic)")
        }
    }

    @Test func decodedIsMeasuredOnTheDecoder() {
        #expect(Checklist.sampleEncoding(of: .`switch`) == [0x45, 0, 0, 0, 0])
        #expect(Checklist.sampleEncoding(of: .ldarg) == [0xFE, 0x09, 0, 0])
        #expect(Checklist.sampleEncoding(of: .ret) == [0x2A])
        #expect(Checklist.decoderHandles(.ldcR8))
    }

    @Test func otherStatusesComeFromEvidence() {
        let evidence = ChecklistEvidence(implemented: [.add, .ret], tested: [.add], fuzzValidated: [.ceq])
        let withEvidence = Checklist.entries(evidence: evidence)
        #expect(withEvidence.filter(\.implemented).map(\.mnemonic) == ["ret", "add"])
        #expect(withEvidence.filter(\.tested).map(\.mnemonic) == ["add"])
        #expect(withEvidence.filter(\.fuzzValidated).map(\.mnemonic) == ["ceq"])
        #expect(withEvidence.allSatisfy { $0.testedBy.isEmpty })
    }

    @Test func testedComesFromTheTestsNamed() {
        let evidence = ChecklistEvidence(implemented: [.add], testedBy: [.add: ["A", "B"], .sub: []])
        #expect(evidence.tested == [.add])
        let withEvidence = Checklist.entries(evidence: evidence)
        #expect(withEvidence.filter(\.tested).map(\.mnemonic) == ["add"])
        #expect(withEvidence.first { $0.opcode == .add }?.testedBy == ["A", "B"])
        #expect(withEvidence.first { $0.opcode == .sub }?.tested == false)
    }

    @Test func entryFields() throws {
        let ceq = try #require(entries.first { $0.mnemonic == "ceq" })
        #expect(ceq.encoding == "0xFE 0x01")
        #expect(ceq.stackTransition == "..., any, any -> ..., int32|native int")
        #expect(ceq.ecmaSection == "III.3.21")
        let nop = try #require(entries.first)
        #expect(nop.stackTransition == "... -> ...")
        #expect(nop.operand == "none")
    }

    @Test func textHasOneAlignedRowPerInstruction() {
        let text = ChecklistRendering.text(entries)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 1 + 219 + 1)
        #expect(lines.first?.hasPrefix("MNEMONIC") == true)
        #expect(lines.last == "219 instructions: 219 decoded, 0 implemented, 0 tested, 0 fuzz-validated")
        let rows = lines.dropFirst().dropLast()
        for (row, entry) in zip(rows, entries) {
            #expect(row.hasPrefix(entry.mnemonic + " "), "\(row)")
            #expect(row.hasSuffix(entry.description))
        }
        // Aligned: the encoding column starts at the same place on every row.
        let encodingColumn = Set(rows.map { row in row.range(of: "0x").map { row.distance(from: row.startIndex, to: $0.lowerBound) } })
        #expect(encodingColumn.count == 1)
    }

    @Test func jsonParsesBackWithStableKeys() throws {
        let json = ChecklistRendering.json(entries)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let objects = try #require(parsed as? [[String: Any]])
        #expect(objects.count == 219)
        let keys = ["mnemonic", "encoding", "operand", "stackTransition", "description", "ecmaSection",
                    "fuzzClass", "decoded", "implemented", "tested", "testedBy", "fuzzValidated"]
        for (object, entry) in zip(objects, entries) {
            #expect(Set(object.keys) == Set(keys))
            #expect(object["mnemonic"] as? String == entry.mnemonic)
            #expect(object["encoding"] as? String == entry.encoding)
            #expect(object["stackTransition"] as? String == entry.stackTransition)
            #expect(object["description"] as? String == entry.description)
            #expect(object["decoded"] as? Bool == true)
            #expect(object["implemented"] as? Bool == false)
            #expect((object["testedBy"] as? [String])?.isEmpty == true)
        }
        // testedBy shows the first few names only.
        let named = Checklist.entries(evidence: ChecklistEvidence(testedBy: [.add: ["A", "B", "C", "D"]]))
        let addRow = try #require(ChecklistRendering.json(named).split(separator: "\n").first { $0.contains("\"mnemonic\": \"add\"") })
        #expect(addRow.contains("\"tested\": true, \"testedBy\": [\"A\", \"B\", \"C\"], \"fuzzValidated\""))
        // Key order is fixed, so the text itself is stable from run to run.
        let firstRow = try #require(json.split(separator: "\n").dropFirst().first)
        let positions = keys.map { key in firstRow.range(of: "\"\(key)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(ChecklistRendering.json([]) == "[]\n")
    }

    @Test func markdownHasOneRowPerInstruction() {
        let markdown = ChecklistRendering.markdown(entries)
        let lines = markdown.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("| `") }
        #expect(rows.count == 219)
        #expect(lines[1].hasPrefix("|---|"))
        for (row, entry) in zip(rows, entries) {
            #expect(row.hasPrefix("| `\(entry.mnemonic)` |"))
            // Nine cells: ten unescaped pipes (the types' `|` are escaped).
            var pipes = 0
            var previous: Character = " "
            for character in row {
                if character == "|" && previous != "\\" { pipes += 1 }
                previous = character
            }
            #expect(pipes == 10, "\(row)")
        }
        #expect(lines.last == ChecklistRendering.summary(entries))
    }
}
