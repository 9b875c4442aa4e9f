import CILInstructions
import CILRuntime
import Foundation
import Testing

/// `TransformCoverage` is the checklist's "implemented" column, so it must decide every opcode
/// and agree with the transformer it describes. (That every accepted opcode also runs in a
/// program that matches mono is checked in CilboxCommandsTests, next to the test evidence.)
@Suite struct TransformCoverageTests {
    @Test func everyOpcodeOfTheTableIsDecidedOnce() {
        #expect(TransformCoverage.decisionProblems.isEmpty, """
            \(TransformCoverage.decisionProblems.joined(separator: "\n"))
            (decide each opcode in Sources/CILRuntime/Transform/TransformCoverage.swift)
            """)
        #expect(TransformCoverage.accepted == Opcode.all.filter(TransformCoverage.accepts))
    }

    @Test func prefixesAreDecidedLikeOtherOpcodes() {
        let prefixes = Opcode.all.filter(\.isPrefix).map(\.mnemonic)
        #expect(prefixes == ["unaligned.", "volatile.", "tail.", "constrained.", "no.", "readonly."])
        #expect(Opcode.all.filter(\.isPrefix).allSatisfy { TransformCoverage.accepts($0) })
    }

    /// Reads the case labels of `transformInstruction`'s `switch` (hex opcode values and
    /// ranges) from its source: an opcode is accepted exactly when a case names it.
    @Test func acceptedOpcodesAreTheTransformersCases() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CILRuntime/Transform/TransformInstruction.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        let cases = try #require(Self.caseValues(inSwitchOf: text), """
            cannot find `switch v {` … `default: throw TransformCoverage.unhandled` in \(source.path); \
            update this test to the transformer's new shape
            """)
        for opcode in Opcode.all {
            let handled = cases.contains(opcode.value)
            #expect(handled == TransformCoverage.accepts(opcode), """
                \(opcode.mnemonic): the transformer \(handled ? "has" : "has no") case for it but \
                TransformCoverage \(TransformCoverage.accepts(opcode) ? "accepts" : "rejects") it
                """)
        }
        let unknown = cases.filter { Opcode(value: $0) == nil }.sorted()
        #expect(unknown.isEmpty, "case labels that are no opcode: \(unknown.map { String($0, radix: 16) })")
    }

    /// The values named by unguarded `case 0x.., 0x..…0x..:` lines between `switch v {` and the
    /// `default:` that throws `TransformCoverage.unhandled`; nil when those are not found or a
    /// label is not made of hex values and ranges.
    static func caseValues(inSwitchOf text: String) -> Set<UInt16>? {
        guard let start = text.range(of: "switch v {"),
              let end = text.range(of: "throw TransformCoverage.unhandled", range: start.upperBound..<text.endIndex)
        else { return nil }
        var values = Set<UInt16>()
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("case 0x"), let colon = trimmed.firstIndex(of: ":") else { continue }
            // A guarded case (`case 0x58 where …:`) handles the opcode only sometimes; the
            // unguarded case that follows it is the one that decides.
            if trimmed[..<colon].contains(" where ") { continue }
            for item in trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<colon].split(separator: ",") {
                let bounds = item.trimmingCharacters(in: .whitespaces).components(separatedBy: "...")
                let numbers = bounds.compactMap { UInt16($0.dropFirst(2), radix: 16) }
                guard numbers.count == bounds.count, let low = numbers.first, let high = numbers.last, low <= high else { return nil }
                values.formUnion(low...high)
            }
        }
        return values
    }
}
