/// The decoded operand of one instruction.
///
/// Offsets are already resolved: a branch operand holds the absolute IL offset it jumps to
/// (next instruction's offset + the encoded delta, III.3.15 and III.3.66), so consumers never
/// redo that arithmetic.
public enum Operand: Hashable, Sendable {
    case none
    /// `ldc.i4.s` (sign-extended), `ldc.i4`, `ldc.i8`, and the unsigned byte of `unaligned.`
    /// and `no.` (zero-extended, III.2.2, III.2.5).
    case int(Int64)
    /// `ldc.r4`: the raw IEEE bits, so NaN payloads and signs survive decoding unchanged.
    case float32Bits(UInt32)
    /// `ldc.r8`: the raw IEEE bits.
    case float64Bits(UInt64)
    /// Absolute IL offset of a branch target. It may lie outside the body or inside another
    /// instruction; see `ILDecoder.validateBranchTargets`.
    case branchTarget(Int)
    /// Argument or local index (one- or two-byte form).
    case variable(UInt16)
    /// Metadata token (III.1.9): the table is in the top byte, the row in the low three.
    case token(UInt32)
    /// `switch` targets as absolute IL offsets, in table order.
    case switchTargets([Int])

    /// Branch targets named by this operand; empty for non-branch operands.
    public var branchTargets: [Int] {
        switch self {
        case .branchTarget(let target): [target]
        case .switchTargets(let targets): targets
        default: []
        }
    }
}
