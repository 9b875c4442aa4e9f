#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Math and number formatting internal calls. They use the host's C library on purpose: Mono
/// calls the same libm and snprintf, so results agree bit for bit on the same platform.
extension NativeRegistry {
    func registerNumberNatives() {
        let unary: [(String, (Double) -> Double)] = [
            ("Acos", acos), ("Acosh", acosh), ("Asin", asin), ("Asinh", asinh), ("Atan", atan), ("Atanh", atanh),
            ("Cbrt", cbrt), ("Cos", cos), ("Cosh", cosh), ("Exp", exp), ("Log", log), ("Log10", log10),
            ("Sin", sin), ("Sinh", sinh), ("Tan", tan), ("Tanh", tanh), ("Sqrt", sqrt), ("Floor", floor), ("Ceiling", ceil),
            // Math.Round(double): round half to even (IEEE), as Mono's icall does.
            ("Round", { $0.rounded(.toNearestOrEven) }),
        ]
        for (name, f) in unary {
            register("System.Math::\(name)") { (c: inout NativeContext) throws(RuntimeError) in c.returnDouble(f(c.double(0))) }
        }
        register("System.Math::Abs(System.Double)") { (c: inout NativeContext) throws(RuntimeError) in c.returnDouble(abs(c.double(0))) }
        register("System.Math::Abs(System.Single)") { (c: inout NativeContext) throws(RuntimeError) in c.returnFloat(abs(c.float(0))) }
        register("System.Math::Atan2") { (c: inout NativeContext) throws(RuntimeError) in c.returnDouble(atan2(c.double(0), c.double(1))) }
        register("System.Math::Pow") { (c: inout NativeContext) throws(RuntimeError) in c.returnDouble(pow(c.double(0), c.double(1))) }
        register("System.Math::FMod") { (c: inout NativeContext) throws(RuntimeError) in c.returnDouble(fmod(c.double(0), c.double(1))) }
        register("System.Math::ModF") { (c: inout NativeContext) throws(RuntimeError) in
            var integral = 0.0
            let fraction = modf(c.double(0), &integral)
            guard let p = c.runtime.space.pointer(c.uint64(1), 8) else { try c.raise(.nullReference); return }
            p.storeBytes(of: integral, as: Double.self)
            c.returnDouble(fraction)
        }
        for (name, f) in [("Sqrt", sqrtf), ("Floor", floorf), ("Ceiling", ceilf), ("Sin", sinf), ("Cos", cosf), ("Tan", tanf),
                          ("Exp", expf), ("Log", logf), ("Log10", log10f)] as [(String, (Float) -> Float)] {
            register("System.MathF::\(name)") { (c: inout NativeContext) throws(RuntimeError) in c.returnFloat(f(c.float(0))) }
        }
        // Interop.Sys.DoubleToString(double value, byte* format, byte* buffer, int length): snprintf.
        // The format comes from guest memory, so only the shapes the class library uses pass.
        register("Interop/Sys::DoubleToString") { (c: inout NativeContext) throws(RuntimeError) in
            let space = c.runtime.space
            let length = Int(c.int32(3))
            guard length > 0, length <= 4096, let out = space.pointer(c.uint64(2), length), let format = space.cString(c.uint64(1), limit: 16) else {
                try c.raise(.argument); return
            }
            guard NumberFormatting.isSafeFloatFormat(format) else {
                throw RuntimeError(.unmodelledNative, "DoubleToString with format \(format.debugDescription)")
            }
            let value = c.double(0)
            let written = withVaList([value]) { vsnprintf(out.assumingMemoryBound(to: CChar.self), length, format, $0) }
            c.returnInt32(Int32(written))
        }
    }
}

enum NumberFormatting {
    /// `%.<digits><e|E|f|g|G>` and nothing else: no flags, widths or other conversions.
    static func isSafeFloatFormat(_ f: String) -> Bool {
        let chars = Array(f)
        guard chars.count >= 4, chars.count <= 8, chars[0] == "%", chars[1] == ".", let last = chars.last,
              "eEfgG".contains(last) else { return false }
        return chars[2 ..< chars.count - 1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension AddressSpace {
    /// A NUL-terminated byte string at `address` of at most `limit` bytes, decoded as UTF-8.
    func cString(_ address: UInt64, limit: Int) -> String? {
        var bytes: [UInt8] = []
        for k in 0 ..< limit {
            guard let p = pointer(address + UInt64(k), 1) else { return nil }
            let b = p.loadUnaligned(as: UInt8.self)
            if b == 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(b)
        }
        return nil
    }
}
