/// The generator's program model (FUZZING.md §2.2): one test method per case, made of
/// stack-neutral statements over typed locals, expressions emitted post-order. Reduction works
/// on this model, never on bytes, so every candidate is valid IL by construction.

/// A variable the program reads and writes: a local or one of the method's four arguments.
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
    /// The value stored somewhere and loaded back (objects and byref tiers).
    case stored(Storage, Expression)
    /// An int32 computed from objects: type tests, string and array lengths, `sizeof`, tokens.
    case query(ObjectQuery)
    /// A variable read through its address: `ldloca`/`ldarga`, then `ldind.*` (or `ldobj`).
    case loadIndirect(Variable, ValueKind, alternative: Bool)

    public var kind: ValueKind {
        switch self {
        case .constant(let v): v.kind
        case .variable(_, let k): k
        case .unary(_, _, let r), .binary(_, _, _, let r): r
        case .decorated(_, let e), .stored(_, let e): e.kind
        case .query: .i4
        case .loadIndirect(_, let k, _): k
        }
    }

    /// Number of IL instructions this expression emits.
    public var size: Int {
        switch self {
        case .constant, .variable: return 1
        case .unary(_, let e, _): return e.size + 1
        case .binary(_, let a, let b, let r): return a.size + b.size + 1 + (r == .r4 ? 1 : 0)  // float32 results get a conv.r4
        case .decorated(let d, let e): return e.size + (d == "dup" ? 2 : 1)  // dup+pop, nop or break
        case .stored(let s, let e):
            let code = StorageCode.sequence(s, kind: e.kind, short: true, localBase: 0)
            return e.size + code.before.count + code.after.count
        case .query(let q): return q.size
        case .loadIndirect: return 2
        }
    }
}

/// An int32 computed from objects (objects tier).
public indirect enum ObjectQuery: Equatable, Sendable {
    /// `box`, then `isinst`/`castclass` to `target`, then `ldnull; cgt.un` (1 when an instance).
    case typeTest(cast: Bool, Expression, target: String)
    /// `ldstr`, then `callvirt String::get_Length`.
    case stringLength(String)
    /// `newarr` of the length, `ldlen`, `conv.i4`.
    case arrayLength(Int32, StorageType)
    /// `sizeof` of a primitive or `object`.
    case sizeOf(StorageType)
    /// `ldtoken`, `Type.GetTypeFromHandle`, `get_IsValueType`.
    case isValueType(StorageType)
    /// Unverifiable tier: `initblk` of a scratch local with a byte (optionally `unaligned.`),
    /// then the local read back as its type (int32 results only).
    case initBlock(UInt8, StorageType, prefixed: Bool)
    /// `mkrefany` of a scratch local, `refanytype`, compared with `ldtoken` of `test` (1 when equal).
    case typedReferenceType(StorageType, test: StorageType)
    /// `constrained. T callvirt IComparable<T>::CompareTo` on a scratch local holding the
    /// first value (int32 or int64); the second operand is a leaf so it cannot reuse the local.
    case compareTo(Expression, Expression)

    var size: Int {
        switch self {
        case .typeTest(_, let e, _): e.size + 4
        case .stringLength: 2
        case .arrayLength: 4
        case .sizeOf: 1
        case .isValueType: 3
        case .initBlock(_, _, let prefixed): prefixed ? 7 : 6
        case .typedReferenceType: 7
        case .compareTo(let a, let b): a.size + b.size + 5
        }
    }

    /// Targets of type tests; a boxed value is an instance of its own type, `object`,
    /// `System.ValueType` and the interfaces its type implements.
    static let typeTestTargets = ["int32", "int64", "native int", "float32", "float64", "object", "string",
                                  "[mscorlib]System.ValueType", "[mscorlib]System.IComparable", "[mscorlib]System.Enum"]

    /// Whether a boxed value of `kind` is an instance of `target`.
    static func isInstance(_ kind: ValueKind, of target: String) -> Bool {
        if target == kind.ilType || target == "object" || target == "[mscorlib]System.ValueType" { return true }
        // IntPtr implements no IComparable in the 4.5 profile; the other primitives do.
        if target == "[mscorlib]System.IComparable" { return kind != .ni }
        return false
    }
}

