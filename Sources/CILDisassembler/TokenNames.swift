import CILMetadata

/// The method part of a reference, split where a MethodSpec inserts its `<…>` arguments.
struct MethodRefText: Sendable {
    /// `instance void [mscorlib]System.Object::.ctor()`
    var bytes: [UInt8]
    /// Index of the `(` that opens the parameter list (right after the method name).
    var parametersAt: Int
    /// Generic parameter count of the signature (II.23.2.1 GenParamCount).
    var genericArity: Int

    /// The text with `<[n]>` after the name for a generic method: how `.override method`
    /// names a generic method definition (the only place Mono's ilasm takes that form).
    var withArity: [UInt8] {
        guard genericArity > 0 else { return bytes }
        return Array(bytes[..<parametersAt]) + Array("<[\(genericArity)]>".utf8) + Array(bytes[parametersAt...])
    }
}

/// Text of every token the disassembler names, computed once per row and kept in arrays
/// indexed by row: a large assembly names the same few thousand members hundreds of thousands
/// of times, so each name is decoded and quoted exactly once.
///
/// Failures are cached too, so a broken row costs one decode and gives the same error at every
/// use; callers turn the error into a comment and a diagnostic where the name was needed.
final class TokenNames {
    enum Cached<T> {
        case unknown
        case ok(T)
        case failed(MetadataError)
    }

    let file: CLIFile
    let index: MetadataIndex

    var typeDefs: [Cached<[UInt8]>]
    var typeRefs: [Cached<[UInt8]>]
    var typeSpecs: [Cached<TypeText>]
    var methodDefs: [Cached<MethodRefText>]
    var fields: [Cached<[UInt8]>]
    var memberRefMethods: [Cached<MethodRefText>]
    var memberRefFields: [Cached<[UInt8]>]
    var methodSpecs: [Cached<[UInt8]>]
    var assemblyRefs: [Cached<[UInt8]>]
    var moduleRefs: [Cached<[UInt8]>]

    /// Set by `TypeNameProvider` when a type named inside a signature could not be read; the
    /// signature as a whole then fails with it (see `decode`).
    var pendingError: MetadataError?

    /// Deeper TypeRef nesting than this is taken for a cycle.
    static let maxNesting = 64

    init(file: CLIFile, index: MetadataIndex) {
        self.file = file
        self.index = index
        func slots<T>(_ table: TableID) -> [Cached<T>] {
            Array(repeating: .unknown, count: Int(file.rowCount(table)) + 1)
        }
        typeDefs = slots(.typeDef)
        typeRefs = slots(.typeRef)
        typeSpecs = slots(.typeSpec)
        methodDefs = slots(.methodDef)
        fields = slots(.field)
        memberRefMethods = slots(.memberRef)
        memberRefFields = slots(.memberRef)
        methodSpecs = slots(.methodSpec)
        assemblyRefs = slots(.assemblyRef)
        moduleRefs = slots(.moduleRef)
    }

    // MARK: caching

    /// Looks up `row` in `cache`, computing and storing it on first use.
    @inline(__always)
    func cached<T>(_ cache: ReferenceWritableKeyPath<TokenNames, [Cached<T>]>, _ row: UInt32, _ table: TableID,
                           _ make: () throws(MetadataError) -> T) throws(MetadataError) -> T {
        let i = Int(row)
        guard row >= 1, i < self[keyPath: cache].count else {
            throw MetadataError(.outOfRange, "row \(row) of table \(table.name) (\(file.rowCount(table)) rows)", at: .tableRow(table, row))
        }
        let state = self[keyPath: cache][i]
        switch state {
        case .ok(let value): return value
        case .failed(let error): throw error
        case .unknown:
            do {
                let value = try make()
                self[keyPath: cache][i] = .ok(value)
                return value
            } catch {
                let located = error.located(.tableRow(table, row))
                self[keyPath: cache][i] = .failed(located)
                throw located
            }
        }
    }

    /// Runs the signature decoder with this cache as its type provider; a type that could not
    /// be named inside the signature makes the whole signature fail.
    func decode<R>(_ body: (inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) -> R) throws(MetadataError) -> R {
        let outer = pendingError
        pendingError = nil
        defer { pendingError = outer }
        var decoder = SignatureDecoder(provider: TypeNameProvider(names: self), file: file)
        let result = try body(&decoder)
        if let error = pendingError { throw error }
        return result
    }

    // MARK: types

