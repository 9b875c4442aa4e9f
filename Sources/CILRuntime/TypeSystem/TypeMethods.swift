import CILMetadata

/// Methods, signatures, vtables and interface maps (II.10.3 inheritance and overriding,
/// II.12.2 interface implementation).
extension Runtime {
    public func ensureMethods(_ t: RuntimeType) throws(RuntimeError) {
        guard !t.methodsLoaded else { return }
        t.methodsLoaded = true
        guard let module = t.module else { return }
        for row in module.index.methods(of: t.typeDefRow) {
            let m = try module.read { () throws(MetadataError) in try module.file.methodDef(row) }
            let method = RuntimeMethod(owner: t, module: module, row: row, name: try module.string(m.name),
                                       flags: m.flags, implFlags: m.implFlags)
            method.genericParameterCount = module.index.genericParameters(of: MetadataToken(.methodDef, row)).count
            t.methods.append(method)
            if t.genericDefinition == nil && module.methodDefs[Int(row)] == nil { module.methodDefs[Int(row)] = method }
        }
    }

    /// The method defined by MethodDef `row`, on its open declaring type.
    func methodDef(_ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> RuntimeMethod {
        guard row >= 1 && Int(row) < module.methodDefs.count else {
            throw RuntimeError(.badImage, "\(module.assemblyName): MethodDef row \(row) out of range")
        }
        if let m = module.methodDefs[Int(row)] { return m }
        let ownerRow = module.index.methodOwner[Int(row)]
        guard ownerRow != 0 else { throw RuntimeError(.badImage, "MethodDef \(row) belongs to no type") }
        try ensureMethods(try typeDef(module, ownerRow))
        guard let m = module.methodDefs[Int(row)] else { throw RuntimeError(.badImage, "MethodDef \(row) not loaded") }
        return m
    }

    /// The same method on an instantiation of its declaring type.
    func method(_ m: RuntimeMethod, on owner: RuntimeType) throws(RuntimeError) -> RuntimeMethod {
        if m.owner === owner { return m }
        try ensureMethods(owner)
        let base = m.genericDefinition ?? m
        guard let found = owner.methods.first(where: { $0.row == base.row && $0.module === base.module }) else {
            throw RuntimeError(.missingMember, "\(m.name) not found on \(owner.fullName)")
        }
        if !m.genericArguments.isEmpty { return try instantiate(found, m.genericArguments) }
        return found
    }

    /// The instantiation of a generic method definition (II.9.4).
    public func instantiate(_ method: RuntimeMethod, _ arguments: [RuntimeType]) throws(RuntimeError) -> RuntimeMethod {
        let def = method.genericDefinition ?? method
        let key = arguments.map(ObjectIdentifier.init)
        if let m = def.instantiations[key] { return m }
        let m = RuntimeMethod(owner: def.owner, module: def.module, row: def.row, name: def.name, flags: def.flags,
                              implFlags: def.implFlags, genericArguments: arguments, genericDefinition: def)
        m.genericParameterCount = def.genericParameterCount
        m.vtableSlot = def.vtableSlot
        def.instantiations[key] = m
        return m
    }

    /// The resolved signature of `m` (generic parameters replaced by its context's arguments).
    public func signature(_ m: RuntimeMethod) throws(RuntimeError) -> MethodSig {
        if let s = m.signatureCache { return s }
        guard let module = m.module else { throw RuntimeError(.notImplemented, "signature of synthetic method \(m)") }
        let row = try module.read { () throws(MetadataError) in try module.file.methodDef(m.row) }
        var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
        let raw = try module.read { () throws(MetadataError) in try decoder.methodSignature(blob: row.signature) }
        let s = try resolveSignature(raw, module, GenericContext(type: m.owner, method: m))
        m.signatureCache = s
        return s
    }

    func resolveSignature(_ raw: MethodSignature<SigType>, _ module: RuntimeModule, _ context: GenericContext) throws(RuntimeError) -> MethodSig {
        var params: [RuntimeType] = []
        for p in raw.parameterTypes { params.append(try resolve(p, module, context)) }
        var ret: RuntimeType? = nil
        if case .primitive(.void) = raw.returnType.stripped {} else { ret = try resolve(raw.returnType, module, context) }
        return MethodSig(hasThis: raw.header.hasThis, explicitThis: raw.header.explicitThis,
                         isVarArg: raw.header.kind == .varArg, returnType: ret, parameters: params,
                         requiredParameterCount: raw.requiredParameterCount, genericParameterCount: raw.genericParameterCount)
    }

    /// Whether two methods have the same name and signature, as overriding requires (II.10.3.2).
    func sameNameAndSignature(_ a: RuntimeMethod, _ b: RuntimeMethod) throws(RuntimeError) -> Bool {
        guard a.name == b.name, a.genericParameterCount == b.genericParameterCount else { return false }
        let sa = try signature(a), sb = try signature(b)
        guard sa.parameters.count == sb.parameters.count, sa.returnType === sb.returnType else { return false }
        for (x, y) in zip(sa.parameters, sb.parameters) where x !== y { return false }
        return true
    }

    // MARK: vtables

    public func ensureVTable(_ t: RuntimeType) throws(RuntimeError) {
        switch t.vtableState {
        case .done: return
        case .inProgress: throw RuntimeError(.badImage, "vtable of \(t.fullName) depends on itself")
        case .notStarted: break
        }
        t.vtableState = .inProgress
        defer { if t.vtableState == .inProgress { t.vtableState = .notStarted } }
        try ensureHierarchy(t)
        try ensureMethods(t)
        var vtable: [RuntimeMethod] = []
        if let base = t.baseType {
            try ensureVTable(base)
            vtable = base.vtable
        }
        if !t.isInterface {
            for m in t.methods where m.isVirtual {
                var slot = -1
                if !m.isNewSlot {
                    // Override the most derived inherited slot with the same name and signature.
                    for i in stride(from: vtable.count - 1, through: 0, by: -1) where try sameNameAndSignature(vtable[i], m) {
                        slot = i
                        break
                    }
                }
                if slot < 0 {
                    slot = vtable.count
                    vtable.append(m)
                } else {
                    // Every inherited slot that held the overridden method now holds the override
                    // (a base slot redirected by .override follows its target, as in Mono).
                    let overridden = vtable[slot]
                    for j in vtable.indices where vtable[j] === overridden { vtable[j] = m }
                }
                m.vtableSlot = slot
            }
        } else {
            var slot = 0
            for m in t.methods where m.isVirtual { m.vtableSlot = slot; slot += 1 }
        }
        // II.22.27 MethodImpl: explicit overrides (.override) of class methods.
        var explicitImpls: [(declaration: RuntimeMethod, body: RuntimeMethod)] = []
        if let module = t.module {
            for row in module.index.methodImpls[t.typeDefRow] ?? [] {
                let mi = try module.read { () throws(MetadataError) in try module.file.methodImpl(row) }
                let context = GenericContext(type: t)
                let body = try method(module, mi.body, context)
                let declaration = try method(module, mi.declaration, context)
                let ownBody = try method(body, on: body.owner.typeDefinition === t.typeDefinition ? t : body.owner)
                explicitImpls.append((declaration, ownBody))
                if !declaration.owner.isInterface {
                    try ensureVTable(declaration.owner)
                    let s = declaration.vtableSlot
                    if s >= 0 && s < vtable.count { vtable[s] = ownBody }
                }
            }
        }
        t.vtable = vtable
        if !t.isInterface { try buildInterfaceMap(t, explicitImpls) }
        t.vtableState = .done
    }

    /// Every interface `t` implements, directly or through its bases and other interfaces.
    func allInterfaces(_ t: RuntimeType) throws(RuntimeError) -> [RuntimeType] {
        var result: [RuntimeType] = []
        var seen = Set<ObjectIdentifier>()
        func add(_ i: RuntimeType) throws(RuntimeError) {
            guard seen.insert(ObjectIdentifier(i)).inserted else { return }
            try ensureHierarchy(i)
            result.append(i)
            for j in i.interfaces { try add(j) }
        }
        var chain: [RuntimeType] = []
        var c: RuntimeType? = t
        while let x = c { chain.append(x); try ensureHierarchy(x); c = x.baseType }
        for x in chain.reversed() { for i in x.interfaces { try add(i) } }
        return result
    }

    private func buildInterfaceMap(_ t: RuntimeType, _ explicitImpls: [(declaration: RuntimeMethod, body: RuntimeMethod)]) throws(RuntimeError) {
        let declaredHere = Set(t.interfaces.map(ObjectIdentifier.init))
        var map: [(interface: RuntimeType, implementations: [RuntimeMethod?])] = []
        for i in try allInterfaces(t) {
            try ensureMethods(i)
            try ensureVTable(i)
            let inherited = t.baseType?.interfaceMap.first { $0.interface === i }
            var impls: [RuntimeMethod?] = []
            for im in i.methods where im.isVirtual {
                var found: RuntimeMethod? = explicitImpls.first { e in
                    e.declaration.owner === i && e.declaration.row == im.row && e.declaration.module === im.module
                }?.body
                // II.12.2: a type that (re)declares the interface maps it to its own public virtual
                // methods first; otherwise the inherited mapping stands.
                if found == nil && (declaredHere.contains(ObjectIdentifier(i)) || inherited == nil) {
                    found = try findImplementation(of: im, in: t)
                }
                if found == nil, let inherited, im.vtableSlot >= 0, im.vtableSlot < inherited.implementations.count {
                    found = inherited.implementations[im.vtableSlot]
                }
                if found == nil { found = try findImplementation(of: im, in: t) }
                // Resolve through the vtable so later overrides of the implementing method win.
                if let f = found, f.isVirtual, f.vtableSlot >= 0, f.vtableSlot < t.vtable.count, !f.owner.isInterface {
                    found = t.vtable[f.vtableSlot]
                }
                impls.append(found)
            }
            map.append((i, impls))
        }
        t.interfaceMap = map
    }

    /// The public virtual method with the interface method's name and signature, searching
    /// `t` and then its ancestors.
    private func findImplementation(of im: RuntimeMethod, in t: RuntimeType) throws(RuntimeError) -> RuntimeMethod? {
        var c: RuntimeType? = t
        while let x = c {
            try ensureMethods(x)
            for m in x.methods where m.isVirtual && m.accessibility == 6 {
                if try sameNameAndSignature(m, im) { return m }
            }
            c = x.baseType
        }
        return nil
    }

    /// The implementation a virtual call on an object of type `t` reaches for `m` (III.4.2 callvirt).
    public func resolveVirtual(_ m: RuntimeMethod, on t: RuntimeType) throws(RuntimeError) -> RuntimeMethod {
        try ensureVTable(t)
        let declaring = m.owner
        try ensureVTable(declaring)
        if t.isSZArray, declaring.isInterface, let found = try arrayInterfaceMethod(m, on: t) { return found }
        var target: RuntimeMethod?
        if declaring.isInterface {
            let slot = (m.genericDefinition ?? m).vtableSlot
            if let entry = t.interfaceMap.first(where: { $0.interface === declaring }), slot >= 0, slot < entry.implementations.count {
                target = entry.implementations[slot]
            } else {
                for entry in t.interfaceMap where try isVariantCompatible(entry.interface, declaring) {
                    if slot >= 0 && slot < entry.implementations.count { target = entry.implementations[slot] }
                    break
                }
            }
        } else {
            let slot = (m.genericDefinition ?? m).vtableSlot
            if slot >= 0 && slot < t.vtable.count { target = t.vtable[slot] }
        }
        guard var found = target else {
            throw RuntimeError(.missingMember, "no implementation of \(m) on \(t.fullName)")
        }
        if !m.genericArguments.isEmpty { found = try instantiate(found, m.genericArguments) }
        return found
    }
}

extension Runtime {
    /// Mono implements the generic collection interfaces of `T[]` with System.Array methods
    /// named `InternalArray__…`, instantiated over the interface's type argument.
    func arrayInterfaceMethod(_ m: RuntimeMethod, on t: RuntimeType) throws(RuntimeError) -> RuntimeMethod? {
        let declaring = m.owner
        guard declaring.isGenericInstance, let argument = declaring.genericArguments.first else { return nil }
        let prefix: String
        switch declaring.typeDefinition.fullName {
        case "System.Collections.Generic.IEnumerable`1": prefix = "InternalArray__IEnumerable_"
        case "System.Collections.Generic.ICollection`1": prefix = "InternalArray__ICollection_"
        case "System.Collections.Generic.IList`1": prefix = "InternalArray__"
        case "System.Collections.Generic.IReadOnlyList`1": prefix = "InternalArray__IReadOnlyList_"
        case "System.Collections.Generic.IReadOnlyCollection`1": prefix = "InternalArray__IReadOnlyCollection_"
        default: return nil
        }
        let array = try coreType("System.Array")
        try ensureMethods(array)
        guard let target = array.methods.first(where: { $0.name == prefix + m.name }) else { return nil }
        return target.genericParameterCount > 0 ? try instantiate(target, [argument]) : target
    }
}
