import CILMetadata

/// Turning metadata tokens into runtime types, and the lookups by name the runtime needs.
extension Runtime {
    // MARK: core types

    /// A type of mscorlib by full name ("System.Int32"); loading it if needed.
    public func coreType(_ fullName: String) throws(RuntimeError) -> RuntimeType {
        if let t = coreCache[fullName] { return t }
        let dot = fullName.lastIndex(of: ".")
        let ns = dot.map { String(fullName[..<$0]) } ?? ""
        let name = dot.map { String(fullName[fullName.index(after: $0)...]) } ?? fullName
        guard let row = corlib.findTopLevelType(namespace: ns, name: name) else {
            throw RuntimeError(.missingMember, "mscorlib has no type \(fullName)")
        }
        let t = try typeDef(corlib, row)
        coreCache[fullName] = t
        return t
    }

    /// The corlib type for a primitive element type of a signature (II.23.1.16).
    func primitiveType(_ e: ElementType) throws(RuntimeError) -> RuntimeType {
        let name: String
        switch e {
        case .void: name = "System.Void"
        case .boolean: name = "System.Boolean"
        case .char: name = "System.Char"
        case .int8: name = "System.SByte"
        case .uint8: name = "System.Byte"
        case .int16: name = "System.Int16"
        case .uint16: name = "System.UInt16"
        case .int32: name = "System.Int32"
        case .uint32: name = "System.UInt32"
        case .int64: name = "System.Int64"
        case .uint64: name = "System.UInt64"
        case .float32: name = "System.Single"
        case .float64: name = "System.Double"
        case .string: name = "System.String"
        case .object: name = "System.Object"
        case .intPtr: name = "System.IntPtr"
        case .uintPtr: name = "System.UIntPtr"
        case .typedReference: name = "System.TypedReference"
        default: throw RuntimeError(.badImage, "element type \(e) is not primitive")
        }
        return try coreType(name)
    }

    static let primitiveNames: [String: Primitive] = [
        "Boolean": .boolean, "Char": .char, "SByte": .int8, "Byte": .uint8, "Int16": .int16, "UInt16": .uint16,
        "Int32": .int32, "UInt32": .uint32, "Int64": .int64, "UInt64": .uint64, "Single": .float32,
        "Double": .float64, "IntPtr": .intPtr, "UIntPtr": .uintPtr,
    ]

    // MARK: definitions and references

