/// Float-to-integer conversions with the results of Mono on x86-64 (the reference runtime).
///
/// III.3.27 leaves NaN and out-of-range results unspecified; x86-64's cvttsd2si gives the
/// "integer indefinite" value (the minimum) in those cases, and Mono narrows small types from
/// a 32-bit conversion and unsigned 32-bit from a 64-bit one (FUZZING.md pitfall 1).
enum FloatConversion {
    /// cvttsd2si with a 32-bit destination.
    static func truncate32(_ v: Double) -> Int32 {
        guard v.isFinite, v > -2147483649.0, v < 2147483648.0 else { return .min }
        return Int32(v.rounded(.towardZero))
    }

    /// cvttsd2si with a 64-bit destination.
    static func truncate64(_ v: Double) -> Int64 {
        guard v.isFinite, v >= -9223372036854775808.0, v < 9223372036854775808.0 else { return .min }
        return Int64(v.rounded(.towardZero))
    }

    /// Mono's double → unsigned 64-bit helper: values below 2^63 convert signed, larger ones are
    /// shifted down by 2^63 first (so NaN and huge values wrap to 0).
    static func toUInt64(_ v: Double) -> UInt64 {
        let two63 = 9223372036854775808.0
        if v < two63 { return UInt64(bitPattern: truncate64(v)) }
        return UInt64(bitPattern: truncate64(v - two63)) &+ (1 << 63)
    }

    static func unchecked(_ op: Op, _ v: Double) -> Int64 {
        switch op {
        case .convR8ToI1: Int64(Int8(truncatingIfNeeded: truncate32(v)))
        case .convR8ToU1: Int64(UInt8(truncatingIfNeeded: truncate32(v)))
        case .convR8ToI2: Int64(Int16(truncatingIfNeeded: truncate32(v)))
        case .convR8ToU2: Int64(UInt16(truncatingIfNeeded: truncate32(v)))
        case .convR8ToI4: Int64(truncate32(v))
        case .convR8ToU4: Int64(Int32(truncatingIfNeeded: truncate64(v)))
        case .convR8ToI8: truncate64(v)
        default: Int64(bitPattern: toUInt64(v))  // convR8ToU8
        }
    }

    /// III.3.19: the value truncated toward zero must fit, else OverflowException (nil).
    static func checked(_ op: Op, _ v: Double) -> Int64? {
        guard !v.isNaN else { return nil }
        let t = v.rounded(.towardZero)
        func within(_ lo: Double, _ hi: Double) -> Bool { t >= lo && t <= hi }
        switch op {
        case .convOvfR8ToI1: return within(-128, 127) ? Int64(t) : nil
        case .convOvfR8ToU1: return within(0, 255) ? Int64(t) : nil
        case .convOvfR8ToI2: return within(-32768, 32767) ? Int64(t) : nil
        case .convOvfR8ToU2: return within(0, 65535) ? Int64(t) : nil
        case .convOvfR8ToI4: return within(-2147483648, 2147483647) ? Int64(t) : nil
        case .convOvfR8ToU4: return within(0, 4294967295) ? Int64(Int32(truncatingIfNeeded: UInt32(t))) : nil
        case .convOvfR8ToI8: return t >= -9223372036854775808.0 && t < 9223372036854775808.0 ? Int64(t) : nil
        default: return t >= 0 && t < 18446744073709551616.0 ? Int64(bitPattern: UInt64(t)) : nil
        }
    }
}

/// Overflow-checked integer narrowing (III.3.19): nil means OverflowException.
enum IntegerConversion {
    static func checked(_ op: Op, _ v: Int64) -> Int64? {
        let u = UInt64(bitPattern: v)
        switch op {
        case .convOvfI8ToI1: return Int8(exactly: v).map(Int64.init)
        case .convOvfI8ToU1: return UInt8(exactly: v).map(Int64.init)
        case .convOvfI8ToI2: return Int16(exactly: v).map(Int64.init)
        case .convOvfI8ToU2: return UInt16(exactly: v).map(Int64.init)
        case .convOvfI8ToI4: return Int32(exactly: v).map(Int64.init)
        case .convOvfI8ToU4: return UInt32(exactly: v).map { Int64(Int32(bitPattern: $0)) }
        case .convOvfI8ToU8, .convOvfI4ToU8: return v >= 0 ? v : nil
        case .convOvfUnI8ToI1: return u <= 127 ? v : nil
        case .convOvfUnI8ToU1: return u <= 255 ? v : nil
        case .convOvfUnI8ToI2: return u <= 32767 ? v : nil
        case .convOvfUnI8ToU2: return u <= 65535 ? v : nil
        case .convOvfUnI8ToI4: return u <= UInt64(Int32.max) ? v : nil
        case .convOvfUnI8ToU4: return u <= UInt64(UInt32.max) ? Int64(Int32(truncatingIfNeeded: u)) : nil
        case .convOvfUnI8ToI8: return u <= UInt64(Int64.max) ? v : nil
        default: return v  // convOvfUnI4ToI8OrU8: a zero-extended int32 always fits
        }
    }
}
