import CILMetadata
import Foundation
import Testing

/// Custom attributes, constants, marshalling descriptors, resources, assembly identities and
/// type forwarders of a C# probe, decoded by cilbox and compared line by line with what Mono's
/// reflection prints for the same assembly (`AttributeProbe.source`).
@Suite(.serialized) struct AttributeOracleTests {
    /// The probe built once: its directory, file and Mono's lines.
    final class Probe: @unchecked Sendable {
        let directory: String
        let path: String
        let file: CLIFile
        let index: MetadataIndex
        let expected: [String]

        init() throws {
            directory = try AttrTest.temporaryDirectory()
            let source = directory + "/probe.cs"
            try AttributeProbe.source.write(toFile: source, atomically: true, encoding: .utf8)
            // A resource of every byte value, a private one, an empty one and a linked file.
            try Data((0 ..< 300).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: URL(fileURLWithPath: directory + "/data.bin"))
            try Data("private text".utf8).write(to: URL(fileURLWithPath: directory + "/private.txt"))
            try Data().write(to: URL(fileURLWithPath: directory + "/empty.bin"))
            try Data("linked".utf8).write(to: URL(fileURLWithPath: directory + "/linked.txt"))
            try AttrTest.run("sn", ["-q", "-k", "probe.snk"], in: directory)
            try AttrTest.run("mcs", ["-nologo", "-unsafe", "-r:System.dll", "-keyfile:probe.snk",
                                     "-resource:data.bin,probe.data", "-resource:private.txt,probe.private,private",
                                     "-resource:empty.bin,probe.empty", "-linkresource:linked.txt,probe.linked",
                                     "-out:probe.exe", "probe.cs"], in: directory)
            path = directory + "/probe.exe"
            expected = try AttrTest.run("mono", ["probe.exe"], in: directory).split(separator: "\n").map(String.init)
            file = try CLIFile(bytes: try readFile(path), mode: .strict)
            index = MetadataIndex(file)
        }
    }

    static let probe = Result { try Probe() }

    // MARK: the comparisons

