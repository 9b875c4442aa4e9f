/// The generator's value model (FUZZING.md §2.3): executes a test method with the ECMA-335
/// semantics of each instruction to find what the specification leaves undefined (and what
/// Mono is known to do differently from it) before the program is ever run. It is used only to
/// keep programs well-defined and to count executed opcodes — never as the oracle.
public struct ValueModel {
    public enum Stop: Error, Equatable {
        /// A specified exception: the method ends with it (a deliberate probe).
        case exception(String)
        /// Unspecified or implementation-defined behaviour: the program must not contain it.
        case undefined(String)
        /// The step budget ran out (the generator keeps loops small; this is a guard).
        case tooLong
        /// A `result` statement returned early (not an error; ends execution).
        case returned
    }

    public enum Outcome: Equatable {
        case returned(Int64)
        case threw(String)
    }

    public static let foldPrime: Int64 = 1_099_511_628_211
    static let canonicalNaN: Int64 = 0x7FF8_0000_0000_0000

    var locals: [FuzzValue]
    var arguments: [FuzzValue]
    var checksum: Int64 = 0
    var steps = 0
    let maximumSteps: Int
    /// Executions per IL mnemonic.
    public private(set) var executed: [String: Int] = [:]

    public init(_ method: TestMethod, maximumSteps: Int = 200_000) {
        locals = method.locals.map(FuzzValue.zero)
        arguments = TestMethod.argumentValues
        self.maximumSteps = maximumSteps
    }

    /// Runs the whole method: its outcome, or the undefined behaviour it contains.
    public static func run(_ method: TestMethod) -> (Result<Outcome, Stop>, [String: Int]) {
        var model = ValueModel(method)
        do {
            try model.execute(method.body)
            model.count("ldloc", 1); model.count("ret", 1)
            return (.success(.returned(model.checksum)), model.executed)
        } catch .returned {
            return (.success(.returned(model.checksum)), model.executed)
        } catch .exception(let type) {
            return (.success(.threw(type)), model.executed)
        } catch {
            return (.failure(error), model.executed)
        }
    }

    mutating func count(_ mnemonic: String, _ n: Int = 1) {
        executed[mnemonic, default: 0] += n
        steps += n
    }

    mutating func execute(_ statements: [Statement]) throws(Stop) {
        for s in statements {
            if steps > maximumSteps { throw .tooLong }
            try execute(s)
        }
    }

    mutating func execute(_ s: Statement) throws(Stop) {
        switch s {
        case .assign(let v, _, let e):
            let value = try evaluate(e)
            count(Self.storeMnemonic(v))
            set(v, value)
        case .branch(let c, let t, let o):
            let taken = try test(c)
            // The condition's branch skips `then` when it holds for `truth(jumpIfTrue: false)`…
            // expressed simply: `taken` means "run then".
            if taken { try execute(t) } else { try execute(o) }
            if !o.isEmpty && taken { count("br") }
        case .loop(let counter, let bound, let body):
            count("ldc.i4"); count("stloc"); count("br")
            var i: Int32 = 0
            set(.local(counter), .i4(0))
            while true {
                count("ldloc"); count("ldc.i4"); count("blt")
                guard i < Int32(bound) else { break }
                try execute(body)
                i = Int32(truncatingIfNeeded: get(.local(counter)).integer) &+ 1
                count("ldloc"); count("ldc.i4"); count("add"); count("stloc")
                set(.local(counter), .i4(i))
            }
        case .switchOn(let e, let cases):
            let selector = UInt32(truncatingIfNeeded: try evaluate(e).integer)
            count("switch")
            if selector < UInt32(cases.count) {
                try execute(cases[Int(selector)])
                count("br")
            }
        case .result(let v, let k):
            let value = get(v)
            count(Self.loadMnemonic(v)); count("ret")
            if k.isFloat {
                let d = value.double
                checksum = d.isNaN ? Self.canonicalNaN : Int64(bitPattern: d.bitPattern)
                count("ldc.i8"); count("conv.r8"); count("call")
            } else {
                checksum = value.integer
                count("conv.i8")
            }
            throw .returned
        case .storeIndirect(let v, let k, let e, let alternative):
            count(Self.addressMnemonic(v))
            let value = try evaluate(e)
            count(StorageCode.mnemonic(StorageCode.indirect(k, alternative: alternative).store))
            set(v, value)
        case .exit(let jump):
            count("ldloc")
            if jump {
                // Jump: g_i8 * prime ^ a0 ^ a1 ^ a3 (the arguments as they are now).
                count("stsfld"); count("jmp")
                count("ldsfld"); count("ldc.i8"); count("mul"); count("ldarg", 3); count("conv.i8", 2); count("xor", 3); count("ret")
                checksum = (checksum &* Self.foldPrime) ^ arguments[0].integer ^ arguments[1].integer ^ arguments[3].integer
            } else {
                count("tail."); count("call"); count("ret")
            }
            throw .returned
        case .raise(let type):
            count("ldarg"); count("brfalse")
            guard get(.argument(0)).integer != 0 else { count("nop"); return }
            count("newobj"); count("throw")
            throw .exception(type)
        case .protected(let body, let handler):
            try execute(body, protectedBy: handler)
        case .observe(let v, let k):
            let value = get(v)
            count(Self.loadMnemonic(v))
            let bits: Int64
            if k.isFloat {
                let d = value.double
                bits = d.isNaN ? Self.canonicalNaN : Int64(bitPattern: d.bitPattern)
                count("conv.r8"); count("call")
            } else {
                bits = value.integer
                count("mul"); count("xor"); count("conv.i8"); count("ldc.i8")
            }
            checksum = checksum &* Self.foldPrime ^ bits
            count("ldloc"); count("stloc")
        }
    }

