/// How many stack slots an instruction pops or pushes (III.1.3 stack transitions).
///
/// Calls, `ret` and `newobj` depend on a signature, so their count is `variable` here and
/// is worked out from the method's metadata by whoever needs it.
public enum StackCount: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    case variable

    /// The fixed count, or nil when it depends on a signature.
    public var fixedCount: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// `"2"`, or `"var"` as in Instructions.tsv.
    public var description: String {
        switch self {
        case .count(let n): String(n)
        case .variable: "var"
        }
    }
}
