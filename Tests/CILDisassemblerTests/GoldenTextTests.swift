import CILDisassembler
import CILMetadata
import Foundation
import Testing

/// Details where mistakes are easy: string escaping, float literals, quoting of identifiers,
/// generic signatures, constants. Each expected line is written, in the IL source below,
/// exactly as expected: ilasm accepted it (the source assembles), and the disassembly of
/// what ilasm made must give the same line back. The expected text thus comes from what
/// Mono's ilasm accepts, never from cilbox's own output.
@Suite struct GoldenTextTests {
    /// Lines that must appear verbatim (after trimming) in the disassembly.
    static let declarationLines = [
        // Identifiers: keywords, special characters, quotes and backslashes inside quotes.
        ".field public static int32 'value'",
        ".field public static int32 'add'",
        ".field public static int32 '<>9__0'",
        ".field public static int32 'a b'",
        ".field public static int32 'it\\'s'",
        ".field public static int32 'back\\\\slash'",
        ".field public static int32 '1st'",
        ".field public static int32 'tab\\011char'",
        ".field public static int32 'caf\u{E9}'",
        ".field public static int32 $plain@name?`1",
        // Dotted names with an unsafe part are quoted as a whole.
        ".class public auto ansi beforefieldinit 'Golden.<>c.Odd'",
        ".class public auto ansi beforefieldinit 'Golden.field'",
        ".class nested public auto ansi sealed '<Nested>d__1'",
        // Constants keep their element type and exact bits.
        ".field public static literal uint8 U8 = uint8(0xC8)",
        ".field public static literal int8 I8 = int8(-5)",
        ".field public static literal int64 Min64 = int64(0x8000000000000000)",
        ".field public static literal float32 NaN32 = float32(0xFFC00001)",
        ".field public static literal float64 NegZero = float64(0x8000000000000000)",
        ".field public static literal char Ch = char(0x0041)",
        ".field public static literal bool B = bool(true)",
        ".field public static literal string S = \"q\\\"uote\\\\ \\n\"",
        ".field public static literal object Nothing = nullref",
        // Generic declarations and constraints.
        ".class public auto ansi beforefieldinit Golden.G`2<class (class [mscorlib]System.IComparable) T, valuetype .ctor (class [mscorlib]System.ValueType) U>",
        ".method public static !!0 Id<T>(!!0 x) cil managed",
        ".field public !0 f",
        ".field public static valuetype Golden.S[0...,0...] Grid",
        ".field public static int32 modreq([mscorlib]System.Runtime.CompilerServices.IsVolatile) Vol",
        // Security, P/Invoke, marshalling, parameters, locals and overrides.
        ".permissionset reqmin = {[mscorlib]System.Security.Permissions.SecurityPermissionAttribute = {property bool 'SkipVerification' = bool(true)}}",
        ".method public static pinvokeimpl(\"libc.so.6\" as \"getpid\" lasterr cdecl) int32 getpid() cil managed preservesig",
        ".method public static string marshal(lpwstr) R(int32 marshal(bool) a, string marshal(lpstr) b, int32[] marshal(int32[10]) c, int32[] marshal(int32[+1]) d, int32[] marshal(int32[5+2]) e, object marshal(interface) f, string marshal(fixed sysstring [8]) g) cil managed",
        ".method public static int32 P([in] int32 a, [out] int32& b, [opt] int32 c) cil managed",
        ".param [3] = int32(7)",
        ".locals init (int32 V_0,",
        "string V_1)",
        ".method private final virtual hidebysig newslot instance !!0 'Golden.I.M'<T>(!!0 x) cil managed",
        ".override method instance !!0 Golden.I::M<[1]>(!!0)",
        // Exception clauses in label form, in table order, with a label for the end of the code.
        "IL_000d:",
        ".try IL_0000 to IL_0002 catch [mscorlib]System.Exception handler IL_0002 to IL_0006",
        ".try IL_0000 to IL_0002 filter IL_0002 handler IL_0006 to IL_0009",
        ".try IL_0000 to IL_0009 finally handler IL_0009 to IL_000a",
        ".try IL_0000 to IL_000a fault handler IL_000a to IL_000d",
    ]

