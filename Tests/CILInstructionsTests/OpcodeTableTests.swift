import CILInstructions
import Testing

@Suite("Opcode table")
struct OpcodeTableTests {
    @Test func hasEveryInstruction() {
        #expect(Opcode.count == 219)
        #expect(Opcode.all.count == 219)
        #expect(Opcode.all.map(\.index) == (0..<219).map { UInt16($0) })
        #expect(Opcode.all.filter { !$0.info.isTwoByte }.count == 191)
        #expect(Opcode.all.filter { $0.info.isTwoByte }.count == 28)
    }

    @Test func hasTheSixPrefixes() {
        // III.2: the only prefixes CIL defines.
        let prefixes = Set(Opcode.all.filter(\.isPrefix).map(\.mnemonic))
        #expect(prefixes == ["unaligned.", "volatile.", "tail.", "constrained.", "no.", "readonly."])
        for opcode in Opcode.all where opcode.isPrefix {
            #expect(opcode.flowControl == .meta)
            #expect(opcode.info.isTwoByte)
        }
    }

    @Test func encodingsAndMnemonicsAreUnique() {
        #expect(Set(Opcode.all.map(\.value)).count == Opcode.count)
        #expect(Set(Opcode.all.map(\.mnemonic)).count == Opcode.count)
        #expect(Set(Opcode.all.map(\.info.encodingText)).count == Opcode.count)
    }

    @Test func valuesUseTheTwoByteFormOnlyAfter0xFE() {
        for opcode in Opcode.all {
            let info = opcode.info
            if info.isTwoByte {
                #expect(info.value & 0xFF00 == 0xFE00, "\(opcode)")
                #expect(info.size == 2)
            } else {
                #expect(info.value != 0xFE, "\(opcode)")
                #expect(info.size == 1)
            }
            #expect(info.encodingBytes.count == info.size)
        }
    }

    @Test func lookupTablesRouteEveryEncodingToItsOpcode() {
        for opcode in Opcode.all {
            #expect(Opcode(value: opcode.value) == opcode)
            #expect(Opcode(mnemonic: opcode.mnemonic) == opcode)
        }
        #expect(Opcode(byte: 0xFE) == nil)
        let oneByte = (0...255).compactMap { Opcode(byte: UInt8($0)) }
        let twoByte = (0...255).compactMap { Opcode(extendedByte: UInt8($0)) }
        #expect(oneByte.count == 191)
        #expect(twoByte.count == 28)
        #expect(Set(oneByte + twoByte) == Set(Opcode.all))
        #expect(Opcode(value: 0x0100) == nil)
        #expect(Opcode(value: 0xFF00) == nil)
        #expect(Opcode(mnemonic: "brnull") == nil)
        #expect(Opcode(mnemonic: "ADD") == nil)
    }

    @Test func namedOpcodesMatchTheTable() {
        #expect(Opcode.nop.value == 0x00)
        #expect(Opcode.add.mnemonic == "add")
        #expect(Opcode.ldcI4M1.mnemonic == "ldc.i4.m1")
        #expect(Opcode.`switch`.value == 0x45)
        #expect(Opcode.`switch`.operandKind == .switchTable)
        #expect(Opcode.ceq.value == 0xFE01)
        #expect(Opcode.ceq.info.encodingText == "0xFE 0x01")
        #expect(Opcode.arglist.info.encodingText == "0xFE 0x00")
        #expect(Opcode.unaligned.mnemonic == "unaligned.")
        #expect(Opcode.convOvfU8Un.mnemonic == "conv.ovf.u8.un")
        #expect(Opcode.`throw`.flowControl == .throw)
        #expect(Opcode.ret.flowControl == .return)
    }

    @Test func operandSizesFollowTheOperandKind() {
        #expect(Opcode.ldcI4S.info.operandByteSize == 1)
        #expect(Opcode.ldcI8.info.operandByteSize == 8)
        #expect(Opcode.ldarg.info.operandByteSize == 2)
        #expect(Opcode.`switch`.info.operandByteSize == nil)
        #expect(Opcode.call.operandKind == .method)
        #expect(Opcode.calli.operandKind == .signature)
        #expect(Opcode.ldstr.operandKind == .string)
        for kind in OperandKind.allCases {
            #expect(OperandKind(ecmaName: kind.ecmaName) == kind)
        }
    }

    @Test func stackCountsAreFixedExceptForCallsAndReturn() {
        let variable = Set(Opcode.all.filter { $0.info.pops == .variable }.map(\.mnemonic))
        #expect(variable == ["call", "calli", "callvirt", "newobj", "ret"])
        let variablePushes = Set(Opcode.all.filter { $0.info.pushes == .variable }.map(\.mnemonic))
        #expect(variablePushes == ["call", "calli", "callvirt"])
        #expect(Opcode.add.info.pops == .count(2))
        #expect(Opcode.add.info.pushes == .count(1))
        #expect(Opcode.dup.info.pushes == .count(2))
        #expect(StackCount.variable.description == "var")
    }

    @Test func everyInstructionHasADescription() {
        for opcode in Opcode.all {
            let text = opcode.info.description
            #expect(!text.isEmpty, "\(opcode)")
            #expect(!text.contains("\t") && !text.contains("\n"), "\(opcode)")
            #expect(text.hasSuffix("."), "\(opcode): \(text)")
        }
    }
}