/// Exception handlers of a protected block (exceptions tier, ECMA-335 II.19).
public enum Handler: Equatable, Sendable {
    /// `catch Type { pop; body; leave | rethrow }`.
    case catching(String, [Statement], rethrow: Bool)
    /// `filter { isinst Type; ldnull; cgt.un; condition != 0; and; endfilter } { pop; body; leave | rethrow }`.
    /// The condition reads no variables, so the two-pass order (filters run before inner
    /// finally blocks, I.12.4.2.5) cannot change it.
    case filtering(String, Expression, [Statement], rethrow: Bool)
    case finally([Statement])
    case fault([Statement])
}

/// The exception types programs throw and catch, with their base types (for catch matching).
public enum ExceptionTypes {
    static let parent: [String: String] = [
        "System.SystemException": "System.Exception",
        "System.ArithmeticException": "System.SystemException",
        "System.OverflowException": "System.ArithmeticException",
        "System.DivideByZeroException": "System.ArithmeticException",
        "System.InvalidOperationException": "System.SystemException",
        "System.ArgumentException": "System.SystemException",
        "System.FormatException": "System.SystemException",
        "System.IndexOutOfRangeException": "System.SystemException",
        "System.InvalidCastException": "System.SystemException",
        "System.NullReferenceException": "System.SystemException",
    ]
    static let thrown = ["System.InvalidOperationException", "System.ArgumentException", "System.FormatException",
                         "System.OverflowException", "System.DivideByZeroException", "System.IndexOutOfRangeException"]
    static let caught = ["System.Exception", "System.SystemException", "System.ArithmeticException", "System.OverflowException",
                         "System.DivideByZeroException", "System.InvalidOperationException", "System.IndexOutOfRangeException",
                         "System.InvalidCastException", "System.ArgumentException"]

    static func isA(_ type: String, _ base: String) -> Bool {
        var t: String? = type
        while let current = t {
            if current == base { return true }
            t = parent[current]
        }
        return false
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
    /// Store through the variable's address: `ldloca`/`ldarga`, the value, `stind.*` (or `stobj`).
    case storeIndirect(Variable, ValueKind, Expression, alternative: Bool)
    /// `.try { body; leave } handler`, then a `nop` at the end label.
    case protected([Statement], Handler)
    /// `ldarg.0; brfalse.s SKIP; newobj <type>::.ctor(); throw; SKIP: nop` (thrown unless the
    /// first argument was set to zero).
    case raise(String)
    /// The method's last statement (unverifiable tier), instead of `ldloc.0; ret`: `jmp` to a
    /// method that folds the arguments into the checksum (`jump`), or `tail. call` of the
    /// identity on it.
    case exit(jump: Bool)

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
        case .storeIndirect(_, _, let e, _): return e.size + 2
        case .protected(let body, let h):
            let handler: Int = switch h {
            case .catching(_, let b, _): b.instructionCount + 2
            case .filtering(_, let c, let b, _): 7 + c.size + b.instructionCount + 2
            case .finally(let b), .fault(let b): b.instructionCount + 1
            }
            return body.instructionCount + 1 + handler + 1
        case .raise: return 5
        case .exit(let jump): return jump ? 3 : 4
        }
    }
}

extension Array where Element == Statement {
    var instructionCount: Int { reduce(0) { $0 + $1.instructionCount } }
}

/// One test method: `static int64 T(int32 a0, int64 a1, float64 a2, native int a3)` with a
/// fixed pool of typed locals.
/// It returns the checksum of its observations; the harness calls it with fixed arguments.
public struct TestMethod: Equatable, Sendable {
    public var seed: UInt64
    public var locals: [ValueKind]
    public var body: [Statement]
    public static let argumentKinds: [ValueKind] = [.i4, .i8, .r8, .ni]
    public static let argumentValues: [FuzzValue] = [.i4(-7), .i8(0x1234_5678_9ABC), .r8(-2.5), .int(.ni, -0x8000_0001)]

    public init(seed: UInt64, locals: [ValueKind], body: [Statement]) {
        self.seed = seed
        self.locals = locals
        self.body = body
    }

    public var instructionCount: Int {
        let epilogue: Int = switch body.last { case .result, .exit: 0; default: 2 }
        return body.reduce(0) { $0 + $1.instructionCount } + epilogue
    }

    public func kind(of v: Variable) -> ValueKind {
        switch v {
        case .local(let i): locals[i]
        case .argument(let i): Self.argumentKinds[i]
        }
    }
}
