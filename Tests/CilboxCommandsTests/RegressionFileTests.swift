import Foundation
import Testing

/// Every reduced divergence under Tests/Regression keeps running: on cilbox against the
/// expectation frozen from the reference in its header, and on mono (the reference must still
/// agree with its own frozen output).
@Suite struct RegressionFileTests {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Regression")
    }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".il") }.sorted()
    }

    @Test func regressionFolderExists() {
        #expect(FileManager.default.fileExists(atPath: Self.directory.path))
    }

    @Test(arguments: files)
    func regressionStillPasses(_ name: String) throws {
        let source = Self.directory.appendingPathComponent(name)
        let text = try String(contentsOf: source, encoding: .utf8)
        let expected = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("// expect"), let colon = line.firstIndex(of: ":") else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        try #require(!expected.isEmpty, "\(name) has no `// expect` line")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cilbox-regression-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let exe = dir.appendingPathComponent(name.replacingOccurrences(of: ".il", with: ".exe")).path
        let ilasm = try Process.capture(try Process.tool("ilasm"), ["/quiet", "/output:" + exe, source.path])
        try #require(ilasm.status == 0, "\(ilasm.stdout)\(ilasm.stderr)")
        let cilbox = try CilboxBinary.run(["run", "--max-instructions", "50000000", exe])
        let lines = cilbox.stdout.split(separator: "\n").map(String.init)
        #expect(lines == expected, "cilbox: \(cilbox.stdout)\(cilbox.stderr)")
        if let mono = try? Process.tool("mono") {
            let m = try Process.capture(mono, [exe])
            #expect(m.stdout.split(separator: "\n").map(String.init) == expected, "mono no longer matches its frozen output")
        }
    }
}
