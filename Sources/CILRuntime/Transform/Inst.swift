/// One instruction of the internal code a method is transformed into (DESIGN decision 4).
///
/// Fixed size, no class references: operands are byte offsets from the frame pointer (`a`,
/// `b`, `c`), and `imm` is an immediate, a branch target (index into the code), a guest
/// address or an index into one of the runtime's handle tables.
struct Inst {
    var op: Op
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var imm: Int64 = 0

    /// Flag in `imm` of element instructions: the index operand is an int32 (read in 32 bits).
    /// The low 32 bits of `imm` keep the element size, bits 32–61 a type id where one is needed.
    static let int32Index: Int64 = 1 << 62

    /// The element size of an element instruction.
    var elementSize: Int { Int(imm & 0xFFFF_FFFF) }

    init(_ op: Op, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, imm: Int64 = 0) {
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.imm = imm
    }
}

/// Internal opcodes, specialised by operand type at transform time so the interpreter never
/// inspects types. Naming: `I4`/`I8`/`R4`/`R8` operand kinds (`I8` also serves native int,
/// object references and pointers, all 64-bit); `Un` unsigned; `Ovf` overflow-checked.
///
/// Stack representation: every evaluation-stack entry occupies whole 8-byte slots; an int32 is
/// stored sign-extended to 64 bits; a float32 is its IEEE bits in the slot's first 4 bytes; a
/// float64 its 8 bytes; a value type its bytes. Locals and arguments hold values in their
/// natural storage form (an int32 local's upper 4 slot bytes are unspecified), which is why
/// int32 operations have `I4` forms that read only 32 bits: operand folding lets them read a
/// local or argument directly.
enum Op: UInt16 {
    case nop
    // Constants and moves (a = destination offset).
    case ldImm          // a ← imm (8 bytes)
    case mov8           // a ← b (8 bytes)
    case movN           // a ← b (imm bytes)
    case zeroN          // a ← 0 (imm bytes)
    case frameAddress   // a ← guest address of fp + b
    // Loads from frame storage (locals/arguments) to stack form: a ← [fp + b].
    case ldFrameI1, ldFrameU1, ldFrameI2, ldFrameU2, ldFrameI4, ldFrame4, ldFrame8
    // Stores from stack form to frame storage: [fp + a] ← b.
    case stFrame1, stFrame2, stFrame4, stFrame8
    // Loads through a guest address in slot b plus displacement c: a ← [b + c].
    case ldMemI1, ldMemU1, ldMemI2, ldMemU2, ldMemI4, ldMem4, ldMem8, ldMemN
    // Stores through a guest address in slot a plus displacement c: [a + c] ← b (imm bytes for N).
    case stMem1, stMem2, stMem4, stMem8, stMemN
    // Loads/stores at a fixed guest address imm (statics): a ← [imm] / [imm] ← b.
    case ldAbsI1, ldAbsU1, ldAbsI2, ldAbsU2, ldAbsI4, ldAbs4, ldAbs8, ldAbsN
    case stAbs1, stAbs2, stAbs4, stAbs8, stAbsN
    /// a ← b + c after a null check of b (ldflda).
    case fieldAddress
    // Arithmetic: a ← b op c.
    case addI4, subI4, mulI4, divI4, divUnI4, remI4, remUnI4, shlI4, shrI4, shrUnI4
    case addI8, subI8, mulI8, divI8, divUnI8, remI8, remUnI8, shlI8, shrI8, shrUnI8
    case and8, or8, xor8
    // int32 bitwise ops read only the low 32 bits, so a folded int32 local is a valid operand.
    case andI4, orI4, xorI4
    // Operand folding (see OperandFolding.swift): a ← b op c where c is the constant itself.
    case addI4Imm, mulI4Imm, andI4Imm, orI4Imm, xorI4Imm, shlI4Imm, shrI4Imm, shrUnI4Imm, addI8Imm
    case addR4, subR4, mulR4, divR4, remR4
    case addR8, subR8, mulR8, divR8, remR8
    case addOvfI4, addOvfUnI4, subOvfI4, subOvfUnI4, mulOvfI4, mulOvfUnI4
    case addOvfI8, addOvfUnI8, subOvfI8, subOvfUnI8, mulOvfI8, mulOvfUnI8
    // Unary: a ← op b.
    case negI4, negI8, negR4, negR8, notI8
    // Conversions: a ← conv(b).
    case convI8ToI1, convI8ToU1, convI8ToI2, convI8ToU2, convI8ToI4, convI4ToU8
    case convR4ToR8, convR8ToR4, convI8ToR8, convI8ToR4, convUnI8ToR8, convUnI8ToR4, convUnI4ToR8, convUnI4ToR4
    case convR8ToI1, convR8ToU1, convR8ToI2, convR8ToU2, convR8ToI4, convR8ToU4, convR8ToI8, convR8ToU8
    case convOvfI8ToI1, convOvfI8ToU1, convOvfI8ToI2, convOvfI8ToU2, convOvfI8ToI4, convOvfI8ToU4, convOvfI8ToU8
    case convOvfUnI8ToI1, convOvfUnI8ToU1, convOvfUnI8ToI2, convOvfUnI8ToU2, convOvfUnI8ToI4, convOvfUnI8ToU4, convOvfUnI8ToI8
    case convOvfI4ToU8, convOvfUnI4ToI8OrU8
    case convOvfR8ToI1, convOvfR8ToU1, convOvfR8ToI2, convOvfR8ToU2, convOvfR8ToI4, convOvfR8ToU4, convOvfR8ToI8, convOvfR8ToU8
    case ckfiniteR8, ckfiniteR4
    // Comparisons: a ← (b op c) ? 1 : 0.
    case ceqI8, cgtI8, cgtUnI8, cltI8, cltUnI8
    case ceqI4, cgtI4, cgtUnI4, cltI4, cltUnI4
    case ceqR8, cgtR8, cgtUnR8, cltR8, cltUnR8
    case ceqR4, cgtR4, cgtUnR4, cltR4, cltUnR4
    // Branches: pc ← imm when the condition on a (and b) holds.
    case br, brTrue, brFalse, brTrueI4, brFalseI4
    case beqI8, bneUnI8, bgeI8, bgeUnI8, bgtI8, bgtUnI8, bleI8, bleUnI8, bltI8, bltUnI8
    case beqI4, bneUnI4, bgeI4, bgeUnI4, bgtI4, bgtUnI4, bleI4, bleUnI4, bltI4, bltUnI4
    // Compare slot a with the constant b (operand folding).
    case beqI4Imm, bneUnI4Imm, bgeI4Imm, bgeUnI4Imm, bgtI4Imm, bgtUnI4Imm, bleI4Imm, bleUnI4Imm, bltI4Imm, bltUnI4Imm
    case beqR8, bneUnR8, bgeR8, bgeUnR8, bgtR8, bgtUnR8, bleR8, bleUnR8, bltR8, bltUnR8
    case beqR4, bneUnR4, bgeR4, bgeUnR4, bgtR4, bgtUnR4, bleR4, bleUnR4, bltR4, bltUnR4
    /// Jump through table imm (index into the method's switch tables) with the index in slot a.
    case switchTable
    // Calls. a = offset of the callee frame (its first argument); imm = method handle.
    case call, callVirtual, callInterface, callIndirect, newObject, newValueObject, callNative
    case ret, retVoid
    /// Runs the static constructor of type imm if it has not run (II.10.5.3.1).
    case initType
    // Objects and arrays.
    case newArray        // a ← new (type imm)[b]
    case newMultiArray   // a ← new (type imm) with c dimensions whose lengths start at b
    case arrayLength     // a ← length of array b
    case elementAddress  // a ← &b[c] (element size imm)
    case elementAddressChecked // as elementAddress, with an exact-type check (ldelema without readonly.)
    case ldElemI1, ldElemU1, ldElemI2, ldElemU2, ldElemI4, ldElem4, ldElem8, ldElemN
    case stElem1, stElem2, stElem4, stElem8, stElemN, stElemRef
    case box, unbox, unboxAny, castClass, isInstance
    case loadString      // a ← interned literal (guest address in imm)
    case loadToken       // a ← handle value imm
    case sizeOf
    case checkNull       // throws NullReferenceException if slot a is null
    case localAlloc      // a ← stack allocation of b bytes
    case copyBlock, initBlock, copyObject
    case makeRefAny, refAnyValue, refAnyType, argList
    case loadFunction, loadVirtualFunction
    // Exceptions.
    case throwException, rethrow, leave, endFinally, endFilter
    case breakpoint
    case unimplemented  // raises the "not implemented" stop with the IL opcode in imm
}
