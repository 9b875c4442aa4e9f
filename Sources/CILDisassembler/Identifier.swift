import CILInstructions

/// Writing names so that ilasm reads them back unchanged (VI.C.1: an `id` is a plain
/// identifier or a single-quoted `SQSTRING`).
///
/// A name is written bare only when Mono's ilasm would read it back as one identifier token:
/// ASCII letters, digits and `_ $ @ ? \``, not starting with a digit, and not one of ilasm's
/// keywords. Everything else is single-quoted, with `\'`, `\\` and octal escapes for control
/// characters; non-ASCII text stays UTF-8, which ilasm reads as such.
///
/// Dotted names (`System.Collections.Generic`) are written bare when every component is
/// safe; otherwise the whole dotted name is quoted as one string (`'N.<>c'`), because Mono's
/// ilasm does not accept a mix of bare and quoted components (`N.'<>c'`) and splits a quoted
/// full type name at its last dot into namespace and name.
enum Identifier {
    /// Words that ilasm reads as keywords or instruction names, so a name spelled the same must
    /// be quoted. Found by assembling, with Mono 6.8's ilasm, a class, field, method and
    /// parameter named by each candidate word and keeping the words it rejected; the opcode
    /// table's mnemonics are added below.
    static let keywordList = """
        abstract add aggressiveinlining algorithm alignment and ansi any arglist array as assembly assert \
        at auto autochar beforefieldinit beq bestfit bge bgt ble blob blob_object blt bool box br break \
        brfalse brnull brtrue brzero bstr bytearray byvalstr call calli callmostderived callvirt carray \
        castclass catch cdecl ceq cf cgt char charmaperror cil ckfinite class clsid clt compilercontrolled \
        cpblk cpobj currency custom date decimal default demand deny disablejitoptimizer div dup \
        enablejittracking endfault endfilter endfinally enum error explicit extends extern false \
        famandassem family famorassem fastcall fault field filetime filter final finally fixed float \
        float32 float64 forwarder forwardref fromunmanaged fullorigin handler hidebysig hresult idispatch \
        il implements implicitcom implicitres import in inheritcheck init initblk initobj initonly instance \
        int int16 int32 int64 int8 interface internalcall is isinst iunknown jmp lasterr lateinit ldarg \
        ldarga ldelem ldelema ldfld ldflda ldftn ldlen ldloc ldloca ldnull ldobj ldsfld ldsflda ldstr \
        ldtoken ldvirtftn leave legacy library linkcheck literal localloc lpstr lpstruct lptstr lpvoid \
        lpwstr managed marshal method mkrefany modopt modreq mul native neg nested newarr newobj newslot \
        noappdomain noinlining nomachine nomangle nometadata noncasdemand noncasinheritance \
        noncaslinkdemand nooptimization nop noprocess not not_in_gc_heap notserialized null nullref object \
        objectref off ole on opt optil or out permitonly pinned pinvokeimpl pop prejitdeny prejitgrant \
        preservesig private privatescope property public readonly record refany refanytype refanyval rem \
        reqmin reqopt reqrefuse reqsecobj request ret retargetable rethrow rtspecialname runtime safearray \
        sealed sequential serializable shl shr sizeof specialname starg static stdcall stelem stfld stloc \
        stobj storage stored_object stream streamed_object strict string struct stsfld sub switch \
        synchronized syschar sysstring tbstr thiscall throw tls to true type typedref uint uint16 uint32 \
        uint64 uint8 unbox unicode unmanaged unmanagedexp unsigned userdefined value valuetype vararg \
        variant vbbyrefstr vector virtual void wchar winapi with xor windowsruntime mdtoken \
        aggressiveoptimization flags
        """

    /// Directive words (after a dot): in a dotted name `A.field`, ilasm would read `.field`.
    static let directiveList = """
        addon algorithm assembly backing blob capability cctor class comtype config corflags ctor custom \
        data emitbyte entrypoint event exeloc export field file fire get hash imagebase implicitcom \
        language line locale locals manifestres maxstack mdb method mime module mresource namespace \
        originator os other override pack param permission permissionset processor property publickey \
        publickeytoken removeon set size stackreserve subsystem title try ver vtable vtentry vtfixup zeroinit
        """

