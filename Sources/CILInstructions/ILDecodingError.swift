/// Why an IL byte stream could not be decoded, and where.
///
/// Method bodies come from untrusted files, so every malformation is an ordinary error
/// (DESIGN.md decision 8): the decoder never traps and never allocates more than the
/// bytes it was given can justify.
public struct ILDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A one-byte opcode value that no instruction uses.
        case unknownOpcode(UInt8)
        /// `0xFE` followed by a byte that no two-byte instruction uses.
        case unknownExtendedOpcode(UInt8)
        /// The body ends right after a `0xFE` byte.
        case truncatedOpcode
        /// The body ends before the operand does.
        case truncatedOperand(Opcode, needed: Int, available: Int)
        /// A `switch` count asks for more targets than the body has bytes for (III.3.66).
        case switchTableTooLong(count: UInt32, available: Int)
        /// A branch leads outside the method body (III.1.7.2).
        case branchTargetOutsideBody(target: Int, codeSize: Int)
        /// A branch leads into the middle of an instruction (III.1.7.2).
        case branchTargetInsideInstruction(target: Int)
        /// Decoding was asked to start outside the body.
        case offsetOutsideBody(codeSize: Int)
        /// The byte range handed to the decoder does not lie within its buffer.
        case rangeOutsideBuffer(lowerBound: Int, upperBound: Int, bufferSize: Int)
    }

    public let kind: Kind
    /// IL offset of the first byte of the instruction at fault (for branch checks: the
    /// branching instruction). Relative to the start of the method body.
    public let offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        "\(ILDecodingError.label(offset)): \(message)"
    }

    /// The message without the location.
    public var message: String {
        switch kind {
        case .unknownOpcode(let byte):
            "unknown opcode \(ILDecodingError.hexByte(byte))"
        case .unknownExtendedOpcode(let byte):
            "unknown opcode 0xFE \(ILDecodingError.hexByte(byte))"
        case .truncatedOpcode:
            "method body ends after the two-byte opcode prefix 0xFE"
        case .truncatedOperand(let opcode, let needed, let available):
            "\(opcode.mnemonic) needs \(needed) operand byte\(needed == 1 ? "" : "s") but only \(available) remain"
        case .switchTableTooLong(let count, let available):
            "switch declares \(count) targets (\(UInt64(count) * 4) bytes) but only \(available) bytes remain"
        case .branchTargetOutsideBody(let target, let codeSize):
            "branch target \(ILDecodingError.label(target)) is outside the method body (\(codeSize) bytes)"
        case .branchTargetInsideInstruction(let target):
            "branch target \(ILDecodingError.label(target)) is not the start of an instruction"
        case .offsetOutsideBody(let codeSize):
            "decoding starts outside the method body (\(codeSize) bytes)"
        case .rangeOutsideBuffer(let lower, let upper, let size):
            "IL range \(lower)..<\(upper) is not inside the \(size)-byte buffer"
        }
    }

    /// `IL_002a`, the way ILAsm labels offsets; negative offsets keep their sign.
    static func label(_ offset: Int) -> String {
        let digits = String(offset.magnitude, radix: 16)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (offset < 0 ? "IL_-" : "IL_") + padded
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
