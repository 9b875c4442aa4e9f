import Foundation
import Testing

/// `cilbox info --json` must state the same references, resources and exported types that
/// monodis reads from the same file.
@Suite struct InfoCommandTests {
    static let assemblies = ["System.dll", "mscorlib.dll", "System.Core.dll", "Facades/System.Runtime.dll"]

    func json(_ path: String) throws -> [String: Any] {
        let r = try CilboxBinary.run(["info", "--json", path])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func monodis(_ flag: String, _ path: String) throws -> [String] {
        let r = try Process.capture(try Process.tool("monodis"), [flag, path])
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test(arguments: assemblies)
    func referencesMatchMonodis(_ name: String) throws {
        let path = try BCLPath.directory() + "/" + name
        let info = try json(path)
        let refs = try #require(info["assemblyReferences"] as? [[String: Any]])
        let monodisRefs = try monodis("--assemblyref", path)
        let names = monodisRefs.filter { $0.hasPrefix("\tName=") }.map { String($0.dropFirst("\tName=".count)) }
        let versions = monodisRefs.compactMap { line -> String? in
            guard let r = line.range(of: ": Version=") else { return nil }
            return String(line[r.upperBound...])
        }
        #expect(refs.map { $0["name"] as? String ?? "" } == names)
        #expect(refs.map { $0["version"] as? String ?? "" } == versions)
        // Key tokens: monodis prints the bytes as "0x00000000: B7 7A 5C 56 19 34 E0 89".
        let tokens = monodisRefs.filter { $0.hasPrefix("0x00000000: ") }.map { $0.dropFirst(12).split(separator: " ").joined().lowercased() }
        let ours = refs.compactMap { $0["publicKeyOrToken"] as? String }.filter { !$0.isEmpty }
        #expect(ours == tokens)
    }

    @Test(arguments: assemblies)
    func resourcesAndModuleRefsMatchMonodis(_ name: String) throws {
        let path = try BCLPath.directory() + "/" + name
        let info = try json(path)
        let resources = try #require(info["resources"] as? [[String: Any]])
        // "1: public 'Asterisk.wav' at offset 0 in current module"
        let expected = try monodis("--manifest", path).dropFirst().compactMap { line -> (String, Bool)? in
            guard let q1 = line.firstIndex(of: "'"), let q2 = line[line.index(after: q1)...].firstIndex(of: "'") else { return nil }
            return (String(line[line.index(after: q1) ..< q2]), line.contains(": public "))
        }
        #expect(resources.map { $0["name"] as? String ?? "" } == expected.map(\.0))
        #expect(resources.map { $0["public"] as? Bool ?? false } == expected.map(\.1))
        let moduleRefs = try #require(info["moduleReferences"] as? [String])
        let expectedRefs = try monodis("--moduleref", path).dropFirst().compactMap { line -> String? in
            guard let colon = line.range(of: ": ") else { return nil }
            return String(line[colon.upperBound...])
        }
        #expect(moduleRefs == expectedRefs)
    }

    @Test(arguments: assemblies)
    func exportedTypesMatchMonodis(_ name: String) throws {
        let path = try BCLPath.directory() + "/" + name
        let info = try json(path)
        let exported = try #require(info["exportedTypes"] as? [[String: Any]])
        // "1: System.Collections.Generic.Stack`1 is in assemblyref 1, index=0, flags=0x200000"
        let expected = try monodis("--exported", path).dropFirst().compactMap { line -> (String, Bool)? in
            guard let colon = line.range(of: ": "), let isIn = line.range(of: " is in ") else { return nil }
            return (String(line[colon.upperBound ..< isIn.lowerBound]), line.hasSuffix("flags=0x200000"))
        }
        #expect(exported.map { $0["name"] as? String ?? "" } == expected.map(\.0))
        #expect(exported.map { $0["forwarder"] as? Bool ?? false } == expected.map(\.1))
    }

    @Test func entryPointMatchesTheCompiledProgram() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-info-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("P.cs")
        try "namespace N { class P { static void Helper() {} static int Main() { return 3; } } }".write(to: source, atomically: true, encoding: .utf8)
        let exe = dir.appendingPathComponent("P.exe").path
        let mcs = try Process.capture(try Process.tool("mcs"), ["-nologo", "-out:" + exe, source.path])
        #expect(mcs.status == 0, "\(mcs.stdout)\(mcs.stderr)")
        // The reference: mono runs Main and returns its value.
        let mono = try Process.capture(try Process.tool("mono"), [exe])
        #expect(mono.status == 3)
        let info = try json(exe)
        let entry = try #require(info["entryPoint"] as? [String: Any])
        #expect(entry["method"] as? String == "N.P::Main")
    }
}