    /// Instruction lines of `Golden.Code::Instructions`, in order (labels and all).
    static let instructionLines = [
        "IL_0000:  ldstr \"plain ASCII\"",
        "IL_0005:  ldstr \"q\\\"b\\\\s\\tt\\nn\\rr\\001\\177\"",
        "IL_000a:  ldstr \"caf\u{E9} \u{4E2D} \u{1F600}\"",
        "IL_000f:  ldstr bytearray ( 41 00 00 D8 42 00 )",
        "IL_0014:  ldc.r4 float32(0x3F800000)",
        "IL_0019:  ldc.r4 float32(0x80000000)",
        "IL_001e:  ldc.r4 float32(0x00000001)",
        "IL_0023:  ldc.r4 float32(0x7F800000)",
        "IL_0028:  ldc.r4 (01 00 C0 FF)",
        "IL_002d:  ldc.r8 float64(0x8000000000000000)",
        "IL_0036:  ldc.r8 float64(0x0000000000000001)",
        "IL_003f:  ldc.r8 (01 00 00 00 00 00 F8 7F)",
        "IL_0048:  ldc.i4.s -128",
        "IL_004a:  ldc.i4 -2147483648",
        "IL_004f:  ldc.i8 -9223372036854775808",
        "IL_0058:  call !!0 class Golden.G`2<string,int32>::Id<int32>(!!0)",
        "IL_005d:  ldtoken method void Golden.Code::Instructions()",
        "IL_0062:  ldtoken field int32 Golden.Code::'value'",
        "IL_0067:  ldtoken class Golden.G`2<!!0,valuetype Golden.S>",
        "IL_006c:  box !!0",
        "IL_0071:  ldsfld int32 'Golden.<>c.Odd'::'add'",
        "IL_0076:  ldsfld int32 'Golden.<>c.Odd'/'<Nested>d__1'::x",
        "IL_007b:  newobj instance void class Golden.G`2<string,valuetype Golden.S>::.ctor()",
        "IL_0080:  ldfld !0 class Golden.G`2<string,valuetype Golden.S>::f",
        "IL_0085:  call vararg void Golden.Code::V(int32, ..., int32, string)",
        "IL_008a:  ldftn void Golden.Code::Instructions()",
        "IL_0090:  calli unmanaged cdecl int32(int32)",
        "IL_0095:  switch (IL_00a2, IL_00a8)",
        "IL_00a2:  br IL_00a8",
        "IL_00a7:  nop",
        "IL_00a8:  ret",
    ]

