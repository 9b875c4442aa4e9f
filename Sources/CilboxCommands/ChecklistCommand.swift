import ArgumentParser
import CILInstructions

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "List every CIL opcode with its encoding, operand, stack effect and status.",
        discussion: """
            One row per opcode of ECMA-335 Partition III (prefixes included). The status columns \
            are computed from evidence, never typed by hand: 'decoded' means the instruction \
            table routes the encoding to the opcode and a synthesised instance decodes back to \
            it; 'implemented', 'tested' and 'fuzz-validated' come from the runtime, the test \
            suite and recorded fuzz campaigns once those exist.

            Examples:
              cilbox checklist
              cilbox checklist --json | jq '.[] | select(.decoded == false)'
              cilbox checklist --markdown > CHECKLIST.md
            """)

    @Flag(name: .long, help: "Print a JSON array, one object per opcode.")
    var json = false

    @Flag(name: .long, help: "Print a Markdown table.")
    var markdown = false

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() throws {
        let entries = Checklist.entries()
        if json {
            StandardStreams.write(ChecklistRendering.json(entries))
        } else if markdown {
            StandardStreams.write(ChecklistRendering.markdown(entries))
        } else {
            StandardStreams.write(ChecklistRendering.text(entries))
        }
    }
}
