/// One decoded instruction. A prefix (III.2) is an instruction of its own, so `volatile.`
/// followed by `ldind.i4` decodes as two instructions.
public struct Instruction: Hashable, Sendable {
    /// IL offset of the opcode's first byte, relative to the start of the method body.
    public let offset: Int
    public let opcode: Opcode
    public let operand: Operand
    /// Total bytes: opcode plus operand.
    public let length: Int

    public init(offset: Int, opcode: Opcode, operand: Operand, length: Int) {
        self.offset = offset
        self.opcode = opcode
        self.operand = operand
        self.length = length
    }

    /// IL offset of the instruction that follows in the stream.
    public var nextOffset: Int { offset + length }
}
