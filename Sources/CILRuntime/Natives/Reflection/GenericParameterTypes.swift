import CILMetadata

/// Generic parameters as Types. Mono gives each generic parameter of a type or method
/// definition its own Type (named as in metadata, declared by its owner); the type system shares
/// index placeholders (`!0`, `!!0`) for open code. Reflection hands out per-owner types made here,
/// and the RuntimeType icalls that must see them (the generic arguments of a definition, its
/// display name) are answered here too.
extension ReflectionState {
    /// Types standing for the generic parameters of type definition `t` (empty when it has none).
    func genericParameters(_ r: Runtime, ofTypeDefinition t: RuntimeType) throws(RuntimeError) -> [RuntimeType] {
        let definition = t.typeDefinition
        guard let module = definition.module, definition.typeDefRow != 0 else { return [] }
        let rows = module.index.genericParameters(of: MetadataToken(.typeDef, definition.typeDefRow))
        var result: [RuntimeType] = []
        for (i, row) in rows.enumerated() {
            let key = MemberKey(handle: -Int64(definition.id), reflected: UInt32(i))
            if let p = methodGenericParameters[key] { result.append(p); continue }
            let gp = try module.read { () throws(MetadataError) in try module.file.genericParam(row) }
            let p = RuntimeType(kind: .genericParameter(isMethod: false, index: Int(gp.number)), module: nil, typeDefRow: 0,
                                name: try module.string(gp.name), namespace: "", flags: 0)
            p.declaringType = definition
            r.register(p)
            methodGenericParameters[key] = p
            typeGenericParameterOwners[p.id] = (definition, row)
            result.append(p)
        }
        return result
    }

    /// The unmanaged GenericParamInfo of a generic parameter type (made once).
    func genericParameterInfo(_ r: Runtime, _ t: RuntimeType) throws(RuntimeError) -> UInt64 {
        if let a = parameterInfos[t.id] { return a }
        let s = "Mono.RuntimeStructs/GenericParamInfo"
        let infoType = try r.nestedCoreType("Mono.RuntimeStructs", "GenericParamInfo")
        try r.ensureLayout(infoType)
        var flags: UInt16 = 0
        var constraints: [UInt64] = []
        var token: UInt32 = 0
        if let (module, row) = genericParameterRow(t) {
            let gp = try module.read { () throws(MetadataError) in try module.file.genericParam(row) }
            flags = gp.flags
            token = MetadataToken(.genericParam, row).value
            var context = GenericContext.empty
            var method: RuntimeMethod?
            var owner: RuntimeType?
            if let o = genericParameterOwners[t.id] { method = o.method; owner = o.method.owner; context = GenericContext(type: o.method.owner, method: o.method) }
            if let o = typeGenericParameterOwners[t.id] { owner = o.type; context = GenericContext(type: o.type) }
            for crow in module.index.genericParamConstraints[row] ?? [] {
                let gc = try module.read { () throws(MetadataError) in try module.file.genericParamConstraint(crow) }
                let ct = try reflectable(r, try r.type(module, gc.constraint, context), method: method, owner: owner)
                constraints.append(UInt64(ct.id))
            }
        }
        guard let array = r.unmanaged.allocate(8 * (constraints.count + 1)),
              let a = r.unmanaged.allocate(max(infoType.instanceSize, 40)) else { throw RuntimeError(.budgetExhausted, "unmanaged heap exhausted") }
        for (k, v) in constraints.enumerated() { r.space.unchecked(array + UInt64(8 * k)).storeBytes(of: v, as: UInt64.self) }
        func field(_ name: String) -> Int? { infoType.instanceFields.first { $0.name == name }?.offset }
        guard let flagsOffset = field("flags"), let tokenOffset = field("token"), let constraintsOffset = field("constraints"),
              let flagsField = r.space.pointer(a + UInt64(flagsOffset), 2), let tokenField = r.space.pointer(a + UInt64(tokenOffset), 4),
              let constraintsField = r.space.pointer(a + UInt64(constraintsOffset), 8) else {
            throw RuntimeError(.missingMember, "\(s) lacks the fields Mono's corlib reads")
        }
        flagsField.storeBytes(of: flags, as: UInt16.self)
        tokenField.storeBytes(of: token, as: UInt32.self)
        constraintsField.storeBytes(of: array, as: UInt64.self)
        parameterInfos[t.id] = a
        return a
    }

