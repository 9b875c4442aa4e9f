/// The checklist as text for people and tools: an aligned plain-text table, JSON and a
/// Markdown table. Pure string building; the `checklist` CLI command chooses and prints.
public enum ChecklistRendering {
    /// An aligned table, one row per instruction, then a one-line summary.
    public static func text(_ entries: [ChecklistEntry]) -> String {
        let header = ["MNEMONIC", "ENCODING", "OPERAND", "STACK", "DEC", "IMPL", "TEST", "FUZZ", "DESCRIPTION"]
        let rows = entries.map { entry in
            [
                entry.mnemonic, entry.encoding, entry.operand, entry.stackTransition,
                mark(entry.decoded), mark(entry.implemented), mark(entry.tested),
                mark(entry.fuzzValidated), entry.description,
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (column, cell) in cells.enumerated() {
                if column == cells.count - 1 {
                    out += cell  // no padding after the last column
                } else {
                    out += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
                }
            }
            return out
        }
        var out = line(header) + "\n"
        for row in rows {
            out += line(row) + "\n"
        }
        out += summary(entries) + "\n"
        return out
    }

    /// How many of an entry's `testedBy` names the JSON shows: enough to find an example.
    public static let testedByLimit = 3

    /// A JSON array with one object per instruction. Keys always come in the same order and
    /// each object is on its own line, so successive outputs diff cleanly. `testedBy` holds the
    /// first `testedByLimit` of the tests that exercise the opcode.
    public static func json(_ entries: [ChecklistEntry]) -> String {
        guard !entries.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (position, entry) in entries.enumerated() {
            let fields: [(String, String)] = [
                ("mnemonic", jsonString(entry.mnemonic)),
                ("encoding", jsonString(entry.encoding)),
                ("operand", jsonString(entry.operand)),
                ("stackTransition", jsonString(entry.stackTransition)),
                ("description", jsonString(entry.description)),
                ("ecmaSection", jsonString(entry.ecmaSection)),
                ("fuzzClass", jsonString(entry.fuzzClass)),
                ("decoded", String(entry.decoded)),
                ("implemented", String(entry.implemented)),
                ("tested", String(entry.tested)),
                ("testedBy", "[" + entry.testedBy.prefix(testedByLimit).map(jsonString).joined(separator: ", ") + "]"),
                ("fuzzValidated", String(entry.fuzzValidated)),
            ]
            out += "  {" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
            out += position == entries.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return out
    }

    /// A GitHub-flavoured Markdown table, then the summary as a paragraph.
    public static func markdown(_ entries: [ChecklistEntry]) -> String {
        var out = "| Mnemonic | Encoding | Operand | Stack | Decoded | Implemented | Tested | Fuzz-validated | Description |\n"
        out += "|---|---|---|---|:-:|:-:|:-:|:-:|---|\n"
        for entry in entries {
            let cells = [
                "`" + entry.mnemonic + "`", entry.encoding, entry.operand, entry.stackTransition,
                mark(entry.decoded), mark(entry.implemented), mark(entry.tested),
                mark(entry.fuzzValidated), entry.description,
            ]
            out += "| " + cells.map(markdownCell).joined(separator: " | ") + " |\n"
        }
        out += "\n" + summary(entries) + "\n"
        return out
    }

    /// `"219 instructions: 219 decoded, 0 implemented, 0 tested, 0 fuzz-validated"`.
    public static func summary(_ entries: [ChecklistEntry]) -> String {
        let decoded = entries.count(where: \.decoded)
        let implemented = entries.count(where: \.implemented)
        let tested = entries.count(where: \.tested)
        let fuzzed = entries.count(where: \.fuzzValidated)
        return "\(entries.count) instructions: \(decoded) decoded, \(implemented) implemented, "
            + "\(tested) tested, \(fuzzed) fuzz-validated"
    }

    private static func mark(_ flag: Bool) -> String { flag ? "yes" : "no" }

    /// Pipes would end the cell (stack types contain `int32|native int`); newlines the row.
    private static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