    @Test func attributesMatchReflection() throws {
        let p = try Self.probe.get()
        let set = try BCLAssemblySet(directory: #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh"))
        let names = AttrOwnerNames(p.file, p.index)
        var decoder = CustomAttributeDecoder(file: p.file, enumResolver: set.underlyingType)
        var actual: [String] = []
        for row in stride(from: UInt32(1), through: p.file.rowCount(.customAttribute), by: 1) {
            let ca = try p.file.customAttribute(row)
            guard let owner = try names.label(ca.parent) else { continue }
            let value = try decoder.decode(row: row)
            #expect(!value.hasAssumedEnumTypes, "row \(row): \(value.assumedEnumTypes)")
            actual.append(AttrRender.attribute(owner, value))
        }
        let count = Self.compare(p.expected.filter { $0.hasPrefix("A|") }, actual, what: "attributes")
        print("probe attributes: \(count) lines match reflection")
        #expect(count >= 90)
    }

    /// The same comparison over class libraries: every attribute and constant reflection shows.
    @Test(arguments: ["mscorlib", "System", "System.Core", "System.Xml", "System.Data", "System.Drawing", "Facades/netstandard"])
    func classLibraryMatchesReflection(assembly: String) throws {
        let p = try Self.probe.get()
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh")
        let path = "\(dir)/\(assembly).dll"
        let expected = try AttrTest.run("mono", ["probe.exe", "dump", path], in: p.directory).split(separator: "\n").map(String.init)
        let file = try CLIFile(bytes: try readFile(path), mode: .strict)
        let names = AttrOwnerNames(file, MetadataIndex(file))
        var decoder = CustomAttributeDecoder(file: file, enumResolver: BCLAssemblySet(directory: dir).underlyingType)
        var actual: [String] = []
        for row in stride(from: UInt32(1), through: file.rowCount(.customAttribute), by: 1) {
            guard let owner = try names.label(try file.customAttribute(row).parent) else { continue }
            actual.append(AttrRender.attribute(owner, try decoder.decode(row: row)))
        }
        for row in stride(from: UInt32(1), through: file.rowCount(.constant), by: 1) {
            guard let owner = try names.label(try file.constant(row).parent) else { continue }
            actual.append("C|\(owner)|" + AttrRender.constant(try file.constantValue(row)))
        }
        let count = Self.compare(expected.filter { $0.hasPrefix("A|") || $0.hasPrefix("C|") }, actual, what: assembly)
        print("\(assembly): \(count) attribute and constant lines match reflection")
    }

    /// Without a resolver, enums of other assemblies are taken to be int32 and flagged: values of
    /// int32 enums still come out right; others (AceFlags is a byte, IOControlCode a long) may not.
    @Test func enumsOfOtherAssembliesWithoutResolver() throws {
        let p = try Self.probe.get()
        let set = try BCLAssemblySet(directory: #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh"))
        var resolved = CustomAttributeDecoder(file: p.file, enumResolver: set.underlyingType)
        var assuming = CustomAttributeDecoder(file: p.file)
        var flagged = 0, same = 0
        for row in stride(from: UInt32(1), through: p.file.rowCount(.customAttribute), by: 1) {
            let truth = try resolved.decode(row: row)
            let external = AttrRender.externalEnums(truth)
            guard external.allSatisfy({ $0.underlyingType == .int32 }) else {
                // Misread widths either fail or give other values; both are acceptable, but never a trap.
                if let guess = try? assuming.decode(row: row) { #expect(guess.hasAssumedEnumTypes) }
                continue
            }
            let guess = try assuming.decode(row: row)
            #expect(Set(guess.assumedEnumTypes) == Set(external.map(\.name)), "row \(row)")
            #expect(AttrRender.attribute("", guess) == AttrRender.attribute("", truth), "row \(row)")
            if guess.hasAssumedEnumTypes { flagged += 1 } else { same += 1 }
        }
        print("probe attributes without a resolver: \(flagged) flagged as assumed and right, \(same) without external enums")
        #expect(flagged >= 5)
    }

    @Test func constantsMatchReflection() throws {
        let p = try Self.probe.get()
        let names = AttrOwnerNames(p.file, p.index)
        var actual: [String] = []
        for row in stride(from: UInt32(1), through: p.file.rowCount(.constant), by: 1) {
            let owner = try #require(try names.label(p.file.constant(row).parent))
            actual.append("C|\(owner)|" + AttrRender.constant(try p.file.constantValue(row)))
        }
        let count = Self.compare(p.expected.filter { $0.hasPrefix("C|") }, actual, what: "constants")
        print("probe constants: \(count) lines match reflection")
        #expect(count > 40)
    }

    @Test func marshalDescriptorsMatchReflection() throws {
        let p = try Self.probe.get()
        let names = AttrOwnerNames(p.file, p.index)
        var actual: [String] = []
        var byOwner: [String: MarshalDescriptor] = [:]
        for row in stride(from: UInt32(1), through: p.file.rowCount(.fieldMarshal), by: 1) {
            let owner = try #require(try names.label(p.file.fieldMarshal(row).parent))
            let descriptor = try p.file.marshalDescriptor(row)
            byOwner[owner] = descriptor
            actual.append("M|\(owner)|" + AttrRender.marshal(descriptor))
        }
        let count = Self.compare(p.expected.filter { $0.hasPrefix("M|") }, actual, what: "marshal descriptors")
        print("probe marshal descriptors: \(count) lines match reflection")
        // What Mono's MarshalAsAttribute drops, checked against the probe's source and II.23.4.
        #expect(byOwner["field Probe.Native::A"] == .fixedArray(elementCount: 4, elementType: .int16))
        #expect(byOwner["field Probe.Native::E"] == .safeArray(variantType: 8, userDefinedSubType: nil))  // VT_BSTR
        #expect(byOwner["field Probe.Native::E2"] == .safeArray(variantType: 36, userDefinedSubType: "Probe.Native"))  // VT_RECORD
        #expect(byOwner["field Probe.Native::G"] == .interface(.interface, iidParameterIndex: 3))
        #expect(byOwner["field Probe.Native::D"] == .array(elementType: .uint8, sizeParameterIndex: 2, elementCount: 10, flags: 1))
    }

    @Test func securityDeclaration() throws {
        let p = try Self.probe.get()
        // The probe's [SecurityPermission(Demand)] on Secure(), and the RequestMinimum that mcs
        // adds to the assembly for -unsafe.
        let names = AttrOwnerNames(p.file, p.index)
        let declarations = try p.file.securityDeclarations()
        #expect(declarations.count == 2)
        let demand = try #require(declarations.first { $0.parent.table == .methodDef })
        #expect(demand.action == 2 && demand.actionName == "demand")
        #expect(demand.isBinaryFormat)
        #expect(try names.label(demand.parent) == "method Probe.Target::Secure/0")
        let minimum = try #require(declarations.first { $0.parent.table == .assembly })
        #expect(minimum.action == 8 && minimum.actionName == "reqmin")
        // II.22.11 binary form: '.', a compressed count, then each attribute's type name.
        var r = ByteReader(demand.permissionSet)
        #expect(try r.u8() == 0x2E)
        #expect(try r.compressedUInt() == 1)
        let name = String(decoding: try r.array(Int(try r.compressedUInt())), as: UTF8.self)
        #expect(SerializedTypeName(parsing: name).typeName == "System.Security.Permissions.SecurityPermissionAttribute")
    }

    @Test func resourcesMatchReflection() throws {
        let p = try Self.probe.get()
        var actual: [String] = []
        for r in try p.file.manifestResources() {
            if let implementation = r.implementation {
                #expect(implementation.table == .file)
                actual.append("R|\(r.name)|file \(try p.file.string(try p.file.file(implementation.row).name))|")
            } else {
                actual.append("R|\(r.name)|embedded|" + AttrTest.hex(try #require(p.file.resourceData(r))))
            }
            #expect(r.isPrivate == (r.name == "probe.private") && r.isPublic == (r.name != "probe.private"), "\(r.name)")
        }
        let count = Self.compare(p.expected.filter { $0.hasPrefix("R|") }, actual, what: "resources")
        #expect(count == 4)
    }

    @Test func assemblyIdentitiesMatchReflection() throws {
        let p = try Self.probe.get()
        var actual: [String] = []
        let me = try #require(try p.file.assemblyIdentity())
        actual.append("I|\(me.name)|\(me.version.dotted)|\(me.publicKeyTokenText)")
        for r in try p.file.assemblyReferences() {
            actual.append("F|\(r.name)|\(r.version.dotted)|\(r.culture.isEmpty ? "neutral" : r.culture)|\(r.publicKeyTokenText)")
        }
        let count = Self.compare(p.expected.filter { $0.hasPrefix("I|") || $0.hasPrefix("F|") }, actual, what: "assembly identities")
        #expect(count >= 3)
    }

    /// Forwarded types: the runtime, asked for each name through the forwarding assembly, must
    /// find it in the assembly cilbox says it is forwarded to. For the probe and netstandard.
    @Test func forwardersMatchTheRuntime() throws {
        let p = try Self.probe.get()
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh")
        var total = 0
        for (path, assembly) in [(p.path, "probe"), (dir + "/Facades/netstandard.dll", "netstandard")] {
            let file = try CLIFile(bytes: try readFile(path))
            var actual: [String] = []
            for e in try file.exportedTypes() {
                let target = try #require(e.scope.table == .assemblyRef ? e.scope.row : nil, "\(e.fullName) is not forwarded")
                #expect(e.isForwarder || e.implementation.table == .exportedType, "\(e.fullName)")
                actual.append("X|\(e.fullName)|\(e.fullName)|\(try file.assemblyReference(target).name)")
            }
            let names = try file.exportedTypes().map(\.fullName).joined(separator: "\n") + "\n"
            let expected = try AttrTest.run("mono", ["probe.exe", "resolve", assembly], in: p.directory, stdin: names)
                .split(separator: "\n").map(String.init)
            total += Self.compare(expected, actual, what: "forwarders of \(assembly)")
        }
        print("forwarded types: \(total) resolved by the runtime as decoded")
        #expect(total > 1000)
    }

    /// Compares two multisets of lines; records each line only one side has. Returns the matches.
    @discardableResult
    static func compare(_ expected: [String], _ actual: [String], what: String) -> Int {
        var remaining: [String: Int] = [:]
        for line in expected { remaining[line, default: 0] += 1 }
        var matched = 0
        var unexpected: [String] = []
        for line in actual {
            if let n = remaining[line], n > 0 { remaining[line] = n - 1; matched += 1 } else { unexpected.append(line) }
        }
        let missing = remaining.flatMap { line, n in Array(repeating: line, count: n) }.sorted()
        for line in missing { Issue.record("\(what): reflection has, cilbox lacks:\n  \(line)") }
        for line in unexpected.sorted() { Issue.record("\(what): cilbox has, reflection lacks:\n  \(line)") }
        #expect(!expected.isEmpty, "\(what): reflection printed nothing")
        return matched
    }
}
