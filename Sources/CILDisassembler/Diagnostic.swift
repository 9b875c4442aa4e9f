import CILMetadata

/// Something the disassembler could not decode and passed over. The text carries the same
/// words as a `// cilbox: cannot decode … at …: …` comment where the item would have been.
public struct DisassemblyDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The item being written: a TypeDef, MethodDef, Field, CustomAttribute … token, or nil
    /// for the file as a whole.
    public var token: MetadataToken?
    /// The IL offset inside a method body, when the problem is in one.
    public var ilOffset: Int?
    /// What could not be decoded: "method", "operand 0x0A000012 of call", "file", …
    public var item: String
    /// Why, usually a `MetadataError` or `ILDecodingError` description.
    public var message: String

    public init(token: MetadataToken?, ilOffset: Int? = nil, item: String, message: String) {
        self.token = token
        self.ilOffset = ilOffset
        self.item = item
        self.message = message
    }

    /// `token 0x06000012 IL_0004` (or less, when those are unknown).
    public var location: String {
        var parts: [String] = []
        if let token { parts.append("token \(token)") }
        if let ilOffset {
            let digits = String(ilOffset.magnitude, radix: 16)
            parts.append((ilOffset < 0 ? "IL_-" : "IL_") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
        }
        return parts.joined(separator: " ")
    }

    /// `cannot decode operand 0x0A000012 of call at token 0x06000003 IL_0004: outOfRange …`
    public var description: String {
        let at = location
        return "cannot decode \(item)\(at.isEmpty ? "" : " at " + at): \(message)"
    }
}
