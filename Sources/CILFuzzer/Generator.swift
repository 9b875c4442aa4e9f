/// Builds a test method from a seed (FUZZING.md §2.2): random statements over the enabled
/// instruction pool, each kept only if the value model finds the method still well-defined.
public struct Generator {
    public struct Options: Sendable {
        /// IL mnemonics the generator may use (see `InstructionPool`).
        public var pool: Set<String>
        public var statements = 10
        public var maximumDepth = 3
        /// Share of statements allowed to end the method with a specified exception.
        public var exceptionProbability = 0.04

        public init(pool: Set<String>) { self.pool = pool }
    }

    let options: Options
    var random: SplitMix64
    var method: TestMethod
    /// Number of ordinary locals (loop counters are added after them).
    let dataLocals: Int

    public static let dataLocalKinds: [ValueKind] = [.i4, .i4, .i4, .i8, .i8, .ni, .r4, .r8]

    public init(seed: UInt64, options: Options) {
        self.options = options
        random = SplitMix64(seed: seed)
        method = TestMethod(seed: seed, locals: Self.dataLocalKinds, body: [])
        dataLocals = Self.dataLocalKinds.count
    }

    public static func method(seed: UInt64, options: Options) -> TestMethod {
        var g = Generator(seed: seed, options: options)
        return g.generate()
    }

    func has(_ op: String) -> Bool { options.pool.contains(op) }

    mutating func generate() -> TestMethod {
        var attempts = 0
        while method.body.count < options.statements && attempts < options.statements * 6 {
            attempts += 1
            let s = statement(depth: 0)
            var candidate = method
            candidate.body.append(s)
            switch ValueModel.run(candidate).0 {
            case .success(.returned):
                method = candidate
            case .success(.threw):
                // A deliberate probe ends the method: nothing after it would run.
                if random.chance(options.exceptionProbability) { method = candidate; return finish() }
            case .failure:
                continue  // undefined behaviour (or too long): try another statement
            }
        }
        return finish()
    }

    /// Observes every data local at the end, so any wrong value shows in the checksum.
    mutating func finish() -> TestMethod {
        var done = method
        for (i, k) in Self.dataLocalKinds.enumerated() { done.body.append(.observe(.local(i), k)) }
        if case .success = ValueModel.run(done).0 { return done }
        return method
    }

    // MARK: statements

    mutating func statement(depth: Int) -> Statement {
        let roll = random.below(100)
        if depth < 2 && roll < 12 && (has("brtrue") || has("brfalse") || has("beq") || has("blt")) {
            return .branch(condition(), then: block(depth: depth + 1), otherwise: random.chance(0.5) ? block(depth: depth + 1) : [])
        }
        if depth < 2 && roll < 20 && has("blt") && has("br") {
            let counter = method.locals.count
            method.locals.append(.i4)
            return .loop(counter: counter, bound: 1 + random.below(4), body: block(depth: depth + 1))
        }
        if depth < 2 && roll < 24 && has("switch") {
            let cases = (0..<(1 + random.below(3))).map { _ in block(depth: depth + 1) }
            return .switchOn(expression(.i4, depth: 1), cases: cases)
        }
        if roll < 32 {
            let (v, k) = variable()
            return .observe(v, k)
        }
        let (v, k) = assignable()
        return .assign(v, k, expression(k, depth: 0))
    }

    mutating func block(depth: Int) -> [Statement] {
        (0..<(1 + random.below(3))).map { _ in statement(depth: depth) }
    }

    mutating func condition() -> Condition {
        let compares = ["beq", "bne.un", "bge", "bgt", "ble", "blt", "bge.un", "bgt.un", "ble.un", "blt.un"].filter(has)
        if !compares.isEmpty && random.chance(0.6) {
            let k = random.pick([ValueKind.i4, .i8, .r8, .r4])
            return .compare(random.pick(compares), expression(k, depth: 1), expression(k, depth: 1))
        }
        let jumps = ["brtrue", "brfalse"].filter(has)
        return .truth(expression(.i4, depth: 1), jumpIfTrue: jumps.isEmpty ? true : random.pick(jumps) == "brtrue")
    }

