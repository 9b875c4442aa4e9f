/// Flag words of ilasm (VI.C grammar) for the flag values of II.23.1. Each table lists
/// (mask, value, word): the word is written when `flags & mask == value`. Bits that ilasm
/// computes itself (HasSecurity, HasDefault, HasFieldMarshal, HasFieldRVA, PInvokeImpl on
/// fields) are left out, so writing the words back does not claim what the text lacks.
enum FlagsText {
    typealias Entry = (mask: UInt32, value: UInt32, word: StaticString)

    static func write(_ flags: UInt32, _ table: [Entry], to out: inout OutputBuffer) {
        for e in table where flags & e.mask == e.value {
            out.write(e.word)
            out.byte(0x20)
        }
    }

    /// The same words, each with a space before it (for the end of a line).
    static func writeLeadingSpace(_ flags: UInt32, _ table: [Entry], to out: inout OutputBuffer) {
        for e in table where flags & e.mask == e.value {
            out.byte(0x20)
            out.write(e.word)
        }
    }

    /// II.23.1.15 TypeAttributes (II.10.1 class header).
    static let type: [Entry] = [
        (0x7, 0x0, "private"), (0x7, 0x1, "public"),
        (0x7, 0x2, "nested public"), (0x7, 0x3, "nested private"),
        (0x7, 0x4, "nested family"), (0x7, 0x5, "nested assembly"),
        (0x7, 0x6, "nested famandassem"), (0x7, 0x7, "nested famorassem"),
        (0x18, 0x0, "auto"), (0x18, 0x8, "sequential"), (0x18, 0x10, "explicit"),
        (0x30000, 0x0, "ansi"), (0x30000, 0x10000, "unicode"), (0x30000, 0x20000, "autochar"),
        (0x20, 0x20, "interface"),
        (0x80, 0x80, "abstract"), (0x100, 0x100, "sealed"), (0x400, 0x400, "specialname"),
        (0x1000, 0x1000, "import"), (0x2000, 0x2000, "serializable"),
        (0x4000, 0x4000, "windowsruntime"),
        (0x100000, 0x100000, "beforefieldinit"), (0x800, 0x800, "rtspecialname"),
    ]

    /// II.23.1.10 MethodAttributes (II.15.4.2). `pinvokeimpl` is written by the method writer
    /// with its ImplMap details; HasSecurity (0x4000) is ilasm's to set.
    static let method: [Entry] = [
        (0x7, 0x0, "privatescope"), (0x7, 0x1, "private"), (0x7, 0x2, "famandassem"),
        (0x7, 0x3, "assembly"), (0x7, 0x4, "family"), (0x7, 0x5, "famorassem"), (0x7, 0x6, "public"),
        (0x10, 0x10, "static"), (0x20, 0x20, "final"), (0x40, 0x40, "virtual"),
        (0x80, 0x80, "hidebysig"), (0x100, 0x100, "newslot"), (0x200, 0x200, "strict"),
        (0x400, 0x400, "abstract"), (0x800, 0x800, "specialname"), (0x1000, 0x1000, "rtspecialname"),
        (0x8, 0x8, "unmanagedexp"), (0x8000, 0x8000, "reqsecobj"),
    ]

    /// II.23.1.11 MethodImplAttributes (II.15.4.3).
    static let methodImpl: [Entry] = [
        (0x3, 0x0, "cil"), (0x3, 0x1, "native"), (0x3, 0x2, "optil"), (0x3, 0x3, "runtime"),
        (0x4, 0x0, "managed"), (0x4, 0x4, "unmanaged"),
        (0x10, 0x10, "forwardref"), (0x80, 0x80, "preservesig"), (0x1000, 0x1000, "internalcall"),
        (0x20, 0x20, "synchronized"), (0x8, 0x8, "noinlining"), (0x40, 0x40, "nooptimization"),
        (0x100, 0x100, "aggressiveinlining"),
    ]

    /// II.23.1.5 FieldAttributes (II.16.1).
    static let field: [Entry] = [
        (0x7, 0x0, "privatescope"), (0x7, 0x1, "private"), (0x7, 0x2, "famandassem"),
        (0x7, 0x3, "assembly"), (0x7, 0x4, "family"), (0x7, 0x5, "famorassem"), (0x7, 0x6, "public"),
        (0x10, 0x10, "static"), (0x20, 0x20, "initonly"), (0x40, 0x40, "literal"),
        (0x80, 0x80, "notserialized"), (0x200, 0x200, "specialname"), (0x400, 0x400, "rtspecialname"),
    ]

    /// II.23.1.13 ParamAttributes (II.15.4.1).
    static let param: [Entry] = [
        (0x1, 0x1, "[in]"), (0x2, 0x2, "[out]"), (0x10, 0x10, "[opt]"),
    ]

    /// II.23.1.8 PInvokeAttributes (II.15.5.2), the words inside `pinvokeimpl(…)`.
    static let pinvoke: [Entry] = [
        (0x1, 0x1, "nomangle"),
        (0x6, 0x2, "ansi"), (0x6, 0x4, "unicode"), (0x6, 0x6, "autochar"),
        (0x40, 0x40, "lasterr"),
        (0x700, 0x100, "winapi"), (0x700, 0x200, "cdecl"), (0x700, 0x300, "stdcall"),
        (0x700, 0x400, "thiscall"), (0x700, 0x500, "fastcall"),
        (0x30, 0x10, "bestfit:on"), (0x30, 0x20, "bestfit:off"),
        (0x3000, 0x1000, "charmaperror:on"), (0x3000, 0x2000, "charmaperror:off"),
    ]

    /// II.23.1.7 GenericParamAttributes (II.10.1.7): variance and special constraints.
    static let genericParam: [Entry] = [
        (0x3, 0x1, "+"), (0x3, 0x2, "-"),
        (0x4, 0x4, "class"), (0x8, 0x8, "valuetype"), (0x10, 0x10, ".ctor"),
    ]

    /// II.23.1.12 PropertyAttributes and II.23.1.4 EventAttributes share these two bits.
    static let propertyOrEvent: [Entry] = [
        (0x200, 0x200, "specialname"), (0x400, 0x400, "rtspecialname"),
    ]

    /// II.23.1.15 visibility words for `.class extern` (II.6.8 exported types).
    static let exportedType: [Entry] = [
        (0x200000, 0x200000, "forwarder"),
        (0x7, 0x0, "private"), (0x7, 0x1, "public"),
        (0x7, 0x2, "nested public"), (0x7, 0x3, "nested private"),
        (0x7, 0x4, "nested family"), (0x7, 0x5, "nested assembly"),
        (0x7, 0x6, "nested famandassem"), (0x7, 0x7, "nested famorassem"),
    ]

    /// Words of a signature's calling convention (II.15.3), each followed by a space.
    static func callingConvention(_ raw: UInt8, to out: inout OutputBuffer) {
        if raw & 0x20 != 0 { out.write("instance ") }
        if raw & 0x40 != 0 { out.write("explicit ") }
        switch raw & 0x0F {
        case 0x1: out.write("unmanaged cdecl ")
        case 0x2: out.write("unmanaged stdcall ")
        case 0x3: out.write("unmanaged thiscall ")
        case 0x4: out.write("unmanaged fastcall ")
        case 0x5: out.write("vararg ")
        default: break
        }
    }
}
