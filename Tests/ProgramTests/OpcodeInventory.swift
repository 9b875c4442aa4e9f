import CILInstructions
import CILMetadata
import Foundation

/// Which opcodes a compiled program contains: evidence for the checklist's "tested" status
/// (an opcode counts as tested when a passing program uses it).
enum OpcodeInventory {
    /// The mnemonics (as in the opcode table: `add`, `ldc.i4.s`, `tail.`) of every instruction
    /// in the method bodies defined by the assembly at `path` (not the class libraries).
    static func mnemonics(inAssemblyAt path: String) throws -> Set<String> {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try CLIFile(bytes: bytes)
        var found = Set<String>()
        let methods = file.rowCount(.methodDef)
        guard methods > 0 else { return found }
        for row in 1...methods {
            guard let body = try file.methodBody(row) else { continue }
            let decoder = try ILDecoder(bytes: file.bytes, range: body.codeRange)
            for instruction in try decoder.decodeAll() {
                found.insert(instruction.opcode.mnemonic)
            }
        }
        return found
    }

    /// The union over several assemblies.
    static func mnemonics(inAssembliesAt paths: [String]) throws -> Set<String> {
        try paths.reduce(into: Set<String>()) { $0.formUnion(try mnemonics(inAssemblyAt: $1)) }
    }
}
