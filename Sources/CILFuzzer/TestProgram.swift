/// The generator's program model (FUZZING.md §2.2): one test method per case, made of
/// stack-neutral statements over typed locals, expressions emitted post-order. Reduction works
/// on this model, never on bytes, so every candidate is valid IL by construction.

/// A variable the program reads and writes: a local or one of the method's two arguments.
public enum Variable: Hashable, Sendable {
    case local(Int)
    case argument(Int)
}

/// An expression tree; emitted post-order, it leaves exactly one value on the stack.
public indirect enum Expression: Equatable, Sendable {
    case constant(FuzzValue)
    case variable(Variable, ValueKind)
    /// `neg`, `not`, `conv.*`, `conv.ovf.*`, `conv.r.un`, `ckfinite` (`op` is the mnemonic).
    case unary(String, Expression, result: ValueKind)
    /// Arithmetic, bitwise, shifts, overflow arithmetic and `ceq`/`cgt`/`clt` forms.
    case binary(String, Expression, Expression, result: ValueKind)
    /// `dup` then `pop` around the operand, or a `nop` before it (stack juggling that must not
    /// change the value).
    case decorated(String, Expression)

    public var kind: ValueKind {
        switch self {
        case .constant(let v): v.kind
        case .variable(_, let k): k
        case .unary(_, _, let r), .binary(_, _, _, let r): r
        case .decorated(_, let e): e.kind
        }
    }

    /// Number of IL instructions this expression emits.
    public var size: Int {
        switch self {
        case .constant, .variable: 1
        case .unary(_, let e, _): e.size + 1
        case .binary(_, let a, let b, let r): a.size + b.size + 1 + (r == .r4 ? 1 : 0)  // float32 results get a conv.r4
        case .decorated(let d, let e): e.size + (d == "dup" ? 2 : 1)
        }
    }
}

/// A branch condition: an int32 tested with `brtrue`/`brfalse`, or two operands of one kind
/// compared by `beq` … `blt.un` (the branch is taken when the comparison holds).
public enum Condition: Equatable, Sendable {
    case truth(Expression, jumpIfTrue: Bool)
    case compare(String, Expression, Expression)
}

public indirect enum Statement: Equatable, Sendable {
    /// Evaluate and store (`stloc`/`starg`).
    case assign(Variable, ValueKind, Expression)
    /// `if (cond) { then } else { else }` with forward branches only.
    case branch(Condition, then: [Statement], otherwise: [Statement])
    /// A loop with its own counter local and a literal bound (always terminates).
    case loop(counter: Int, bound: Int, body: [Statement])
    /// `switch` on an int32 selector over the case bodies; an unmatched selector falls through.
    case switchOn(Expression, cases: [[Statement]])
    /// Fold a variable into the method's checksum (the trace observation).
    case observe(Variable, ValueKind)
    /// Return the variable itself as the method's result (the reducer's shortest observation).
    case result(Variable, ValueKind)

    public var instructionCount: Int {
        switch self {
        case .assign(_, _, let e): return e.size + 1
        case .branch(let c, let t, let o):
            let cond: Int = switch c { case .truth(let e, _): e.size + 1; case .compare(_, let a, let b): a.size + b.size + 1 }
            return cond + t.reduce(0) { $0 + $1.instructionCount } + o.reduce(0) { $0 + $1.instructionCount } + (o.isEmpty ? 0 : 1) + 1
        case .loop(_, _, let body): return 10 + body.reduce(0) { $0 + $1.instructionCount }
        case .switchOn(let e, let cases): return e.size + 3 + cases.reduce(0) { $0 + $1.reduce(0) { $0 + $1.instructionCount } + 1 }
        case .observe(_, let k): return k.isFloat ? 5 : 6
        case .result(_, let k): return k.isFloat ? 5 : 3
        }
    }
}

/// One test method: `static int64 T(int32 a0, int64 a1)` with a fixed pool of typed locals.
/// It returns the checksum of its observations; the harness calls it with fixed arguments.
public struct TestMethod: Equatable, Sendable {
    public var seed: UInt64
    public var locals: [ValueKind]
    public var body: [Statement]
    public static let argumentKinds: [ValueKind] = [.i4, .i8]
    public static let argumentValues: [FuzzValue] = [.i4(-7), .i8(0x1234_5678_9ABC)]

    public init(seed: UInt64, locals: [ValueKind], body: [Statement]) {
        self.seed = seed
        self.locals = locals
        self.body = body
    }

    public var instructionCount: Int {
        let epilogue: Int = if case .result = body.last { 0 } else { 2 }
        return body.reduce(0) { $0 + $1.instructionCount } + epilogue
    }

    public func kind(of v: Variable) -> ValueKind {
        switch v {
        case .local(let i): locals[i]
        case .argument(let i): Self.argumentKinds[i]
        }
    }
}