    static let source = """
        .assembly extern mscorlib { .ver 4:0:0:0 .publickeytoken = (B7 7A 5C 56 19 34 E0 89) }
        .assembly Golden
        {
          .permissionset reqmin = {[mscorlib]System.Security.Permissions.SecurityPermissionAttribute = {property bool 'SkipVerification' = bool(true)}}
          .ver 1:2:3:4
        }
        .module Golden.dll
        .class interface public auto ansi abstract Golden.I { .method public virtual hidebysig newslot abstract instance !!0 M<T>(!!0 x) cil managed { } }
        .class public auto ansi beforefieldinit Golden.Interop extends [mscorlib]System.Object implements Golden.I
        {
          .method public static pinvokeimpl("libc.so.6" as "getpid" lasterr cdecl) int32 getpid() cil managed preservesig
          {
          }
          .method public static string marshal(lpwstr) R(int32 marshal(bool) a, string marshal(lpstr) b, int32[] marshal(int32[10]) c, int32[] marshal(int32[+1]) d, int32[] marshal(int32[5+2]) e, object marshal(interface) f, string marshal(fixed sysstring [8]) g) cil managed
          {
            ldnull
            ret
          }
          .method public static int32 P([in] int32 a, [out] int32& b, [opt] int32 c) cil managed
          {
            .param [3] = int32(7)
            .maxstack 8
            .locals init (int32 V_0,
                string V_1)
            ldarg.0
            ret
          }
          .method private final virtual hidebysig newslot instance !!0 'Golden.I.M'<T>(!!0 x) cil managed
          {
            .override method instance !!0 Golden.I::M<[1]>(!!0)
            ldarg.1
            ret
          }
        }
        .class public sequential ansi sealed beforefieldinit Golden.S extends [mscorlib]System.ValueType { .field public int32 a }
        .class public auto ansi beforefieldinit 'Golden.<>c.Odd' extends [mscorlib]System.Object
        {
          .field public static int32 'add'
          .class nested public auto ansi sealed '<Nested>d__1' extends [mscorlib]System.Object { .field public static int32 x }
        }
        .class public auto ansi beforefieldinit 'Golden.field' extends [mscorlib]System.Object { }
        .class public auto ansi beforefieldinit Golden.G`2<class (class [mscorlib]System.IComparable) T, valuetype .ctor (class [mscorlib]System.ValueType) U>
            extends [mscorlib]System.Object
        {
          .field public !0 f
          .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
          .method public static !!0 Id<T>(!!0 x) cil managed { ldarg.0 ret }
        }
        .class public auto ansi beforefieldinit Golden.Code extends [mscorlib]System.Object
        {
          .field public static int32 'value'
          .field public static int32 'add'
          .field public static int32 '<>9__0'
          .field public static int32 'a b'
          .field public static int32 'it\\'s'
          .field public static int32 'back\\\\slash'
          .field public static int32 '1st'
          .field public static int32 'tab\\011char'
          .field public static int32 'caf\u{E9}'
          .field public static int32 $plain@name?`1
          .field public static literal uint8 U8 = uint8(0xC8)
          .field public static literal int8 I8 = int8(-5)
          .field public static literal int64 Min64 = int64(0x8000000000000000)
          .field public static literal float32 NaN32 = float32(0xFFC00001)
          .field public static literal float64 NegZero = float64(0x8000000000000000)
          .field public static literal char Ch = char(0x0041)
          .field public static literal bool B = bool(true)
          .field public static literal string S = "q\\"uote\\\\ \\n"
          .field public static literal object Nothing = nullref
          .field public static valuetype Golden.S[0...,0...] Grid
          .field public static int32 modreq([mscorlib]System.Runtime.CompilerServices.IsVolatile) Vol
          .method public static vararg void V(int32 a) cil managed { ret }
          .method public static void Instructions<M>() cil managed
          {
            .maxstack 8
            ldstr "plain ASCII"
            ldstr "q\\"b\\\\s\\tt\\nn\\rr\\001\\177"
            ldstr "caf\u{E9} \u{4E2D} \u{1F600}"
            ldstr bytearray ( 41 00 00 D8 42 00 )
            ldc.r4 float32(0x3F800000)
            ldc.r4 float32(0x80000000)
            ldc.r4 float32(0x00000001)
            ldc.r4 float32(0x7F800000)
            ldc.r4 (01 00 C0 FF)
            ldc.r8 float64(0x8000000000000000)
            ldc.r8 float64(0x0000000000000001)
            ldc.r8 (01 00 00 00 00 00 F8 7F)
            ldc.i4.s -128
            ldc.i4 -2147483648
            ldc.i8 -9223372036854775808
            call !!0 class Golden.G`2<string,int32>::Id<int32>(!!0)
            ldtoken method void Golden.Code::Instructions()
            ldtoken field int32 Golden.Code::'value'
            ldtoken class Golden.G`2<!!0,valuetype Golden.S>
            box !!0
            ldsfld int32 'Golden.<>c.Odd'::'add'
            ldsfld int32 'Golden.<>c.Odd'/'<Nested>d__1'::x
            newobj instance void class Golden.G`2<string,valuetype Golden.S>::.ctor()
            ldfld !0 class Golden.G`2<string,valuetype Golden.S>::f
            call vararg void Golden.Code::V(int32, ..., int32, string)
            ldftn void Golden.Code::Instructions()
            calli unmanaged cdecl int32(int32)
            switch (IL_00a2, IL_00a8)
            IL_00a2: br IL_00a8
            nop
            IL_00a8: ret
          }
          .method public static void Handlers() cil managed
          {
            .maxstack 8
            IL_0000:  leave.s IL_000c
            IL_0002:  pop
            IL_0003:  ldc.i4.1
            IL_0004:  endfilter
            IL_0006:  pop
            IL_0007:  leave.s IL_000c
            IL_0009:  endfinally
            IL_000a:  endfinally
            IL_000b:  nop
            IL_000c:  ret
            IL_000d:
            .try IL_0000 to IL_0002 catch [mscorlib]System.Exception handler IL_0002 to IL_0006
            .try IL_0000 to IL_0002 filter IL_0002 handler IL_0006 to IL_0009
            .try IL_0000 to IL_0009 finally handler IL_0009 to IL_000a
            .try IL_0000 to IL_000a fault handler IL_000a to IL_000d
          }
        }
        """

