/// `ldstr` operands and string constants: UTF-16 text written so that ilasm stores exactly the
/// same code units again.
///
/// A string goes in double quotes when every code unit can be spelled there: printable ASCII
/// as itself, `"` and `\` escaped, tab/newline/return as `\t \n \r`, other control characters
/// as three-digit octal escapes, and everything else as UTF-8 (Mono's ilasm reads its input
/// as UTF-8). A lone surrogate has no UTF-8 spelling, so such a string is written as
/// `bytearray (…)`, its UTF-16LE bytes, which ilasm accepts for `ldstr` and for field
/// constants alike.
enum StringLiteral {
    /// Writes `"…"` or, when that cannot carry the text, `bytearray (…)`.
    static func write(_ units: [UInt16], to out: inout OutputBuffer, indent: Int) {
        let mark = out.mark
        if writeQuoted(units, to: &out) { return }
        if !out.rewind(to: mark) { out.write(" // cilbox: string continues as bytes ") }
        writeByteArray(units, to: &out, indent: indent)
    }

    /// `bytearray (…)` of the UTF-16LE bytes.
    static func writeByteArray(_ units: [UInt16], to out: inout OutputBuffer, indent: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 2)
        for u in units {
            bytes.append(UInt8(truncatingIfNeeded: u))
            bytes.append(UInt8(truncatingIfNeeded: u >> 8))
        }
        out.write("bytearray ")
        out.byteList(bytes[...], indent: indent)
    }

    /// Writes the quoted form; returns false (having written part of it) at a lone surrogate.
    static func writeQuoted(_ units: [UInt16], to out: inout OutputBuffer) -> Bool {
        out.byte(UInt8(ascii: "\""))
        var i = 0
        let n = units.count
        while i < n {
            let u = units[i]
            i += 1
            switch u {
            case 0x22: out.byte(0x5C); out.byte(0x22)
            case 0x5C: out.byte(0x5C); out.byte(0x5C)
            case 0x09: out.byte(0x5C); out.byte(UInt8(ascii: "t"))
            case 0x0A: out.byte(0x5C); out.byte(UInt8(ascii: "n"))
            case 0x0D: out.byte(0x5C); out.byte(UInt8(ascii: "r"))
            case 0 ..< 0x20, 0x7F:
                // Octal, three digits: the only numeric escape ilasm's string reader knows.
                out.byte(0x5C)
                out.byte(0x30 &+ UInt8(u >> 6))
                out.byte(0x30 &+ UInt8((u >> 3) & 7))
                out.byte(0x30 &+ UInt8(u & 7))
            case 0x20 ..< 0x7F:
                out.byte(UInt8(u))
            case 0x80 ..< 0x800:
                out.byte(0xC0 | UInt8(u >> 6))
                out.byte(0x80 | UInt8(u & 0x3F))
            case 0xD800 ..< 0xDC00:
                // A high surrogate must be followed by a low one to form a scalar value.
                guard i < n, units[i] >= 0xDC00, units[i] < 0xE000 else { return false }
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                i += 1
                out.byte(0xF0 | UInt8(scalar >> 18))
                out.byte(0x80 | UInt8((scalar >> 12) & 0x3F))
                out.byte(0x80 | UInt8((scalar >> 6) & 0x3F))
                out.byte(0x80 | UInt8(scalar & 0x3F))
            case 0xDC00 ..< 0xE000:
                return false
            default:
                out.byte(0xE0 | UInt8(u >> 12))
                out.byte(0x80 | UInt8((u >> 6) & 0x3F))
                out.byte(0x80 | UInt8(u & 0x3F))
            }
        }
        out.byte(UInt8(ascii: "\""))
        return true
    }
}
