/// What is known, from outside this module, about how far each instruction is supported.
///
/// DESIGN.md decision 9: a checklist status is never typed by hand. `decoded` is measured
/// here, against the decoder; the other three statuses come from evidence that later stages
/// gather (the runtime's transformer, test results, recorded fuzz campaigns) and pass in.
public struct ChecklistEvidence: Sendable {
    /// Opcodes the runtime has a handler for.
    public var implemented: Set<Opcode>
    /// Opcodes exercised by passing tests whose expectations came from a real runtime.
    public var tested: Set<Opcode>
    /// For tested opcodes, the names of the passing tests that exercise them, sorted.
    public var testedBy: [Opcode: [String]]
    /// Opcodes that appeared in fuzz campaigns recorded in the ledger without divergence.
    public var fuzzValidated: Set<Opcode>

    public init(implemented: Set<Opcode> = [], tested: Set<Opcode> = [], fuzzValidated: Set<Opcode> = []) {
        self.implemented = implemented
        self.tested = tested
        self.testedBy = [:]
        self.fuzzValidated = fuzzValidated
    }

    /// Evidence where an opcode is tested exactly when at least one test is named for it.
    public init(implemented: Set<Opcode> = [], testedBy: [Opcode: [String]], fuzzValidated: Set<Opcode> = []) {
        self.implemented = implemented
        self.testedBy = testedBy.filter { !$0.value.isEmpty }
        self.tested = Set(self.testedBy.keys)
        self.fuzzValidated = fuzzValidated
    }

    /// No evidence yet: nothing counts as implemented, tested or fuzz-validated.
    public static let empty = ChecklistEvidence()
}

/// One row of the instruction checklist.
public struct ChecklistEntry: Hashable, Sendable {
    public let opcode: Opcode
    public let mnemonic: String
    /// `"0x58"` or `"0xFE 0x01"`.
    public let encoding: String
    /// What the operand is, in words.
    public let operand: String
    /// Stack types before and after, e.g. `"..., any, any -> ..., any"`.
    public let stackTransition: String
    public let description: String
    public let ecmaSection: String
    public let fuzzClass: String
    /// The decoder routes the encoding to this opcode and decodes a sample instance of it.
    public let decoded: Bool
    public let implemented: Bool
    public let tested: Bool
    /// The passing tests that exercise the opcode, sorted (empty when the evidence names none).
    public let testedBy: [String]
    public let fuzzValidated: Bool
}

/// Builds the checklist from the instruction table and the evidence available.
public enum Checklist {
    /// One entry per instruction, in table order.
    public static func entries(evidence: ChecklistEvidence = .empty) -> [ChecklistEntry] {
        Opcode.all.map { opcode in
            let info = opcode.info
            return ChecklistEntry(
                opcode: opcode,
                mnemonic: info.mnemonic,
                encoding: info.encodingText,
                operand: info.operandDescription,
                stackTransition: stackTransition(info),
                description: info.description,
                ecmaSection: info.ecmaSection,
                fuzzClass: info.fuzzClass,
                decoded: decoderHandles(opcode),
                implemented: evidence.implemented.contains(opcode),
                tested: evidence.tested.contains(opcode),
                testedBy: evidence.testedBy[opcode] ?? [],
                fuzzValidated: evidence.fuzzValidated.contains(opcode))
        }
    }

    /// The evidence behind `decoded`: the byte lookup tables route the opcode's encoding to
    /// it, and decoding a synthesised instance (the encoding, then a zero operand of the
    /// right size; for `switch` a count of 0) gives back this opcode with the right length.
    public static func decoderHandles(_ opcode: Opcode) -> Bool {
        let info = opcode.info
        let routed: Opcode? =
            info.isTwoByte
            ? Opcode(extendedByte: UInt8(truncatingIfNeeded: info.value))
            : Opcode(byte: UInt8(truncatingIfNeeded: info.value))
        guard routed == opcode else { return false }

        let sample = sampleEncoding(of: opcode)
        var decoder = ILDecoder(bytes: sample)
        guard let instruction = try? decoder.next() else { return false }
        return instruction.opcode == opcode && instruction.offset == 0
            && instruction.length == sample.count && decoder.isAtEnd
    }

    /// The opcode's bytes followed by an all-zero operand (a zero-target table for `switch`).
    public static func sampleEncoding(of opcode: Opcode) -> [UInt8] {
        let info = opcode.info
        let operandSize = info.operandByteSize ?? 4  // switch: just the count, N = 0
        return info.encodingBytes + [UInt8](repeating: 0, count: operandSize)
    }

    /// `"..., O, int32|native int -> ..., any"`, from the table's pop and push types.
    static func stackTransition(_ info: OpcodeInfo) -> String {
        let before = info.popTypes.isEmpty ? "..." : "..., " + info.popTypes
        let after = info.pushTypes.isEmpty ? "..." : "..., " + info.pushTypes
        return before + " -> " + after
    }
}
