/// ECMA-335 semantics of the generator's instructions on model values, with the places where
/// the specification leaves results unspecified — or Mono 6.8 differs from it — reported as
/// `undefined` (FUZZING.md §1; the row numbers below refer to its pitfall table).
public enum Semantics {
    public typealias Stop = ValueModel.Stop

    static func int32(_ v: FuzzValue) -> Int32 { Int32(truncatingIfNeeded: v.integer) }

    /// Wraps an integer result to its kind (int32 results are kept sign-extended).
    static func wrap(_ k: ValueKind, _ v: Int64) -> FuzzValue {
        k == .i4 ? .i4(Int32(truncatingIfNeeded: v)) : .int(k, v)
    }

    // MARK: binary (III.3: add … xor; III.1.5 Table III.2/III.5/III.6/III.7)

    public static func binary(_ op: String, _ x: FuzzValue, _ y: FuzzValue, result r: ValueKind) throws(Stop) -> FuzzValue {
        if op.hasPrefix("c") { return .i4(compare(op, x, y) ? 1 : 0) }
        if r.isFloat { return try floatBinary(op, x.double, y.double, r) }
        let w = r.bitWidth
        let a = x.integer, b = y.integer
        switch op {
        case "add": return wrap(r, a &+ b)
        case "sub": return wrap(r, a &- b)
        case "mul": return wrap(r, a &* b)
        case "and": return wrap(r, a & b)
        case "or": return wrap(r, a | b)
        case "xor": return wrap(r, a ^ b)
        case "div", "rem":
            if b == 0 { throw .exception("System.DivideByZeroException") }
            let minimum: Int64 = w == 32 ? Int64(Int32.min) : Int64.min
            if b == -1 && a == minimum {
                // III.3.31: div overflows (Mono: OverflowException); rem MinValue,-1 is unspecified (pitfall 6).
                if op == "rem" { throw .undefined("rem MinValue,-1") }
                throw .exception("System.OverflowException")
            }
            return wrap(r, op == "div" ? a / b : a % b)
        case "div.un", "rem.un":
            let ua = w == 32 ? UInt64(UInt32(truncatingIfNeeded: a)) : UInt64(bitPattern: a)
            let ub = w == 32 ? UInt64(UInt32(truncatingIfNeeded: b)) : UInt64(bitPattern: b)
            if ub == 0 { throw .exception("System.DivideByZeroException") }
            return wrap(r, Int64(bitPattern: op == "div.un" ? ua / ub : ua % ub))
        case "shl", "shr", "shr.un":
            // III.3.58-60: a count ≥ the width is unspecified (pitfall 8).
            guard b >= 0 && b < Int64(w) else { throw .undefined("shift by \(b)") }
            if op == "shl" { return wrap(r, a << b) }
            if op == "shr" { return wrap(r, w == 32 ? Int64(Int32(truncatingIfNeeded: a) >> Int32(b)) : a >> b) }
            return wrap(r, w == 32 ? Int64(UInt32(truncatingIfNeeded: a) >> UInt32(b)) : Int64(bitPattern: UInt64(bitPattern: a) >> UInt64(b)))
        case "add.ovf", "sub.ovf", "mul.ovf":
            let (v, o): (Int64, Bool)
            if w == 32 {
                let p = Int32(truncatingIfNeeded: a), q = Int32(truncatingIfNeeded: b)
                let t = op == "add.ovf" ? p.addingReportingOverflow(q) : op == "sub.ovf" ? p.subtractingReportingOverflow(q) : p.multipliedReportingOverflow(by: q)
                (v, o) = (Int64(t.partialValue), t.overflow)
            } else {
                let t = op == "add.ovf" ? a.addingReportingOverflow(b) : op == "sub.ovf" ? a.subtractingReportingOverflow(b) : a.multipliedReportingOverflow(by: b)
                (v, o) = (t.partialValue, t.overflow)
            }
            if o { throw .exception("System.OverflowException") }
            return wrap(r, v)
        case "add.ovf.un", "sub.ovf.un", "mul.ovf.un":
            let (v, o): (Int64, Bool)
            if w == 32 {
                let p = UInt32(truncatingIfNeeded: a), q = UInt32(truncatingIfNeeded: b)
                let t = op == "add.ovf.un" ? p.addingReportingOverflow(q) : op == "sub.ovf.un" ? p.subtractingReportingOverflow(q) : p.multipliedReportingOverflow(by: q)
                (v, o) = (Int64(Int32(bitPattern: t.partialValue)), t.overflow)
            } else {
                let p = UInt64(bitPattern: a), q = UInt64(bitPattern: b)
                let t = op == "add.ovf.un" ? p.addingReportingOverflow(q) : op == "sub.ovf.un" ? p.subtractingReportingOverflow(q) : p.multipliedReportingOverflow(by: q)
                (v, o) = (Int64(bitPattern: t.partialValue), t.overflow)
            }
            if o { throw .exception("System.OverflowException") }
            return wrap(r, v)
        default:
            throw .undefined("unknown binary \(op)")
        }
    }

