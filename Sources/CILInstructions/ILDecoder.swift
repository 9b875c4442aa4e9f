/// Decodes a CIL instruction stream (III.1.2.1 encodings, III.1.7.1 the instruction stream).
///
/// Two ways in:
/// - `ILDecoder(bytes:)` / `ILDecoder(bytes:range:)` over an array, then `next()` one
///   instruction at a time (no array is built) or `decodeAll()`;
/// - `ILDecoder.decodeInstruction(at:in:)` over an `UnsafeRawBufferPointer` for callers that
///   already hold a pointer to the body.
///
/// IL offsets are relative to the start of the method body: in `ILDecoder(bytes:range:)`,
/// offset 0 is `range.lowerBound`. Every read is checked against the body's end first, so
/// hostile input yields an `ILDecodingError`, never a trap; the only allocation that depends
/// on the input, a `switch` table, is made after checking that its bytes are present.
public struct ILDecoder: Sendable {
    private let bytes: [UInt8]
    /// Index in `bytes` of IL offset 0.
    private let base: Int
    /// Length of the method body in bytes.
    public let codeSize: Int
    /// IL offset of the next instruction `next()` will decode. After an error it stays at the
    /// failing instruction, so a lenient reader can report it and stop.
    public private(set) var offset: Int = 0

