import CILInstructions
import Testing

/// Method bodies come from untrusted files: every malformation must give a typed error at the
/// right IL offset, never a trap or an allocation the input cannot justify (DESIGN.md 8).
@Suite("ILDecoder on hostile input")
struct ILDecoderHostileInputTests {
    static let opcodesWithOperands = Opcode.all.filter { $0.operandKind != .none }

    @Test("every operand cut short", arguments: opcodesWithOperands)
    func truncatedOperand(opcode: Opcode) {
        // For switch only the count is fixed-size; a short table is covered below.
        let needed = opcode.info.operandByteSize ?? 4
        for available in 0..<needed {
            // After a nop, so the error must name offset 1, not 0.
            let bytes = [0x00] + opcode.info.encodingBytes + [UInt8](repeating: 0x7F, count: available)
            expectDecodingError(bytes, .truncatedOperand(opcode, needed: needed, available: available), at: 1)
        }
    }

    @Test func switchCountLargerThanTheBody() {
        // 2^32 - 1 targets would be 16 GiB; the check must come before any allocation.
        let huge = [0x00, 0x00, 0x45] + littleEndian(UInt32.max) + [UInt8](repeating: 0, count: 8)
        expectDecodingError(huge, .switchTableTooLong(count: .max, available: 8), at: 2)

        // One target short.
        let short = [0x45] + littleEndian(UInt32(3)) + littleEndian(Int32(0)) + littleEndian(Int32(0))
        expectDecodingError(short, .switchTableTooLong(count: 3, available: 8), at: 0)

        // A partial target (3 bytes) is not enough either.
        let partial = [0x45] + littleEndian(UInt32(1)) + [0, 0, 0]
        expectDecodingError(partial, .switchTableTooLong(count: 1, available: 3), at: 0)

        // 0x40000000 * 4 overflows UInt32 arithmetic; must still be rejected.
        let wrapping = [0x45] + littleEndian(UInt32(0x4000_0000)) + [0x2A]
        expectDecodingError(wrapping, .switchTableTooLong(count: 0x4000_0000, available: 1), at: 0)
    }

    @Test func everyUnassignedOneByteValue() {
        let assigned = Set(Opcode.all.filter { !$0.info.isTwoByte }.map { UInt8($0.value) })
        let unassigned = (0...255).map(UInt8.init).filter { !assigned.contains($0) && $0 != 0xFE }
        #expect(unassigned.count == 64)
        for byte in unassigned {
            expectDecodingError([0x00, 0x00, byte, 0x2A], .unknownOpcode(byte), at: 2)
        }
    }

    @Test func everyUnassignedTwoByteValue() {
        let assigned = Set(Opcode.all.filter(\.info.isTwoByte).map { UInt8($0.value & 0xFF) })
        let unassigned = (0...255).map(UInt8.init).filter { !assigned.contains($0) }
        #expect(unassigned.count == 228)
        for byte in unassigned {
            expectDecodingError([0x00, 0xFE, byte, 0x2A], .unknownExtendedOpcode(byte), at: 1)
        }
    }

    @Test func twoBytePrefixAtTheEnd() {
        expectDecodingError([0xFE], .truncatedOpcode, at: 0)
        expectDecodingError([0x00, 0x2A, 0xFE], .truncatedOpcode, at: 2)
    }

    @Test func rangesOutsideTheBuffer() {
        for range in [-1..<2, 0..<5, 4..<9] {
            #expect(throws: ILDecodingError(
                .rangeOutsideBuffer(lowerBound: range.lowerBound, upperBound: range.upperBound, bufferSize: 4),
                offset: 0)
            ) {
                _ = try ILDecoder(bytes: [0, 0, 0, 0], range: range)
            }
        }
    }

    @Test func rawDecodingOutsideTheBody() {
        let bytes: [UInt8] = [0x00, 0x2A]
        for offset in [-1, 2, Int.max] {
            bytes.withUnsafeBytes { raw in
                _ = #expect(throws: ILDecodingError(.offsetOutsideBody(codeSize: 2), offset: offset)) {
                    _ = try ILDecoder.decodeInstruction(at: offset, in: raw)
                }
            }
        }
    }

    @Test func extremeBranchOffsetsDecode() throws {
        // Decoding accepts any offset; validation rejects it.
        let bytes = [0x38] + littleEndian(Int32.min) + [0x38] + littleEndian(Int32.max)
        let instructions = try ILDecoder(bytes: bytes).decodeAll()
        #expect(instructions[0].operand == .branchTarget(5 + Int(Int32.min)))
        #expect(instructions[1].operand == .branchTarget(10 + Int(Int32.max)))
        #expect(!ILDecoder.branchTargetsAreValid(instructions, codeSize: bytes.count))
        // A codeSize that claims more than was decoded must not cost memory or trap.
        #expect(!ILDecoder.branchTargetsAreValid(instructions, codeSize: Int.max))
    }

    @Test func lenientDecodingKeepsWhatCameBeforeTheError() {
        // ldc.i4.0; ret; then an unassigned byte and more.
        let bytes: [UInt8] = [0x16, 0x2A, 0x24, 0x00]
        let (instructions, error) = ILDecoder(bytes: bytes).decodeLeniently()
        #expect(instructions.map(\.opcode) == [.ldcI40, .ret])
        #expect(error == ILDecodingError(.unknownOpcode(0x24), offset: 2))
        let viaBuffer = bytes.withUnsafeBytes { ILDecoder.decodeLeniently($0) }
        #expect(viaBuffer.instructions == instructions)
        #expect(viaBuffer.error == error)

        let clean = ILDecoder(bytes: [0x00, 0x2A]).decodeLeniently()
        #expect(clean.instructions.count == 2)
        #expect(clean.error == nil)
    }

    @Test func randomBytesNeverTrap() {
        var random = SplitMix64(state: 0xC11B_0C5)
        var decodedCount = 0
        var errorCount = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...48, using: &random)
            // Bias towards real opcodes and the 0xFE prefix so decoding gets past the first byte.
            let bytes: [UInt8] = (0..<length).map { _ in
                switch Int.random(in: 0..<8, using: &random) {
                case 0: 0xFE
                case 1: 0x45
                case 2: 0x00
                default: UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                let instructions = try ILDecoder(bytes: bytes).decodeAll()
                decodedCount += 1
                #expect(instructions.reduce(0) { $0 + $1.length } == bytes.count)
                _ = ILDecoder.branchTargetsAreValid(instructions, codeSize: bytes.count)
            } catch {
                errorCount += 1
                #expect(error.offset >= 0 && error.offset < bytes.count)
            }
        }
        #expect(decodedCount > 0 && errorCount > 0)
    }
}
