import CILMetadata

/// Reflection over members (methods, constructors, fields, properties, events, parameters):
/// Mono's icalls as its mscorlib calls them. Everything not modelled stops the run
/// (`notImplemented`) rather than guessing.
extension NativeRegistry {
    /// Registers every member-reflection native; the state is shared by their closures.
    func registerMemberReflectionNatives() {
        let state = ReflectionState()
        registerMemberListNatives(state)
        registerMethodInfoNatives(state)
        registerFieldInfoNatives(state)
        registerPropertyEventNatives(state)
        registerInvocationNatives(state)
        registerAssemblyNatives(state)
        registerCustomAttributeNatives(state)
        registerGenericParameterTypeNatives(state)
        registerTypeReflectionNatives(state)
        registerUnmanagedCopyNatives()
        registerModuleTokenNatives(state)
        registerMethodBodyNatives(state)
        registerStackTraceNatives(state)
    }

    // MARK: member lists

    private func registerMemberListNatives(_ state: ReflectionState) {
        func thisType(_ c: inout NativeContext) throws(RuntimeError) -> RuntimeType? {
            guard let t = try c.runtime.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.nullReference); return nil }
            return t
        }
        register("System.RuntimeType::GetMethodsByName_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let name = try r.utf8String(at: c.uint64(1))
            let methods = try state.methodsByName(r, t, name: name, bflags: UInt32(bitPattern: c.int32(2)), listType: UInt32(bitPattern: c.int32(3)), allowConstructors: false)
            c.returnUInt64(try state.pointerArray(r, methods.map { UInt64(bitPattern: r.handle(of: $0)) }))
        }
        register("System.RuntimeType::GetConstructors_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let ctors = try state.constructors(r, t, bflags: UInt32(bitPattern: c.int32(1)))
            c.returnUInt64(try state.pointerArray(r, ctors.map { UInt64(bitPattern: r.handle(of: $0)) }))
        }
        register("System.RuntimeType::GetFields_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let fields = try state.fields(r, t, name: try r.utf8String(at: c.uint64(1)), bflags: UInt32(bitPattern: c.int32(2)), listType: UInt32(bitPattern: c.int32(3)))
            c.returnUInt64(try state.pointerArray(r, fields.map { UInt64(bitPattern: r.handle(of: $0)) }))
        }
        register("System.RuntimeType::GetPropertiesByName_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let handles = try state.properties(r, t, name: try r.utf8String(at: c.uint64(1)), bflags: UInt32(bitPattern: c.int32(2)), listType: UInt32(bitPattern: c.int32(3)))
            c.returnUInt64(try state.pointerArray(r, handles.map { UInt64(bitPattern: $0) }))
        }
        register("System.RuntimeType::GetEvents_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let handles = try state.events(r, t, name: try r.utf8String(at: c.uint64(1)), listType: UInt32(bitPattern: c.int32(2)))
            c.returnUInt64(try state.pointerArray(r, handles.map { UInt64(bitPattern: $0) }))
        }
        register("System.RuntimeType::GetNestedTypes_native") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            let types = try state.nestedTypes(r, t, name: try r.utf8String(at: c.uint64(1)), bflags: UInt32(bitPattern: c.int32(2)), listType: UInt32(bitPattern: c.int32(3)))
            var handles: [UInt64] = []
            for n in types { handles.append(try r.typeHandleValue(n)) }
            c.returnUInt64(try state.pointerArray(r, handles))
        }
        register("Mono.RuntimeGPtrArrayHandle::GPtrArrayFree") { (c: inout NativeContext) throws(RuntimeError) in
            state.freePointerArray(c.runtime, c.uint64(0))
        }
        // Mono's GetInterfaceMapData: the interface's methods and, slot by slot, the class's implementations.
        register("System.RuntimeType::GetInterfaceMapData") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)), let iface = try r.runtimeType(ofTypeObject: c.uint64(1)) else {
                try c.raise(.argumentNull); return
            }
            guard let targetsOut = r.space.pointer(c.uint64(2), 8), let methodsOut = r.space.pointer(c.uint64(3), 8) else {
                throw RuntimeError(.invalidProgram, "GetInterfaceMapData without out slots")
            }
            try r.ensureVTable(t)
            try r.ensureMethods(iface)
            guard let entry = t.interfaceMap.first(where: { $0.interface === iface }) else { return }
            let mark = r.nativeRoots.count
            defer { r.nativeRoots.removeSubrange(mark...) }
            var methods: [UInt64] = [], targets: [UInt64] = []
            for m in iface.methods {
                let mo = try state.methodObject(r, m, reflected: iface, thread: c.thread)
                methods.append(mo)
                var to: UInt64 = 0
                let slot = m.vtableSlot
                if m.isVirtual, slot >= 0, slot < entry.implementations.count, let impl = entry.implementations[slot] {
                    to = try state.methodObject(r, impl, reflected: t, thread: c.thread)
                }
                targets.append(to)
            }
            let methodInfo = try r.coreType("System.Reflection.MethodInfo")
            let targetArray = try r.referenceArray(of: methodInfo, targets)
            r.nativeRoots.append(targetArray)
            let methodArray = try r.referenceArray(of: methodInfo, methods)
            targetsOut.storeBytes(of: targetArray, as: UInt64.self)
            methodsOut.storeBytes(of: methodArray, as: UInt64.self)
        }
        // The method of a generic type definition that corresponds to one of an instantiation.
        register("System.RuntimeType::GetCorrespondingInflatedMethod") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            guard let generic = try state.method(r, ofObject: c.uint64(1)) else { try c.raise(.argumentNull); return }
            try r.ensureMethods(t)
            let base = generic.genericDefinition ?? generic
            guard let m = t.methods.first(where: { $0.row == base.row && $0.module === base.module }) else { c.returnUInt64(0); return }
            c.returnUInt64(try state.methodObject(r, m, reflected: t, thread: c.thread))
        }
        register("System.RuntimeType::GetCorrespondingInflatedConstructor") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try thisType(&c) else { return }
            let r = c.runtime
            guard let generic = try state.method(r, ofObject: c.uint64(1)) else { try c.raise(.argumentNull); return }
            try r.ensureMethods(t)
            guard let m = t.methods.first(where: { $0.row == generic.row && $0.module === generic.module }) else { c.returnUInt64(0); return }
            c.returnUInt64(try state.methodObject(r, m, reflected: t, thread: c.thread))
        }
    }

    // MARK: methods and constructors

    private func registerMethodInfoNatives(_ state: ReflectionState) {
        func methodArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> RuntimeMethod? {
            guard let m = try state.method(c.runtime, ofObject: c.uint64(i)) else { try c.raise(.nullReference); return nil }
            return m
        }
        func handleArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> RuntimeMethod? {
            guard let m = c.runtime.methodHandles.item(c.int64(i)) else { try c.raise(.argument); return nil }
            return m
        }
        register("System.Reflection.RuntimeMethodInfo::GetMethodFromHandleInternalType_native") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard var m = try handleArg(&c, 0) else { return }
            let typeHandle = c.uint64(1)
            let genericCheck = c.int32(2) & 0xFF != 0
            var klass = m.owner
            if typeHandle != 0 {
                guard let t = r.type(id: UInt32(truncatingIfNeeded: typeHandle)) else { try c.raise(.argument); return }
                if genericCheck {
                    if m.owner.typeDefinition !== t.typeDefinition { c.returnUInt64(0); return }
                    if m.owner !== t { m = try r.method(m, on: t) }
                }
                klass = t
            }
            c.returnUInt64(try state.methodObject(r, m, reflected: klass, thread: c.thread))
        }
        register("System.Reflection.RuntimeMethodInfo::get_name") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let o = c.uint64(0)
            guard let m = try methodArg(&c, 0), let t = r.objectType(o) else { return }
            let name = try r.guestString(m.name)
            try state.store(r, o, t.fullName, "name", name)
            c.returnUInt64(name)
        }
        register("System.Reflection.RuntimeMethodInfo::get_base_method") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try methodArg(&c, 0) else { return }
            let base = try r.baseMethod(m, definition: c.int32(1) & 0xFF != 0)
            if base === m, try state.reflectedType(r, ofMethodObject: c.uint64(0)) === base.owner {
                c.returnUInt64(c.uint64(0))
                return
            }
            c.returnUInt64(try state.methodObject(r, base, reflected: nil, thread: c.thread))
        }
        for cls in ["System.Reflection.RuntimeMethodInfo", "System.Reflection.RuntimeConstructorInfo"] {
            register(cls + "::get_metadata_token") { (c: inout NativeContext) throws(RuntimeError) in
                guard let m = try methodArg(&c, 0) else { return }
                c.returnInt32(Int32(bitPattern: 0x0600_0000 | (m.genericDefinition ?? m).row))
            }
            register(cls + "::get_core_clr_security_level") { (c: inout NativeContext) throws(RuntimeError) in
                c.returnInt32(1)
            }
        }
        register("System.Reflection.MonoMethodInfo::get_method_info") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try handleArg(&c, 0) else { return }
            let info = c.uint64(1)
            let s = "System.Reflection.MonoMethodInfo"
            let sig = try r.signature(m)
            let parent = try r.typeObject(m.owner, thread: c.thread)
            let void = try r.coreType("System.Void")
            let ret = try r.typeObject(try state.reflectable(r, sig.returnType ?? void, of: m), thread: c.thread)
            try state.storeInStruct(r, info, s, "parent", parent)
            try state.storeInStruct(r, info, s, "ret", ret)
            try state.storeInStruct(r, info, s, "attrs", UInt64(m.flags), size: 4)
            try state.storeInStruct(r, info, s, "iattrs", UInt64(m.implFlags), size: 4)
            // II.23.2.1 calling convention as CallingConventions: Standard (1) or VarArgs (2), HasThis, ExplicitThis.
            var callconv: UInt64 = sig.isVarArg ? 2 : 1
            if sig.hasThis { callconv |= 0x20 }
            if sig.explicitThis { callconv |= 0x40 }
            try state.storeInStruct(r, info, s, "callconv", callconv, size: 4)
        }
        register("System.Reflection.MonoMethodInfo::get_method_attributes") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try handleArg(&c, 0) else { return }
            c.returnInt32(Int32(m.flags))
        }
        register("System.Reflection.MonoMethodInfo::get_parameter_info") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try handleArg(&c, 0) else { return }
            var reflected: RuntimeType?
            if let t = r.objectType(c.uint64(1)), t.fullName == ReflectionState.methodInfoClass || t.fullName == ReflectionState.constructorInfoClass {
                reflected = try state.reflectedType(r, ofMethodObject: c.uint64(1))
            }
            c.returnUInt64(try state.parameterObjects(r, m, reflected: reflected, thread: c.thread))
        }
        register("System.Reflection.MonoMethodInfo::get_retval_marshal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try handleArg(&c, 0) else { return }
            if let row = state.parameterRows(r, m).first ?? nil, let module = m.module, module.index.marshals[MetadataToken(.param, row)] != nil {
                throw RuntimeError(.notImplemented, "MarshalAs information of the return value of \(m)")
            }
            c.returnUInt64(0)
        }
        register("System.Reflection.RuntimeParameterInfo::GetMetadataToken") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let p = c.uint64(0)
            let member = try state.load(r, p, ReflectionState.parameterInfoClass, "MemberImpl")
            let position = Int32(bitPattern: try state.load32(r, p, ReflectionState.parameterInfoClass, "PositionImpl"))
            guard let m = try state.method(r, ofObject: member) else { c.returnInt32(0x0800_0000); return }
            let rows = state.parameterRows(r, m)
            let index = Int(position) + 1
            let row = index >= 0 && index < rows.count ? rows[index] : nil
            c.returnInt32(Int32(bitPattern: 0x0800_0000 | (row ?? 0)))
        }
        for name in ["System.Reflection.RuntimeParameterInfo::GetTypeModifiers", "System.Reflection.RuntimeFieldInfo::GetTypeModifiers",
                     "System.Reflection.RuntimePropertyInfo::GetTypeModifiers"] {
            // Custom modifiers are dropped when signatures are resolved: report none.
            register(name) { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(0) }
        }
        register("System.Reflection.RuntimeMethodInfo::GetGenericArguments") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try methodArg(&c, 0) else { return }
            let arguments = m.genericArguments.isEmpty ? try state.genericParameters(r, of: m) : m.genericArguments
            c.returnUInt64(try r.typeArray(arguments, thread: c.thread))
        }
        register("System.Reflection.RuntimeMethodInfo::get_IsGenericMethod") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try methodArg(&c, 0) else { return }
            c.returnBool(m.genericParameterCount > 0)
        }
        register("System.Reflection.RuntimeMethodInfo::get_IsGenericMethodDefinition") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try methodArg(&c, 0) else { return }
            c.returnBool(m.genericParameterCount > 0 && m.genericArguments.isEmpty)
        }
        register("System.Reflection.RuntimeMethodInfo::GetGenericMethodDefinition_impl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try methodArg(&c, 0) else { return }
            guard m.genericParameterCount > 0 else { c.returnUInt64(0); return }
            if m.genericArguments.isEmpty { c.returnUInt64(c.uint64(0)); return }
            guard let definition = m.genericDefinition else { c.returnUInt64(0); return }
            c.returnUInt64(try state.methodObject(r, try r.method(definition, on: m.owner), reflected: nil, thread: c.thread))
        }
        register("System.Reflection.RuntimeMethodInfo::MakeGenericMethod_impl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try methodArg(&c, 0) else { return }
            var arguments: [RuntimeType] = []
            for o in r.references(in: c.uint64(1)) {
                guard let t = try r.runtimeType(ofTypeObject: o) else { try c.raise(.argumentNull); return }
                arguments.append(t)
            }
            guard m.genericParameterCount > 0, m.genericArguments.isEmpty, arguments.count == m.genericParameterCount else {
                c.raised = try r.guestException("System.ArgumentException", message: "Incorrect length", thread: c.thread)
                return
            }
            c.returnUInt64(try state.methodObject(r, try r.instantiate(m, arguments), reflected: nil, thread: c.thread))
        }
        // The ImplMap row of a P/Invoke method (read only: nothing is bound or called).
        register("System.Reflection.RuntimeMethodInfo::GetPInvoke") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try methodArg(&c, 0) else { return }
            guard let flagsOut = r.space.pointer(c.uint64(1), 4), let entryOut = r.space.pointer(c.uint64(2), 8),
                  let dllOut = r.space.pointer(c.uint64(3), 8) else { throw RuntimeError(.invalidProgram, "GetPInvoke without out slots") }
            var flags: UInt32 = 0
            var entry: UInt64 = 0, dll: UInt64 = 0
            if let module = m.module, let row = module.index.implMaps[MetadataToken(.methodDef, (m.genericDefinition ?? m).row)] {
                let im = try module.read { () throws(MetadataError) in try module.file.implMap(row) }
                flags = UInt32(im.flags)
                entry = try r.guestString(try module.string(im.importName))
                r.nativeRoots.append(entry)
                defer { r.nativeRoots.removeLast() }
                if im.importScope >= 1 && im.importScope <= module.file.rowCount(.moduleRef) {
                    let mr = try module.read { () throws(MetadataError) in try module.file.moduleRef(im.importScope) }
                    dll = try r.guestString(try module.string(mr.name))
                }
            }
            flagsOut.storeBytes(of: flags, as: UInt32.self)
            entryOut.storeBytes(of: entry, as: UInt64.self)
            dllOut.storeBytes(of: dll, as: UInt64.self)
        }
        register("System.Reflection.MethodBase::GetCurrentMethod") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let caller = c.thread.records.last?.method.method else { c.returnUInt64(0); return }
            var m = caller.genericDefinition ?? caller
            if m.owner.isGenericInstance { m = try r.method(m, on: m.owner.typeDefinition) }
            c.returnUInt64(try state.methodObject(r, m, reflected: nil, thread: c.thread))
        }
        register("System.RuntimeType::get_DeclaringMethod") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            guard t.isGenericParameter else {
                c.raised = try r.guestException("System.InvalidOperationException", message: "DeclaringMethod can only be used on generic arguments", thread: c.thread)
                return
            }
            guard let owner = state.genericParameterOwners[t.id] else { c.returnUInt64(0); return }
            c.returnUInt64(try state.methodObject(r, owner.method, reflected: nil, thread: c.thread))
        }
    }

    // MARK: fields

    private func registerFieldInfoNatives(_ state: ReflectionState) {
        func fieldArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> (field: RuntimeField, reflected: RuntimeType)? {
            guard let f = try state.field(c.runtime, ofObject: c.uint64(i)) else { try c.raise(.nullReference); return nil }
            return f
        }
        register("System.Reflection.FieldInfo::internal_from_handle_type") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let f = r.fieldHandles.item(c.int64(0)) else { try c.raise(.argument); return }
            var klass = f.owner
            if c.uint64(1) != 0 {
                guard let t = r.type(id: UInt32(truncatingIfNeeded: c.uint64(1))) else { try c.raise(.argument); return }
                guard try r.isSubclassOrSame(t, f.owner) else { c.returnUInt64(0); return }
                klass = t
            }
            c.returnUInt64(try state.fieldObject(r, f, reflected: klass, thread: c.thread))
        }
        register("System.Reflection.RuntimeFieldInfo::ResolveType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            let t = try state.reflectable(c.runtime, f.type, method: nil, owner: f.owner)
            c.returnUInt64(try c.runtime.typeObject(t, thread: c.thread))
        }
        register("System.Reflection.RuntimeFieldInfo::GetParentType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, klass) = try fieldArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.typeObject(c.int32(1) & 0xFF != 0 ? f.owner : klass, thread: c.thread))
        }
        register("System.Reflection.RuntimeFieldInfo::GetFieldOffset") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            try c.runtime.ensureLayout(f.owner)
            c.returnInt32(Int32(f.isStatic ? f.offset : (f.owner.isValueType ? f.offset : f.offset - ObjectLayout.headerSize)))
        }
        register("System.Reflection.RuntimeFieldInfo::get_metadata_token") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            c.returnInt32(Int32(bitPattern: 0x0400_0000 | f.row))
        }
        register("System.Reflection.RuntimeFieldInfo::get_core_clr_security_level") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt32(1)
        }
        register("System.Reflection.FieldInfo::get_marshal_info") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            if let module = f.owner.module, module.index.marshals[MetadataToken(.field, f.row)] != nil {
                throw RuntimeError(.notImplemented, "MarshalAs information of field \(f)")
            }
            c.returnUInt64(0)
        }
        register("System.Reflection.RuntimeFieldInfo::GetRawConstantValue") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            guard f.flags & 0x8000 != 0, let module = f.owner.module, let row = module.index.constants[MetadataToken(.field, f.row)] else {
                c.raised = try r.guestException("System.InvalidOperationException", message: nil, thread: c.thread)
                return
            }
            let value = try module.read { () throws(MetadataError) in try module.file.constantValue(row) }
            // Mono boxes the constant as its own primitive type (enums give their underlying value).
            c.returnUInt64(try r.boxConstant(value, declared: nil) ?? 0)
        }
        register("System.Reflection.RuntimeFieldInfo::GetValueInternal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            try c.runtime.fieldValue(f, object: c.uint64(1), context: &c)
        }
        register("System.Reflection.RuntimeFieldInfo::UnsafeGetValue") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (f, _) = try fieldArg(&c, 0) else { return }
            try c.runtime.fieldValue(f, object: c.uint64(1), context: &c)
        }
        for name in ["System.Reflection.RuntimeFieldInfo::SetValueInternal", "System.RuntimeFieldHandle::SetValueInternal"] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let (f, _) = try fieldArg(&c, 0) else { return }
                try c.runtime.setFieldValue(f, object: c.uint64(1), value: c.uint64(2), context: &c)
            }
        }
    }

    // MARK: properties and events

    private func registerPropertyEventNatives(_ state: ReflectionState) {
        register("System.Reflection.RuntimePropertyInfo::internal_from_handle_type") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let p = state.property(c.int64(0)) else { try c.raise(.argument); return }
            var klass = p.owner
            if c.uint64(1) != 0 {
                guard let t = r.type(id: UInt32(truncatingIfNeeded: c.uint64(1))) else { try c.raise(.argument); return }
                guard try r.isSubclassOrSame(t, p.owner) else { c.returnUInt64(0); return }
                klass = t
            }
            c.returnUInt64(try state.propertyObject(r, c.int64(0), reflected: klass))
        }
        register("System.Reflection.EventInfo::internal_from_handle_type") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let e = state.event(c.int64(0)) else { try c.raise(.argument); return }
            var klass = e.owner
            if c.uint64(1) != 0 {
                guard let t = r.type(id: UInt32(truncatingIfNeeded: c.uint64(1))) else { try c.raise(.argument); return }
                guard try r.isSubclassOrSame(t, e.owner) else { c.returnUInt64(0); return }
                klass = t
            }
            c.returnUInt64(try state.eventObject(r, c.int64(0), reflected: klass))
        }
        register("System.Reflection.RuntimePropertyInfo::get_property_info") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (p, _, klass) = try state.property(r, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            let info = c.uint64(1)
            let request = UInt32(bitPattern: c.int32(2))
            let s = "System.Reflection.MonoPropertyInfo"
            if request & 0x8 != 0 { try state.storeInStruct(r, info, s, "parent", try r.typeObject(klass, thread: c.thread)) }
            if request & 0x10 != 0 { try state.storeInStruct(r, info, s, "declaring_type", try r.typeObject(p.owner, thread: c.thread)) }
            if request & 0x20 != 0 { try state.storeInStruct(r, info, s, "name", try r.guestString(p.name)) }
            if request & 0x1 != 0 { try state.storeInStruct(r, info, s, "attrs", UInt64(p.flags), size: 4) }
            // A private accessor of a base class is not seen through a derived reflected type.
            func accessor(_ m: RuntimeMethod?) throws(RuntimeError) -> UInt64 {
                guard let m, m.accessibility != 1 || m.owner === klass else { return 0 }
                return try state.methodObject(r, m, reflected: klass, thread: c.thread)
            }
            if request & 0x2 != 0 { try state.storeInStruct(r, info, s, "get_method", try accessor(p.getter)) }
            if request & 0x4 != 0 { try state.storeInStruct(r, info, s, "set_method", try accessor(p.setter)) }
        }
        register("System.Reflection.RuntimePropertyInfo::get_metadata_token") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (p, _, _) = try state.property(c.runtime, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            c.returnInt32(Int32(bitPattern: 0x1700_0000 | p.row))
        }
        register("System.Reflection.RuntimePropertyInfo::get_default_value") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (p, _, _) = try state.property(r, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            guard p.flags & 0x1000 != 0, let row = p.module.index.constants[MetadataToken(.property, p.row)] else {
                c.raised = try r.guestException("System.InvalidOperationException", message: nil, thread: c.thread)
                return
            }
            let value = try p.module.read { () throws(MetadataError) in try p.module.file.constantValue(row) }
            let declared = try p.getter.flatMap { (m: RuntimeMethod) throws(RuntimeError) -> RuntimeType? in try r.signature(m).returnType }
            c.returnUInt64(try r.boxConstant(value, declared: declared) ?? 0)
        }
        register("System.Reflection.RuntimeEventInfo::get_event_info") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (e, _, klass) = try state.event(r, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            let info = c.uint64(1)
            let s = "System.Reflection.MonoEventInfo"
            try state.storeInStruct(r, info, s, "reflected_type", try r.typeObject(klass, thread: c.thread))
            try state.storeInStruct(r, info, s, "declaring_type", try r.typeObject(e.owner, thread: c.thread))
            try state.storeInStruct(r, info, s, "name", try r.guestString(e.name))
            try state.storeInStruct(r, info, s, "attrs", UInt64(e.flags), size: 4)
            func accessor(_ m: RuntimeMethod?) throws(RuntimeError) -> UInt64 {
                guard let m else { return 0 }
                return try state.methodObject(r, m, reflected: nil, thread: c.thread)
            }
            try state.storeInStruct(r, info, s, "add_method", try accessor(e.add))
            try state.storeInStruct(r, info, s, "remove_method", try accessor(e.remove))
            try state.storeInStruct(r, info, s, "raise_method", try accessor(e.raise))
            if !e.others.isEmpty {
                var objects: [UInt64] = []
                for m in e.others { objects.append(try accessor(m)) }
                let array = try r.referenceArray(of: try r.coreType("System.Reflection.MethodInfo"), objects)
                try state.storeInStruct(r, info, s, "other_methods", array)
            }
        }
        register("System.Reflection.RuntimeEventInfo::get_metadata_token") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (e, _, _) = try state.event(c.runtime, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            c.returnInt32(Int32(bitPattern: 0x1400_0000 | e.row))
        }
    }
}