    /// A data local or, when `ldarg`/`starg` are enabled, an argument.
    mutating func variable() -> (Variable, ValueKind) {
        if (has("ldarg") || has("ldarg.0")) && random.chance(0.15) {
            let i = random.below(2)
            return (.argument(i), TestMethod.argumentKinds[i])
        }
        let i = random.below(dataLocals)
        return (.local(i), method.locals[i])
    }

    mutating func assignable() -> (Variable, ValueKind) {
        if (has("starg") || has("starg.s")) && random.chance(0.1) {
            let i = random.below(2)
            return (.argument(i), TestMethod.argumentKinds[i])
        }
        let i = random.below(dataLocals)
        return (.local(i), method.locals[i])
    }

    // MARK: expressions

    mutating func expression(_ kind: ValueKind, depth: Int) -> Expression {
        if depth >= options.maximumDepth || random.chance(0.3) { return leaf(kind) }
        let roll = random.below(100)
        if roll < 45, let e = binary(kind, depth: depth) { return e }
        if roll < 80, let e = unary(kind, depth: depth) { return e }
        if roll < 88 {
            let decorations = (has("dup") && has("pop") ? ["dup"] : []) + (has("nop") ? ["nop"] : [])
            if !decorations.isEmpty { return .decorated(random.pick(decorations), expression(kind, depth: depth + 1)) }
        }
        return leaf(kind)
    }

    mutating func leaf(_ kind: ValueKind) -> Expression {
        let candidates = (0..<dataLocals).filter { method.locals[$0] == kind }
        if !candidates.isEmpty && random.chance(0.5) { return .variable(.local(random.pick(candidates)), kind) }
        if has("ldarg") || has("ldarg.0") || has("ldarg.1") {
            if let a = TestMethod.argumentKinds.firstIndex(of: kind), random.chance(0.2) { return .variable(.argument(a), kind) }
        }
        return .constant(EdgeValues.pick(kind, &random))
    }

    mutating func binary(_ kind: ValueKind, depth: Int) -> Expression? {
        var ops: [String]
        if kind == .i4 && random.chance(0.25) {
            ops = ["ceq", "cgt", "cgt.un", "clt", "clt.un"].filter(has)
            if !ops.isEmpty {
                let operand = random.pick([ValueKind.i4, .i8, .ni, .r4, .r8])
                return .binary(random.pick(ops), expression(operand, depth: depth + 1), expression(operand, depth: depth + 1), result: .i4)
            }
        }
        if kind.isFloat {
            ops = ["add", "sub", "mul", "div", "rem"].filter(has)
        } else {
            ops = ["add", "sub", "mul", "div", "rem", "div.un", "rem.un", "and", "or", "xor", "shl", "shr", "shr.un",
                   "add.ovf", "add.ovf.un", "sub.ovf", "sub.ovf.un", "mul.ovf", "mul.ovf.un"].filter(has)
        }
        guard !ops.isEmpty else { return nil }
        let op = random.pick(ops)
        if op.hasPrefix("sh") {
            // III.3.58: counts ≥ the width are unspecified; keep them in range (pitfall 8).
            let amount: Expression
            if has("and") && random.chance(0.4) {
                amount = .binary("and", expression(.i4, depth: depth + 1), .constant(.i4(Int32(kind.bitWidth - 1))), result: .i4)
            } else {
                amount = .constant(.i4(Int32(random.below(kind.bitWidth))))
            }
            return .binary(op, expression(kind, depth: depth + 1), amount, result: kind)
        }
        return .binary(op, expression(kind, depth: depth + 1), expression(kind, depth: depth + 1), result: kind)
    }

