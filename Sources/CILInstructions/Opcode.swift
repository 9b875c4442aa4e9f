/// A CIL opcode: a two-byte handle into the generated instruction table.
///
/// Handles are cheap to copy, hash and compare; `info` gives the table row. Named opcodes
/// (`Opcode.add`, `Opcode.ldcI4S`, `` Opcode.`switch` ``) are generated with the table.
public struct Opcode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position in table order (`Opcode.all[index]`).
    public let index: UInt16

    // Only the generated table and the lookups below create handles, so every handle is valid.
    @usableFromInline
    init(index: UInt16) {
        self.index = index
    }

    /// The table row for this opcode.
    public var info: OpcodeInfo { OpcodeTable.infos[Int(index)] }

    public var mnemonic: String { OpcodeTable.infos[Int(index)].mnemonic }
    public var value: UInt16 { OpcodeTable.infos[Int(index)].value }
    public var operandKind: OperandKind { OpcodeTable.infos[Int(index)].operandKind }
    public var flowControl: FlowControl { OpcodeTable.infos[Int(index)].flowControl }
    public var isPrefix: Bool { OpcodeTable.infos[Int(index)].kind == .prefix }
    /// Opcode length in bytes (1, or 2 for 0xFE-prefixed opcodes).
    public var size: Int { OpcodeTable.infos[Int(index)].size }

    public var description: String { mnemonic }

    public static func < (lhs: Opcode, rhs: Opcode) -> Bool { lhs.index < rhs.index }

    /// Number of instructions in the table.
    public static var count: Int { OpcodeTable.count }

    /// Every opcode, in table order.
    public static let all: [Opcode] = (0..<OpcodeTable.count).map { Opcode(index: UInt16($0)) }

    /// The one-byte opcode encoded as `byte`, or nil if no instruction uses it. 0xFE gives nil:
    /// it only introduces a two-byte opcode (III.1.2.1).
    @inline(__always)
    public init?(byte: UInt8) {
        let index = OpcodeTable.oneByte[Int(byte)]
        guard index != OpcodeTable.unassigned else { return nil }
        self.init(index: index)
    }

    /// The two-byte opcode encoded as `0xFE byte`, or nil if no instruction uses it.
    @inline(__always)
    public init?(extendedByte byte: UInt8) {
        let index = OpcodeTable.twoByte[Int(byte)]
        guard index != OpcodeTable.unassigned else { return nil }
        self.init(index: index)
    }

    /// The opcode whose `OpcodeInfo.value` is `value` (0x58, 0xFE01, …), or nil.
    public init?(value: UInt16) {
        switch value {
        case 0x00...0xFF: self.init(byte: UInt8(value))
        case 0xFE00...0xFEFF: self.init(extendedByte: UInt8(value & 0xFF))
        default: return nil
        }
    }

    /// The opcode named `mnemonic` exactly as in the table (`"ldc.i4.s"`, `"tail."`), or nil.
    /// ILAsm aliases such as `brnull` are not accepted here; the assembler maps them.
    public init?(mnemonic: String) {
        guard let opcode = Opcode.byMnemonic[mnemonic] else { return nil }
        self = opcode
    }

    private static let byMnemonic: [String: Opcode] = {
        var map: [String: Opcode] = [:]
        map.reserveCapacity(OpcodeTable.count)
        for opcode in all { map[opcode.mnemonic] = opcode }
        return map
    }()
}
