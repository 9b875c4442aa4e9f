import Foundation
import Testing

/// Unverifiable or malformed programs that aim at the host: every one ends as a guest exception
/// or a typed stop, never as a signal (a status above 128) or an access outside the guest's
/// address space.
@Suite struct HostileProgramTests {
    static let source = """
        .assembly extern mscorlib {}
        .assembly Hostile {}
        // A value type far larger than anything cilbox copies (ClassLayout size, II.22.8).
        .class public sequential ansi sealed Huge extends [mscorlib]System.ValueType
        { .pack 1 .size 200000000 }
        .class public P {
          .method static void UseHuge() {
            .locals init (valuetype Huge h)
            ldloca h
            initobj Huge
            ret
          }
          .method static int32 Main(string[] args) {
            .entrypoint
            ldarg.0
            ldc.i4.0
            ldelem.ref
            ldstr "wild"
            call bool [mscorlib]System.String::op_Equality(string, string)
            brfalse HUGE
            // Stores through addresses outside the guest space: 0x123456789 and the top of memory.
            ldc.i8 0x123456789
            conv.i
            ldc.i4 42
            stind.i4
            ldc.i8 -8
            conv.i
            ldc.i4 42
            stind.i4
            ldc.i4.0
            ret
          HUGE:
            call void P::UseHuge()
            ldc.i4.0
            ret
          }
        }
        """

    func program() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent("Hostile.exe").path
        if FileManager.default.fileExists(atPath: exe) { return exe }
        let src = dir.appendingPathComponent("Hostile.il")
        try Self.source.write(to: src, atomically: true, encoding: .utf8)
        let ilasm = try Process.capture(try Process.tool("ilasm"), ["/output:" + exe, src.path])
        try #require(ilasm.status == 0, "\(ilasm.stdout)\(ilasm.stderr)")
        return exe
    }

    @Test func wildPointerStoresRaiseNullReferenceException() throws {
        let r = try CilboxBinary.run(["run", try program(), "wild"])
        // Mono turns the fault into a NullReferenceException as well.
        #expect(r.status == 1)
        #expect(r.stderr.contains("System.NullReferenceException"), "\(r.stderr)")
    }

    @Test func oversizedValueTypeIsATypedStop() throws {
        // Mono refuses value types over 1 MiB with a TypeLoadException; cilbox stops with the
        // same limit as a malformed program (exit 65) instead of copying 200 MB values around.
        let r = try CilboxBinary.run(["run", try program(), "huge"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("value type Huge is 200000000 bytes"), "\(r.stderr)")
    }
}