    /// `Ns.Outer/Inner`: how references name a type defined in this module.
    func typeDefName(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.typeDefs, row, .typeDef) { () throws(MetadataError) in
            let def = try file.typeDef(row)
            let enclosing = index.enclosingType(of: row)
            var out = OutputBuffer(scratchCapacity: 48)
            if enclosing != 0 {
                // MetadataIndex has already broken nesting cycles, so this recursion ends.
                out.write(try typeDefName(enclosing))
                out.byte(UInt8(ascii: "/"))
            }
            try writeQualifiedName(namespace: def.namespace, name: def.name, to: &out)
            return out.bytes
        }
    }

    /// `[asm]Ns.T`, `[.module m]T`, `[asm]Outer/Inner` (II.7.3 typeReference).
    func typeRefName(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try typeRefName(row, depth: 0)
    }

    private func typeRefName(_ row: UInt32, depth: Int) throws(MetadataError) -> [UInt8] {
        try cached(\.typeRefs, row, .typeRef) { () throws(MetadataError) in
            guard depth < TokenNames.maxNesting else {
                throw MetadataError(.tooDeep, "TypeRef resolution scopes nest deeper than \(TokenNames.maxNesting) (a cycle?)", at: .tableRow(.typeRef, row))
            }
            let ref = try file.typeRef(row)
            var out = OutputBuffer(scratchCapacity: 48)
            let scope = ref.resolutionScope
            switch scope.table {
            case .assemblyRef? where !scope.isNil:
                out.byte(UInt8(ascii: "["))
                out.write(try assemblyRefName(scope.row))
                out.byte(UInt8(ascii: "]"))
            case .moduleRef? where !scope.isNil:
                out.write("[.module ")
                out.write(try moduleRefName(scope.row))
                out.byte(UInt8(ascii: "]"))
            case .typeRef? where !scope.isNil:
                guard scope.row != row else {
                    throw MetadataError(.tooDeep, "TypeRef is its own resolution scope", at: .tableRow(.typeRef, row))
                }
                out.write(try typeRefName(scope.row, depth: depth + 1))
                out.byte(UInt8(ascii: "/"))
            default:
                // II.22.38: a Module scope (or none) means this module: the bare name resolves
                // to the TypeDef of the same name.
                break
            }
            try writeQualifiedName(namespace: ref.namespace, name: ref.name, to: &out)
            return out.bytes
        }
    }

    /// The type text of a TypeSpec (II.23.2.14).
    func typeSpec(_ row: UInt32) throws(MetadataError) -> TypeText {
        try cached(\.typeSpecs, row, .typeSpec) { () throws(MetadataError) in
            try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.typeSpecSignature(row: row) }
        }
    }

    /// `Ns.Name`, dotted and quoted as a whole when needed.
    private func writeQualifiedName(namespace: UInt32, name: UInt32, to out: inout OutputBuffer) throws(MetadataError) {
        let ns = try file.strings.utf8(namespace)
        let n = try file.strings.utf8(name)
        if ns.isEmpty {
            Identifier.writeDotted(n, to: &out)
        } else {
            var full = [UInt8]()
            full.reserveCapacity(ns.count + 1 + n.count)
            full.append(contentsOf: ns)
            full.append(UInt8(ascii: "."))
            full.append(contentsOf: n)
            Identifier.writeDotted(full[...], to: &out)
        }
    }

    /// The name of a TypeDef or TypeRef for the signature provider, which cannot throw:
    /// a failure is parked in `pendingError` and a placeholder returned.
    func typeNameOrPlaceholder(_ token: MetadataToken) -> [UInt8] {
        do throws(MetadataError) {
            switch token.table {
            case .typeDef?: return try typeDefName(token.row)
            case .typeRef?: return try typeRefName(token.row)
            default: throw MetadataError(.invalidValue, "token \(token) is not a TypeDef or TypeRef")
            }
        } catch {
            if pendingError == nil { pendingError = error }
            return Array("'<bad type \(token)>'".utf8)
        }
    }

    /// II.7.3 `typeSpec`: a bare class name for a TypeDef/TypeRef, the full type (with its
    /// `class`/`valuetype`) for a TypeSpec, so each token re-assembles to its own table.
    /// What `box`, `newarr`, `extends`, `catch` and member parents take.
    func typeSpecForm(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        switch token.table {
        case .typeDef?: return try typeDefName(token.row)
        case .typeRef?: return try bareTypeRef(token.row)
        case .typeSpec?: return try typeSpec(token.row).bytes
        default: throw MetadataError(.invalidValue, "token \(token) is not a type")
        }
    }

    /// A TypeRef outside signatures: `valuetype X` when the file's signatures use it as a value
    /// type (see `ValueTypeEvidence`), the bare name otherwise.
    func bareTypeRef(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        let name = try typeRefName(row)
        if valueTypeEvidence.isValueType(typeRef: row) { return Array("valuetype ".utf8) + name }
        return name
    }

    private(set) lazy var valueTypeEvidence = ValueTypeEvidence(file: file)

    /// The type of a `catch` clause. ilasm refuses a primitive type there (`catch object`),
    /// though it itself stores `catch [mscorlib]System.Object` as a TypeSpec of OBJECT; such a
    /// TypeSpec is written by its class name in the core library.
    func catchTypeForm(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        if token.table == .typeSpec, let sig = try? file.blobs.reader(try file.typeSpec(token.row).signature) {
            var r = sig
            if r.remaining == 1, let code = try? r.u8(), let name = TokenNames.coreClassNames[code] {
                return coreLibraryPrefix() + Array(name.utf8)
            }
        }
        return try typeSpecForm(token)
    }

    /// II.23.1.16 element types written by their core-library class name in a `catch` clause
    /// (ilasm rejects `catch int32`: "Exception not be of a primitive type").
    static let coreClassNames: [UInt8: String] = [
        0x1C: "System.Object", 0x0E: "System.String", 0x02: "System.Boolean", 0x03: "System.Char",
        0x04: "System.SByte", 0x05: "System.Byte", 0x06: "System.Int16", 0x07: "System.UInt16",
        0x08: "System.Int32", 0x09: "System.UInt32", 0x0A: "System.Int64", 0x0B: "System.UInt64",
        0x0C: "System.Single", 0x0D: "System.Double", 0x18: "System.IntPtr", 0x19: "System.UIntPtr",
    ]

    /// `[mscorlib]` (or whatever this file calls its core library: the scope of its TypeRef
    /// to System.Object); empty when the file defines System.Object itself.
    func coreLibraryPrefix() -> [UInt8] {
        for row in stride(from: UInt32(1), through: file.rowCount(.typeRef), by: 1) {
            guard let ref = try? file.typeRef(row),
                  let ns = try? file.strings.utf8(ref.namespace), ns.elementsEqual("System".utf8),
                  let name = try? file.strings.utf8(ref.name), name.elementsEqual("Object".utf8),
                  ref.resolutionScope.table == .assemblyRef, let asm = try? assemblyRefName(ref.resolutionScope.row) else { continue }
            return [UInt8(ascii: "[")] + asm + [UInt8(ascii: "]")]
        }
        return []
    }

    /// A type token as a full `type` (II.7.1): `class X`, `valuetype X` (when the TypeDef is
    /// known to be a value type), or the TypeSpec's text. Generic constraints want this form.
    func typeForm(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        switch token.table {
        case .typeDef?:
            let prefix: [UInt8] = isValueType(typeDef: token.row) ? Array("valuetype ".utf8) : Array("class ".utf8)
            return prefix + (try typeDefName(token.row))
        case .typeRef?:
            let prefix = valueTypeEvidence.isValueType(typeRef: token.row) ? "valuetype " : "class "
            return Array(prefix.utf8) + (try typeRefName(token.row))
        case .typeSpec?: return try typeSpec(token.row).bytes
        default: throw MetadataError(.invalidValue, "token \(token) is not a type")
        }
    }

    /// True for a TypeDef that extends System.ValueType or System.Enum (II.13), other than those two.
    func isValueType(typeDef row: UInt32) -> Bool {
        guard let def = try? file.typeDef(row), !def.extends.isNil else { return false }
        let (ns, name): (UInt32, UInt32)
        switch def.extends.table {
        case .typeRef?:
            guard let ref = try? file.typeRef(def.extends.row) else { return false }
            (ns, name) = (ref.namespace, ref.name)
        case .typeDef?:
            guard let base = try? file.typeDef(def.extends.row) else { return false }
            (ns, name) = (base.namespace, base.name)
        default:
            return false
        }
        guard let nsText = try? file.strings.utf8(ns), nsText.elementsEqual("System".utf8),
              let nameText = try? file.strings.utf8(name) else { return false }
        return nameText.elementsEqual("ValueType".utf8) || nameText.elementsEqual("Enum".utf8)
    }

    // MARK: scopes

    func assemblyRefName(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.assemblyRefs, row, .assemblyRef) { () throws(MetadataError) in
            var out = OutputBuffer(scratchCapacity: 24)
            Identifier.writeDotted(try file.strings.utf8(try file.assemblyRef(row).name), to: &out)
            return out.bytes
        }
    }

    func moduleRefName(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.moduleRefs, row, .moduleRef) { () throws(MetadataError) in
            var out = OutputBuffer(scratchCapacity: 24)
            Identifier.writeDotted(try file.strings.utf8(try file.moduleRef(row).name), to: &out)
            return out.bytes
        }
    }
}