    /// Assembles the source once per test and returns its disassembly.
    static func disassembly() throws -> (text: String, lines: Set<String>, diagnostics: [DisassemblyDiagnostic], dll: [UInt8]) {
        let dir = try makeTemporaryDirectory("golden")
        defer { cleanUp(dir) }
        let (dll, result) = try assemble(source, named: "Golden", in: dir)
        try #require(result.status == 0, "ilasm rejected the golden source:\n\(result.stdout)\(result.stderr)")
        let bytes = try readBytes(dll)
        let d = Disassembler(file: try CLIFile(bytes: bytes, mode: .strict))
        let text = d.text()
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        return (text, lines, d.diagnostics, bytes)
    }

    @Test func declarationsComeBackAsWritten() throws {
        let (text, lines, diagnostics, _) = try Self.disassembly()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for expected in Self.declarationLines {
            #expect(lines.contains(expected), "missing: \(expected)\n--- disassembly ---\n\(text)")
        }
    }

    @Test func instructionsComeBackAsWritten() throws {
        let dir = try makeTemporaryDirectory("golden-listing")
        defer { cleanUp(dir) }
        let (dll, result) = try assemble(Self.source, named: "Golden", in: dir)
        try #require(result.status == 0, "ilasm rejected the golden source:\n\(result.stdout)\(result.stderr)")
        let file = try CLIFile(bytes: try readBytes(dll), mode: .strict)
        let d = Disassembler(file: file)
        var row: UInt32?
        for r in stride(from: UInt32(1), through: file.rowCount(.methodDef), by: 1)
            where try file.string(try file.methodDef(r).name) == "Instructions" {
            row = r
        }
        let listing = d.instructionListing(methodRow: try #require(row))
        #expect(listing == Self.instructionLines)
        for (expected, actual) in zip(Self.instructionLines, listing) where expected != actual {
            Issue.record("expected \(expected)\n     got \(actual)")
        }
    }

    /// The disassembly re-assembles to a file whose own disassembly is the same text: every
    /// spelling above is also read back by ilasm to the same metadata and IL.
    @Test func disassemblyIsAFixedPoint() throws {
        let (text, _, _, _) = try Self.disassembly()
        let dir = try makeTemporaryDirectory("golden-fixed-point")
        defer { cleanUp(dir) }
        let (dll, result) = try assemble(text, named: "Golden", in: dir)
        try #require(result.status == 0, "ilasm rejected the disassembly:\n\(result.stdout)\(result.stderr)\n\(text)")
        let again = Disassembler(file: try CLIFile(bytes: try readBytes(dll), mode: .strict)).text()
        // Only the module's MVID (a fresh GUID per build) may differ.
        func withoutMVID(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.hasPrefix(".module ") } }
        #expect(withoutMVID(again) == withoutMVID(text))
    }