    static func floatBinary(_ op: String, _ a: Double, _ b: Double, _ r: ValueKind) throws(Stop) -> FuzzValue {
        if r == .r4 {
            let x = Float(a), y = Float(b)
            switch op {
            case "add": return .r4(x + y)
            case "sub": return .r4(x - y)
            case "mul": return .r4(x * y)
            case "div": return .r4(x / y)
            case "rem": return .r4(x.truncatingRemainder(dividingBy: y))  // III.3.55: fmod, not IEEE remainder
            default: throw .undefined("float \(op)")
            }
        }
        switch op {
        case "add": return .r8(a + b)
        case "sub": return .r8(a - b)
        case "mul": return .r8(a * b)
        case "div": return .r8(a / b)
        case "rem": return .r8(a.truncatingRemainder(dividingBy: b))
        default: throw .undefined("float \(op)")
        }
    }

    /// ceq/cgt/clt and their .un forms (III.1.5 Table III.4; .un is unsigned for integers,
    /// unordered-or for floats).
    static func compare(_ op: String, _ x: FuzzValue, _ y: FuzzValue) -> Bool {
        if x.kind.isFloat {
            let a = x.double, b = y.double
            switch op {
            case "ceq": return a == b
            case "cgt": return a > b
            case "clt": return a < b
            case "cgt.un": return !(a <= b)
            case "clt.un": return !(a >= b)
            default: return false
            }
        }
        let w = x.kind.bitWidth
        let a = x.integer, b = y.integer
        let ua = w == 32 ? UInt64(UInt32(truncatingIfNeeded: a)) : UInt64(bitPattern: a)
        let ub = w == 32 ? UInt64(UInt32(truncatingIfNeeded: b)) : UInt64(bitPattern: b)
        switch op {
        case "ceq": return a == b
        case "cgt": return a > b
        case "clt": return a < b
        case "cgt.un": return ua > ub
        case "clt.un": return ua < ub
        default: return false
        }
    }

    /// Whether the compare-branch `op` (beq … blt.un, III.3.5-15) jumps.
    public static func branchHolds(_ op: String, _ x: FuzzValue, _ y: FuzzValue) -> Bool {
        switch op {
        case "beq": return compare("ceq", x, y)
        case "bne.un": return !compare("ceq", x, y)
        case "bgt": return compare("cgt", x, y)
        case "blt": return compare("clt", x, y)
        case "bge": return x.kind.isFloat ? x.double >= y.double : !compare("clt", x, y)
        case "ble": return x.kind.isFloat ? x.double <= y.double : !compare("cgt", x, y)
        case "bgt.un": return compare("cgt.un", x, y)
        case "blt.un": return compare("clt.un", x, y)
        // .un on floats: true when unordered (III.3.7, III.3.10).
        case "bge.un": return x.kind.isFloat ? !(x.double < y.double) : !compare("clt.un", x, y)
        case "ble.un": return x.kind.isFloat ? !(x.double > y.double) : !compare("cgt.un", x, y)
        default: return false
        }
    }

    // MARK: unary and conversions (III.3.50 neg, III.3.52 not, III.3.27 conv, III.3.19 conv.ovf, III.3.18 conv.r.un, III.3.20 ckfinite)

