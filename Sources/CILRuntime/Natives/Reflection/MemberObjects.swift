import CILMetadata

/// The guest objects that stand for members (Mono's reflection.c `*_object_construct`): one
/// per (member, reflected type), created on first use and kept for the whole run.
extension ReflectionState {
    static let methodInfoClass = "System.Reflection.RuntimeMethodInfo"
    static let constructorInfoClass = "System.Reflection.RuntimeConstructorInfo"
    static let fieldInfoClass = "System.Reflection.RuntimeFieldInfo"
    static let propertyInfoClass = "System.Reflection.RuntimePropertyInfo"
    static let eventInfoClass = "System.Reflection.RuntimeEventInfo"
    static let parameterInfoClass = "System.Reflection.RuntimeParameterInfo"

    /// A RuntimeMethodInfo or RuntimeConstructorInfo for `m` seen through `reflected`
    /// (`m.owner` when nil), with `mhandle` and `reftype` set as Mono sets them.
    func methodObject(_ r: Runtime, _ m: RuntimeMethod, reflected: RuntimeType?, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let refclass = reflected ?? m.owner
        let handle = r.handle(of: m)
        let key = MemberKey(handle: handle, reflected: refclass.id)
        if let o = methodObjects[key] { return o }
        let className = (m.name == ".ctor" || m.name == ".cctor") ? Self.constructorInfoClass : Self.methodInfoClass
        let typeObject = try r.typeObject(refclass, thread: thread)
        guard let o = try r.newObject(try r.coreType(className)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a MethodInfo") }
        r.pinnedObjects.append(o)
        try store(r, o, className, "mhandle", UInt64(bitPattern: handle))
        try store(r, o, className, "reftype", typeObject)
        methodObjects[key] = o
        return o
    }

    /// The method a RuntimeMethodInfo/RuntimeConstructorInfo (or any MethodBase of ours) stands for.
    func method(_ r: Runtime, ofObject o: UInt64) throws(RuntimeError) -> RuntimeMethod? {
        guard let t = r.objectType(o) else { return nil }
        let name: String
        switch t.fullName {
        case Self.methodInfoClass: name = Self.methodInfoClass
        case Self.constructorInfoClass: name = Self.constructorInfoClass
        default:
            throw RuntimeError(.notImplemented, "reflection on a method object of type \(t.fullName)")
        }
        return r.methodHandles.item(Int64(bitPattern: try load(r, o, name, "mhandle")))
    }

    /// The reflected type of a method object (`reftype`).
    func reflectedType(_ r: Runtime, ofMethodObject o: UInt64) throws(RuntimeError) -> RuntimeType? {
        guard let t = r.objectType(o) else { return nil }
        let name = t.fullName == Self.constructorInfoClass ? Self.constructorInfoClass : Self.methodInfoClass
        return try r.runtimeType(ofTypeObject: try load(r, o, name, "reftype"))
    }

    /// A RuntimeFieldInfo for `f` seen through `reflected` (`f.owner` when nil).
    func fieldObject(_ r: Runtime, _ f: RuntimeField, reflected: RuntimeType?, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let klass = reflected ?? f.owner
        let handle = r.handle(of: f)
        let key = MemberKey(handle: handle, reflected: klass.id)
        if let o = fieldObjects[key] { return o }
        let c = Self.fieldInfoClass
        let fieldType = try r.typeObject(try reflectable(r, f.type, method: nil, owner: f.owner), thread: thread)
        let name = try r.guestString(f.name)
        guard let o = try r.newObject(try r.coreType(c)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a FieldInfo") }
        r.pinnedObjects.append(o)
        try store(r, o, c, "klass", UInt64(klass.id))
        try store(r, o, c, "fhandle", UInt64(bitPattern: handle))
        try store(r, o, c, "name", name)
        try store(r, o, c, "type", fieldType)
        try store32(r, o, c, "attrs", UInt32(f.flags))
        fieldObjects[key] = o
        return o
    }

    func field(_ r: Runtime, ofObject o: UInt64) throws(RuntimeError) -> (field: RuntimeField, reflected: RuntimeType)? {
        guard let t = r.objectType(o) else { return nil }
        guard t.fullName == Self.fieldInfoClass else { throw RuntimeError(.notImplemented, "reflection on a field object of type \(t.fullName)") }
        guard let f = r.fieldHandles.item(Int64(bitPattern: try load(r, o, Self.fieldInfoClass, "fhandle"))) else { return nil }
        let klass = r.type(id: UInt32(truncatingIfNeeded: try load(r, o, Self.fieldInfoClass, "klass"))) ?? f.owner
        return (f, klass)
    }

    func propertyObject(_ r: Runtime, _ handle: Int64, reflected: RuntimeType?) throws(RuntimeError) -> UInt64 {
        guard let p = property(handle) else { throw RuntimeError(.invalidProgram, "bad property handle \(handle)") }
        let klass = reflected ?? p.owner
        let key = MemberKey(handle: handle, reflected: klass.id)
        if let o = propertyObjects[key] { return o }
        let c = Self.propertyInfoClass
        guard let o = try r.newObject(try r.coreType(c)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a PropertyInfo") }
        r.pinnedObjects.append(o)
        try store(r, o, c, "klass", UInt64(klass.id))
        try store(r, o, c, "prop", UInt64(bitPattern: handle))
        propertyObjects[key] = o
        return o
    }

    func property(_ r: Runtime, ofObject o: UInt64) throws(RuntimeError) -> (property: PropertyRecord, handle: Int64, reflected: RuntimeType)? {
        guard let t = r.objectType(o) else { return nil }
        guard t.fullName == Self.propertyInfoClass else { throw RuntimeError(.notImplemented, "reflection on a property object of type \(t.fullName)") }
        let handle = Int64(bitPattern: try load(r, o, Self.propertyInfoClass, "prop"))
        guard let p = property(handle) else { return nil }
        let klass = r.type(id: UInt32(truncatingIfNeeded: try load(r, o, Self.propertyInfoClass, "klass"))) ?? p.owner
        return (p, handle, klass)
    }

    func eventObject(_ r: Runtime, _ handle: Int64, reflected: RuntimeType?) throws(RuntimeError) -> UInt64 {
        guard let e = event(handle) else { throw RuntimeError(.invalidProgram, "bad event handle \(handle)") }
        let klass = reflected ?? e.owner
        let key = MemberKey(handle: handle, reflected: klass.id)
        if let o = eventObjects[key] { return o }
        let c = Self.eventInfoClass
        guard let o = try r.newObject(try r.coreType(c)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating an EventInfo") }
        r.pinnedObjects.append(o)
        try store(r, o, c, "klass", UInt64(klass.id))
        try store(r, o, c, "handle", UInt64(bitPattern: handle))
        eventObjects[key] = o
        return o
    }

    func event(_ r: Runtime, ofObject o: UInt64) throws(RuntimeError) -> (event: EventRecord, handle: Int64, reflected: RuntimeType)? {
        guard let t = r.objectType(o) else { return nil }
        guard t.fullName == Self.eventInfoClass else { throw RuntimeError(.notImplemented, "reflection on an event object of type \(t.fullName)") }
        let handle = Int64(bitPattern: try load(r, o, Self.eventInfoClass, "handle"))
        guard let e = event(handle) else { return nil }
        let klass = r.type(id: UInt32(truncatingIfNeeded: try load(r, o, Self.eventInfoClass, "klass"))) ?? e.owner
        return (e, handle, klass)
    }

    func property(_ handle: Int64) -> PropertyRecord? {
        handle > 0 && handle < Int64(properties.count) ? properties[Int(handle)] : nil
    }

    func event(_ handle: Int64) -> EventRecord? {
        handle > 0 && handle < Int64(events.count) ? events[Int(handle)] : nil
    }
}

// MARK: parameters

extension ReflectionState {
    /// The RuntimeParameterInfo[] of `m` as seen through `reflected` (Mono's
    /// mono_param_get_objects_internal), cached so that the same objects come back each time.
    func parameterObjects(_ r: Runtime, _ m: RuntimeMethod, reflected: RuntimeType?, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let refclass = reflected ?? m.owner
        let key = MemberKey(handle: r.handle(of: m), reflected: refclass.id)
        if let a = parameterArrays[key] { return a }
        let sig = try r.signature(m)
        let mark = r.nativeRoots.count
        defer { r.nativeRoots.removeSubrange(mark...) }
        let member = try methodObject(r, m, reflected: refclass, thread: thread)
        let rows = parameterRows(r, m)
        var dbNull: UInt64?
        var missing: UInt64?
        var objects: [UInt64] = []
        let c = Self.parameterInfoClass
        for (i, p) in sig.parameters.enumerated() {
            let row = rows[i + 1]
            var name = ""
            var attrs: UInt16 = 0
            if let row, let module = m.module {
                let pr = try module.read { () throws(MetadataError) in try module.file.param(row) }
                name = try module.string(pr.name)
                attrs = pr.flags
            }
            let defaultValue: UInt64
            if attrs & 0x1000 != 0, let row, let module = m.module, let constant = module.index.constants[MetadataToken(.param, row)] {
                defaultValue = try constantObject(r, module, constant, declared: p, optional: attrs & 0x10 != 0, thread: thread,
                                                  dbNull: &dbNull, missing: &missing)
            } else if attrs & 0x10 != 0 {
                if missing == nil { missing = try r.staticReference("System.Reflection.Missing", "Value", thread: thread) }
                defaultValue = missing!
            } else {
                if dbNull == nil { dbNull = try r.staticReference("System.DBNull", "Value", thread: thread) }
                defaultValue = dbNull!
            }
            r.nativeRoots.append(defaultValue)
            if let row, let module = m.module, module.index.marshals[MetadataToken(.param, row)] != nil {
                throw RuntimeError(.notImplemented, "MarshalAs information of parameter \(name) of \(m)")
            }
            let typeObject = try r.typeObject(try reflectable(r, p, of: m), thread: thread)
            let nameObject = try r.guestString(name)
            guard let o = try r.newObject(try r.coreType(c)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a ParameterInfo") }
            r.nativeRoots.append(o)
            try store(r, o, c, "NameImpl", nameObject)
            try store(r, o, c, "ClassImpl", typeObject)
            try store32(r, o, c, "PositionImpl", UInt32(i))
            try store32(r, o, c, "AttrsImpl", UInt32(attrs))
            try store(r, o, c, "DefaultValueImpl", defaultValue)
            try store(r, o, c, "MemberImpl", member)
            objects.append(o)
        }
        let array = try r.referenceArray(of: try r.coreType(c), objects)
        r.pinnedObjects.append(array)
        parameterArrays[key] = array
        return array
    }

    /// The Param rows of `m` by sequence number (0 is the return value), nil where absent.
    func parameterRows(_ r: Runtime, _ m: RuntimeMethod) -> [UInt32?] {
        let count = (try? r.signature(m).parameters.count) ?? 0
        var rows = [UInt32?](repeating: nil, count: count + 1)
        guard let module = m.module, m.row != 0 else { return rows }
        let def = m.genericDefinition ?? m
        for row in module.index.params(of: def.row) {
            guard let p = try? module.file.param(row), Int(p.sequence) <= count, rows[Int(p.sequence)] == nil else { continue }
            rows[Int(p.sequence)] = row
        }
        return rows
    }

    /// The default value of a parameter from its Constant row, boxed as the parameter's type
    /// (Mono's mono_get_object_from_blob); a null of a value type falls back to Missing/DBNull.
    func constantObject(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32, declared: RuntimeType, optional: Bool, thread: GuestThread,
                        dbNull: inout UInt64?, missing: inout UInt64?) throws(RuntimeError) -> UInt64 {
        let value = try module.read { () throws(MetadataError) in try module.file.constantValue(row) }
        if let o = try r.boxConstant(value, declared: declared) { return o }
        if case .nullReference = value { return 0 }
        if optional {
            if missing == nil { missing = try r.staticReference("System.Reflection.Missing", "Value", thread: thread) }
            return missing!
        }
        if dbNull == nil { dbNull = try r.staticReference("System.DBNull", "Value", thread: thread) }
        return dbNull!
    }
}

extension Runtime {
    /// A metadata constant as a guest object: strings as strings, numbers boxed as their own
    /// primitive type, or as the enum `declared` when the declared type is an enum. nil for null.
    func boxConstant(_ value: ConstantValue, declared: RuntimeType?) throws(RuntimeError) -> UInt64? {
        var bits: UInt64 = 0
        let primitiveName: String
        switch value {
        case .nullReference: return nil
        case .string(let units):
            guard let s = try newString(units) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            return s
        case .boolean(let b): bits = b ? 1 : 0; primitiveName = "System.Boolean"
        case .char(let v): bits = UInt64(v); primitiveName = "System.Char"
        case .int8(let v): bits = UInt64(UInt8(bitPattern: v)); primitiveName = "System.SByte"
        case .uint8(let v): bits = UInt64(v); primitiveName = "System.Byte"
        case .int16(let v): bits = UInt64(UInt16(bitPattern: v)); primitiveName = "System.Int16"
        case .uint16(let v): bits = UInt64(v); primitiveName = "System.UInt16"
        case .int32(let v): bits = UInt64(UInt32(bitPattern: v)); primitiveName = "System.Int32"
        case .uint32(let v): bits = UInt64(v); primitiveName = "System.UInt32"
        case .int64(let v): bits = UInt64(bitPattern: v); primitiveName = "System.Int64"
        case .uint64(let v): bits = v; primitiveName = "System.UInt64"
        case .float32(let b): bits = UInt64(b); primitiveName = "System.Single"
        case .float64(let b): bits = b; primitiveName = "System.Double"
        }
        var target = try coreType(primitiveName)
        if let declared {
            try ensureLayout(declared)
            if declared.isEnum { target = declared }
        }
        try ensureLayout(target)
        guard let o = try box(target, from: &bits) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        return o
    }
}

// MARK: generic parameters of methods

extension ReflectionState {
    /// Types standing for the generic parameters of generic method definition `m` (Mono gives
    /// each parameter its own Type, named as in metadata); made once per parameter.
    func genericParameters(_ r: Runtime, of m: RuntimeMethod) throws(RuntimeError) -> [RuntimeType] {
        let definition = m.genericDefinition ?? m
        guard definition.genericParameterCount > 0, let module = definition.module else { return [] }
        let rows = module.index.genericParameters(of: MetadataToken(.methodDef, definition.row))
        let handle = r.handle(of: definition)
        var result: [RuntimeType] = []
        for (i, row) in rows.enumerated() {
            let key = MemberKey(handle: handle, reflected: UInt32(i))
            if let t = methodGenericParameters[key] { result.append(t); continue }
            let gp = try module.read { () throws(MetadataError) in try module.file.genericParam(row) }
            let t = RuntimeType(kind: .genericParameter(isMethod: true, index: Int(gp.number)), module: nil, typeDefRow: 0,
                                name: try module.string(gp.name), namespace: "", flags: 0)
            t.declaringType = definition.owner
            r.register(t)
            methodGenericParameters[key] = t
            genericParameterOwners[t.id] = (definition, row)
            result.append(t)
        }
        return result
    }
}
