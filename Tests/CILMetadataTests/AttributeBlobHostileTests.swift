import CILMetadata
import Testing

/// Hand-made and random custom attribute blobs (II.23.3), marshalling descriptors (II.23.4)
/// and serialized type names: malformed input gives a located `MetadataError`, never a trap,
/// a hang or an allocation sized by a hostile count.
@Suite struct AttributeBlobHostileTests {
    /// mscorlib is the context: it defines System.AttributeTargets, so serialized enum names
    /// resolve without a resolver.
    static let mscorlib = Result { () throws -> CLIFile in
        let dir = try #require(BCL.directory, "Mono's class libraries not found: run Scripts/setup.sh or set CILBOX_BCL")
        return try CLIFile(bytes: try readFile(dir + "/mscorlib.dll"), mode: .strict)
    }

    static func decode(_ blob: [UInt8], _ types: [AttributeArgumentType], file: CLIFile? = nil,
                       resolver: EnumUnderlyingTypeResolver? = nil) throws -> (fixed: [AttributeArgument], named: [NamedAttributeArgument], assumedEnumTypes: [String]) {
        var decoder = CustomAttributeDecoder(file: try file ?? mscorlib.get(), enumResolver: resolver)
        var r = ByteReader(blob)
        return try decoder.decodeArguments(from: &r, parameterTypes: types)
    }

    static func error(_ blob: [UInt8], _ types: [AttributeArgumentType], file: CLIFile? = nil) throws -> MetadataError? {
        do { _ = try decode(blob, types, file: file); return nil } catch let e as MetadataError { return e }
    }

    static func string(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }

    @Test func wellFormedValues() throws {
        let blob: [UInt8] = [0x01, 0x00,
                             0xFF,                          // null string
                             0x00,                          // empty string
                             0xFF, 0xFF, 0xFF, 0xFF,        // null int[]
                             0x08, 0x2A, 0, 0, 0,  // object: int32 42
                             0x01, 0x00,                    // one named argument
                             0x54, 0x55] + Self.string("System.AttributeTargets") + Self.string("Targets") + [0x04, 0, 0, 0]
        let v = try Self.decode(blob, [.primitive(.string), .primitive(.string), .szArray(.primitive(.int32)), .object])
        #expect(v.fixed == [.string(nil), .string(""), .array(elementType: .primitive(.int32), elements: nil), .int32(42)])
        let targets = AttributeEnumType(name: "System.AttributeTargets", assemblyName: nil, underlyingType: .int32, underlyingTypeWasAssumed: false)
        #expect(v.named == [NamedAttributeArgument(kind: .property, name: "Targets", type: .enumeration(targets), value: .enumeration(targets, rawValue: 4))])
        #expect(v.assumedEnumTypes.isEmpty)
    }

    @Test func enumsOfUnknownAssemblies() throws {
        let blob: [UInt8] = [0x01, 0x00, 0x01, 0x00, 0x53, 0x55] + Self.string("Other.Flags, other") + Self.string("F") + [0x07]
        // No resolver: int32 is assumed, the blob then runs short, and that is an error, not a guess.
        #expect(try Self.error(blob, [])?.kind == .truncated)
        // A resolver that knows the type: one byte, nothing assumed.
        var asked: [EnumReference] = []
        var decoder = CustomAttributeDecoder(file: try Self.mscorlib.get(), enumResolver: { asked.append($0); return .uint8 })
        var r = ByteReader(blob)
        let v = try decoder.decodeArguments(from: &r, parameterTypes: [])
        #expect(asked == [EnumReference(typeName: "Other.Flags", assemblyName: "other")])
        #expect(v.named.first?.value == .enumeration(AttributeEnumType(name: "Other.Flags", assemblyName: "other", underlyingType: .uint8, underlyingTypeWasAssumed: false), rawValue: 7))
        // Assumed and right: four bytes, flagged.
        let four = try Self.decode([0x01, 0x00, 0x01, 0x00, 0x53, 0x55] + Self.string("Other.Flags, other") + Self.string("F") + [7, 0, 0, 0], [])
        #expect(four.assumedEnumTypes == ["Other.Flags"])
    }