    public static func unary(_ op: String, _ x: FuzzValue, result r: ValueKind) throws(Stop) -> FuzzValue {
        switch op {
        case "neg":
            switch x {
            case .int(let k, let v): return wrap(k, 0 &- v)
            case .r4(let f): return .r4(-f)
            case .r8(let d): return .r8(-d)
            }
        case "not": return wrap(x.kind, ~x.integer)
        case "ckfinite":
            guard x.double.isFinite else { throw .exception("System.OverflowException") }  // Mono: OverflowException
            return x
        case "conv.r4": return .r4(toFloat(x))
        case "conv.r8": return .r8(x.kind == .r4 ? x.double : x.kind.isFloat ? x.double : Double(x.integer))
        case "conv.r.un":
            // Pitfall: Mono converts a native int through its low 32 bits; the generator never asks.
            guard x.kind == .i4 || x.kind == .i8 else { throw .undefined("conv.r.un of \(x.kind)") }
            return .r8(x.kind == .i4 ? Double(UInt32(truncatingIfNeeded: x.integer)) : Double(UInt64(bitPattern: x.integer)))
        default:
            break
        }
        guard op.hasPrefix("conv.") else { throw .undefined("unknown unary \(op)") }
        let checked = op.hasPrefix("conv.ovf.")
        let unsignedSource = op.hasSuffix(".un")
        var target = Substring(op.dropFirst(checked ? 9 : 5))
        if unsignedSource { target = target.dropLast(3) }
        let (low, high, kind) = bounds(String(target))
        if x.kind.isFloat {
            // Pitfall 2: F operands of conv.ovf.*.un differ between runtimes.
            if unsignedSource { throw .undefined("\(op) of a float") }
            let d = x.double
            let t = d.rounded(.towardZero)
            let spec = specFloatRange(String(target))
            let safe = monoSafeFloatRange(String(target), spec)
            if !d.isNaN && t >= safe.lowerBound && t < safe.upperBound {
                return wrap(kind, t < 0 ? Int64(t) : Int64(bitPattern: UInt64(t)))
            }
            if checked && (d.isNaN || !(t >= spec.lowerBound && t < spec.upperBound)) {
                throw .exception("System.OverflowException")
            }
            // Pitfall 1 (unchecked: unspecified), or where Mono 6.8 departs from ECMA.
            throw .undefined("\(op) of \(d)")
        }
        // Integer sources: the value as the source reads it (.un: unsigned).
        let v = x.integer
        let source: Int128 = unsignedSource
            ? (x.kind == .i4 ? Int128(UInt32(truncatingIfNeeded: v)) : Int128(UInt64(bitPattern: v)))
            : Int128(v)
        if checked {
            guard source >= low && source <= high else { throw .exception("System.OverflowException") }
            return wrap(kind, Int64(truncatingIfNeeded: source))
        }
        switch target {
        case "i1": return wrap(kind, Int64(Int8(truncatingIfNeeded: v)))
        case "u1": return wrap(kind, Int64(UInt8(truncatingIfNeeded: v)))
        case "i2": return wrap(kind, Int64(Int16(truncatingIfNeeded: v)))
        case "u2": return wrap(kind, Int64(UInt16(truncatingIfNeeded: v)))
        case "i4": return wrap(kind, Int64(Int32(truncatingIfNeeded: v)))
        case "u4": return wrap(kind, Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: v))))
        case "i8", "i": return wrap(kind, v)  // int32 sources sign-extend (III.3.27)
        // conv.u8/conv.u zero-extend an int32 source.
        default: return wrap(kind, x.kind == .i4 ? Int64(UInt32(truncatingIfNeeded: v)) : v)
        }
    }

    /// Bounds (ECMA) and stack kind of a conversion target.
    static func bounds(_ target: String) -> (Int128, Int128, ValueKind) {
        switch target {
        case "i1": (-128, 127, .i4)
        case "u1": (0, 255, .i4)
        case "i2": (-32768, 32767, .i4)
        case "u2": (0, 65535, .i4)
        case "i4": (Int128(Int32.min), Int128(Int32.max), .i4)
        case "u4": (0, Int128(UInt32.max), .i4)
        case "i8": (Int128(Int64.min), Int128(Int64.max), .i8)
        case "u8": (0, Int128(UInt64.max), .i8)
        case "i": (Int128(Int64.min), Int128(Int64.max), .ni)
        default: (0, Int128(UInt64.max), .ni)  // "u"
        }
    }

    /// Truncated float values a conversion to `target` accepts (ECMA-335 III.3.19, half-open).
    static func specFloatRange(_ target: String) -> Range<Double> {
        switch target {
        case "i1": -128.0..<128.0
        case "u1": 0.0..<256.0
        case "i2": -32768.0..<32768.0
        case "u2": 0.0..<65536.0
        case "i4": -2147483648.0..<2147483648.0
        case "u4": 0.0..<4294967296.0
        case "i8", "i": -9223372036854775808.0..<9223372036854775808.0
        default: 0.0..<18446744073709551616.0  // u8, u
        }
    }

    /// The part of `spec` where Mono 6.8 agrees with ECMA: it converts F to native int through
    /// 32 bits and overflows conv.ovf.u8 from 2^63 (observed, see the notes of issue 3).
    static func monoSafeFloatRange(_ target: String, _ spec: Range<Double>) -> Range<Double> {
        switch target {
        case "i": -2147483648.0..<2147483648.0
        case "u": 0.0..<2147483648.0
        case "u8": 0.0..<9223372036854775808.0
        default: spec
        }
    }

    static func toFloat(_ x: FuzzValue) -> Float {
        switch x {
        case .int(_, let v): Float(v)
        case .r4(let f): f
        case .r8(let d): Float(d)
        }
    }

}
