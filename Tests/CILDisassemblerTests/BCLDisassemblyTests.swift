import CILDisassembler
import CILMetadata
import Foundation
import Testing

/// Every assembly of Mono's class library disassembles with no diagnostics: real input must
/// never hit the lenient paths. In a release build all of them (about 10 s); a debug build is
/// some ten times slower, so there it checks a representative subset (the core library, the
/// biggest framework assemblies, a WinForms-sized one and every facade) and says so.
@Suite struct BCLDisassemblyTests {
    static let debugSubset: Set<String> = [
        "mscorlib.dll", "System.dll", "System.Core.dll", "System.Xml.dll", "Mono.Posix.dll",
        "System.Drawing.dll", "Microsoft.CSharp.dll", "System.Numerics.dll",
    ]

    @Test func everyBCLAssemblyDisassemblesWithoutDiagnostics() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        var files = BCL.assemblies(in: dir)
        #expect(files.count > 200)
        #if DEBUG
        files = files.filter { $0.contains("/Facades/") || Self.debugSubset.contains(URL(fileURLWithPath: $0).lastPathComponent) }
        print("debug build: disassembling \(files.count) of the BCL's assemblies; run with -c release for all of them")
        #endif
        var bytesWritten = 0
        var jsonChecked = 0
        let start = Date()
        for path in files {
            let file = try CLIFile(bytes: try readBytes(URL(fileURLWithPath: path)), mode: .lenient)
            let d = Disassembler(file: file)
            d.writeText { bytesWritten += $0.count }
            #expect(d.diagnostics.isEmpty, "\(path): \(d.diagnostics.prefix(5))")
            if path.contains("/Facades/") {
                d.writeJSON { bytesWritten += $0.count }
                #expect(d.diagnostics.isEmpty, "\(path) (JSON): \(d.diagnostics.prefix(5))")
                jsonChecked += 1
            }
        }
        print("BCL: \(files.count) assemblies, \(bytesWritten) bytes of text in \(Date().timeIntervalSince(start)) s (\(jsonChecked) also as JSON)")
    }

    /// The JSON form of a real assembly parses and has the expected shape.
    @Test func jsonOfSystemNumericsParses() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let file = try CLIFile(bytes: try readBytes(URL(fileURLWithPath: dir + "/System.Numerics.dll")), mode: .strict)
        let d = Disassembler(file: file)
        var bytes: [UInt8] = []
        d.writeJSON { bytes.append(contentsOf: $0) }
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let json = try #require(object)
        #expect(json["format"] as? String == "cilbox-disassembly-1")
        #expect((json["assembly"] as? [String: Any])?["name"] as? String == "System.Numerics")
        #expect(((json["references"] as? [Any])?.count ?? 0) > 0)
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
        let types = try #require(json["types"] as? [[String: Any]])
        let bigInteger = try #require(types.first { $0["name"] as? String == "System.Numerics.BigInteger" })
        let methods = try #require(bigInteger["methods"] as? [[String: Any]])
        let withBody = try #require(methods.first { ($0["body"] as? [String: Any]) != nil })
        let instructions = try #require((withBody["body"] as? [String: Any])?["instructions"] as? [[String: Any]])
        #expect(instructions.first?["offset"] as? Int == 0)
        #expect(instructions.first?["mnemonic"] is String)
    }
}