    @Test func typeAndMethodFilters() throws {
        let dir = try makeTemporaryDirectory("golden-filters")
        defer { cleanUp(dir) }
        let (dll, result) = try assemble(Self.source, named: "Golden", in: dir)
        try #require(result.status == 0, "ilasm rejected the golden source:\n\(result.stdout)\(result.stderr)")
        for name in ["Golden.<>c.Odd/<Nested>d__1", "Golden.<>c.Odd+<Nested>d__1"] {
            let (text, diagnostics) = try disassemble(dll, options: DisassemblyOptions(typeFilter: name))
            #expect(diagnostics.isEmpty)
            #expect(text.contains(".class nested public auto ansi sealed '<Nested>d__1'"), "\(name):\n\(text)")
            #expect(!text.contains("Golden.Code"), "\(name):\n\(text)")
            #expect(!text.contains(".assembly"), "\(name):\n\(text)")
        }
        let (outer, _) = try disassemble(dll, options: DisassemblyOptions(typeFilter: "Golden.<>c.Odd"))
        #expect(outer.contains(".field public static int32 'add'") && outer.contains("'<Nested>d__1'"))

        let (methods, _) = try disassemble(dll, options: DisassemblyOptions(methodFilter: "Handlers"))
        #expect(methods.contains(".method public static void Handlers() cil managed"))
        #expect(!methods.contains("Instructions"))
        #expect(!methods.contains(".field"))
        #expect(!methods.contains("Golden.G`2"), "classes without such a method are left out:\n\(methods)")

        let (both, _) = try disassemble(dll, options: DisassemblyOptions(typeFilter: "Golden.Code", methodFilter: "V"))
        #expect(both.contains(".method public static vararg void V(int32 a) cil managed"))
        #expect(!both.contains("Handlers"))

        let (none, _) = try disassemble(dll, options: DisassemblyOptions(typeFilter: "No.Such.Type"))
        #expect(none.contains("no class named No.Such.Type"))
    }

    @Test func jsonForm() throws {
        let dir = try makeTemporaryDirectory("golden-json")
        defer { cleanUp(dir) }
        let (dll, result) = try assemble(Self.source, named: "Golden", in: dir)
        try #require(result.status == 0, "ilasm rejected the golden source:\n\(result.stdout)\(result.stderr)")
        let d = Disassembler(file: try CLIFile(bytes: try readBytes(dll), mode: .strict))
        var bytes: [UInt8] = []
        d.writeJSON { bytes.append(contentsOf: $0) }
        #expect(d.diagnostics.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        // Keys in a fixed order: the text starts the same way every time.
        #expect(String(decoding: bytes.prefix(48), as: UTF8.self).hasPrefix("{\"format\":\"cilbox-disassembly-1\",\"module\":"))
        #expect((json["assembly"] as? [String: Any])?["version"] as? String == "1.2.3.4")
        let types = try #require(json["types"] as? [[String: Any]])
        #expect(types.contains { $0["name"] as? String == "Golden.<>c.Odd/<Nested>d__1" })
        let code = try #require(types.first { $0["name"] as? String == "Golden.Code" })
        let methods = try #require(code["methods"] as? [[String: Any]])
        let instructions = try #require(methods.first { $0["name"] as? String == "Instructions" })
        let body = try #require(instructions["body"] as? [String: Any])
        let list = try #require(body["instructions"] as? [[String: Any]])
        #expect(list.count == Self.instructionLines.count)
        #expect(list[0]["mnemonic"] as? String == "ldstr")
        #expect(list[0]["operand"] as? String == "\"plain ASCII\"")
        #expect(list[2]["operand"] as? String == "\"caf\u{E9} \u{4E2D} \u{1F600}\"")
        #expect(list.last?["operand"] is NSNull)
        let handlers = try #require(methods.first { $0["name"] as? String == "Handlers" })
        let clauses = try #require((handlers["body"] as? [String: Any])?["exceptionClauses"] as? [[String: Any]])
        #expect(clauses.map { $0["kind"] as? String } == ["catch", "filter", "finally", "fault"])
        #expect(clauses[0]["catchType"] as? String == "[mscorlib]System.Exception")
        #expect(clauses[1]["filterOffset"] as? Int == 2)
        #expect(clauses[3]["handlerEnd"] as? Int == 13)
        let fields = try #require(code["fields"] as? [[String: Any]])
        #expect(fields.first { $0["name"] as? String == "U8" }?["value"] as? String == "uint8(0xC8)")
    }
}