    @Test(arguments: [
        ([0x02, 0x00], MetadataError.Kind.badMagic),                                  // prolog is 0x0001
        ([0x01, 0x00, 0x2A, 0x00], .truncated),                                       // int32 cut short
        ([0x01, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 0x01], .tooLarge),                      // int[] of 2^31-1 in 1 byte
        ([0x01, 0x00, 0x05, 0x61], .truncated),                                       // string of 5 in 1 byte
        ([0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF], .tooLarge),  // 65535 named in 0 bytes
    ] as [([UInt8], MetadataError.Kind)])
    func malformedFixedArguments(blob: [UInt8], kind: MetadataError.Kind) throws {
        let types: [AttributeArgumentType] = blob.count == 4 ? [.primitive(.int32)] : blob.count == 7 ? [.szArray(.primitive(.int32))]
            : blob.count == 12 ? [.szArray(.primitive(.int32)), .primitive(.int32)] : [.primitive(.string)]
        let e = try #require(try Self.error(blob, types))
        #expect(e.kind == kind, "\(e)")
        guard case .fileOffset(let at) = e.location else { Issue.record("no blob offset: \(e)"); return }
        #expect(at >= 0 && at <= blob.count)
    }

    @Test(arguments: [
        [0x01, 0x00, 0x01, 0x00, 0x52, 0x08, 0x01, 0x41, 0, 0, 0, 0],       // kind 0x52 is neither FIELD nor PROPERTY
        [0x01, 0x00, 0x01, 0x00, 0x53, 0x1C, 0x01, 0x41, 0, 0, 0, 0],       // 0x1C (object) is not a FieldOrPropType; 0x51 is
        [0x01, 0x00, 0x01, 0x00, 0x53, 0x1D, 0x1D, 0x08, 0x01, 0x41, 0, 0], // array of arrays
        [0x01, 0x00, 0x01, 0x00, 0x53, 0x08, 0xFF, 0, 0, 0, 0],             // null name
        [0x01, 0x00, 0x01, 0x00, 0x53, 0x55, 0xFF, 0x01, 0x41, 0, 0, 0, 0], // enum with a null type name
        [0x01, 0x00, 0x00, 0x00, 0x99],                                     // a byte after the last named argument
    ] as [[UInt8]])
    func malformedNamedArguments(blob: [UInt8]) throws {
        let e = try #require(try Self.error(blob, []))
        #expect(e.kind == .invalidValue || e.kind == .truncated, "\(e)")
    }

    @Test func trailingBytesAreAcceptedInLenientMode() throws {
        let dir = try #require(BCL.directory)
        let lenient = try CLIFile(bytes: try readFile(dir + "/mscorlib.dll"), mode: .lenient)
        #expect(try Self.error([0x01, 0x00, 0x00, 0x00, 0x99], [], file: lenient) == nil)
    }

    /// object → int[]… boxed arrays of boxed values, 1000 levels: stopped at the depth limit.
    @Test func deepNestingIsBounded() throws {
        var blob: [UInt8] = [0x01, 0x00]
        for _ in 0 ..< 1000 { blob += [0x1D, 0x51, 0x01, 0x00, 0x00, 0x00] }  // SZARRAY of object, 1 element
        blob += [0x08, 0, 0, 0, 0, 0, 0]
        let e = try #require(try Self.error(blob, [.object]))
        #expect(e.kind == .tooDeep)
        // Two levels, as compilers write them, are fine.
        let ok: [UInt8] = [0x01, 0x00, 0x1D, 0x51, 0x01, 0, 0, 0, 0x1D, 0x08, 0x01, 0, 0, 0, 0x05, 0, 0, 0, 0, 0]
        #expect(try Self.decode(ok, [.object]).fixed == [.array(elementType: .object, elements: [.array(elementType: .primitive(.int32), elements: [.int32(5)])])])
    }