    /// The open type defined by TypeDef `row` of `module`.
    public func typeDef(_ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> RuntimeType {
        guard row >= 1 && Int(row) < module.typeDefs.count else {
            throw RuntimeError(.badImage, "\(module.assemblyName): TypeDef row \(row) out of range")
        }
        if let t = module.typeDefs[Int(row)] { return t }
        let def = try module.read { () throws(MetadataError) in try module.file.typeDef(row) }
        let name = try module.string(def.name)
        let ns = try module.string(def.namespace)
        var kind: RuntimeType.Kind = .class
        if def.flags & 0x20 != 0 {
            kind = .interface
        } else if !def.extends.isNil {
            // II.13: a type deriving from System.ValueType or System.Enum is a value type
            // (System.Enum itself is not).
            let baseName = try referencedTypeName(module, def.extends)
            if (baseName == "System.ValueType" || baseName == "System.Enum") && !(module === corlib && ns == "System" && name == "Enum") {
                kind = .valueType
            }
        }
        let t = RuntimeType(kind: kind, module: module, typeDefRow: row, name: name, namespace: ns, flags: def.flags)
        module.typeDefs[Int(row)] = t
        register(t)
        let enclosing = module.index.enclosingType(of: row)
        if enclosing != 0 { t.declaringType = try typeDef(module, enclosing) }
        if module === corlib && ns == "System", let p = Runtime.primitiveNames[name] { t.primitive = p }
        return t
    }

    /// "Namespace.Name" of a TypeDef or TypeRef without loading it (TypeSpecs give "").
    func referencedTypeName(_ module: RuntimeModule, _ token: MetadataToken) throws(RuntimeError) -> String {
        switch token.table {
        case .typeDef?:
            let d = try module.read { () throws(MetadataError) in try module.file.typeDef(token.row) }
            let ns = try module.string(d.namespace)
            return ns.isEmpty ? try module.string(d.name) : ns + "." + (try module.string(d.name))
        case .typeRef?:
            let r = try module.read { () throws(MetadataError) in try module.file.typeRef(token.row) }
            let ns = try module.string(r.namespace)
            return ns.isEmpty ? try module.string(r.name) : ns + "." + (try module.string(r.name))
        default:
            return ""
        }
    }

    /// The type a TypeRef names, following its resolution scope and type forwarders (II.22.38, II.22.14).
    func typeRef(_ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> RuntimeType {
        guard row >= 1 && Int(row) < module.typeRefs.count else {
            throw RuntimeError(.badImage, "\(module.assemblyName): TypeRef row \(row) out of range")
        }
        if let t = module.typeRefs[Int(row)] { return t }
        let ref = try module.read { () throws(MetadataError) in try module.file.typeRef(row) }
        let name = try module.string(ref.name)
        let ns = try module.string(ref.namespace)
        let scope = ref.resolutionScope
        let result: RuntimeType
        switch scope.table {
        case .typeRef?:
            let outer = try typeRef(module, scope.row)
            guard let outerModule = outer.module, let nested = outerModule.findNestedType(in: outer.typeDefRow, name: name) else {
                throw RuntimeError(.missingMember, "type \(outer.fullName)+\(name) not found")
            }
            result = try typeDef(outerModule, nested)
        case .assemblyRef?:
            let a = try module.read { () throws(MetadataError) in try module.file.assemblyRef(scope.row) }
            let target = try resolver.resolve(try module.string(a.name), runtime: self)
            result = try findType(in: target, namespace: ns, name: name, depth: 0)
        case .module?, nil:
            result = try findType(in: module, namespace: ns, name: name, depth: 0)
        case .moduleRef?:
            throw RuntimeError(.notImplemented, "multi-module assemblies (type \(ns).\(name) in a module reference)")
        default:
            throw RuntimeError(.badImage, "TypeRef \(ns).\(name) has resolution scope \(scope)")
        }
        module.typeRefs[Int(row)] = result
        return result
    }

    /// A top-level type by name in `module`, following ExportedType forwarders.
    func findType(in module: RuntimeModule, namespace: String, name: String, depth: Int) throws(RuntimeError) -> RuntimeType {
        if let row = module.findTopLevelType(namespace: namespace, name: name) { return try typeDef(module, row) }
        guard depth < 8 else { throw RuntimeError(.badImage, "type forwarding of \(namespace).\(name) loops") }
        let file = module.file
        for row in stride(from: UInt32(1), through: file.rowCount(.exportedType), by: 1) {
            let e = try module.read { () throws(MetadataError) in try file.exportedType(row) }
            guard try module.string(e.name) == name, try module.string(e.namespace) == namespace,
                  e.implementation.table == .assemblyRef else { continue }
            let a = try module.read { () throws(MetadataError) in try file.assemblyRef(e.implementation.row) }
            let target = try resolver.resolve(try module.string(a.name), runtime: self)
            return try findType(in: target, namespace: namespace, name: name, depth: depth + 1)
        }
        throw RuntimeError(.missingMember, "type \(namespace.isEmpty ? name : namespace + "." + name) not found in \(module.assemblyName)")
    }

    /// A type from a TypeDef, TypeRef or TypeSpec token, in a generic context.
    public func type(_ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext) throws(RuntimeError) -> RuntimeType {
        switch token.table {
        case .typeDef?: return try typeDef(module, token.row)
        case .typeRef?: return try typeRef(module, token.row)
        case .typeSpec?:
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let sig = try module.read { () throws(MetadataError) in try decoder.typeSpecSignature(row: token.row) }
            return try resolve(sig, module, context)
        default:
            throw RuntimeError(.badImage, "token \(token) is not a type")
        }
    }

    /// Resolves a decoded signature type in a generic context.
    func resolve(_ sig: SigType, _ module: RuntimeModule, _ context: GenericContext) throws(RuntimeError) -> RuntimeType {
        switch sig {
        case .primitive(let e): return try primitiveType(e)
        case .named(let token, _): return try type(module, token, context)
        case .szArray(let e): return try szArrayType(of: resolve(e, module, context))
        case .array(let e, let shape): return try arrayType(of: resolve(e, module, context), rank: shape.rank)
        case .pointer(let e): return try pointerType(to: resolve(e, module, context))
        case .byReference(let e): return try byReferenceType(to: resolve(e, module, context))
        case .pinned(let e), .modified(let e, _): return try resolve(e, module, context)
        case .genericInstance(let g, let args):
            let definition = try resolve(g, module, context)
            var resolved: [RuntimeType] = []
            for a in args { resolved.append(try resolve(a, module, context)) }
            return try instantiate(definition, resolved)
        case .typeParameter(let i):
            if i < context.typeArguments.count { return context.typeArguments[i] }
            return genericPlaceholder(isMethod: false, index: i)
        case .methodParameter(let i):
            if i < context.methodArguments.count { return context.methodArguments[i] }
            return genericPlaceholder(isMethod: true, index: i)
        case .functionPointer:
            return try coreType("System.IntPtr")
        }
    }

    func genericPlaceholder(isMethod: Bool, index: Int) -> RuntimeType {
        let key = (isMethod ? 1 << 20 : 0) | index
        if let t = genericParameterPlaceholders[key] { return t }
        let t = RuntimeType(kind: .genericParameter(isMethod: isMethod, index: index), module: nil, typeDefRow: 0,
                            name: (isMethod ? "!!" : "!") + String(index), namespace: "", flags: 0)
        register(t)
        genericParameterPlaceholders[key] = t
        return t
    }

    /// The instantiation of a generic type definition (II.9.4), made once per argument list.
    public func instantiate(_ definition: RuntimeType, _ arguments: [RuntimeType]) throws(RuntimeError) -> RuntimeType {
        let def = definition.typeDefinition
        let key = GenericKey(definition: ObjectIdentifier(def), arguments: arguments.map(ObjectIdentifier.init))
        if let t = genericInstances[key] { return t }
        guard arguments.count < 64 else { throw RuntimeError(.badImage, "\(arguments.count) generic arguments") }
        let depth = arguments.map(genericDepth).max() ?? 0
        guard depth < 32 else {
            throw RuntimeError(.badImage, "generic instantiation of \(def.fullName) nests deeper than 32 (expanding recursion?)")
        }
        let t = RuntimeType(kind: def.kind, module: def.module, typeDefRow: def.typeDefRow, name: def.name, namespace: def.namespace,
                            flags: def.flags, genericDefinition: def, genericArguments: arguments)
        t.declaringType = def.declaringType
        t.primitive = def.primitive
        register(t)
        genericInstances[key] = t
        return t
    }

    private func genericDepth(_ t: RuntimeType) -> Int {
        var d = 0
        var stack = [(t, 1)]
        var steps = 0
        while let (x, level) = stack.popLast(), steps < 10_000 {
            steps += 1
            d = max(d, level)
            for a in x.genericArguments { stack.append((a, level + 1)) }
            if let e = x.elementType { stack.append((e, level + 1)) }
        }
        return d
    }

    // MARK: constructed types

    public func szArrayType(of element: RuntimeType) throws(RuntimeError) -> RuntimeType {
        if let t = element.szArrayType { return t }
        let array = try coreType("System.Array")
        let t = RuntimeType(kind: .szArray, module: nil, typeDefRow: 0, name: element.name + "[]", namespace: element.namespace,
                            flags: 0x101 /* public sealed */, elementType: element)
        t.baseType = array
        t.hierarchyLoaded = true
        register(t)
        element.szArrayType = t
        return t
    }

    public func arrayType(of element: RuntimeType, rank: Int) throws(RuntimeError) -> RuntimeType {
        if let t = element.arrayTypes[rank] { return t }
        guard rank >= 1 && rank <= 32 else { throw RuntimeError(.badImage, "array rank \(rank)") }
        let t = RuntimeType(kind: .array(rank: rank), module: nil, typeDefRow: 0,
                            name: element.name + "[" + String(repeating: ",", count: rank - 1) + "]",
                            namespace: element.namespace, flags: 0x101, elementType: element)
        t.baseType = try coreType("System.Array")
        t.hierarchyLoaded = true
        register(t)
        element.arrayTypes[rank] = t
        return t
    }

    public func pointerType(to element: RuntimeType) throws(RuntimeError) -> RuntimeType {
        if let t = element.pointerType { return t }
        let t = RuntimeType(kind: .pointer, module: nil, typeDefRow: 0, name: element.name + "*", namespace: element.namespace,
                            flags: 0, elementType: element)
        t.hierarchyLoaded = true
        t.instanceSize = 8; t.alignment = 8; t.layoutState = .done
        register(t)
        element.pointerType = t
        return t
    }

    public func byReferenceType(to element: RuntimeType) throws(RuntimeError) -> RuntimeType {
        if let t = element.byReferenceType { return t }
        let t = RuntimeType(kind: .byReference, module: nil, typeDefRow: 0, name: element.name + "&", namespace: element.namespace,
                            flags: 0, elementType: element)
        t.hierarchyLoaded = true
        t.instanceSize = 8; t.alignment = 8; t.layoutState = .done
        register(t)
        element.byReferenceType = t
        return t
    }
}
