import CILMetadata

/// A minimal streaming JSON writer: keys in the order they are written (so output is stable),
/// strings escaped per RFC 8259 and always valid UTF-8 (bytes from hostile heaps that are not
/// UTF-8 become U+FFFD).
struct JSONEmitter {
    var out: OutputBuffer
    /// One entry per open container: has it got a member yet?
    private var hasMember: [Bool] = []
    /// A key was just written: the next value is its value, not a new member.
    private var afterKey = false

    init(out: OutputBuffer) { self.out = out }

    /// Separates array elements and object members; a value right after its key needs nothing.
    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        if let last = hasMember.last {
            if last { out.byte(UInt8(ascii: ",")) }
            hasMember[hasMember.count - 1] = true
        }
    }

    mutating func beginObject() { beforeValue(); out.byte(UInt8(ascii: "{")); hasMember.append(false) }
    mutating func endObject() { hasMember.removeLast(); out.byte(UInt8(ascii: "}")) }
    mutating func beginArray() { beforeValue(); out.byte(UInt8(ascii: "[")); hasMember.append(false) }
    mutating func endArray() { hasMember.removeLast(); out.byte(UInt8(ascii: "]")) }
    mutating func objectValue() { beginObject() }
    mutating func arrayValue() { beginArray() }

    /// `"key":`; the next value written is this key's value.
    mutating func key(_ k: StaticString) {
        beforeValue()
        out.byte(UInt8(ascii: "\""))
        out.write(k)
        out.write("\":")
        afterKey = true
    }

    mutating func null() { beforeValue(); out.write("null") }
    mutating func bool(_ v: Bool) { beforeValue(); out.write(v ? "true" : "false") }
    mutating func int(_ v: Int) { beforeValue(); out.decimal(v) }
    mutating func string(_ s: String) { string(Array(s.utf8)[...]) }
    mutating func string(_ bytes: [UInt8]) { string(bytes[...]) }

    mutating func string(_ bytes: ArraySlice<UInt8>) {
        beforeValue()
        out.byte(UInt8(ascii: "\""))
        if bytes.allSatisfy({ $0 < 0x80 }) {
            escapeASCIIOrUTF8(bytes)
        } else {
            // Repair whatever is not UTF-8 before escaping.
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            escapeASCIIOrUTF8(repaired[...])
        }
        out.byte(UInt8(ascii: "\""))
    }

    private mutating func escapeASCIIOrUTF8(_ bytes: ArraySlice<UInt8>) {
        for b in bytes {
            switch b {
            case 0x22: out.write("\\\"")
            case 0x5C: out.write("\\\\")
            case 0x0A: out.write("\\n")
            case 0x0D: out.write("\\r")
            case 0x09: out.write("\\t")
            case 0 ..< 0x20:
                out.write("\\u00")
                out.hexByte(b)
            default: out.byte(b)
            }
        }
    }

    /// `"0x06000001"`
    mutating func token(_ t: MetadataToken) {
        beforeValue()
        out.write("\"0x")
        out.hex(UInt64(t.value), minDigits: 8)
        out.byte(UInt8(ascii: "\""))
    }
}
