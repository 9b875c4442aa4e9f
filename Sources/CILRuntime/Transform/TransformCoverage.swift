import CILInstructions

/// Which CIL opcodes the transformer accepts: the evidence behind the "implemented" column of
/// `cilbox checklist` (DESIGN decision 9: no status is typed into the checklist by hand).
///
/// Every opcode of the instruction table is decided here exactly once, as accepted or rejected.
/// `Opcode` is a struct over the generated table, so the compiler cannot check a `switch` over
/// it for exhaustiveness; `decisionProblems` is checked instead by
/// CILRuntimeTests/TransformCoverageTests, so an opcode added to Utilities/Instructions.tsv
/// fails the tests until someone decides it here (until then it counts as rejected). An opcode is accepted when
/// `Transformer.transformInstruction` has a case for it (prefixes included: they set state
/// that the next instruction consumes); the transformer's `default` case throws
/// `unhandled(_:)`, which names a disagreement between the two as such.
public enum TransformCoverage {
    /// True when the transformer turns `opcode` into internal code instead of stopping the run
    /// with `notImplemented`.
    @inlinable
    public static func accepts(_ opcode: Opcode) -> Bool {
        acceptedByIndex[Int(opcode.index)]
    }

    /// Every opcode the transformer accepts, in table order.
    public static var accepted: [Opcode] { Opcode.all.filter(accepts) }

    /// The error for an opcode that reached the transformer's `default` case.
    static func unhandled(_ opcode: Opcode) -> RuntimeError {
        if accepts(opcode) {
            return RuntimeError(.notImplemented, "opcode \(opcode.mnemonic) (TransformCoverage lists it as accepted but the transformer has no case for it)")
        }
        return RuntimeError(.notImplemented, "opcode \(opcode.mnemonic)")
    }

    /// Problems with `decisions`: opcodes decided twice or not at all. Empty when every opcode
    /// of the table is decided exactly once.
    public static var decisionProblems: [String] {
        var seen: [Opcode: Int] = [:]
        for (opcode, _) in decisions { seen[opcode, default: 0] += 1 }
        var problems: [String] = []
        for opcode in Opcode.all {
            switch seen[opcode, default: 0] {
            case 0: problems.append("\(opcode.mnemonic) is not decided")
            case 1: break
            case let n: problems.append("\(opcode.mnemonic) is decided \(n) times")
            }
        }
        return problems
    }

    @usableFromInline
    static let acceptedByIndex: [Bool] = {
        var table = [Bool](repeating: false, count: Opcode.count)
        for (opcode, accepted) in decisions { table[Int(opcode.index)] = accepted }
        return table
    }()

    /// One decision per opcode, grouped as the transformer's `switch` is.
    static let decisions: [(Opcode, Bool)] =
        accepted([
            // Base instructions, arguments and locals (III.3).
            .nop, .break,
            .ldarg0, .ldarg1, .ldarg2, .ldarg3, .ldloc0, .ldloc1, .ldloc2, .ldloc3,
            .stloc0, .stloc1, .stloc2, .stloc3,
            .ldargS, .ldargaS, .stargS, .ldlocS, .ldlocaS, .stlocS,
            .ldarg, .ldarga, .starg, .ldloc, .ldloca, .stloc,
            // Constants.
            .ldnull, .ldcI4M1, .ldcI40, .ldcI41, .ldcI42, .ldcI43, .ldcI44, .ldcI45, .ldcI46,
            .ldcI47, .ldcI48, .ldcI4S, .ldcI4, .ldcI8, .ldcR4, .ldcR8,
            .dup, .pop,
            // Calls and returns (TransformCalls.swift).
            .jmp, .call, .calli, .ret, .callvirt, .newobj, .ldftn, .ldvirtftn,
            // Branches.
            .brS, .brfalseS, .brtrueS, .beqS, .bgeS, .bgtS, .bleS, .bltS,
            .bneUnS, .bgeUnS, .bgtUnS, .bleUnS, .bltUnS,
            .br, .brfalse, .brtrue, .beq, .bge, .bgt, .ble, .blt,
            .bneUn, .bgeUn, .bgtUn, .bleUn, .bltUn,
            .switch,
            // Indirect loads and stores.
            .ldindI1, .ldindU1, .ldindI2, .ldindU2, .ldindI4, .ldindU4, .ldindI8, .ldindI,
            .ldindR4, .ldindR8, .ldindRef,
            .stindRef, .stindI1, .stindI2, .stindI4, .stindI8, .stindR4, .stindR8, .stindI,
            // Arithmetic, bitwise, shifts (III.1.5).
            .add, .sub, .mul, .div, .divUn, .rem, .remUn, .and, .or, .xor, .shl, .shr, .shrUn,
            .neg, .not,
            .addOvf, .addOvfUn, .mulOvf, .mulOvfUn, .subOvf, .subOvfUn,
            // Conversions.
            .convI1, .convI2, .convI4, .convI8, .convR4, .convR8, .convU4, .convU8,
            .convU2, .convU1, .convI, .convU, .convRUn,
            .convOvfI1, .convOvfU1, .convOvfI2, .convOvfU2, .convOvfI4, .convOvfU4,
            .convOvfI8, .convOvfU8, .convOvfI, .convOvfU,
            .convOvfI1Un, .convOvfI2Un, .convOvfI4Un, .convOvfI8Un, .convOvfU1Un,
            .convOvfU2Un, .convOvfU4Un, .convOvfU8Un, .convOvfIUn, .convOvfUUn,
            .ckfinite,
            // Comparisons.
            .ceq, .cgt, .cgtUn, .clt, .cltUn,
            // Objects, fields, arrays, typed references (TransformObjects.swift).
            .cpobj, .ldobj, .ldstr, .castclass, .isinst, .unbox, .throw,
            .ldfld, .ldflda, .stfld, .ldsfld, .ldsflda, .stsfld, .stobj,
            .box, .newarr, .ldlen, .ldelema,
            .ldelemI1, .ldelemU1, .ldelemI2, .ldelemU2, .ldelemI4, .ldelemU4, .ldelemI8,
            .ldelemI, .ldelemR4, .ldelemR8, .ldelemRef,
            .stelemI, .stelemI1, .stelemI2, .stelemI4, .stelemI8, .stelemR4, .stelemR8,
            .stelemRef, .ldelem, .stelem, .unboxAny,
            .refanyval, .mkrefany, .refanytype, .ldtoken, .initobj, .sizeof,
            // Exception handling.
            .endfinally, .leave, .leaveS, .endfilter, .rethrow,
            // Memory and varargs.
            .arglist, .localloc, .cpblk, .initblk,
            // Prefixes (III.2): `tail.`, `constrained.` and `readonly.` change how the next
            // instruction is transformed; `unaligned.`, `volatile.` and `no.` are consumed and
            // have no effect (every access is byte-addressed and sequentially consistent here).
            .unaligned, .volatile, .tail, .constrained, .no, .readonly,
        ])
        + rejected([])

    private static func accepted(_ opcodes: [Opcode]) -> [(Opcode, Bool)] { opcodes.map { ($0, true) } }
    private static func rejected(_ opcodes: [Opcode]) -> [(Opcode, Bool)] { opcodes.map { ($0, false) } }
}
