import CILInstructions
import Foundation
import Testing

/// The package root, found from this file's path (Tests/CILInstructionsTests/<file>).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CILInstructionsTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// Decodes `bytes` as a whole body and checks that it fails with `kind` at `offset`.
func expectDecodingError(
    _ bytes: [UInt8], _ kind: ILDecodingError.Kind, at offset: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let instructions = try ILDecoder(bytes: bytes).decodeAll()
        Issue.record(
            "expected \(kind) at \(offset), decoded \(instructions.map(\.opcode.mnemonic)) from \(bytes)",
            sourceLocation: sourceLocation)
    } catch {
        #expect(error.kind == kind, "bytes \(bytes)", sourceLocation: sourceLocation)
        #expect(error.offset == offset, "bytes \(bytes)", sourceLocation: sourceLocation)
    }
}

/// Little-endian bytes of an integer, as operands are stored.
func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
}

/// A small deterministic generator (SplitMix64), so random-input tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
