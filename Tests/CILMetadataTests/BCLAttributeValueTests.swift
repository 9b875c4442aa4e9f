import CILMetadata
import Testing

/// Every custom attribute, constant, marshalling descriptor, security declaration, resource,
/// assembly reference and exported type of Mono's class libraries must decode in strict mode.
/// Enums from other assemblies are resolved across the class libraries; one that cannot be may
/// take the assumed-int32 path, but nothing may fail.
@Suite struct BCLAttributeValueTests {
    @Test func everyAttributeAndConstantDecodesStrictly() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let set = BCLAssemblySet(directory: dir)
        let files = listAssemblies(in: dir)
        var attributes = 0, fixed = 0, named = 0, assumed = 0, constants = 0, marshals = 0, rawMarshals = 0
        var security = 0, resources = 0, resourceBytes = 0, exported = 0, forwarders = 0, references = 0
        var kinds: [String: Int] = [:]
        for path in files {
            let file = try CLIFile(bytes: try readFile(path), mode: .strict)
            var decoder = CustomAttributeDecoder(file: file, enumResolver: set.underlyingType)
            for row in stride(from: UInt32(1), through: file.rowCount(.customAttribute), by: 1) {
                let value: CustomAttributeValue
                do { value = try decoder.decode(row: row) } catch {
                    Issue.record("\(path): \(error)")
                    continue
                }
                attributes += 1
                fixed += value.fixedArguments.count
                named += value.namedArguments.count
                if value.hasAssumedEnumTypes { assumed += 1 }
                for a in value.fixedArguments + value.namedArguments.map(\.value) { Self.count(a, into: &kinds) }
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.constant), by: 1) {
                _ = try file.constantValue(row)
                constants += 1
            }
            for row in stride(from: UInt32(1), through: file.rowCount(.fieldMarshal), by: 1) {
                if case .raw = try file.marshalDescriptor(row) { rawMarshals += 1 }
                marshals += 1
            }
            security += try file.securityDeclarations().count
            for r in try file.manifestResources() {
                resources += 1
                if r.isEmbedded { resourceBytes += try #require(file.resourceData(r), "\(path) \(r.name)").count }
            }
            for e in try file.exportedTypes() {
                exported += 1
                if e.isForwarder { forwarders += 1 }
            }
            references += try file.assemblyReferences().count
        }
        print("BCL attributes: \(files.count) files, \(attributes) attributes (\(fixed) fixed, \(named) named arguments, \(assumed) with an assumed enum type, \(set.lookups) cross-assembly enum lookups)")
        print("BCL argument kinds: \(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("BCL values: \(constants) constants, \(marshals) marshal descriptors (\(rawMarshals) raw), \(security) security declarations, \(resources) resources (\(resourceBytes) bytes embedded), \(exported) exported types (\(forwarders) forwarders), \(references) assembly references")
        #expect(attributes > 50_000)
        #expect(constants > 50_000)
        #expect(rawMarshals == 0)
    }

    static func count(_ a: AttributeArgument, into kinds: inout [String: Int]) {
        let kind: String
        switch a {
        case .enumeration: kind = "enum"
        case .type: kind = "type"
        case .array(_, let elements):
            kind = "array"
            for e in elements ?? [] { count(e, into: &kinds) }
        case .string: kind = "string"
        default: kind = a.type.description
        }
        kinds[kind, default: 0] += 1
    }

    /// II.6.2.1.3: mscorlib's token, computed from the public key in its Assembly row.
    @Test func mscorlibPublicKeyToken() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let file = try CLIFile(bytes: try readFile(dir + "/mscorlib.dll"))
        let identity = try #require(try file.assemblyIdentity())
        #expect(identity.name == "mscorlib")
        #expect(identity.publicKeyTokenText == "b77a5c561934e089")
        #expect(identity.description == "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")
    }

    /// Each AssemblyRef token stored by the compilers that built the class libraries must equal
    /// the token computed from the referenced library's own public key.
    @Test func referenceTokensMatchComputedTokens() throws {
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        let set = BCLAssemblySet(directory: dir)
        var identities: [String: AssemblyReferenceInfo] = [:]
        var checked = 0
        for path in listAssemblies(in: dir) {
            let file = try CLIFile(bytes: try readFile(path))
            for ref in try file.assemblyReferences() {
                guard let token = ref.publicKeyToken else { continue }
                let key = ref.name.lowercased()
                if identities[key] == nil, let target = set.file(ref.name), let id = try target.assemblyIdentity() { identities[key] = id }
                guard let target = identities[key], target.version == ref.version, target.publicKeyToken != nil else { continue }
                #expect(target.publicKeyToken == token, "\(path) -> \(ref)")
                checked += 1
            }
        }
        print("BCL public key tokens: \(checked) references checked against computed tokens")
        #expect(checked > 500)
    }
}
