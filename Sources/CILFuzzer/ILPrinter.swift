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
        text += foldHelper + harness(count: methods.count) + "}\n"
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
        let (a0, a1) = (TestMethod.argumentValues[0].integer, TestMethod.argumentValues[1].integer)
        for k in 0..<count {
            s += """
                    ldloc.0
                    ldc.i4 \(k)
                    bgt SKIP\(k)
                    .try
                    {
                      ldc.i4 \(a0)
                      ldc.i8 \(a1)
                      call int64 Fuzz::T\(k)(int32, int64)
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
            guard let first = t.first, first.isLetter, !t.hasSuffix(":") else { continue }
            let word = String(t.split(separator: " ", maxSplits: 1)[0])
            counts[word, default: 0] += 1
        }
        return counts
    }

    // MARK: one method

    mutating func method(_ m: TestMethod, name: String) -> String {
        lines = []
        for s in m.body { statement(s, m) }
        let locals = (["int64 acc"] + m.locals.enumerated().map { "\($0.element.ilType) l\($0.offset)" }).joined(separator: ", ")
        var text = "  .method public static int64 \(name)(int32 a0, int64 a1) cil managed\n  {\n    .maxstack 32\n"
        text += "    .locals init (\(locals))\n"
        for l in lines { text += l.hasSuffix(":") ? "  \(l)\n" : "    \(l)\n" }
        if case .result = m.body.last {} else { text += "    ldloc.0\n    ret\n" }
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
            if d == "nop" { emit("nop") }
            expression(inner)
            if d == "dup" { emit("dup"); emit("pop") }
        case .unary(let op, let a, _):
            expression(a)
            emit(op)
        case .binary(let op, let a, let b, let r):
            expression(a)
            expression(b)
            emit(op)
            // Keep float32 results float32 whatever the engine's precision mode (pitfall 3).
            if r == .r4 { emit("conv.r4") }
        }
    }

    mutating func statement(_ s: Statement, _ m: TestMethod) {
        switch s {
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
            if !otherwise.isEmpty { emit("br \(end)") }
            emit("\(elseLabel):")
            for o in otherwise { statement(o, m) }
            emit("\(end):")
            // A label must label an instruction: `nop` keeps the stack empty at every label.
            emit("nop")
        case .loop(let counter, let bound, let body):
            let top = label(), test = label()
            emit("ldc.i4.0")
            store(.local(counter))
            emit("br \(test)")
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
