import CILInstructions
import Testing

@Suite("ILDecoder")
struct ILDecoderTests {
    /// A distinctive operand for each operand kind, and what it must decode to when the
    /// instruction starts at IL offset `offset`.
    static func sampleOperand(for opcode: Opcode, at offset: Int) -> (bytes: [UInt8], operand: Operand) {
        let next = offset + opcode.size  // where the operand starts
        switch opcode.operandKind {
        case .none:
            return ([], .none)
        case .int8:
            return ([0xF0], opcode.isPrefix ? .int(0xF0) : .int(-16))
        case .int32:
            return (littleEndian(UInt32(0x8000_0001)), .int(-2_147_483_647))
        case .int64:
            return (littleEndian(UInt64(0x8000_0000_0000_0001)), .int(Int64.min + 1))
        case .float32:
            // A signalling NaN with a payload: must come back bit for bit.
            return (littleEndian(UInt32(0xFF80_0001)), .float32Bits(0xFF80_0001))
        case .float64:
            return (littleEndian(UInt64(0x7FF0_0000_0000_0ABC)), .float64Bits(0x7FF0_0000_0000_0ABC))
        case .shortBranch:
            return ([0xFD], .branchTarget(next + 1 - 3))
        case .branch:
            return (littleEndian(Int32(0x0001_0000)), .branchTarget(next + 4 + 0x1_0000))
        case .shortVariable:
            return ([0xFF], .variable(255))
        case .variable:
            return (littleEndian(UInt16(0xFFFE)), .variable(0xFFFE))
        case .method, .field, .type, .token, .string, .signature:
            return (littleEndian(UInt32(0x0A00_0012)), .token(0x0A00_0012))
        case .switchTable:
            let end = next + 4 + 3 * 4
            let bytes = littleEndian(UInt32(3)) + littleEndian(Int32(-1)) + littleEndian(Int32(0))
                + littleEndian(Int32(100))
            return (bytes, .switchTargets([end - 1, end, end + 100]))
        }
    }

    @Test("every opcode round-trips with a distinctive operand", arguments: Opcode.all)
    func roundTrip(opcode: Opcode) throws {
        // A leading nop puts the instruction at offset 1, so offset arithmetic is exercised.
        let (operandBytes, expected) = Self.sampleOperand(for: opcode, at: 1)
        let bytes = [0x00] + opcode.info.encodingBytes + operandBytes
        let instructions = try ILDecoder(bytes: bytes).decodeAll()
        #expect(instructions.count == 2)
        let instruction = try #require(instructions.last)
        #expect(instruction.opcode == opcode)
        #expect(instruction.offset == 1)
        #expect(instruction.length == opcode.size + operandBytes.count)
        #expect(instruction.operand == expected)
        #expect(instruction.nextOffset == bytes.count)
    }

    @Test func wholeTableAsOneStream() throws {
        var bytes: [UInt8] = []
        var expected: [(offset: Int, opcode: Opcode, operand: Operand)] = []
        for opcode in Opcode.all {
            let (operandBytes, operand) = Self.sampleOperand(for: opcode, at: bytes.count)
            expected.append((bytes.count, opcode, operand))
            bytes += opcode.info.encodingBytes + operandBytes
        }
        let decoded = try ILDecoder(bytes: bytes).decodeAll()
        #expect(decoded.count == expected.count)
        for (instruction, want) in zip(decoded, expected) {
            #expect(instruction.offset == want.offset)
            #expect(instruction.opcode == want.opcode)
            #expect(instruction.operand == want.operand)
        }

        // The raw-buffer entry point agrees with the array one.
        let viaBuffer = try bytes.withUnsafeBytes { raw throws(ILDecodingError) in try ILDecoder.decodeAll(raw) }
        #expect(viaBuffer == decoded)
    }

    @Test func nextWalksTheStreamWithoutBuildingAnArray() throws {
        // ldc.i4.1; ldc.i4.s 7; add; ret
        var decoder = ILDecoder(bytes: [0x17, 0x1F, 0x07, 0x58, 0x2A])
        var seen: [String] = []
        while let instruction = try decoder.next() {
            seen.append(instruction.opcode.mnemonic)
        }
        #expect(seen == ["ldc.i4.1", "ldc.i4.s", "add", "ret"])
        #expect(decoder.isAtEnd)
        #expect(try decoder.next() == nil)
    }

