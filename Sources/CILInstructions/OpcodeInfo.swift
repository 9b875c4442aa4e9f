/// Everything the instruction table says about one opcode: one row of Utilities/Instructions.tsv.
///
/// The strings are static literals from the generated table, so reading them allocates nothing.
public struct OpcodeInfo: Hashable, Sendable {
    /// ILAsm name, e.g. `"ldc.i4.s"`, `"unaligned."` (prefixes keep their trailing dot).
    public let mnemonic: String
    /// The encoding as a number: 0x00–0xFF for one-byte opcodes, `0xFE00 | b` for `0xFE b`.
    public let value: UInt16
    public let operandKind: OperandKind
    public let flowControl: FlowControl
    public let kind: OpcodeKind
    /// Stack slots consumed and produced (III.1.3); `variable` for calls and `ret`.
    public let pops: StackCount
    public let pushes: StackCount
    /// The opcode table's stack behaviour names, e.g. `"PopRef+PopI"`, `"PushI8"`.
    public let popBehaviour: String
    public let pushBehaviour: String
    /// Stack types popped and pushed, comma-separated, e.g. `"O, int32|native int"`.
    public let popTypes: String
    public let pushTypes: String
    /// Where the instruction is specified, e.g. `"III.3.66"`.
    public let ecmaSection: String
    /// The fuzzer tier the instruction belongs to, e.g. `"T0-arith"`, `"X-prefix"`.
    public let fuzzClass: String
    /// What the operand is, in words (`"int8 branch offset"`).
    public let operandDescription: String
    /// The stack transition as the specification draws it.
    public let stackTransition: String
    /// Caveats: unspecified behaviour, runtime differences, ILAsm aliases.
    public let notes: String
    /// One line saying what the instruction does.
    public let description: String

    /// Bytes taken by the opcode itself: 2 for the 0xFE-prefixed ones (III.1.2.1), else 1.
    public var size: Int { isTwoByte ? 2 : 1 }

    public var isTwoByte: Bool { value > 0xFF }

    /// True for `unaligned.`, `volatile.`, `tail.`, `constrained.`, `no.` and `readonly.` (III.2).
    public var isPrefix: Bool { kind == .prefix }

    /// Operand size in bytes; nil for `switch`, whose operand size depends on its count.
    public var operandByteSize: Int? { operandKind.fixedByteSize }

    /// The opcode bytes as they appear in the IL stream.
    public var encodingBytes: [UInt8] {
        isTwoByte ? [0xFE, UInt8(truncatingIfNeeded: value)] : [UInt8(truncatingIfNeeded: value)]
    }

    /// `"0x58"` or `"0xFE 0x01"`, the form used in Instructions.tsv.
    public var encodingText: String {
        encodingBytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return "0x" + (digits.count < 2 ? "0" + digits : digits)
        }.joined(separator: " ")
    }
}
