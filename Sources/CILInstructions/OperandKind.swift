/// What follows an opcode in the instruction stream.
///
/// The cases mirror the inline operand kinds of the ECMA-335 opcode table (the
/// `InlineNone`, `ShortInlineI`, … names, see `ecmaName`). Every operand has a fixed size
/// except `switchTable`, whose size depends on its leading count (III.3.66 switch).
public enum OperandKind: UInt8, Sendable, CaseIterable {
    /// No operand (`InlineNone`).
    case none
    /// One signed byte (`ShortInlineI`): `ldc.i4.s`, and the `unaligned.`/`no.` prefixes,
    /// whose byte is unsigned (III.2.2, III.2.5).
    case int8
    /// Four-byte integer (`InlineI`): `ldc.i4`.
    case int32
    /// Eight-byte integer (`InlineI8`): `ldc.i8`.
    case int64
    /// Four-byte IEEE single (`ShortInlineR`): `ldc.r4`.
    case float32
    /// Eight-byte IEEE double (`InlineR`): `ldc.r8`.
    case float64
    /// One-byte signed offset from the next instruction (`ShortInlineBrTarget`).
    case shortBranch
    /// Four-byte signed offset from the next instruction (`InlineBrTarget`).
    case branch
    /// One-byte unsigned argument or local index (`ShortInlineVar`).
    case shortVariable
    /// Two-byte unsigned argument or local index (`InlineVar`).
    case variable
    /// MethodDef, MemberRef or MethodSpec token (`InlineMethod`), III.1.9.
    case method
    /// FieldDef or MemberRef token (`InlineField`).
    case field
    /// TypeDef, TypeRef or TypeSpec token (`InlineType`).
    case type
    /// Type, method or field token (`InlineTok`): `ldtoken`.
    case token
    /// User-string heap token (`InlineString`): `ldstr`.
    case string
    /// StandAloneSig token (`InlineSig`): `calli`.
    case signature
    /// Four-byte count N then N four-byte offsets (`InlineSwitch`), III.3.66.
    case switchTable

    /// Operand size in bytes, or nil for `switchTable`, whose size is 4 + 4 × count.
    public var fixedByteSize: Int? {
        switch self {
        case .none: 0
        case .int8, .shortBranch, .shortVariable: 1
        case .variable: 2
        case .int32, .float32, .branch, .method, .field, .type, .token, .string, .signature: 4
        case .int64, .float64: 8
        case .switchTable: nil
        }
    }

    /// True for the kinds whose operand is a metadata token (III.1.9).
    public var isToken: Bool {
        switch self {
        case .method, .field, .type, .token, .string, .signature: true
        default: false
        }
    }

    /// True for the kinds whose operand is a branch offset.
    public var isBranch: Bool { self == .shortBranch || self == .branch }

    /// The ECMA/`opcode.def` name of the operand kind, as written in Instructions.tsv.
    public var ecmaName: String {
        switch self {
        case .none: "InlineNone"
        case .int8: "ShortInlineI"
        case .int32: "InlineI"
        case .int64: "InlineI8"
        case .float32: "ShortInlineR"
        case .float64: "InlineR"
        case .shortBranch: "ShortInlineBrTarget"
        case .branch: "InlineBrTarget"
        case .shortVariable: "ShortInlineVar"
        case .variable: "InlineVar"
        case .method: "InlineMethod"
        case .field: "InlineField"
        case .type: "InlineType"
        case .token: "InlineTok"
        case .string: "InlineString"
        case .signature: "InlineSig"
        case .switchTable: "InlineSwitch"
        }
    }

    /// The kind with the given ECMA name (`"InlineBrTarget"` → `.branch`), or nil.
    public init?(ecmaName: String) {
        guard let kind = OperandKind.allCases.first(where: { $0.ecmaName == ecmaName }) else {
            return nil
        }
        self = kind
    }
}
