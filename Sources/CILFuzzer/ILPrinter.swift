/// Writes test methods as ILAsm text (one instruction per line, float literals bit-exact so
/// ilasm's decimal parser is never involved — FUZZING.md §1 pitfall 20), and whole batches:
/// the methods, the checksum helper and a harness `Main` that prints one line per method:
/// `k OK <checksum hex>` or `k EXC <exception type>`.
public struct ILPrinter {
    var lines: [String] = []
    var labelCounter = 0
    /// Varies the encoding chosen for the same instruction (ldloc.0 / ldloc.s / ldloc …) so all
    /// forms get exercised; derived from the method seed, so printing is deterministic.
    var formRandom: SplitMix64
    let className: String
    /// IL index of the first extra local (`StorageCode.extraLocals`) of the method being printed.
    var localBase = 0

    init(seed: UInt64, className: String) {
        formRandom = SplitMix64(seed: seed ^ 0x5EED)
        self.className = className
    }

    static let foldPrime = "1099511628211"

    // MARK: batches

    /// A complete assembly: `methods` as T0…Tn-1, the fold helper and the harness.
    public static func batch(_ methods: [TestMethod], assemblyName: String = "FuzzBatch") -> String {
        var text = """
            .assembly extern mscorlib {}
            .assembly \(assemblyName) {}
            .class public abstract sealed Fuzz extends [mscorlib]System.Object
            {

            """
        for (k, m) in methods.enumerated() {
            var p = ILPrinter(seed: m.seed, className: "Fuzz")
            text += p.method(m, name: "T\(k)")
        }
        text += foldHelper + passHelpers + harness(count: methods.count) + "}\n"
        text += supportTypes
        return text
    }

    static let foldHelper = """
          // acc * prime ^ bits(d), every NaN as one pattern (FUZZING.md §1 pitfall 4).
          .method public static int64 Fold(int64 acc, float64 d) cil managed
          {
            .maxstack 3
            ldarg.1
            ldarg.1
            beq NUMBER
            ldarg.0
            ldc.i8 \(foldPrime)
            mul
            ldc.i8 0x7FF8000000000000
            xor
            ret
          NUMBER:
            ldarg.0
            ldc.i8 \(foldPrime)
            mul
            ldarg.1
            call int64 [mscorlib]System.BitConverter::DoubleToInt64Bits(float64)
            xor
            ret
          }

        """

    /// Static fields (one per storage type) and the identity methods that calls and delegates
    /// pass values through.
    static var passHelpers: String {
        var s = StorageType.allCases.map { "  .field public static \($0.ilType) g_\($0.name)\n" }.joined()
        for k in ValueKind.allCases {
            s += "  .method public static \(k.ilType) \(FuzzTypes.pass(k))(\(k.ilType) x) cil managed\n  {\n    ldarg.0\n    ret\n  }\n"
            // The vararg identity: the first variable argument, read with arglist/ArgIterator.
            s += """
                  .method public static vararg \(k.ilType) \(FuzzTypes.first(k))() cil managed
                  {
                    .maxstack 2
                    .locals init (valuetype [mscorlib]System.ArgIterator it)
                    ldloca.s 0
                    arglist
                    call instance void [mscorlib]System.ArgIterator::.ctor(valuetype [mscorlib]System.RuntimeArgumentHandle)
                    ldloca.s 0
                    call instance typedref [mscorlib]System.ArgIterator::GetNextArg()
                    refanyval \(k.ilType)
                    ldobj \(k.ilType)
                    ret
                  }

                """
        }
        // The target of `jmp` (same signature as the test methods): folds the arguments it
        // receives into the checksum the caller left in g_i8.
        s += """
              .method public static int64 Jump(int32 a0, int64 a1, float64 a2, native int a3) cil managed
              {
                .maxstack 3
                ldsfld int64 Fuzz::g_i8
                ldc.i8 \(foldPrime)
                mul
                ldarg.0
                conv.i8
                xor
                ldarg.1
                xor
                ldarg.3
                conv.i8
                xor
                ret
              }

            """
        return s + "\n"
    }

