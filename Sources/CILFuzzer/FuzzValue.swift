/// The evaluation-stack types the generator uses (ECMA-335 III.1.1; F split by nominal width
/// because the reference runs float32 arithmetic in float32, FUZZING.md §1 pitfall 3).
public enum ValueKind: String, CaseIterable, Sendable, Codable {
    case i4, i8, ni, r4, r8

    public var isInteger: Bool { self == .i4 || self == .i8 || self == .ni }
    public var isFloat: Bool { self == .r4 || self == .r8 }
    /// ILAsm type of a local of this kind.
    public var ilType: String {
        switch self {
        case .i4: "int32"
        case .i8: "int64"
        case .ni: "native int"
        case .r4: "float32"
        case .r8: "float64"
        }
    }
    var bitWidth: Int { self == .i4 ? 32 : 64 }
}

/// A value on the generator's model of the stack: integers as their 64-bit two's complement
/// pattern (int32 sign-extended), floats as themselves.
public enum FuzzValue: Equatable, Sendable {
    /// Values are equal when their bits are: NaN equals NaN, -0.0 differs from +0.0 (programs
    /// with the same literals are the same program).
    public static func == (a: FuzzValue, b: FuzzValue) -> Bool {
        switch (a, b) {
        case (.int(let k, let x), .int(let l, let y)): k == l && x == y
        case (.r4(let x), .r4(let y)): x.bitPattern == y.bitPattern
        case (.r8(let x), .r8(let y)): x.bitPattern == y.bitPattern
        default: false
        }
    }

    case int(ValueKind, Int64)
    case r4(Float)
    case r8(Double)

    public var kind: ValueKind {
        switch self {
        case .int(let k, _): k
        case .r4: .r4
        case .r8: .r8
        }
    }

    public static func i4(_ v: Int32) -> FuzzValue { .int(.i4, Int64(v)) }
    public static func i8(_ v: Int64) -> FuzzValue { .int(.i8, v) }
    public static func ni(_ v: Int64) -> FuzzValue { .int(.ni, v) }

    public var integer: Int64 {
        if case .int(_, let v) = self { return v }
        return 0
    }

    public var double: Double {
        switch self {
        case .int(_, let v): Double(v)
        case .r4(let f): Double(f)
        case .r8(let d): d
        }
    }

    public static func zero(_ k: ValueKind) -> FuzzValue {
        switch k {
        case .r4: .r4(0)
        case .r8: .r8(0)
        default: .int(k, 0)
        }
    }
}