    mutating func countLines(_ lines: [String]) {
        for l in lines { count(StorageCode.mnemonic(l)) }
    }

    static func addressMnemonic(_ v: Variable) -> String { if case .local = v { "ldloca" } else { "ldarga" } }

    static func loadMnemonic(_ v: Variable) -> String { if case .local = v { "ldloc" } else { "ldarg" } }
    static func storeMnemonic(_ v: Variable) -> String { if case .local = v { "stloc" } else { "starg" } }

    func get(_ v: Variable) -> FuzzValue {
        switch v {
        case .local(let i): locals[i]
        case .argument(let i): arguments[i]
        }
    }

    mutating func set(_ v: Variable, _ value: FuzzValue) {
        switch v {
        case .local(let i): locals[i] = value
        case .argument(let i): arguments[i] = value
        }
    }

    /// A protected block and its handler (ECMA-335 I.12.4.2). Filter conditions read no
    /// variables, so evaluating them after inner finally blocks (Swift's unwinding order) gives
    /// what the two-pass model gives.
    mutating func execute(_ body: [Statement], protectedBy handler: Handler) throws(Stop) {
        switch handler {
        case .catching(let type, let handlerBody, let rethrow):
            do {
                try execute(body)
                count("leave")
            } catch .exception(let thrown) where ExceptionTypes.isA(thrown, type) {
                count("pop")
                try execute(handlerBody)
                if rethrow { count("rethrow"); throw .exception(thrown) }
                count("leave")
            }
        case .filtering(let type, let condition, let handlerBody, let rethrow):
            do {
                try execute(body)
                count("leave")
            } catch .exception(let thrown) {
                count("isinst"); count("ldnull"); count("cgt.un")
                let value: FuzzValue
                do { value = try evaluate(condition) } catch { throw .undefined("exception inside a filter") }
                count("ldc.i4"); count("cgt.un"); count("and"); count("endfilter")
                guard ExceptionTypes.isA(thrown, type) && value.integer != 0 else { throw .exception(thrown) }
                count("pop")
                try execute(handlerBody)
                if rethrow { count("rethrow"); throw .exception(thrown) }
                count("leave")
            }
        case .finally(let handlerBody), .fault(let handlerBody):
            do {
                try execute(body)
                count("leave")
            } catch .exception(let thrown) {
                try execute(handlerBody)
                count("endfinally")
                throw .exception(thrown)
            }
            // A finally also runs on the normal way out (leave); a fault does not.
            if case .finally = handler {
                try execute(handlerBody)
                count("endfinally")
            }
        }
    }

    /// Whether the `then` part runs.
    mutating func test(_ c: Condition) throws(Stop) -> Bool {
        switch c {
        case .truth(let e, let jumpIfTrue):
            let v = try evaluate(e)
            count(jumpIfTrue ? "brtrue" : "brfalse")
            // The emitted branch jumps over `then` to `else`: brfalse skips `then` when false.
            let nonzero = v.integer != 0
            return jumpIfTrue ? !nonzero : nonzero
        case .compare(let op, let a, let b):
            let x = try evaluate(a), y = try evaluate(b)
            count(op)
            // The emitted compare-branch jumps over `then` (to `else`) when the comparison holds.
            return !Semantics.branchHolds(op, x, y)
        }
    }

