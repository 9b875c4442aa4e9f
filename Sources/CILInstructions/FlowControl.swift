/// How an instruction passes control on, as classified by the opcode table's flow column.
///
/// The decoder does not need this; control-flow analysis and the fuzzer's generator do
/// (a `branch` or `return` ends a basic block, III.1.7.2 and III.1.7.5).
public enum FlowControl: String, Sendable, CaseIterable {
    /// Continues with the next instruction.
    case next = "NEXT"
    /// Always jumps (`br`, `leave`).
    case branch = "BRANCH"
    /// Jumps or falls through (`brtrue`, `beq`, `switch`, …).
    case conditionalBranch = "COND_BRANCH"
    /// Calls a method and then continues (`call`, `newobj`, …; `jmp` too).
    case call = "CALL"
    /// Leaves the method or handler (`ret`, `endfinally`, `endfilter`).
    case `return` = "RETURN"
    /// Raises an exception (`throw`, `rethrow`).
    case `throw` = "THROW"
    /// Debugger break (`break`).
    case `break` = "BREAK"
    /// A prefix that modifies the instruction after it (III.2).
    case meta = "META"
}

/// The opcode table's classification of an instruction.
public enum OpcodeKind: String, Sendable, CaseIterable {
    /// A base instruction (III.3) or an object-model one that has no short form.
    case primitive = "IPrimitive"
    /// A short or specialised form of another instruction (`ldarg.0`, `br.s`, `ldc.i4.3`).
    case macro = "IMacro"
    /// An object-model instruction (III.4).
    case objectModel = "IObjModel"
    /// A prefix (III.2).
    case prefix = "IPrefix"
}
