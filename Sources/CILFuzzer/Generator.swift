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

        /// Families of the pool, plus the helpers every memory or handler construct needs.
        public let families: Set<String>
        /// The round trips the pool allows (objects and byref tiers).
        public let menu: MemoryMenu

        public init(pool: Set<String>) {
            self.pool = pool
            let families = Set(pool.map(InstructionPool.family)).union(Generator.structuralHelpers)
            self.families = families
            menu = MemoryMenu { families.contains(InstructionPool.family($0)) }
        }
    }

    let options: Options
    var random: SplitMix64
    var method: TestMethod
    /// Number of ordinary locals (loop counters are added after them).
    let dataLocals: Int
    /// Nesting of handler blocks being generated (no `localloc` there, III.3.47).
    var handlerDepth = 0

    public static let dataLocalKinds: [ValueKind] = [.i4, .i4, .i4, .i8, .i8, .ni, .r4, .r8]

    static let structuralHelpers: Set<String> = ["ldc.i4", "ldc.i8", "ldc.r4", "ldc.r8", "ldloc", "stloc", "ldarg", "starg",
                                                 "nop", "dup", "pop", "ldnull", "cgt.un", "and", "conv.i4", "ret"]

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

    /// Whether every instruction of a construct's code is in the pool.
    func allows(_ lines: [String]) -> Bool {
        lines.allSatisfy { options.families.contains(InstructionPool.family(StorageCode.mnemonic($0))) }
    }

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
        let exits = (has("jmp") ? [true] : []) + (has("tail.") ? [false] : [])
        if !exits.isEmpty && random.chance(0.3) { done.body.append(.exit(jump: random.pick(exits))) }
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
        if depth < 2 && roll < 30, let p = protectedStatement(depth: depth) { return p }
        if roll < 32 && has("throw") && has("newobj") { return .raise(random.pick(ExceptionTypes.thrown)) }
        if roll < 38 {
            let (v, k) = variable()
            return .observe(v, k)
        }
        let (v, k) = assignable()
        if roll < 46 {
            let alternative = random.chance(0.3)
            let address = if case .local = v { "ldloca" } else { "ldarga" }
            if allows([address, StorageCode.indirect(k, alternative: alternative).store]) {
                return .storeIndirect(v, k, expression(k, depth: 0), alternative: alternative)
            }
        }
        if handlerDepth == 0 && random.chance(0.12), let s = options.menu.pickStackAllocation(k, &random) {
            return .assign(v, k, .stored(s, expression(k, depth: 1)))
        }
        return .assign(v, k, expression(k, depth: 0))
    }

    /// A protected block whose body often throws, with one handler (exceptions tier).
    mutating func protectedStatement(depth: Int) -> Statement? {
        guard has("leave") || has("leave.s") else { return nil }
        var handlers: [Int] = []
        if allows(["pop"]) { handlers.append(0) }
        if allows(["isinst", "endfilter"]) { handlers.append(1) }
        if allows(["endfinally"]) { handlers += [2, 3] }
        guard !handlers.isEmpty else { return nil }
        var body = block(depth: depth + 1)
        let rethrow = has("rethrow") && random.chance(0.2)
        if has("throw") && has("newobj") && (rethrow || random.chance(0.6)) {
            body.insert(.raise(random.pick(ExceptionTypes.thrown)), at: random.below(body.count + 1))
        }
        handlerDepth += 1
        defer { handlerDepth -= 1 }
        let handlerBody = random.chance(0.2) ? [] : block(depth: depth + 1)
        // A rethrowing handler catches everything, so its rethrow runs whenever the raise does.
        let caught = rethrow || random.chance(0.4) ? "System.Exception" : random.pick(ExceptionTypes.caught)
        let handler: Handler
        switch random.pick(handlers) {
        case 0 where rethrow:
            // The rethrown exception is caught again here, so the method goes on (a method that
            // ends with an exception is rarely kept).
            let inner = Statement.protected(body, .catching(caught, handlerBody, rethrow: true))
            return .protected([inner], .catching("System.Exception", random.chance(0.5) ? [] : block(depth: depth + 1), rethrow: false))
        case 0: handler = .catching(caught, handlerBody, rethrow: rethrow)
        case 1: handler = .filtering(caught, filterCondition(), handlerBody, rethrow: rethrow)
        case 2: handler = .finally(handlerBody)
        default: handler = .fault(handlerBody)
        }
        return .protected(body, handler)
    }

    /// An int32 condition over constants only (see `Handler.filtering`).
    mutating func filterCondition() -> Expression {
        func readsVariables(_ e: Expression) -> Bool {
            switch e {
            case .constant: false
            case .variable, .loadIndirect: true
            case .unary(_, let a, _), .decorated(_, let a), .stored(_, let a): readsVariables(a)
            case .binary(_, let a, let b, _): readsVariables(a) || readsVariables(b)
            case .query(let q):
                switch q {
                case .typeTest(_, let a, _): readsVariables(a)
                case .compareTo(let a, let b): readsVariables(a) || readsVariables(b)
                default: false
                }
            }
        }
        for _ in 0..<4 {
            let e = expression(.i4, depth: 1)
            if !readsVariables(e) { return e }
        }
        return .constant(.i4(random.chance(0.7) ? 1 : 0))
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

    /// A data local or, when `ldarg` is enabled, an argument.
    mutating func variable() -> (Variable, ValueKind) {
        pickVariable(arguments: has("ldarg") || has("ldarg.0"), chance: 0.15)
    }

    /// A data local or, when `starg` is enabled, an argument.
    mutating func assignable() -> (Variable, ValueKind) {
        pickVariable(arguments: has("starg") || has("starg.s"), chance: 0.1)
    }

    mutating func pickVariable(arguments: Bool, chance: Double) -> (Variable, ValueKind) {
        if arguments && random.chance(chance) {
            let i = random.below(TestMethod.argumentKinds.count)
            return (.argument(i), TestMethod.argumentKinds[i])
        }
        let i = random.below(dataLocals)
        return (.local(i), method.locals[i])
    }

    // MARK: expressions

    mutating func expression(_ kind: ValueKind, depth: Int) -> Expression {
        if depth >= options.maximumDepth || random.chance(0.3) { return leaf(kind) }
        let roll = random.below(100)
        // With the objects/byref tiers, 40% of inner nodes go through memory.
        let memory = options.menu.hasTrips
        if memory && roll >= 60, let e = memoryExpression(kind, depth: depth) { return e }
        if roll < (memory ? 35 : 45), let e = binary(kind, depth: depth) { return e }
        if roll < (memory ? 55 : 80), let e = unary(kind, depth: depth) { return e }
        if roll < 88 {
            let decorations = (has("dup") && has("pop") ? ["dup"] : []) + (has("nop") ? ["nop"] : []) + (has("break") ? ["break"] : [])
            if !decorations.isEmpty { return .decorated(random.pick(decorations), expression(kind, depth: depth + 1)) }
        }
        return leaf(kind)
    }

    /// A round trip through memory, an object query or an indirect load (objects and byref
    /// tiers); nil when the pool has none that fits.
    mutating func memoryExpression(_ kind: ValueKind, depth: Int) -> Expression? {
        for _ in 0..<4 {
            let roll = random.below(10)
            if roll < 6 {
                guard var s = options.menu.pick(kind, &random) else { continue }
                if s.place.isArray {
                    s.length = Int32(1 + random.below(8))
                    // `no. rangecheck` promises an index in range: no probe then.
                    s.index = random.chance(0.03) && !s.prefixed ? s.length : Int32(random.below(Int(s.length)))
                }
                return .stored(s, expression(kind, depth: depth + 1))
            } else if roll < 8 && kind == .i4 {
                if let q = objectQuery(depth: depth) { return .query(q) }
            } else {
                var candidates: [Variable] = (0..<dataLocals).filter { method.locals[$0] == kind }.map { .local($0) }
                candidates += TestMethod.argumentKinds.indices.filter { TestMethod.argumentKinds[$0] == kind }.map { .argument($0) }
                guard !candidates.isEmpty else { continue }
                let v = random.pick(candidates), alternative = random.chance(0.3)
                let address = if case .local = v { "ldloca" } else { "ldarga" }
                if allows([address, StorageCode.indirect(kind, alternative: alternative).load]) {
                    return .loadIndirect(v, kind, alternative: alternative)
                }
            }
        }
        return nil
    }

    mutating func objectQuery(depth: Int) -> ObjectQuery? {
        let type = random.pick(StorageType.allCases)
        let unverifiable = has("initblk") || has("mkrefany") || has("constrained.")
        switch random.below(unverifiable ? 8 : 5) {
        case 5:
            guard has("initblk") && has("ldloca") else { return nil }
            let small = random.pick([StorageType.i1, .u1, .i2, .u2, .i4, .u4])
            return .initBlock(UInt8(truncatingIfNeeded: random.next()), small, prefixed: has("unaligned.") && random.chance(0.3))
        case 6:
            guard has("mkrefany") && has("refanytype") && has("ldtoken") else { return nil }
            return .typedReferenceType(type, test: random.chance(0.5) ? type : random.pick(StorageType.allCases))
        case 7:
            guard has("constrained.") && has("callvirt") && has("stind.i4") && has("stind.i8") else { return nil }
            let k = random.pick([ValueKind.i4, .i8])
            return .compareTo(expression(k, depth: depth + 1), random.chance(0.3) ? expression(k, depth: 3) : leaf(k))
        case 0:
            let cast = has("castclass") && random.chance(0.5)
            guard has(cast ? "castclass" : "isinst") && has("box") else { return nil }
            let operand = random.pick(ValueKind.allCases)
            var target = random.pick(ObjectQuery.typeTestTargets)
            // A failing castclass is an exception probe: keep it rare.
            if cast && random.chance(0.85) {
                target = random.pick(ObjectQuery.typeTestTargets.filter { ObjectQuery.isInstance(operand, of: $0) })
            }
            return .typeTest(cast: cast, expression(operand, depth: depth + 1), target: target)
        case 1:
            guard has("ldstr") && has("callvirt") else { return nil }
            return .stringLength(random.pick(["", "a", "IL", "fuzz", "cilbox", "0123456789"]))
        case 2:
            guard has("newarr") && has("ldlen") else { return nil }
            return .arrayLength(Int32(random.below(65)), type)
        case 3:
            guard has("sizeof") else { return nil }
            return .sizeOf(type)
        default:
            guard has("ldtoken") && has("call") && has("callvirt") else { return nil }
            return .isValueType(type)
        }
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