    mutating func evaluate(_ e: Expression) throws(Stop) -> FuzzValue {
        switch e {
        case .constant(let v):
            count(v.kind == .i4 ? "ldc.i4" : v.kind == .i8 ? "ldc.i8" : v.kind == .r4 ? "ldc.r4" : v.kind == .r8 ? "ldc.r8" : "ldc.i8")
            if v.kind == .ni { count("conv.i") }
            return v
        case .variable(let v, _):
            count(Self.loadMnemonic(v))
            return get(v)
        case .decorated(let d, let inner):
            let v = try evaluate(inner)
            if d == "dup" { count("dup"); count("pop") } else { count(d) }
            return v
        case .stored(let s, let inner):
            let code = StorageCode.sequence(s, kind: inner.kind, short: true, localBase: 0)
            countLines(code.before)
            let outOfRange = s.place.isArray && (s.index < 0 || s.index >= s.length)
            // ldelema checks the index before the value is computed, stelem after (III.4.9, III.4.26).
            if outOfRange && s.place == .arrayElementAddress { throw .exception("System.IndexOutOfRangeException") }
            let v = try evaluate(inner)
            if outOfRange { throw .exception("System.IndexOutOfRangeException") }
            countLines(code.after)
            // The vararg callee reads the value with arglist (printed once, in the batch's helper).
            if s.place == .varargCall { count("arglist") }
            return s.loadBack(v)
        case .loadIndirect(let v, let k, let alternative):
            count(Self.addressMnemonic(v))
            count(StorageCode.mnemonic(StorageCode.indirect(k, alternative: alternative).load))
            return get(v)
        case .query(let q):
            return try evaluate(q)
        case .unary(let op, let a, let r):
            let x = try evaluate(a)
            count(op)
            return try Semantics.unary(op, x, result: r)
        case .binary(let op, let a, let b, let r):
            let x = try evaluate(a), y = try evaluate(b)
            count(op)
            if r == .r4 { count("conv.r4") }
            return try Semantics.binary(op, x, y, result: r)
        }
    }
}

extension ValueModel {
    mutating func evaluate(_ q: ObjectQuery) throws(Stop) -> FuzzValue {
        switch q {
        case .typeTest(let cast, let e, let target):
            let v = try evaluate(e)
            count("box"); count(cast ? "castclass" : "isinst")
            let instance = ObjectQuery.isInstance(v.kind, of: target)
            if cast && !instance { throw .exception("System.InvalidCastException") }
            count("ldnull"); count("cgt.un")
            return .i4(instance ? 1 : 0)
        case .stringLength(let text):
            count("ldstr"); count("callvirt")
            return .i4(Int32(text.utf16.count))
        case .arrayLength(let n, _):
            count("ldc.i4"); count("newarr"); count("ldlen"); count("conv.i4")
            return .i4(n)
        case .sizeOf(let t):
            count("sizeof")
            return .i4(t.size)
        case .isValueType(let t):
            count("ldtoken"); count("call"); count("callvirt")
            return .i4(t == .obj ? 0 : 1)
        case .initBlock(let byte, let t, let prefixed):
            count("ldloca", 2); count("ldc.i4", 2); count("initblk"); count("ldind.\(t.loadSuffix)")
            if prefixed { count("unaligned.") }
            var pattern: Int64 = 0
            for _ in 0..<t.size { pattern = pattern << 8 | Int64(byte) }
            return t.roundTrip(.i4(Int32(truncatingIfNeeded: pattern)))
        case .typedReferenceType(let t, let test):
            count("ldloca"); count("mkrefany"); count("refanytype"); count("call", 2); count("ldtoken"); count("ceq")
            return .i4(t == test ? 1 : 0)
        case .compareTo(let a, let b):
            count("ldloca", 2)
            let x = try evaluate(a)
            count("stind.\(StorageType.own(a.kind).storeSuffix)")
            let y = try evaluate(b)
            count("constrained."); count("callvirt")
            // Int32/Int64.CompareTo return -1, 0 or 1.
            return .i4(x.integer < y.integer ? -1 : x.integer > y.integer ? 1 : 0)
        }
    }
}
