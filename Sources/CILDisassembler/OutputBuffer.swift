/// Where finished text goes: called with each full chunk of output bytes, in order.
/// The CLI passes one that `fwrite`s to stdout; tests pass one that collects.
public typealias OutputSink = ([UInt8]) -> Void

/// A growable byte buffer that hands full chunks to a sink.
///
/// The disassembler writes tens of megabytes for a large assembly, so text is never built by
/// `String` concatenation: every piece (mnemonics, cached names, numbers in decimal and hex) is
/// copied as bytes into one buffer, which is flushed to the sink whenever it passes
/// `chunkSize`. Numbers are formatted straight into the buffer without intermediate strings.
struct OutputBuffer {
    private(set) var bytes: [UInt8]
    private let sink: OutputSink
    /// Flush threshold; chunks are about this size.
    let chunkSize: Int

    init(chunkSize: Int = 1 << 16, sink: @escaping OutputSink) {
        self.chunkSize = chunkSize
        self.sink = sink
        bytes = []
        bytes.reserveCapacity(chunkSize + 4096)
    }

    /// A small buffer that is never flushed, for building one cached name or signature.
    init(scratchCapacity: Int) {
        chunkSize = Int.max
        sink = { _ in }
        bytes = []
        bytes.reserveCapacity(scratchCapacity)
    }

    /// Number of flushes so far; a `Mark` is only good within one generation.
    private(set) var generation = 0

    /// Hands everything written so far to the sink.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
        generation &+= 1
    }

    /// Flushes when the buffer holds a full chunk. Writers call this between items (after a
    /// method, a field, a class header), never inside one, so an item that fails half-way can
    /// still be taken back with `rewind(to:)`.
    @inline(__always)
    mutating func flushIfFull() {
        if bytes.count >= chunkSize { flush() }
    }

    var count: Int { bytes.count }

    /// Drops everything in the buffer (for callers that take lines out one by one).
    mutating func truncateAll() { bytes.removeAll(keepingCapacity: true) }

    /// A position in the output, to take back a half-written item.
    struct Mark { let generation: Int; let count: Int }

    var mark: Mark { Mark(generation: generation, count: bytes.count) }

    /// Drops everything written after `mark` (an item failed half-way and is replaced by a
    /// comment). Returns false, and drops nothing, when the text was flushed in between.
    @discardableResult
    mutating func rewind(to mark: Mark) -> Bool {
        guard mark.generation == generation, mark.count >= 0, mark.count <= bytes.count else { return false }
        bytes.removeSubrange(mark.count...)
        return true
    }

    // MARK: raw pieces

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func write(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func write(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    @inline(__always) mutating func write(_ b: ArraySlice<UInt8>) { bytes.append(contentsOf: b) }

    mutating func write(string s: String) { bytes.append(contentsOf: s.utf8) }

    @inline(__always) mutating func newline() { bytes.append(0x0A) }

    /// `count` spaces (at most 128: deeper nesting is hostile and need not line up).
    mutating func indent(_ count: Int) {
        for _ in 0 ..< max(0, min(count, 128)) { bytes.append(0x20) }
    }

    // MARK: numbers

    /// Decimal, with a leading `-` for negative values.
    mutating func decimal(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            unsignedDecimal(value.magnitude)
        } else {
            unsignedDecimal(UInt64(value))
        }
    }

    @inline(__always) mutating func decimal(_ value: Int) { decimal(Int64(value)) }

    mutating func unsignedDecimal(_ value: UInt64) {
        if value < 10 { bytes.append(0x30 &+ UInt8(value)); return }
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            while v > 0 {
                p[n] = 0x30 &+ UInt8(v % 10)
                v /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                bytes.append(p[n])
            }
        }
    }

    static let hexDigitsLower: [UInt8] = Array("0123456789abcdef".utf8)
    static let hexDigitsUpper: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// At least `minDigits` hex digits (more if the value needs them), no `0x`.
    mutating func hex(_ value: UInt64, minDigits: Int, uppercase: Bool = false) {
        var width = 1
        while width < 16 && value >> (UInt64(width) * 4) != 0 { width += 1 }
        width = max(width, min(minDigits, 16))
        let digits = uppercase ? OutputBuffer.hexDigitsUpper : OutputBuffer.hexDigitsLower
        var shift = (width - 1) * 4
        while shift >= 0 {
            bytes.append(digits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
    }

    /// `0x` and exactly `digits` uppercase hex digits.
    mutating func hex0x(_ value: UInt64, digits: Int) {
        write("0x")
        hex(value, minDigits: digits, uppercase: true)
    }

    /// Two uppercase hex digits.
    @inline(__always) mutating func hexByte(_ b: UInt8) {
        bytes.append(OutputBuffer.hexDigitsUpper[Int(b >> 4)])
        bytes.append(OutputBuffer.hexDigitsUpper[Int(b & 0xF)])
    }

    /// `IL_xxxx`: the label of an IL offset, four lowercase hex digits or more.
    mutating func label(_ offset: Int) {
        write("IL_")
        if offset < 0 {
            bytes.append(UInt8(ascii: "-"))
            hex(UInt64(offset.magnitude), minDigits: 4)
        } else {
            hex(UInt64(offset), minDigits: 4)
        }
    }

    /// `( 01 02 … )`: bytes as ilasm's bytearray body, 16 per line after the first, with the
    /// continuation lines indented by `indent` levels.
    mutating func byteList(_ data: ArraySlice<UInt8>, indent level: Int) {
        byte(UInt8(ascii: "("))
        if data.isEmpty { byte(UInt8(ascii: ")")); return }
        var i = 0
        for b in data {
            if i > 0 && i % 16 == 0 {
                newline()
                indent(level)
                write("  ")
            } else {
                byte(0x20)
            }
            hexByte(b)
            i += 1
        }
        write(" )")
    }
}
