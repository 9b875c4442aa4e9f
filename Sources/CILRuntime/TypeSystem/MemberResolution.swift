import CILMetadata

/// Method and field tokens (MethodDef, MemberRef, MethodSpec, Field) to runtime members (II.22.25, II.22.29).
extension Runtime {
    public func method(_ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext) throws(RuntimeError) -> RuntimeMethod {
        switch token.table {
        case .methodDef?:
            let m = try methodDef(module, token.row)
            // Inside generic code, a MethodDef of the current generic type means the current instantiation.
            if let ownerInstance = try currentInstantiation(of: m.owner, context) { return try method(m, on: ownerInstance) }
            return m
        case .memberRef?:
            let ref = try module.read { () throws(MetadataError) in try module.file.memberRef(token.row) }
            let name = try module.string(ref.name)
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let raw = try module.read { () throws(MetadataError) in try decoder.methodSignature(blob: ref.signature) }
            let owner: RuntimeType
            switch ref.parent.table {
            case .typeDef?, .typeRef?, .typeSpec?: owner = try type(module, ref.parent, context)
            case .methodDef?:
                // II.22.25: a vararg call site refers to the MethodDef it calls.
                return try methodDef(module, ref.parent.row)
            default:
                throw RuntimeError(.notImplemented, "member reference to \(name) with parent \(ref.parent)")
            }
            // The reference's signature, resolved in the owner's context with method generic
            // parameters left as placeholders, matched against the owner's methods.
            let wanted = try resolveSignature(raw, module, GenericContext(typeArguments: owner.genericArguments, methodArguments: []))
            var c: RuntimeType? = owner
            while let t = c {
                try ensureHierarchy(t)
                try ensureMethods(t)
                for m in t.methods where m.name == name && m.genericParameterCount == raw.genericParameterCount {
                    let s = try signature(m)
                    if s.hasThis == wanted.hasThis, s.returnType === wanted.returnType, s.parameters.count == wanted.requiredParameterCount,
                       zip(s.parameters, wanted.parameters).allSatisfy({ $0 === $1 }) {
                        return m
                    }
                }
                // Array methods and inherited members: keep looking in the base type.
                c = t.isArray ? nil : t.baseType
            }
            if owner.isArray { return try arrayMethod(owner, name: name, signature: wanted) }
            throw RuntimeError(.missingMember, "method \(owner.fullName)::\(name) not found")
        case .methodSpec?:
            let spec = try module.read { () throws(MetadataError) in try module.file.methodSpec(token.row) }
            let generic = try method(module, spec.method, context)
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let args = try module.read { () throws(MetadataError) in try decoder.methodSpecArguments(blob: spec.instantiation) }
            var resolved: [RuntimeType] = []
            for a in args { resolved.append(try resolve(a, module, context)) }
            return try instantiate(generic, resolved)
        default:
            throw RuntimeError(.badImage, "token \(token) is not a method")
        }
    }

    /// In generic code, the instantiation of `open` that the context denotes (II.9.2: inside a
    /// generic type, its own MethodDef and Field tokens refer to the current instantiation).
    func currentInstantiation(of open: RuntimeType, _ context: GenericContext) throws(RuntimeError) -> RuntimeType? {
        let def = open.typeDefinition
        guard let module = def.module else { return nil }
        let count = module.index.genericParameters(of: MetadataToken(.typeDef, def.typeDefRow)).count
        guard count > 0, context.typeArguments.count >= count else { return nil }
        return try instantiate(def, Array(context.typeArguments.prefix(count)))
    }

    public func field(_ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext) throws(RuntimeError) -> RuntimeField {
        switch token.table {
        case .field?:
            let ownerRow = module.index.fieldOwner.indices.contains(Int(token.row)) ? module.index.fieldOwner[Int(token.row)] : 0
            guard ownerRow != 0 else { throw RuntimeError(.badImage, "Field \(token.row) belongs to no type") }
            var owner = try typeDef(module, ownerRow)
            if let instance = try currentInstantiation(of: owner, context) { owner = instance }
            try ensureLayout(owner)
            guard let f = (owner.instanceFields + owner.staticFields).first(where: { $0.row == token.row }) else {
                throw RuntimeError(.missingMember, "field row \(token.row) not on \(owner.fullName)")
            }
            return f
        case .memberRef?:
            let ref = try module.read { () throws(MetadataError) in try module.file.memberRef(token.row) }
            let name = try module.string(ref.name)
            let owner = try type(module, ref.parent, context)
            return try field(named: name, in: owner)
        default:
            throw RuntimeError(.badImage, "token \(token) is not a field")
        }
    }

    /// The runtime-provided methods of array types (II.14.2: Get, Set, Address and constructors).
    func arrayMethod(_ array: RuntimeType, name: String, signature: MethodSig) throws(RuntimeError) -> RuntimeMethod {
        try ensureMethods(array)
        if let m = array.methods.first(where: { $0.name == name && $0.signatureCache?.parameters.count == signature.parameters.count
                                                 && $0.signatureCache?.parameters.elementsEqual(signature.parameters, by: ===) == true }) {
            return m
        }
        // Flags: public, hidebysig, (rt)specialname for .ctor; implemented by the runtime (II.23.1.11 Runtime = 3).
        let flags: UInt16 = name == ".ctor" ? 0x1886 : 0x0086
        let m = RuntimeMethod(owner: array, module: nil, row: 0, name: name, flags: flags, implFlags: 0x3)
        m.signatureCache = signature
        array.methods.append(m)
        return m
    }
}

extension RuntimeType {
    /// True for a generic type definition whose parameters have not been bound.
    var genericArgumentsAreOpen: Bool {
        guard genericDefinition == nil, let module else { return false }
        return !module.index.genericParameters(of: MetadataToken(.typeDef, typeDefRow)).isEmpty
    }
}