    /// A decoder over a whole array holding one method body.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.base = 0
        self.codeSize = bytes.count
    }

    /// A decoder over `bytes[range]`, e.g. the code of a method body inside a file image.
    public init(bytes: [UInt8], range: Range<Int>) throws(ILDecodingError) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw ILDecodingError(
                .rangeOutsideBuffer(
                    lowerBound: range.lowerBound, upperBound: range.upperBound, bufferSize: bytes.count),
                offset: 0)
        }
        self.bytes = bytes
        self.base = range.lowerBound
        self.codeSize = range.count
    }

    /// True when every byte of the body has been decoded.
    public var isAtEnd: Bool { offset >= codeSize }

    /// Decodes the instruction at `offset` and moves past it; nil at the end of the body.
    public mutating func next() throws(ILDecodingError) -> Instruction? {
        guard offset < codeSize else { return nil }
        let start = offset
        let result: Result<Instruction, ILDecodingError> = bytes.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[base..<(base + codeSize)])
            do throws(ILDecodingError) {
                return .success(try ILDecoder.decodeInstruction(at: start, in: body))
            } catch {
                return .failure(error)
            }
        }
        let instruction = try result.get()
        offset = instruction.nextOffset
        return instruction
    }

    /// Decodes every remaining instruction, from `offset` to the end of the body. The result
    /// has at most one element per remaining byte.
    public func decodeAll() throws(ILDecodingError) -> [Instruction] {
        var decoder = self
        var instructions: [Instruction] = []
        while let instruction = try decoder.next() {
            instructions.append(instruction)
        }
        return instructions
    }

    /// Decodes as far as the body allows: every instruction up to the first malformed one, and
    /// the error that stopped decoding (nil if the whole body decoded). For disassemblers,
    /// which show what they can and then say what went wrong.
    public func decodeLeniently() -> (instructions: [Instruction], error: ILDecodingError?) {
        var decoder = self
        var instructions: [Instruction] = []
        do throws(ILDecodingError) {
            while let instruction = try decoder.next() {
                instructions.append(instruction)
            }
            return (instructions, nil)
        } catch {
            return (instructions, error)
        }
    }

    /// `decodeLeniently()` over a raw buffer holding exactly the method's code.
    public static func decodeLeniently(
        _ body: UnsafeRawBufferPointer
    ) -> (instructions: [Instruction], error: ILDecodingError?) {
        var instructions: [Instruction] = []
        var offset = 0
        while offset < body.count {
            do throws(ILDecodingError) {
                let instruction = try decodeInstruction(at: offset, in: body)
                instructions.append(instruction)
                offset = instruction.nextOffset
            } catch {
                return (instructions, error)
            }
        }
        return (instructions, nil)
    }

    /// Decodes every instruction of the body `body` points to.
    public static func decodeAll(_ body: UnsafeRawBufferPointer) throws(ILDecodingError) -> [Instruction] {
        var instructions: [Instruction] = []
        var offset = 0
        while offset < body.count {
            let instruction = try decodeInstruction(at: offset, in: body)
            instructions.append(instruction)
            offset = instruction.nextOffset
        }
        return instructions
    }

    /// Decodes the one instruction starting at IL offset `offset` of `body` (which holds
    /// exactly the method's code, so `body.count` is the code size).
    public static func decodeInstruction(
        at offset: Int, in body: UnsafeRawBufferPointer
    ) throws(ILDecodingError) -> Instruction {
        let end = body.count
        guard offset >= 0, offset < end else {
            throw ILDecodingError(.offsetOutsideBody(codeSize: end), offset: offset)
        }
        var position = offset

        // III.1.2.1: 0xFE introduces a two-byte opcode; every other byte is a whole opcode.
        let first = body[position]
        position += 1
        let opcode: Opcode
        if first == 0xFE {
            guard position < end else {
                throw ILDecodingError(.truncatedOpcode, offset: offset)
            }
            let second = body[position]
            position += 1
            guard let found = Opcode(extendedByte: second) else {
                throw ILDecodingError(.unknownExtendedOpcode(second), offset: offset)
            }
            opcode = found
        } else {
            guard let found = Opcode(byte: first) else {
                throw ILDecodingError(.unknownOpcode(first), offset: offset)
            }
            opcode = found
        }

        let kind = opcode.operandKind
        // For switch this is only the count; the targets are checked separately below.
        let needed = kind.fixedByteSize ?? 4
        let available = end - position
        guard needed <= available else {
            throw ILDecodingError(
                .truncatedOperand(opcode, needed: needed, available: available), offset: offset)
        }

        let operand: Operand
        switch kind {
        case .none:
            operand = .none
        case .int8:
            let byte = body[position]
            // ldc.i4.s takes a signed byte (III.3.40); unaligned. and no. an unsigned one.
            operand = opcode.isPrefix ? .int(Int64(byte)) : .int(Int64(Int8(bitPattern: byte)))
        case .int32:
            operand = .int(Int64(Int32(bitPattern: readUInt32(body, position))))
        case .int64:
            operand = .int(Int64(bitPattern: readUInt64(body, position)))
        case .float32:
            operand = .float32Bits(readUInt32(body, position))
        case .float64:
            operand = .float64Bits(readUInt64(body, position))
        case .shortBranch:
            // The delta counts from the start of the next instruction (III.3.15).
            let delta = Int8(bitPattern: body[position])
            operand = .branchTarget(position + 1 + Int(delta))
        case .branch:
            let delta = Int32(bitPattern: readUInt32(body, position))
            operand = .branchTarget(position + 4 + Int(delta))
        case .shortVariable:
            operand = .variable(UInt16(body[position]))
        case .variable:
            operand = .variable(readUInt16(body, position))
        case .method, .field, .type, .token, .string, .signature:
            operand = .token(readUInt32(body, position))
        case .switchTable:
            let count = readUInt32(body, position)
            position += 4
            let tableBytes = end - position
            // Check before allocating: a hostile count must not reserve memory the body
            // cannot back (III.3.66: N then N four-byte offsets).
            guard UInt64(count) * 4 <= UInt64(tableBytes) else {
                throw ILDecodingError(.switchTableTooLong(count: count, available: tableBytes), offset: offset)
            }
            let targetCount = Int(count)
            let next = position + targetCount * 4
            var targets: [Int] = []
            targets.reserveCapacity(targetCount)
            for slot in 0..<targetCount {
                let delta = Int32(bitPattern: readUInt32(body, position + slot * 4))
                targets.append(next + Int(delta))
            }
            operand = .switchTargets(targets)
            position = next
            return Instruction(offset: offset, opcode: opcode, operand: operand, length: position - offset)
        }
        position += needed
        return Instruction(offset: offset, opcode: opcode, operand: operand, length: position - offset)
    }

    /// Checks that every branch and switch target of a decoded body is the first byte of one
    /// of its instructions (III.1.7.2). Decoding itself accepts any target, so disassemblers
    /// can still show such code; anything that executes it should call this first.
    ///
    /// `codeSize` is the body's length in bytes. The work and memory used are bounded by the
    /// extent of `instructions`, whatever `codeSize` claims.
    public static func validateBranchTargets(
        _ instructions: [Instruction], codeSize: Int
    ) throws(ILDecodingError) {
        let decodedEnd = instructions.reduce(0) { max($0, $1.nextOffset) }
        var isStart = [Bool](repeating: false, count: max(0, min(codeSize, decodedEnd)))
        for instruction in instructions where instruction.offset >= 0 && instruction.offset < isStart.count {
            isStart[instruction.offset] = true
        }
        for instruction in instructions {
            switch instruction.operand {
            case .branchTarget(let target):
                try check(target, from: instruction, isStart: isStart, codeSize: codeSize)
            case .switchTargets(let targets):
                for target in targets {
                    try check(target, from: instruction, isStart: isStart, codeSize: codeSize)
                }
            default:
                continue
            }
        }
    }

    /// Like `validateBranchTargets`, as a yes/no answer.
    public static func branchTargetsAreValid(_ instructions: [Instruction], codeSize: Int) -> Bool {
        do {
            try validateBranchTargets(instructions, codeSize: codeSize)
            return true
        } catch {
            return false
        }
    }

    private static func check(
        _ target: Int, from instruction: Instruction, isStart: [Bool], codeSize: Int
    ) throws(ILDecodingError) {
        guard target >= 0, target < codeSize else {
            throw ILDecodingError(
                .branchTargetOutsideBody(target: target, codeSize: codeSize), offset: instruction.offset)
        }
        guard target < isStart.count, isStart[target] else {
            throw ILDecodingError(.branchTargetInsideInstruction(target: target), offset: instruction.offset)
        }
    }
}

// Operands are little-endian and need not be aligned. Callers have checked the bounds.

@inline(__always)
private func readUInt16(_ body: UnsafeRawBufferPointer, _ position: Int) -> UInt16 {
    UInt16(littleEndian: body.loadUnaligned(fromByteOffset: position, as: UInt16.self))
}

@inline(__always)
private func readUInt32(_ body: UnsafeRawBufferPointer, _ position: Int) -> UInt32 {
    UInt32(littleEndian: body.loadUnaligned(fromByteOffset: position, as: UInt32.self))
}

@inline(__always)
private func readUInt64(_ body: UnsafeRawBufferPointer, _ position: Int) -> UInt64 {
    UInt64(littleEndian: body.loadUnaligned(fromByteOffset: position, as: UInt64.self))
}
