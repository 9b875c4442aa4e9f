/// Readers for the operand notations monodis prints.
enum MonodisOperand {
    static func label(_ offset: Int) -> String {
        let hex = String(offset, radix: 16)
        return "IL_" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Decimal (`61440`, `-5`) or hexadecimal (`0x50`) integers.
    static func integer(_ text: String) -> Int64? {
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16).map { Int64(bitPattern: $0) } }
        if text.hasPrefix("-0x") { return UInt64(text.dropFirst(3), radix: 16).map { -Int64(bitPattern: $0) } }
        return Int64(text)
    }

    /// `(00 00 c0 ff)` little-endian bytes, or a decimal literal.
    static func bytes(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("(") else { return nil }
        return text.split(whereSeparator: { "() ".contains($0) }).compactMap { UInt8($0, radix: 16) }
    }

    static func float32Bits(_ text: String) -> UInt32? {
        if let b = bytes(text), b.count == 4 { return b.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        return decimal(text).map { Float($0).bitPattern }
    }

    static func float64Bits(_ text: String) -> UInt64? {
        if let b = bytes(text), b.count == 8 { return b.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        return decimal(text).map { $0.bitPattern }
    }

    private static func decimal(_ text: String) -> Double? {
        var t = text
        if t.hasSuffix(".") { t += "0" }
        if t.hasPrefix("-.") { t = "-0" + t.dropFirst() }
        if t.hasPrefix(".") { t = "0" + t }
        return Double(t)
    }

    /// A string literal as UTF-16 code units: `"…"` with C-style escapes, or `bytearray (…)` of UTF-16LE.
    static func stringUnits(_ text: String) -> [UInt16]? {
        if text.hasPrefix("bytearray") {
            guard let b = bytes(String(text.dropFirst("bytearray".count).drop { $0 == " " })) else { return nil }
            return stride(from: 0, to: b.count - 1, by: 2).map { UInt16(b[$0]) | UInt16(b[$0 + 1]) << 8 }
        }
        guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 else { return nil }
        var out: [UInt16] = []
        var escaped = false
        for scalar in text.dropFirst().dropLast().unicodeScalars {
            if escaped {
                escaped = false
                switch scalar {
                case "n": out.append(10)
                case "t": out.append(9)
                case "r": out.append(13)
                case "a": out.append(7)
                case "b": out.append(8)
                case "f": out.append(12)
                case "v": out.append(11)
                case "0": out.append(0)
                default: out.append(contentsOf: String(scalar).utf16)
                }
                continue
            }
            if scalar == "\\" { escaped = true; continue }
            out.append(contentsOf: String(scalar).utf16)
        }
        return out
    }

    /// Whether monodis's operand text names `simple` as a whole identifier (possibly quoted).
    static func mentions(_ text: String, _ simple: String) -> Bool {
        if text.contains("'\(simple)'") { return true }
        var from = text.startIndex
        while let r = text.range(of: simple, range: from ..< text.endIndex) {
            let before = r.lowerBound == text.startIndex ? " " : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? " " : text[r.upperBound]
            let boundary: (Character) -> Bool = { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "`") }
            if boundary(before) && boundary(after) { return true }
            from = r.upperBound
        }
        return false
    }
}
