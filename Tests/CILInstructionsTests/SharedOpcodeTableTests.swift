import CILInstructions
import Foundation
import Testing

/// Thrown, and so reported as the test's failure, when ../shared/opcodes.tsv cannot be read.
struct SharedTableMissing: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "The shared opcode table is missing: expected \(path). It lives next to the package "
            + "(../shared/opcodes.tsv) and CI always provides it; without it the instruction table "
            + "cannot be checked."
    }
}

/// The generated Swift table must agree, row by row, with the project's shared reference
/// table (../shared/opcodes.tsv next to the package), which the fuzzing notes also use.
@Suite("Agreement with ../shared/opcodes.tsv")
struct SharedOpcodeTableTests {
    static let sharedTablePath = packageRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared")
        .appendingPathComponent("opcodes.tsv")

    /// Header names and rows of the shared table; throws `SharedTableMissing` if it is absent.
    func loadSharedTable() throws -> (columns: [String: Int], rows: [[String]]) {
        let path = SharedOpcodeTableTests.sharedTablePath.path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SharedTableMissing(path: path)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst().components(separatedBy: "\t")
        var columns: [String: Int] = [:]
        for (position, name) in header.enumerated() { columns[name] = position }
        let rows = lines.map { $0.components(separatedBy: "\t") }
        for (number, row) in rows.enumerated() {
            #expect(row.count == header.count, "shared table line \(number + 2) has \(row.count) fields")
        }
        return (columns, rows)
    }

    @Test func sameInstructionsInTheSameOrder() throws {
        let (columns, rows) = try loadSharedTable()
        #expect(rows.count == Opcode.count)
        let mnemonic = try #require(columns["mnemonic"])
        #expect(rows.map { $0[mnemonic] } == Opcode.all.map(\.mnemonic))
    }

    @Test func sameFactsRowByRow() throws {
        let (columns, rows) = try loadSharedTable()
        func column(_ name: String) throws -> Int { try #require(columns[name], "shared table has no \(name) column") }
        let checks: [(String, (OpcodeInfo) -> String)] = [
            ("mnemonic", \.mnemonic),
            ("encoding", \.encodingText),
            ("size_bytes", { String($0.size) }),
            ("operand_type", \.operandKind.ecmaName),
            ("operand_bytes", { $0.operandByteSize.map(String.init) ?? "4+4*n" }),
            ("operand_desc", \.operandDescription),
            ("pop_behaviour", \.popBehaviour),
            ("push_behaviour", \.pushBehaviour),
            ("pops", \.pops.description),
            ("pushes", \.pushes.description),
            ("pop_types", \.popTypes),
            ("push_types", \.pushTypes),
            ("flow_control", \.flowControl.rawValue),
            ("opcode_kind", \.kind.rawValue),
            ("ecma_section", \.ecmaSection),
            ("ecma_stack_transition", \.stackTransition),
            ("notes", \.notes),
            ("fuzz_class", \.fuzzClass),
        ]
        let resolved = try checks.map { (name, value) in (name, try column(name), value) }
        for (row, opcode) in zip(rows, Opcode.all) {
            let info = opcode.info
            for (name, position, value) in resolved {
                #expect(value(info) == row[position], "\(opcode.mnemonic): \(name)")
            }
        }
    }
}