extension Runtime {
    /// `t` is `base` or derives from it (Mono's `klass == parent || mono_class_has_parent`).
    func isSubclassOrSame(_ t: RuntimeType, _ base: RuntimeType) throws(RuntimeError) -> Bool {
        var current: RuntimeType? = t
        var steps = 0
        while let x = current, steps < 512 {
            if x === base { return true }
            try ensureHierarchy(x)
            current = x.baseType
            steps += 1
        }
        return false
    }

    /// Mono's mono_method_get_base_method: the method a virtual override overrides (the next
    /// base class's implementation of its slot), or the first declaration of the slot when
    /// `definition` is set. Non-virtual, new-slot and interface methods are their own base.
    func baseMethod(_ m: RuntimeMethod, definition: Bool) throws(RuntimeError) -> RuntimeMethod {
        guard m.isVirtual, !m.owner.isInterface, !m.isNewSlot else { return m }
        try ensureVTable(m.owner)
        let slot = (m.genericDefinition ?? m).vtableSlot
        guard slot >= 0 else { return m }
        var klass = m.owner
        try ensureHierarchy(klass)
        if definition {
            var steps = 0
            while let parent = klass.baseType, steps < 512 {
                try ensureVTable(parent)
                if slot >= parent.vtable.count { break }
                klass = parent
                steps += 1
            }
        } else {
            guard let parent = klass.baseType else { return m }
            try ensureVTable(parent)
            if slot >= parent.vtable.count { return m }
            klass = parent
        }
        try ensureVTable(klass)
        guard slot < klass.vtable.count else { return m }
        var result = klass.vtable[slot]
        if !m.genericArguments.isEmpty { result = try instantiate(result, m.genericArguments) }
        return result
    }
}