    /// The class with instance fields and virtual identity methods, a derived class whose
    /// overrides negate (so the dispatch target shows in the value), and a struct with fields.
    static var supportTypes: String {
        let fields = StorageType.allCases.map { "  .field public \($0.ilType) f_\($0.name)\n" }.joined()
        let ctor = { (base: String) in
            "  .method public specialname rtspecialname instance void .ctor() cil managed\n  {\n    ldarg.0\n    call instance void \(base)::.ctor()\n    ret\n  }\n"
        }
        var text = ".class public \(FuzzTypes.holder) extends [mscorlib]System.Object\n{\n" + fields + ctor("[mscorlib]System.Object")
        for k in ValueKind.allCases {
            text += "  .method public hidebysig newslot virtual instance \(k.ilType) \(FuzzTypes.pass(k))(\(k.ilType) x) cil managed\n  {\n    ldarg.1\n    ret\n  }\n"
        }
        text += "}\n.class public \(FuzzTypes.derived) extends \(FuzzTypes.holder)\n{\n" + ctor(FuzzTypes.holder)
        for k in ValueKind.allCases {
            text += "  .method public hidebysig virtual instance \(k.ilType) \(FuzzTypes.pass(k))(\(k.ilType) x) cil managed\n  {\n    ldarg.1\n    \(k.isFloat ? "neg" : "not")\n    ret\n  }\n"
        }
        text += "}\n.class public sequential sealed \(FuzzTypes.structure) extends [mscorlib]System.ValueType\n{\n" + fields + "}\n"
        return text
    }

    /// `Main(args)`: runs T<k> for k ≥ args[0] (default 0), each in its own try block.
    static func harness(count: Int) -> String {
        var s = """
              .method public static int32 Main(string[] args) cil managed
              {
                .entrypoint
                .maxstack 4
                .locals init (int32 first, int64 result, class [mscorlib]System.Exception failure)
                ldarg.0
                ldlen
                brfalse START
                ldarg.0
                ldc.i4.0
                ldelem.ref
                call int32 [mscorlib]System.Int32::Parse(string)
                stloc.0
              START:

            """
        let a = TestMethod.argumentValues
        for k in 0..<count {
            s += """
                    ldloc.0
                    ldc.i4 \(k)
                    bgt SKIP\(k)
                    .try
                    {
                      ldc.i4 \(a[0].integer)
                      ldc.i8 \(a[1].integer)
                      ldc.r8 float64(0x\(String(a[2].double.bitPattern, radix: 16, uppercase: true)))
                      ldc.i8 \(a[3].integer)
                      conv.i
                      call int64 Fuzz::T\(k)(int32, int64, float64, native int)
                      stloc.1
                      ldstr "\(k) OK "
                      ldloca.s 1
                      ldstr "X16"
                      call instance string [mscorlib]System.Int64::ToString(string)
                      call string [mscorlib]System.String::Concat(string, string)
                      call void [mscorlib]System.Console::WriteLine(string)
                      leave SKIP\(k)
                    }
                    catch [mscorlib]System.Exception
                    {
                      stloc.2
                      ldstr "\(k) EXC "
                      ldloc.2
                      callvirt instance class [mscorlib]System.Type [mscorlib]System.Object::GetType()
                      callvirt instance string [mscorlib]System.Type::get_FullName()
                      call string [mscorlib]System.String::Concat(string, string)
                      call void [mscorlib]System.Console::WriteLine(string)
                      leave SKIP\(k)
                    }
                  SKIP\(k):

                """
        }
        s += "    ldc.i4.0\n    ret\n  }\n"
        return s
    }