    /// The metadata owner and GenericParam row of a generic parameter type made here.
    func genericParameterRow(_ t: RuntimeType) -> (module: RuntimeModule, row: UInt32)? {
        if let o = genericParameterOwners[t.id], let m = o.method.module { return (m, o.row) }
        if let o = typeGenericParameterOwners[t.id], let m = o.type.module { return (m, o.row) }
        return nil
    }
}

extension NativeRegistry {
    func registerGenericParameterTypeNatives(_ state: ReflectionState) {
        // Mono's MonoGenericParamInfo (Mono.RuntimeStructs.GenericParamInfo): flags and a
        // null-terminated array of constraint "classes", which here are type ids (GetTypeFromClass
        // maps them back). Placeholders that belong to no known definition have neither.
        register("System.RuntimeTypeHandle::GetGenericParameterInfo") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            guard t.isGenericParameter else { c.returnUInt64(0); return }
            c.returnUInt64(try state.genericParameterInfo(r, t))
        }
        register("Mono.RuntimeClassHandle::GetTypeFromClass") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = r.type(id: UInt32(truncatingIfNeeded: c.uint64(0))), c.uint64(0) >> 32 == 0, c.uint64(0) != 0 else { try c.raise(.argument); return }
            c.returnUInt64(try r.typeHandleValue(t))
        }
    }
}

extension ReflectionState {
    /// `t` with the type system's shared placeholders (`!0`, `!!0`) replaced by the generic
    /// parameter types of the definitions they stand for, as Mono's reflection shows them: a
    /// generic method definition's `T Echo<T>(T)` is `T`, not `!!0`. `method` gives the method
    /// parameters; `owner` (a type definition with open parameters) the type parameters.
    func reflectable(_ r: Runtime, _ t: RuntimeType, method: RuntimeMethod?, owner: RuntimeType?, depth: Int = 0) throws(RuntimeError) -> RuntimeType {
        guard depth < 32 else { return t }
        switch t.kind {
        case .genericParameter(let isMethod, let index):
            if genericParameterRow(t) != nil { return t }
            if isMethod, let m = method, m.genericArguments.isEmpty {
                let ps = try genericParameters(r, of: m)
                if index < ps.count { return ps[index] }
            } else if !isMethod, let o = owner, o.genericArgumentsAreOpen {
                let ps = try genericParameters(r, ofTypeDefinition: o)
                if index < ps.count { return ps[index] }
            }
            return t
        case .szArray:
            guard let e = t.elementType else { return t }
            let x = try reflectable(r, e, method: method, owner: owner, depth: depth + 1)
            return x === e ? t : try r.szArrayType(of: x)
        case .array(let rank):
            guard let e = t.elementType else { return t }
            let x = try reflectable(r, e, method: method, owner: owner, depth: depth + 1)
            return x === e ? t : try r.arrayType(of: x, rank: rank)
        case .pointer:
            guard let e = t.elementType else { return t }
            let x = try reflectable(r, e, method: method, owner: owner, depth: depth + 1)
            return x === e ? t : try r.pointerType(to: x)
        case .byReference:
            guard let e = t.elementType else { return t }
            let x = try reflectable(r, e, method: method, owner: owner, depth: depth + 1)
            return x === e ? t : try r.byReferenceType(to: x)
        default:
            guard t.isGenericInstance else { return t }
            var changed = false
            var arguments: [RuntimeType] = []
            for a in t.genericArguments {
                let x = try reflectable(r, a, method: method, owner: owner, depth: depth + 1)
                if x !== a { changed = true }
                arguments.append(x)
            }
            return changed ? try r.instantiate(t.typeDefinition, arguments) : t
        }
    }

    /// A member type of `m` as reflection shows it.
    func reflectable(_ r: Runtime, _ t: RuntimeType, of m: RuntimeMethod) throws(RuntimeError) -> RuntimeType {
        try reflectable(r, t, method: m, owner: m.owner)
    }
}