    @Test func rangeOffsetsAreRelativeToTheBody() throws {
        // Two bytes of header before the body; a br.s back to the body's first instruction.
        let image: [UInt8] = [0xAA, 0xBB, 0x00, 0x2B, 0xFD, 0x2A, 0xCC]
        let decoder = try ILDecoder(bytes: image, range: 2..<6)
        #expect(decoder.codeSize == 4)
        let instructions = try decoder.decodeAll()
        #expect(instructions.map(\.offset) == [0, 1, 3])
        #expect(instructions[1].operand == .branchTarget(0))
        try ILDecoder.validateBranchTargets(instructions, codeSize: decoder.codeSize)
    }

    @Test func prefixesAreInstructionsOfTheirOwn() throws {
        // volatile. ldind.i4 ; unaligned. 1 ; tail. call 0x0A000001 ; constrained. 0x1B000002 callvirt
        let bytes: [UInt8] = [0xFE, 0x13, 0x4A, 0xFE, 0x12, 0x01, 0xFE, 0x14, 0x28, 0x01, 0x00, 0x00, 0x0A,
                              0xFE, 0x16, 0x02, 0x00, 0x00, 0x1B, 0x6F, 0x03, 0x00, 0x00, 0x0A]
        let instructions = try ILDecoder(bytes: bytes).decodeAll()
        #expect(instructions.map(\.opcode) == [.volatile, .ldindI4, .unaligned, .tail, .call, .constrained, .callvirt])
        #expect(instructions[2].operand == .int(1))
        #expect(instructions[5].operand == .token(0x1B00_0002))
    }

    @Test func emptyBodyDecodesToNothing() throws {
        #expect(try ILDecoder(bytes: []).decodeAll().isEmpty)
        #expect(try ILDecoder(bytes: [1, 2, 3], range: 1..<1).decodeAll().isEmpty)
    }

    @Test func branchTargetValidation() throws {
        // br.s +0 (to 2); nop; ret  -> valid
        let good = try ILDecoder(bytes: [0x2B, 0x00, 0x00, 0x2A]).decodeAll()
        #expect(ILDecoder.branchTargetsAreValid(good, codeSize: 4))

        // br.s +1 lands in the middle of nothing: offset 3 is past the end of a 3-byte body.
        let outside = try ILDecoder(bytes: [0x2B, 0x01, 0x2A]).decodeAll()
        #expect(throws: ILDecodingError(.branchTargetOutsideBody(target: 3, codeSize: 3), offset: 0)) {
            try ILDecoder.validateBranchTargets(outside, codeSize: 3)
        }

        // Backwards before the body.
        let negative = try ILDecoder(bytes: [0x00, 0x2B, 0xF0]).decodeAll()
        #expect(negative[1].operand == .branchTarget(3 - 16))
        #expect(throws: ILDecodingError(.branchTargetOutsideBody(target: -13, codeSize: 3), offset: 1)) {
            try ILDecoder.validateBranchTargets(negative, codeSize: 3)
        }

        // br.s to offset 3, which is inside the ldc.i4 at offset 2.
        let inside = try ILDecoder(bytes: [0x2B, 0x01, 0x20, 0, 0, 0, 0, 0x2A]).decodeAll()
        #expect(throws: ILDecodingError(.branchTargetInsideInstruction(target: 3), offset: 0)) {
            try ILDecoder.validateBranchTargets(inside, codeSize: 8)
        }

        // switch with one target out of the body.
        let switchBody = [0x45] + littleEndian(UInt32(2)) + littleEndian(Int32(0)) + littleEndian(Int32(50)) + [0x2A]
        let decoded = try ILDecoder(bytes: switchBody).decodeAll()
        #expect(decoded[0].operand == .switchTargets([13, 63]))
        #expect(throws: ILDecodingError(.branchTargetOutsideBody(target: 63, codeSize: 14), offset: 0)) {
            try ILDecoder.validateBranchTargets(decoded, codeSize: 14)
        }
    }

    @Test func errorsSayWhereAndWhat() {
        let error = ILDecodingError(.truncatedOperand(.ldcI4, needed: 4, available: 2), offset: 0x2A)
        #expect(error.description == "IL_002a: ldc.i4 needs 4 operand bytes but only 2 remain")
        #expect(ILDecodingError(.unknownExtendedOpcode(0x08), offset: 3).description == "IL_0003: unknown opcode 0xFE 0x08")
    }
}