    /// Instruction mnemonics in printed method text, with their counts.
    public static func mnemonicCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard let first = t.first else { continue }
            let word = StorageCode.mnemonic(t)
            if word == "no." { counts[word, default: 0] += 1; continue }  // written as bytes
            guard first.isLetter, !t.hasSuffix(":") else { continue }
            if ["catch", "filter", "finally", "fault"].contains(word) { continue }  // handler heads, not instructions
            counts[word, default: 0] += 1
        }
        return counts
    }

    // MARK: one method

    mutating func method(_ m: TestMethod, name: String) -> String {
        lines = []
        localBase = 1 + m.locals.count
        for s in m.body { statement(s, m) }
        let locals = (["int64 acc"] + m.locals.enumerated().map { "\($0.element.ilType) l\($0.offset)" } + StorageCode.extraLocals)
            .joined(separator: ", ")
        let parameters = TestMethod.argumentKinds.enumerated().map { "\($0.element.ilType) a\($0.offset)" }.joined(separator: ", ")
        var text = "  .method public static int64 \(name)(\(parameters)) cil managed\n  {\n    .maxstack 32\n"
        text += "    .locals init (\(locals))\n"
        for l in lines { text += l.hasSuffix(":") ? "  \(l)\n" : "    \(l)\n" }
        switch m.body.last {
        case .result, .exit: break
        default: text += "    ldloc.0\n    ret\n"
        }
        text += "  }\n\n"
        return text
    }

    mutating func emit(_ s: String) { lines.append(s) }

    mutating func label() -> String {
        labelCounter += 1
        return "L\(labelCounter)"
    }

    /// A local's IL index (V_0 is the checksum).
    func index(_ v: Variable) -> Int {
        if case .local(let i) = v { return i + 1 }
        return 0
    }

    /// `ldloca`/`ldarga` of a variable, in one of its encodings.
    mutating func address(_ v: Variable) {
        switch v {
        case .local(let i): emit(formRandom.chance(0.5) ? "ldloca.s \(i + 1)" : "ldloca \(i + 1)")
        case .argument(let i): emit(formRandom.chance(0.5) ? "ldarga.s \(i)" : "ldarga \(i)")
        }
    }

    mutating func load(_ v: Variable) {
        switch v {
        case .local(let i): emit(variableForm("ldloc", i + 1))
        case .argument(let i): emit(variableForm("ldarg", i))
        }
    }

    mutating func store(_ v: Variable) {
        switch v {
        case .local(let i): emit(variableForm("stloc", i + 1))
        case .argument(let i): emit(formRandom.chance(0.5) ? "starg.s \(i)" : "starg \(i)")
        }
    }

    /// `ldloc.2`, `ldloc.s 2` or `ldloc 2`: every encoding of the same access.
    mutating func variableForm(_ op: String, _ i: Int) -> String {
        let roll = formRandom.below(4)
        if i <= 3 && roll < 2 { return "\(op).\(i)" }
        if roll < 3 { return "\(op).s \(i)" }
        return "\(op) \(i)"
    }

    mutating func constant(_ v: FuzzValue) {
        switch v {
        case .int(.i4, let x):
            let roll = formRandom.below(3)
            if x >= -1 && x <= 8 && roll == 0 { emit(x == -1 ? "ldc.i4.m1" : "ldc.i4.\(x)") }
            else if x >= -128 && x <= 127 && roll == 1 { emit("ldc.i4.s \(x)") }
            else { emit("ldc.i4 \(x)") }
        case .int(.ni, let x):
            emit("ldc.i8 \(x)")
            emit("conv.i")
        case .int(_, let x):
            emit("ldc.i8 \(x)")
        case .r4(let f):
            emit("ldc.r4 float32(0x\(String(f.bitPattern, radix: 16, uppercase: true)))")
        case .r8(let d):
            emit("ldc.r8 float64(0x\(String(d.bitPattern, radix: 16, uppercase: true)))")
        }
    }

    mutating func expression(_ e: Expression) {
        switch e {
        case .constant(let v): constant(v)
        case .variable(let v, _): load(v)
        case .decorated(let d, let inner):
            if d != "dup" { emit(d) }  // nop or break
            expression(inner)
            if d == "dup" { emit("dup"); emit("pop") }
        case .unary(let op, let a, _):
            expression(a)
            emit(op)
        case .stored(let storage, let inner):
            let code = StorageCode.sequence(storage, kind: inner.kind, short: formRandom.chance(0.5), localBase: localBase)
            for l in code.before { emit(l) }
            expression(inner)
            for l in code.after { emit(l) }
        case .loadIndirect(let v, let k, let alternative):
            address(v)
            emit(StorageCode.indirect(k, alternative: alternative).load)
        case .query(let q):
            query(q)
        case .binary(let op, let a, let b, let r):
            expression(a)
            expression(b)
            emit(op)
            // Keep float32 results float32 whatever the engine's precision mode (pitfall 3).
            if r == .r4 { emit("conv.r4") }
        }
    }

    mutating func query(_ q: ObjectQuery) {
        switch q {
        case .typeTest(let cast, let e, let target):
            expression(e)
            emit("box \(e.kind.ilType)")
            emit("\(cast ? "castclass" : "isinst") \(target)")
            emit("ldnull")
            emit("cgt.un")
        case .stringLength(let text):
            emit("ldstr \"\(text)\"")
            emit("callvirt instance int32 [mscorlib]System.String::get_Length()")
        case .arrayLength(let n, let t):
            emit("ldc.i4 \(n)")
            emit("newarr \(t.ilType)")
            emit("ldlen")
            emit("conv.i4")
        case .sizeOf(let t):
            emit("sizeof \(t.ilType)")
        case .initBlock(let byte, let t, let prefixed):
            let local = localBase + 2 + StorageType.allCases.firstIndex(of: t)!
            emit("ldloca \(local)")
            emit("ldc.i4 \(byte)")
            emit("ldc.i4 \(t.size)")
            if prefixed { emit("unaligned. 1") }
            emit("initblk")
            emit("ldloca \(local)")
            emit("ldind.\(t.loadSuffix)")
        case .typedReferenceType(let t, let test):
            emit("ldloca \(localBase + 2 + StorageType.allCases.firstIndex(of: t)!)")
            emit("mkrefany \(t.ilType)")
            emit("refanytype")
            emit(FuzzTypes.getType)
            emit("ldtoken \(test.ilType)")
            emit(FuzzTypes.getType)
            emit("ceq")
        case .compareTo(let a, let b):
            let t = StorageType.own(a.kind)
            let local = localBase + 2 + StorageType.allCases.firstIndex(of: t)!
            emit("ldloca \(local)")
            expression(a)
            emit("stind.\(t.storeSuffix)")
            emit("ldloca \(local)")
            expression(b)
            emit("constrained. \(t.ilType)")
            emit("callvirt instance int32 class [mscorlib]System.IComparable`1<\(t.ilType)>::CompareTo(!0)")
        case .isValueType(let t):
            emit("ldtoken \(t.ilType)")
            emit("call class [mscorlib]System.Type [mscorlib]System.Type::GetTypeFromHandle(valuetype [mscorlib]System.RuntimeTypeHandle)")
            emit("callvirt instance bool [mscorlib]System.Type::get_IsValueType()")
        }
    }

    /// `leave` or `leave.s` to `target` over `distance` instructions.
    mutating func leave(_ target: String, over distance: Int) {
        emit("\(distance < 12 && formRandom.chance(0.5) ? "leave.s" : "leave") \(target)")
    }

    /// The handler block of a catch or filter: the exception is dropped, the body runs, then
    /// `rethrow` or `leave`.
    mutating func catchBlock(_ body: [Statement], rethrow: Bool, end: String, _ m: TestMethod) {
        emit("{")
        emit("pop")
        for b in body { statement(b, m) }
        if rethrow { emit("rethrow") } else { leave(end, over: 0) }
        emit("}")
    }

    mutating func protected(_ body: [Statement], _ handler: Handler, _ m: TestMethod) {
        let end = label()
        let handlerSize = Statement.protected([], handler).instructionCount
        emit(".try")
        emit("{")
        for b in body { statement(b, m) }
        leave(end, over: handlerSize)
        emit("}")
        switch handler {
        case .catching(let type, let handlerBody, let rethrow):
            emit("catch [mscorlib]\(type)")
            catchBlock(handlerBody, rethrow: rethrow, end: end, m)
        case .filtering(let type, let condition, let handlerBody, let rethrow):
            emit("filter")
            emit("{")
            emit("isinst [mscorlib]\(type)")
            emit("ldnull")
            emit("cgt.un")
            expression(condition)
            emit("ldc.i4.0")
            emit("cgt.un")
            emit("and")
            emit("endfilter")
            emit("}")
            catchBlock(handlerBody, rethrow: rethrow, end: end, m)
        case .finally(let handlerBody), .fault(let handlerBody):
            if case .finally = handler { emit("finally") } else { emit("fault") }
            emit("{")
            for b in handlerBody { statement(b, m) }
            emit("endfinally")
            emit("}")
        }
        emit("\(end):")
        emit("nop")
    }

    mutating func statement(_ s: Statement, _ m: TestMethod) {
        switch s {
        case .storeIndirect(let v, let k, let e, let alternative):
            address(v)
            expression(e)
            emit(StorageCode.indirect(k, alternative: alternative).store)
        case .protected(let body, let handler):
            protected(body, handler, m)
        case .exit(let jump):
            emit("ldloc.0")
            if jump {
                emit("stsfld int64 Fuzz::g_i8")
                emit("jmp int64 Fuzz::Jump(\(TestMethod.argumentKinds.map(\.ilType).joined(separator: ", ")))")
            } else {
                emit("tail.")
                emit("call int64 Fuzz::Pass_i8(int64)")
                emit("ret")
            }
        case .raise(let type):
            // Guarded by the first argument (the model knows its value) so that the code after
            // the throw stays reachable: mono --interpreter 6.8 aborts on an unreachable
            // protected block (transform.c assertion `target_offset`).
            let skip = label()
            emit("ldarg.0")
            emit("brfalse.s \(skip)")
            emit("newobj instance void [mscorlib]\(type)::.ctor()")
            emit("throw")
            emit("\(skip):")
            emit("nop")
        case .assign(let v, _, let e):
            expression(e)
            store(v)
        case .observe(let v, let k):
            emit("ldloc.0")
            if k.isFloat {
                load(v)
                emit("conv.r8")
                emit("call int64 \(className)::Fold(int64, float64)")
            } else {
                emit("ldc.i8 \(Self.foldPrime)")
                emit("mul")
                load(v)
                emit("conv.i8")
                emit("xor")
            }
            emit("stloc.0")
        case .result(let v, let k):
            if k.isFloat {
                emit("ldc.i8 0")
                load(v)
                emit("conv.r8")
                emit("call int64 \(className)::Fold(int64, float64)")
            } else {
                load(v)
                emit("conv.i8")
            }
            emit("ret")
        case .branch(let c, let then, let otherwise):
            let elseLabel = label(), end = label()
            // Short forms only where the jump is surely within a signed byte.
            let short = then.reduce(0) { $0 + $1.instructionCount } < 12 && formRandom.chance(0.5)
            switch c {
            case .truth(let e, let jumpIfTrue):
                expression(e)
                emit("\(jumpIfTrue ? "brtrue" : "brfalse")\(short ? ".s" : "") \(elseLabel)")
            case .compare(let op, let a, let b):
                expression(a)
                expression(b)
                emit("\(op)\(short ? ".s" : "") \(elseLabel)")
            }
            for t in then { statement(t, m) }
            if !otherwise.isEmpty { emit("\(otherwise.instructionCount < 12 && formRandom.chance(0.5) ? "br.s" : "br") \(end)") }
            emit("\(elseLabel):")
            for o in otherwise { statement(o, m) }
            emit("\(end):")
            // A label must label an instruction: `nop` keeps the stack empty at every label.
            emit("nop")
        case .loop(let counter, let bound, let body):
            let top = label(), test = label()
            emit("ldc.i4.0")
            store(.local(counter))
            emit("\(body.instructionCount < 12 && formRandom.chance(0.5) ? "br.s" : "br") \(test)")
            emit("\(top):")
            for b in body { statement(b, m) }
            load(.local(counter))
            emit("ldc.i4.1")
            emit("add")
            store(.local(counter))
            emit("\(test):")
            load(.local(counter))
            emit("ldc.i4 \(bound)")
            emit("blt \(top)")
        case .switchOn(let e, let cases):
            let labels = cases.map { _ in label() }
            let end = label()
            expression(e)
            emit("switch (\(labels.joined(separator: ", ")))")
            emit("br \(end)")
            for (l, body) in zip(labels, cases) {
                emit("\(l):")
                for b in body { statement(b, m) }
                emit("br \(end)")
            }
            emit("\(end):")
            emit("nop")
        }
    }
}
