import CILMetadata
import Testing

/// Every assembly of Mono's class library must read in strict mode, and every signature and
/// method body in it must decode — the reader's first acceptance test on real input.
@Suite struct BCLReadingTests {
    @Test func everyBCLAssemblyReadsStrictly() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: install mono-devel or set CILBOX_BCL")
        let files = listAssemblies(in: dir)
        #expect(files.count > 200)
        var methods = 0, bodies = 0, signatures = 0
        for path in files {
            let file = try CLIFile(bytes: try readFile(path), mode: .strict)
            #expect(file.diagnostics.isEmpty, "\(path)")
            var decoder = SignatureDecoder(provider: CountingProvider(), file: file)
            let methodCount = file.rowCount(.methodDef)
            if methodCount > 0 {
                for row in 1 ... methodCount {
                    methods += 1
                    let m = try file.methodDef(row)
                    _ = try decoder.methodSignature(blob: m.signature)
                    signatures += 1
                    if let body = try file.methodBody(row) {
                        try file.validate(body)
                        bodies += 1
                        if !body.localSignature.isNil {
                            let sig = try file.standAloneSig(body.localSignature.row)
                            _ = try decoder.localSignature(blob: sig.signature)
                        }
                    }
                }
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.field), by: 1) {
                _ = try decoder.fieldSignature(blob: try file.field(row).signature); signatures += 1
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.typeSpec), by: 1) {
                _ = try decoder.typeSpecSignature(row: row); signatures += 1
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.property), by: 1) {
                _ = try decoder.propertySignature(blob: try file.property(row).signature); signatures += 1
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.methodSpec), by: 1) {
                _ = try decoder.methodSpecArguments(blob: try file.methodSpec(row).instantiation); signatures += 1
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.memberRef), by: 1) {
                let ref = try file.memberRef(row)
                var r = try file.blobs.reader(ref.signature)
                if try r.u8() == 0x06 { _ = try decoder.fieldSignature(blob: ref.signature) } else { _ = try decoder.methodSignature(blob: ref.signature) }
                signatures += 1
            }
            _ = MetadataIndex(file)
        }
        print("BCL: \(files.count) files, \(methods) methods, \(bodies) bodies, \(signatures) signatures decoded")
        #expect(bodies > 100_000)
    }
}
