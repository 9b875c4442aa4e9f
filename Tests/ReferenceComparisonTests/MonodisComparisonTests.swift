import CILInstructions
import CILMetadata
import Foundation
import Testing

/// The decoder's opcode and operand listing must agree with what monodis, the reference
/// runtime's own disassembler, prints for the same methods: offsets and mnemonics exactly,
/// operands by value (numbers, floats bit-for-bit, branch and switch targets, string literals,
/// and the simple name of every member or type a token names).
@Suite struct MonodisComparisonTests {
    static let assemblies = ["mscorlib.dll", "System.dll", "System.Core.dll", "System.Xml.dll", "Mono.Security.dll",
                             "Microsoft.CSharp.dll", "System.Numerics.dll", "System.Configuration.dll"]

    @Test(arguments: assemblies)
    func listingMatchesMonodis(_ name: String) throws {
        let dir = try #require(Tools.bclDirectory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let path = dir + "/" + name
        let file = try CLIFile(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), mode: .strict)
        let reference = try MonodisListing.run(path)
        var names = OperandNames(file: file)
        var methods = 0, instructions = 0, mismatches: [String] = []
        for (row, expected) in reference.methods.sorted(by: { $0.key < $1.key }) where !expected.isEmpty {
            guard let body = try file.methodBody(row) else {
                mismatches.append("row \(row): monodis shows a body, cilbox finds none"); continue
            }
            let ours = try ILDecoder(bytes: file.bytes, range: body.codeRange).decodeAll()
            methods += 1
            guard ours.count == expected.count else {
                mismatches.append("row \(row): \(ours.count) instructions, monodis \(expected.count)"); continue
            }
            for (mine, theirs) in zip(ours, expected) {
                instructions += 1
                if let problem = try compare(mine, theirs, names: &names) {
                    mismatches.append("row \(row) IL_\(String(mine.offset, radix: 16)): \(problem)")
                }
            }
        }
        print("\(name): \(methods) methods, \(instructions) instructions compared with monodis, \(mismatches.count) mismatches")
        #expect(methods > 0)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// All assemblies together must cover at least 1,000 methods (the floor).
    @Test func comparisonCoversAtLeastAThousandMethods() throws {
        let dir = try #require(Tools.bclDirectory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let reference = try MonodisListing.run(dir + "/Mono.Security.dll")
        #expect(reference.methods.values.filter { !$0.isEmpty }.count >= 1000)
    }

    func compare(_ mine: Instruction, _ theirs: MonodisListing.Line, names: inout OperandNames) throws -> String? {
        guard mine.offset == theirs.offset else { return "offset \(mine.offset) vs monodis \(theirs.offset)" }
        guard mine.opcode.mnemonic == theirs.mnemonic else { return "\(mine.opcode.mnemonic) vs monodis \(theirs.mnemonic)" }
        let op = theirs.operand
        switch mine.operand {
        case .none:
            return op.isEmpty ? nil : "unexpected operand \(op)"
        case .int(let v):
            guard let theirValue = MonodisOperand.integer(op) else { return "operand \(op) is not an integer" }
            // monodis prints ldc.i8 and short forms as raw hex; compare in the instruction's width.
            let width: Int64 = mine.opcode.mnemonic == "ldc.i8" ? 64 : (mine.opcode.mnemonic == "ldc.i4" ? 32 : 8)
            let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
            return UInt64(bitPattern: v) & mask == UInt64(bitPattern: theirValue) & mask ? nil : "\(v) vs monodis \(op)"
        case .float32Bits(let bits):
            guard let theirs = MonodisOperand.float32Bits(op) else { return "operand \(op) is not a float32" }
            return bits == theirs || (Float(bitPattern: bits).isNaN && Float(bitPattern: theirs).isNaN) ? nil : "float32 \(String(bits, radix: 16)) vs monodis \(op)"
        case .float64Bits(let bits):
            guard let theirs = MonodisOperand.float64Bits(op) else { return "operand \(op) is not a float64" }
            return bits == theirs || (Double(bitPattern: bits).isNaN && Double(bitPattern: theirs).isNaN) ? nil : "float64 \(String(bits, radix: 16)) vs monodis \(op)"
        case .branchTarget(let target):
            return op == MonodisOperand.label(target) ? nil : "target \(MonodisOperand.label(target)) vs monodis \(op)"
        case .switchTargets(let targets):
            let theirTargets = op.split(whereSeparator: { "(), ".contains($0) }).map(String.init)
            return theirTargets == targets.map(MonodisOperand.label) ? nil : "switch \(targets) vs monodis \(op)"
        case .variable(let index):
            return Int(op) == Int(index) ? nil : "variable \(index) vs monodis \(op)"
        case .token(let raw):
            let token = MetadataToken(raw)
            if mine.opcode.mnemonic == "ldstr" {
                let literal = try file(names).userStrings.utf16(token.row)
                guard let theirs = MonodisOperand.stringUnits(op) else { return "cannot read monodis string \(op)" }
                return literal == theirs ? nil : "string \(String(decoding: literal, as: UTF16.self).debugDescription) vs monodis \(op)"
            }
            if mine.opcode.mnemonic == "calli" { return nil }  // a signature: monodis prints it in full; nothing named to compare
            guard let simple = try names.simpleName(token) else { return nil }
            return MonodisOperand.mentions(op, simple) ? nil : "token \(token) names \(simple), monodis \(op)"
        }
    }

    private func file(_ names: OperandNames) -> CLIFile { names.file }
}
