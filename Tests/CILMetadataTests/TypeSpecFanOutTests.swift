import CILMetadata
import Foundation
import Testing

/// Regression for the hostile-corpus finding `Fuzz/findings/typespec-fanout-16.dll`: 16
/// TypeSpecs, each a generic instance naming the next one 16 times. Expanded naively that is
/// 16^6 and more type nodes; the decoder's node budget must stop it with a typed error, fast.
@Suite struct TypeSpecFanOutTests {
    @Test func fanOutIsStoppedByTheNodeBudget() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("Fuzz/findings/typespec-fanout-16.dll")))
        let file = try CLIFile(bytes: bytes, mode: .lenient)
        #expect(file.rowCount(.typeSpec) == 16)
        var decoder = SignatureDecoder(provider: CountingProvider(), file: file)
        let start = Date()
        var tooLarge = 0
        for row in 1 ... file.rowCount(.typeSpec) {
            do { _ = try decoder.typeSpecSignature(row: row) } catch {
                #expect(error.kind == .tooLarge || error.kind == .tooDeep, "\(error)")
                if error.kind == .tooLarge { tooLarge += 1 }
            }
        }
        #expect(tooLarge > 0)
        #expect(Date().timeIntervalSince(start) < 1.0)
    }
}