    mutating func unary(_ kind: ValueKind, depth: Int) -> Expression? {
        var choices: [(String, ValueKind)] = []
        if has("neg") { choices.append(("neg", kind)) }
        if has("not") && kind.isInteger { choices.append(("not", kind)) }
        // mono --interpreter 6.8 raises ArithmeticException from ckfinite on finite float32 values.
        if has("ckfinite") && kind == .r8 { choices.append(("ckfinite", kind)) }
        let sources: [ValueKind] = [.i4, .i8, .ni, .r4, .r8]
        let targets: [String] = switch kind {
        case .i4: ["i1", "u1", "i2", "u2", "i4", "u4"]
        case .i8: ["i8", "u8"]
        case .ni: ["i", "u"]
        case .r4, .r8: []
        }
        for t in targets {
            for s in sources {
                // mono --interpreter 6.8 asserts ("should not be reached", transform.c) on
                // conv.i/conv.u of a float: that reference could not vote.
                if has("conv.\(t)") && !((t == "i" || t == "u") && s.isFloat) { choices.append(("conv.\(t)", s)) }
                // …and on conv.ovf.{i1,i2,u1,u2} of a float (same assertion).
                if has("conv.ovf.\(t)") && !(["i1", "i2", "u1", "u2"].contains(t) && s.isFloat) { choices.append(("conv.ovf.\(t)", s)) }
                if has("conv.ovf.\(t).un") && s.isInteger { choices.append(("conv.ovf.\(t).un", s)) }
            }
        }
        if kind == .r4 && has("conv.r4") { for s in sources { choices.append(("conv.r4", s)) } }
        if kind == .r8 && has("conv.r8") { for s in sources { choices.append(("conv.r8", s)) } }
        if kind == .r8 && has("conv.r.un") { choices.append(("conv.r.un", .i4)); choices.append(("conv.r.un", .i8)) }
        guard !choices.isEmpty else { return nil }
        let (op, source) = random.pick(choices)
        return .unary(op, expression(source, depth: depth + 1), result: kind)
    }
}

/// Literals biased toward the edges where implementations slip (FUZZING.md §2.2).
enum EdgeValues {
    static func pick(_ kind: ValueKind, _ random: inout SplitMix64) -> FuzzValue {
        switch kind {
        case .i4:
            let edges: [Int32] = [0, 1, -1, 2, 3, 7, 8, 10, 127, 128, -128, 255, 256, 32767, -32768, 65535, .max, .min, .max - 1, .min + 1]
            return .i4(random.chance(0.7) ? random.pick(edges) : Int32(truncatingIfNeeded: random.next()))
        case .i8, .ni:
            let edges: [Int64] = [0, 1, -1, 2, 255, 65536, Int64(Int32.max), Int64(Int32.min), Int64(UInt32.max), 1 << 32, .max, .min, .max - 1, .min + 1]
            return .int(kind, random.chance(0.7) ? random.pick(edges) : Int64(bitPattern: random.next()))
        case .r4:
            let edges: [Float] = [0, -0.0, 1, -1, 0.5, 1.5, -2.5, 16777216, 16777217, 3.4028235e38, -3.4028235e38, .infinity, -.infinity, .nan,
                                  1.0e-45, 2147483520, -2147483648, 4294967040, 0.1]
            return .r4(random.chance(0.7) ? random.pick(edges) : Float(Int32(truncatingIfNeeded: random.next())) / 7)
        case .r8:
            let edges: [Double] = [0, -0.0, 1, -1, 0.5, -1.5, 2.5, 9007199254740992, 9007199254740993, 1.7976931348623157e308, .infinity, -.infinity,
                                   .nan, 5e-324, 2147483647, 2147483648, -2147483649, 4294967295, 9.2233720368547758e18, 0.1, 127.9, -128.9]
            return .r8(random.chance(0.7) ? random.pick(edges) : Double(Int64(bitPattern: random.next())) / 1024)
        }
    }
}