    /// Every proper prefix of a valid blob fails with a located error; random blobs never trap.
    @Test func truncationsAndRandomBlobs() throws {
        let types: [AttributeArgumentType] = [.primitive(.string), .szArray(.object), .systemType, .primitive(.float64)]
        let valid: [UInt8] = [0x01, 0x00] + Self.string("hello") + [0x02, 0, 0, 0, 0x0E] + Self.string("s") + [0x55] + Self.string("System.AttributeTargets") + [1, 0, 0, 0]
            + Self.string("System.Int32") + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]
            + [0x02, 0x00, 0x54, 0x51] + Self.string("P") + [0x50] + Self.string("T") + [0x53, 0x1D, 0x0E] + Self.string("F") + [0x01, 0, 0, 0, 0xFF]
        // One decoder for all: it caches the file's type names, as a real caller's would.
        var decoder = CustomAttributeDecoder(file: try Self.mscorlib.get())
        func error(_ blob: [UInt8]) -> MetadataError? {
            var r = ByteReader(blob)
            do { _ = try decoder.decodeArguments(from: &r, parameterTypes: types); return nil } catch { return error }
        }
        let full = try Self.decode(valid, types)
        #expect(full.named.count == 2)
        for n in 0 ..< valid.count {
            let e = try #require(error(Array(valid.prefix(n))), "prefix \(n) decoded")
            #expect(e.kind == .truncated || e.kind == .badMagic || e.kind == .tooLarge || e.kind == .invalidValue, "prefix \(n): \(e)")
        }
        var rng = AttrSplitMix(seed: 0x5EED)
        var failures = 0
        for _ in 0 ..< 5000 {
            var blob = valid
            for _ in 0 ..< 1 + Int(rng.next() % 4) { blob[Int(rng.next() % UInt64(blob.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            if error(blob) != nil { failures += 1 }
        }
        print("random blobs: \(failures) of 5000 mutated blobs rejected, the rest decoded")
    }

    @Test func marshalDescriptors() {
        #expect(MarshalDescriptor(blob: [0x15]) == .native(.lpwstr))
        #expect(MarshalDescriptor(blob: [0x2A]) == .array(elementType: nil, sizeParameterIndex: nil, elementCount: nil, flags: nil))
        #expect(MarshalDescriptor(blob: [0x2A, 0x50, 0x00]) == .array(elementType: .max, sizeParameterIndex: 0, elementCount: nil, flags: nil))
        #expect(MarshalDescriptor(blob: [0x1E, 0x04, 0x05]) == .fixedArray(elementCount: 4, elementType: .int16))
        #expect(MarshalDescriptor(blob: [0x17, 0x81, 0x00]) == .fixedString(size: 256))
        #expect(MarshalDescriptor(blob: [0x1D]) == .safeArray(variantType: nil, userDefinedSubType: nil))
        #expect(MarshalDescriptor(blob: [0x2C, 0, 0, 2, 0x43, 0x4D, 2, 0x63, 0x6B]) == .customMarshaler(guid: "", nativeTypeName: "", managedTypeName: "CM", cookie: "ck"))
        #expect(MarshalDescriptor(blob: [0x1A, 0x02]) == .interface(.idispatch, iidParameterIndex: 2))
        // Malformed or unknown: kept raw.
        for blob: [UInt8] in [[], [0x2C, 0x05, 0x41], [0x14, 0x00], [0x17, 0xFF], [0x1E, 0x04, 0x05, 0x06], [0x2A, 0x50, 0xC0]] {
            #expect(MarshalDescriptor(blob: blob) == .raw(blob), "\(blob)")
        }
        #expect(MarshalDescriptor(blob: [0x1E, 0x04]).nativeType == .fixedArray)
    }

    @Test func serializedTypeNames() {
        let q = SerializedTypeName(parsing: "System.AttributeTargets, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")
        #expect(q.typeName == "System.AttributeTargets" && q.assemblySimpleName == "mscorlib")
        let g = SerializedTypeName(parsing: "System.Collections.Generic.List`1[[System.Int32, mscorlib, Version=4.0.0.0]], mscorlib")
        #expect(g.typeName == "System.Collections.Generic.List`1[[System.Int32, mscorlib, Version=4.0.0.0]]" && g.assemblySimpleName == "mscorlib")
        let e = SerializedTypeName(parsing: #"Odd\,Name+Inner, asm"#)
        #expect(e.typeName == #"Odd\,Name+Inner"# && e.assemblySimpleName == "asm")
        let plain = SerializedTypeName(parsing: "Ns.Outer+Inner")
        #expect(plain.typeName == "Ns.Outer+Inner" && plain.assemblyDisplayName == nil)
    }

    @Test func typeNamesOfNestedTypes() throws {
        let file = try Self.mscorlib.get()
        let names = try file.typeDefinitionsByFullName()
        let row = try #require(names["System.Collections.Generic.Dictionary`2+KeyCollection+Enumerator"])
        #expect(try file.typeName(of: MetadataToken(.typeDef, row)) == "System.Collections.Generic.Dictionary`2+KeyCollection+Enumerator")
        #expect(try file.enumUnderlyingType(ofTypeDef: try #require(names["System.AttributeTargets"])) == .int32)
        #expect(try file.enumUnderlyingType(ofTypeDef: try #require(names["System.Security.AccessControl.AceFlags"])) == .uint8)
        #expect(throws: MetadataError.self) { try file.enumUnderlyingType(ofTypeDef: try #require(names["System.Object"])) }
    }
}

/// A small deterministic generator (AttrSplitMix64) for reproducible random inputs.
struct AttrSplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
