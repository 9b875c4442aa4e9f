/// Which instructions a campaign may generate: tiers unlock groups (FUZZING.md §2.2), `--ops`
/// names mnemonics. Loads, stores, constants and the checksum fold are always available: every
/// program needs them.
public enum InstructionPool {
    public static let tiers: [(name: String, mnemonics: [String])] = [
        ("arithmetic", ["add", "add.ovf", "add.ovf.un", "and", "ceq", "cgt", "cgt.un", "ckfinite", "clt", "clt.un",
                        "conv.i", "conv.i1", "conv.i2", "conv.i4", "conv.i8", "conv.ovf.i", "conv.ovf.i.un", "conv.ovf.i1",
                        "conv.ovf.i1.un", "conv.ovf.i2", "conv.ovf.i2.un", "conv.ovf.i4", "conv.ovf.i4.un", "conv.ovf.i8",
                        "conv.ovf.i8.un", "conv.ovf.u", "conv.ovf.u.un", "conv.ovf.u1", "conv.ovf.u1.un", "conv.ovf.u2",
                        "conv.ovf.u2.un", "conv.ovf.u4", "conv.ovf.u4.un", "conv.ovf.u8", "conv.ovf.u8.un", "conv.r.un",
                        "conv.r4", "conv.r8", "conv.u", "conv.u1", "conv.u2", "conv.u4", "conv.u8", "div", "div.un", "dup",
                        "ldc.i4", "ldc.i4.0", "ldc.i4.1", "ldc.i4.2", "ldc.i4.3", "ldc.i4.4", "ldc.i4.5", "ldc.i4.6",
                        "ldc.i4.7", "ldc.i4.8", "ldc.i4.m1", "ldc.i4.s", "ldc.i8", "ldc.r4", "ldc.r8", "mul", "mul.ovf",
                        "mul.ovf.un", "neg", "nop", "not", "or", "pop", "rem", "rem.un", "shl", "shr", "shr.un", "sub",
                        "sub.ovf", "sub.ovf.un", "xor"]),
        ("locals", ["ldarg", "ldarg.0", "ldarg.1", "ldarg.2", "ldarg.3", "ldarg.s", "ldloc", "ldloc.0", "ldloc.1", "ldloc.2",
                    "ldloc.3", "ldloc.s", "starg", "starg.s", "stloc", "stloc.0", "stloc.1", "stloc.2", "stloc.3", "stloc.s"]),
        ("control", ["beq", "beq.s", "bge", "bge.s", "bge.un", "bge.un.s", "bgt", "bgt.s", "bgt.un", "bgt.un.s", "ble", "ble.s",
                     "ble.un", "ble.un.s", "blt", "blt.s", "blt.un", "blt.un.s", "bne.un", "bne.un.s", "br", "br.s", "brfalse",
                     "brfalse.s", "brtrue", "brtrue.s", "ret", "switch"]),
        ("objects", ["box", "call", "callvirt", "castclass", "initobj", "isinst", "ldelem", "ldelem.i", "ldelem.i1", "ldelem.i2",
                     "ldelem.i4", "ldelem.i8", "ldelem.r4", "ldelem.r8", "ldelem.ref", "ldelem.u1", "ldelem.u2", "ldelem.u4",
                     "ldelema", "ldfld", "ldftn", "ldlen", "ldnull", "ldsfld", "ldstr", "ldtoken", "ldvirtftn", "newarr", "newobj",
                     "sizeof", "stelem", "stelem.i", "stelem.i1", "stelem.i2", "stelem.i4", "stelem.i8", "stelem.r4", "stelem.r8",
                     "stelem.ref", "stfld", "stsfld", "unbox.any"]),
        ("byref", ["cpobj", "ldarga", "ldarga.s", "ldflda", "ldind.i", "ldind.i1", "ldind.i2", "ldind.i4", "ldind.i8", "ldind.r4",
                   "ldind.r8", "ldind.ref", "ldind.u1", "ldind.u2", "ldind.u4", "ldloca", "ldloca.s", "ldobj", "ldsflda", "stind.i",
                   "stind.i1", "stind.i2", "stind.i4", "stind.i8", "stind.r4", "stind.r8", "stind.ref", "stobj", "unbox"]),
        ("exceptions", ["endfilter", "endfinally", "leave", "leave.s", "rethrow", "throw"]),
        ("unverifiable", ["arglist", "break", "calli", "cpblk", "initblk", "jmp", "localloc", "mkrefany", "refanytype", "refanyval",
                          "constrained.", "no.", "readonly.", "tail.", "unaligned.", "volatile."]),
    ]

    /// Tiers named in the issue that the generator does not produce yet.
    public static let plannedTiers: [String] = []

    public enum PoolError: Error, CustomStringConvertible {
        case unknownTier(String)
        case notGenerated(String)
        case unknownMnemonic(String)

        public var description: String {
            switch self {
            case .unknownTier(let t): "unknown tier '\(t)' (tiers: \(InstructionPool.tiers.map(\.name).joined(separator: ", ")))"
            case .notGenerated(let t): "tier '\(t)' is not generated yet (available: \(InstructionPool.tiers.map(\.name).joined(separator: ", ")))"
            case .unknownMnemonic(let m): "'\(m)' is not an instruction of any generated tier"
            }
        }
    }

    /// The pool for `--tier` (cumulative: a tier includes the ones before it) or `--ops`.
    public static func pool(tier: String?, ops: [String]?) throws -> Set<String> {
        if let ops {
            let known = Set(tiers.flatMap(\.mnemonics))
            for m in ops where !known.contains(m) { throw PoolError.unknownMnemonic(m) }
            return Set(ops)
        }
        let name = tier ?? tiers.last!.name
        if plannedTiers.contains(name) { throw PoolError.notGenerated(name) }
        guard let index = tiers.firstIndex(where: { $0.name == name }) else { throw PoolError.unknownTier(name) }
        return Set(tiers[...index].flatMap(\.mnemonics))
    }

    /// The family an encoding belongs to, as the value model counts it (`ldloc.s` → `ldloc`).
    public static func family(_ mnemonic: String) -> String {
        for prefix in ["ldloc", "stloc", "ldarg", "starg", "ldc.i4"] where mnemonic == prefix || mnemonic.hasPrefix(prefix + ".") {
            return prefix
        }
        if mnemonic.hasSuffix(".s") { return String(mnemonic.dropLast(2)) }
        return mnemonic
    }
}