    static let keywords: Set<[UInt8]> = {
        var set = Set<[UInt8]>()
        for word in keywordList.split(separator: " ") { set.insert(Array(word.utf8)) }
        for opcode in Opcode.all {
            set.insert(Array(opcode.mnemonic.utf8))
            // `conv.i4` is read as one instruction token: a dotted name starting `conv` is unsafe.
            if let head = opcode.mnemonic.split(separator: ".").first { set.insert(Array(head.utf8)) }
        }
        return set
    }()

    static let directives: Set<[UInt8]> = {
        Set(directiveList.split(separator: " ").map { Array($0.utf8) })
    }()

    /// Keywords are short and all lowercase ASCII (with digits and `_`), so most names are
    /// cleared without a set lookup.
    @inline(__always)
    static func couldBeKeyword(_ name: ArraySlice<UInt8>) -> Bool {
        guard name.count <= 24 else { return false }
        for b in name {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
            if !ok { return false }
        }
        return true
    }

    @inline(__always)
    static func isStartByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24 || b == 0x40 || b == 0x3F
    }

    @inline(__always)
    static func isIdentifierByte(_ b: UInt8) -> Bool {
        isStartByte(b) || (b >= 0x30 && b <= 0x39) || b == 0x60
    }

    /// True when `name` can be written as a bare identifier (one component, no dots).
    static func isBare(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, isStartByte(first) else { return false }
        for b in name where !isIdentifierByte(b) { return false }
        if couldBeKeyword(name) && keywords.contains(Array(name)) { return false }
        return true
    }

    /// True when the dotted name can be written bare, component by component.
    static func isBareDotted(_ name: ArraySlice<UInt8>) -> Bool {
        var start = name.startIndex
        var first = true
        var i = name.startIndex
        while true {
            if i == name.endIndex || name[i] == 0x2E {
                let part = name[start ..< i]
                guard isBare(part) else { return false }
                if !first && couldBeKeyword(part) && directives.contains(Array(part)) { return false }
                if i == name.endIndex { return true }
                first = false
                start = i + 1
            }
            i += 1
        }
    }

    /// A simple name (method, field, parameter, nested type, generic parameter).
    static func write(_ name: ArraySlice<UInt8>, to out: inout OutputBuffer) {
        if isBare(name) { out.write(name) } else { quoted(name, to: &out) }
    }

    /// A possibly dotted name (namespace-qualified type, assembly or module name).
    static func writeDotted(_ name: ArraySlice<UInt8>, to out: inout OutputBuffer) {
        if isBareDotted(name) { out.write(name) } else { quoted(name, to: &out) }
    }

    /// `'…'` with the escapes ilasm's string reader undoes.
    static func quoted(_ name: ArraySlice<UInt8>, to out: inout OutputBuffer) {
        out.byte(UInt8(ascii: "'"))
        escaped(name, quote: UInt8(ascii: "'"), to: &out)
        out.byte(UInt8(ascii: "'"))
    }

    /// UTF-8 text inside a quoted string: the quote and backslash escaped, control characters
    /// as three-digit octal escapes (the only numeric escape Mono's ilasm reads).
    static func escaped(_ text: ArraySlice<UInt8>, quote: UInt8, to out: inout OutputBuffer) {
        for b in text {
            if b == quote || b == 0x5C {
                out.byte(0x5C); out.byte(b)
            } else if b < 0x20 || b == 0x7F {
                out.byte(0x5C)
                out.byte(0x30 &+ (b >> 6))
                out.byte(0x30 &+ ((b >> 3) & 7))
                out.byte(0x30 &+ (b & 7))
            } else {
                out.byte(b)
            }
        }
    }

    /// A `"…"` string (QSTRING) from UTF-8 bytes: library names, locales, entry points.
    static func doubleQuoted(_ text: ArraySlice<UInt8>, to out: inout OutputBuffer) {
        out.byte(UInt8(ascii: "\""))
        escaped(text, quote: UInt8(ascii: "\""), to: &out)
        out.byte(UInt8(ascii: "\""))
    }
}
