import CILMetadata

/// Custom attributes of every provider (System.MonoCustomAttrs icalls, Mono's custom-attrs.c):
/// rows found through the metadata index, blobs decoded with CILMetadata's decoder, attribute
/// objects built by running their constructors and then setting named fields and properties,
/// CustomAttributeData built lazily from an unmanaged copy of the blob.
extension NativeRegistry {
    func registerCustomAttributeNatives(_ state: ReflectionState) {
        register("System.MonoCustomAttrs::GetCustomAttributesInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            var filter: RuntimeType?
            if c.uint64(1) != 0 {
                guard let t = try r.runtimeType(ofTypeObject: c.uint64(1)) else { try c.raise(.argument); return }
                filter = t
            }
            var builder = AttributeBuilder(state: state)
            let provider = c.uint64(0), thread = c.thread
            let result = try state.nested { () throws(RuntimeError) -> UInt64 in try builder.attributes(r, provider: provider, filter: filter, thread: thread) }
            if builder.raised != 0 { c.raised = builder.raised; return }
            c.returnUInt64(result)
        }
        register("System.MonoCustomAttrs::IsDefinedInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let filter = try r.runtimeType(ofTypeObject: c.uint64(1)) else { try c.raise(.argumentNull); return }
            guard let owner = try state.attributeOwner(r, c.uint64(0)) else { c.returnBool(false); return }
            for row in owner.module.index.attributes(of: owner.token) {
                let ctor = try state.attributeConstructor(r, owner.module, row)
                if try r.isAssignable(ctor.owner, to: filter) { c.returnBool(true); return }
            }
            c.returnBool(false)
        }
        register("System.MonoCustomAttrs::GetCustomAttributesDataInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let dataType = try r.coreType("System.Reflection.CustomAttributeData")
            guard let owner = try state.attributeOwner(r, c.uint64(0)) else {
                c.returnUInt64(try r.referenceArray(of: dataType, []))
                return
            }
            let mark = r.nativeRoots.count
            defer { r.nativeRoots.removeSubrange(mark...) }
            let module = owner.module
            let assembly = try state.assemblyObject(r, module)
            let dataCtor = try r.constructor(of: dataType, parameters: ["System.Reflection.ConstructorInfo", "System.Reflection.Assembly", "System.IntPtr", "System.UInt32"])
            var items: [UInt64] = []
            for row in module.index.attributes(of: owner.token) {
                let ctor = try state.attributeConstructor(r, module, row)
                let ctorObject = try state.methodObject(r, ctor, reflected: nil, thread: c.thread)
                let blob = try state.attributeBlob(r, module, row)
                let thread = c.thread
                let o = try state.nested { () throws(RuntimeError) -> UInt64 in
                    try r.runConstructor(dataCtor, arguments: [ctorObject, assembly, blob.address, UInt64(blob.length)], thread: thread)
                }
                if try r.isException(o) { c.raised = o; return }
                r.nativeRoots.append(o)
                items.append(o)
            }
            c.returnUInt64(try r.referenceArray(of: dataType, items))
        }
        register("System.Reflection.CustomAttributeData::ResolveArgumentsInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let ctor = try state.method(r, ofObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            guard let key = state.blobOwners[c.uint64(2)], let module = state.assemblies.first(where: { ObjectIdentifier($0) == key.module }) else {
                throw RuntimeError(.notImplemented, "CustomAttributeData over a blob the runtime did not hand out")
            }
            guard let ctorArgsOut = r.space.pointer(c.uint64(4), 8), let namedArgsOut = r.space.pointer(c.uint64(5), 8) else {
                throw RuntimeError(.invalidProgram, "ResolveArgumentsInternal without out slots")
            }
            var builder = AttributeBuilder(state: state)
            let thread = c.thread
            let (ctorArgs, namedArgs) = try state.nested { () throws(RuntimeError) -> (UInt64, UInt64) in try builder.argumentData(r, module, key.row, ctor: ctor, thread: thread) }
            if builder.raised != 0 { c.raised = builder.raised; return }
            ctorArgsOut.storeBytes(of: ctorArgs, as: UInt64.self)
            namedArgsOut.storeBytes(of: namedArgs, as: UInt64.self)
        }
    }
}

extension ReflectionState {
    /// The metadata owner of a provider's attributes, or nil when it has none (constructed types,
    /// runtime-made methods).
    func attributeOwner(_ r: Runtime, _ provider: UInt64) throws(RuntimeError) -> (module: RuntimeModule, token: MetadataToken)? {
        guard let t = r.objectType(provider) else { throw RuntimeError(.invalidProgram, "custom attributes of null") }
        switch t.fullName {
        case "System.RuntimeType":
            guard let type = try r.runtimeType(ofTypeObject: provider) else { return nil }
            if let owner = genericParameterRow(type) { return (owner.module, MetadataToken(.genericParam, owner.row)) }
            let d = type.typeDefinition
            guard let m = d.module, d.typeDefRow != 0 else { return nil }
            return (m, MetadataToken(.typeDef, d.typeDefRow))
        case Self.methodInfoClass, Self.constructorInfoClass:
            guard let m = try method(r, ofObject: provider) else { return nil }
            let d = m.genericDefinition ?? m
            guard let module = d.module, d.row != 0 else { return nil }
            return (module, MetadataToken(.methodDef, d.row))
        case Self.fieldInfoClass:
            guard let (f, _) = try field(r, ofObject: provider), let module = f.owner.module else { return nil }
            return (module, MetadataToken(.field, f.row))
        case Self.propertyInfoClass:
            guard let (p, _, _) = try property(r, ofObject: provider) else { return nil }
            return (p.module, MetadataToken(.property, p.row))
        case Self.eventInfoClass:
            guard let (e, _, _) = try event(r, ofObject: provider) else { return nil }
            return (e.module, MetadataToken(.event, e.row))
        case Self.parameterInfoClass:
            let member = try load(r, provider, Self.parameterInfoClass, "MemberImpl")
            let position = Int(Int32(bitPattern: try load32(r, provider, Self.parameterInfoClass, "PositionImpl")))
            var m: RuntimeMethod?
            if let mt = r.objectType(member), mt.fullName == Self.propertyInfoClass {
                if let (p, _, _) = try property(r, ofObject: member) { m = p.getter ?? p.setter }
            } else {
                m = try method(r, ofObject: member)
            }
            guard let method = m, let module = method.module else { return nil }
            let rows = parameterRows(r, method)
            guard position + 1 >= 0, position + 1 < rows.count, let row = rows[position + 1] else { return nil }
            return (module, MetadataToken(.param, row))
        case Self.assemblyClass:
            guard let m = try module(r, ofAssemblyObject: provider) else { return nil }
            return (m, MetadataToken(.assembly, 1))
        case Self.moduleClass:
            guard let m = try module(r, ofModuleObject: provider) else { return nil }
            return (m, MetadataToken(.module, 1))
        default:
            throw RuntimeError(.notImplemented, "custom attributes of a \(t.fullName)")
        }
    }

    /// The constructor a CustomAttribute row names.
    func attributeConstructor(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> RuntimeMethod {
        let ca = try module.read { () throws(MetadataError) in try module.file.customAttribute(row) }
        let ctor = try r.method(module, ca.constructor, GenericContext(type: nil))
        guard ctor.name == ".ctor", !ctor.isStatic else { throw RuntimeError(.badImage, "\(module.assemblyName): custom attribute \(row) names \(ctor), not a constructor") }
        return ctor
    }

    /// An unmanaged copy of a CustomAttribute row's blob (CustomAttributeData reads it lazily).
    func attributeBlob(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> (address: UInt64, length: Int) {
        let key = BlobKey(module: ObjectIdentifier(module), row: row)
        if let known = attributeBlobs[key] { return known }
        let ca = try module.read { () throws(MetadataError) in try module.file.customAttribute(row) }
        let bytes = try module.read { () throws(MetadataError) in try module.file.blobs.bytes(ca.value) }
        guard let a = r.unmanaged.allocate(max(bytes.count, 1)) else { throw RuntimeError(.budgetExhausted, "unmanaged heap exhausted") }
        bytes.withUnsafeBytes { if $0.count > 0 { r.space.unchecked(a).copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        attributeBlobs[key] = (a, bytes.count)
        blobOwners[a] = key
        _ = assemblyHandle(module)
        return (a, bytes.count)
    }
}

/// Builds attribute objects and argument data for one native call. A guest exception (a failed
/// type load, a throwing constructor) is left in `raised` and building stops.
struct AttributeBuilder {
    let state: ReflectionState
    var raised: UInt64 = 0

    init(state: ReflectionState) { self.state = state }

    /// GetCustomAttributesInternal: the attributes of `provider` assignable to `filter`, as an Attribute[].
    mutating func attributes(_ r: Runtime, provider: UInt64, filter: RuntimeType?, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let attributeType = try r.coreType("System.Attribute")
        guard let owner = try state.attributeOwner(r, provider) else { return try r.referenceArray(of: attributeType, []) }
        let module = owner.module
        let mark = r.nativeRoots.count
        defer { r.nativeRoots.removeSubrange(mark...) }
        var items: [UInt64] = []
        for row in module.index.attributes(of: owner.token) {
            let ctor = try state.attributeConstructor(r, module, row)
            if let filter, !(try r.isAssignable(ctor.owner, to: filter)) { continue }
            let o = try attributeObject(r, module, row, ctor: ctor, thread: thread)
            if raised != 0 { return 0 }
            r.nativeRoots.append(o)
            items.append(o)
        }
        return try r.referenceArray(of: attributeType, items)
    }

    private mutating func decode(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32, thread: GuestThread) throws(RuntimeError) -> CustomAttributeValue? {
        let resolver: EnumUnderlyingTypeResolver = { reference in
            let text = reference.typeName + (reference.assemblyName.map { ", " + $0 } ?? "")
            guard let t = try? r.type(named: text, home: module) else { return nil }
            guard (try? r.ensureLayout(t)) != nil, let u = t.enumUnderlyingType?.primitive else { return nil }
            return ReflectionState.elementType(of: u)
        }
        do {
            return try module.file.customAttributeValue(row, enumResolver: resolver)
        } catch {
            raised = try r.guestException("System.Reflection.CustomAttributeFormatException", message: "Binary format of the specified custom attribute was invalid.", thread: thread)
            return nil
        }
    }

    /// Mono's create_custom_attr: run the constructor on the fixed arguments, then set the named
    /// fields and properties.
    private mutating func attributeObject(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32, ctor: RuntimeMethod, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        guard let value = try decode(r, module, row, thread: thread) else { return 0 }
        let sig = try r.signature(ctor)
        guard value.fixedArguments.count == sig.parameters.count else {
            throw RuntimeError(.badImage, "\(module.assemblyName): custom attribute \(row) has \(value.fixedArguments.count) arguments for \(ctor)")
        }
        guard !ctor.owner.isAbstract else {
            raised = try r.guestException("System.MemberAccessException", message: "Cannot create an abstract class.", thread: thread)
            return 0
        }
        let mark = r.nativeRoots.count
        defer { r.nativeRoots.removeSubrange(mark...) }
        var arguments: [UInt64] = []
        for (a, p) in zip(value.fixedArguments, sig.parameters) {
            let v = try slotValue(r, a, declared: p, home: module, thread: thread)
            if raised != 0 { return 0 }
            r.nativeRoots.append(v)
            arguments.append(v)
        }
        let object = try r.runConstructor(ctor, arguments: arguments, thread: thread)
        if try r.isException(object) {
            raised = object
            return 0
        }
        r.nativeRoots.append(object)
        for named in value.namedArguments {
            if named.isField {
                let f = try r.field(named: named.name, in: ctor.owner)
                let v = try slotValue(r, named.value, declared: f.type, home: module, thread: thread)
                if raised != 0 { return 0 }
                try r.ensureLayout(f.type)
                if f.isStatic {
                    if let ex = try r.initializeType(f.owner.id, thread: thread) { raised = ex; return 0 }
                    try r.ensureStatics(f.owner)
                    storeSlot(r, v, type: f.type, at: f.owner.staticsAddress + UInt64(f.offset))
                } else {
                    storeSlot(r, v, type: f.type, at: object + UInt64(f.offset))
                }
            } else {
                guard let setter = try propertySetter(r, ctor.owner, named.name) else {
                    throw RuntimeError(.missingMember, "attribute \(ctor.owner.fullName) has no settable property \(named.name)")
                }
                let ps = try r.signature(setter)
                guard let declared = ps.parameters.last else { throw RuntimeError(.badImage, "setter \(setter) has no parameter") }
                let v = try slotValue(r, named.value, declared: declared, home: module, thread: thread)
                if raised != 0 { return 0 }
                r.nativeRoots.append(v)
                let frame = thread.stackTop
                guard frame + 16 <= thread.stackEnd else { throw RuntimeError(.budgetExhausted, "stack overflow setting an attribute property") }
                frame.storeBytes(of: setter.isStatic ? v : object, as: UInt64.self)
                if !setter.isStatic { frame.storeBytes(of: v, toByteOffset: 8, as: UInt64.self) }
                if case .threw(let ex) = try r.invoke(setter, frame: frame, thread: thread) { raised = ex; return 0 }
            }
        }
        return object
    }

    /// The setter of property `name` of `t` or one of its bases (Mono's
    /// mono_class_get_property_from_name_internal, then `prop->set`).
    private func propertySetter(_ r: Runtime, _ t: RuntimeType, _ name: String) throws(RuntimeError) -> RuntimeMethod? {
        for klass in try state.hierarchy(r, t, declaredOnly: false) {
            for h in try state.declaredProperties(r, klass) {
                guard let p = state.property(h), p.name == name else { continue }
                return p.setter
            }
        }
        return nil
    }

    /// Stores an 8-byte slot value in a field: value types by their size, references as is.
    private func storeSlot(_ r: Runtime, _ v: UInt64, type: RuntimeType, at address: UInt64) {
        let size = type.isValueType ? type.storageSize : 8
        guard let p = r.space.pointer(address, size) else { return }
        var bits = v
        withUnsafeBytes(of: &bits) { p.copyMemory(from: $0.baseAddress!, byteCount: min(size, 8)) }
    }

    // MARK: argument values

    /// The runtime type of an attribute argument type.
    private mutating func runtimeType(_ r: Runtime, _ t: AttributeArgumentType, home: RuntimeModule, thread: GuestThread) throws(RuntimeError) -> RuntimeType? {
        switch t {
        case .primitive(let e): return try r.primitiveType(e)
        case .systemType: return try r.coreType("System.Type")
        case .object: return try r.coreType("System.Object")
        case .enumeration(let e): return try enumType(r, e, home: home, thread: thread)
        case .szArray(let element):
            guard let et = try runtimeType(r, element, home: home, thread: thread) else { return nil }
            return try r.szArrayType(of: et)
        }
    }

    private mutating func enumType(_ r: Runtime, _ e: AttributeEnumType, home: RuntimeModule, thread: GuestThread) throws(RuntimeError) -> RuntimeType? {
        let text = e.name + (e.assemblyName.map { ", " + $0 } ?? "")
        guard let t = try r.type(named: text, home: home) else {
            raised = try r.guestException("System.TypeLoadException", message: "Could not load type '\(e.name)'", thread: thread)
            return nil
        }
        return t
    }

    /// The raw bits of a scalar argument (integers zero-extended from their width).
    private static func bits(_ a: AttributeArgument) -> UInt64? {
        switch a {
        case .boolean(let b): return b ? 1 : 0
        case .char(let v): return UInt64(v)
        case .int8(let v): return UInt64(UInt8(bitPattern: v))
        case .uint8(let v): return UInt64(v)
        case .int16(let v): return UInt64(UInt16(bitPattern: v))
        case .uint16(let v): return UInt64(v)
        case .int32(let v): return UInt64(UInt32(bitPattern: v))
        case .uint32(let v): return UInt64(v)
        case .int64(let v): return UInt64(bitPattern: v)
        case .uint64(let v): return v
        case .float32(let b): return UInt64(b)
        case .float64(let b): return b
        case .enumeration(_, let raw): return raw
        default: return nil
        }
    }

    /// An argument as an 8-byte slot for a parameter or field of type `declared`: value types
    /// as their bits, `object` as a boxed value, other references as objects.
    mutating func slotValue(_ r: Runtime, _ a: AttributeArgument, declared: RuntimeType, home: RuntimeModule, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        try r.ensureLayout(declared)
        if declared.isValueType {
            guard let b = Self.bits(a) else { return try formatError(r, thread) }
            return b
        }
        let o = try boxedValue(r, a, home: home, thread: thread)
        // A hostile blob may give a value of another type than the member's: refuse it, never store it.
        if o != 0, raised == 0, let ot = r.objectType(o), !(try r.isAssignable(ot, to: declared)) { return try formatError(r, thread) }
        return o
    }

    private mutating func formatError(_ r: Runtime, _ thread: GuestThread) throws(RuntimeError) -> UInt64 {
        raised = try r.guestException("System.Reflection.CustomAttributeFormatException", message: "Binary format of the specified custom attribute was invalid.", thread: thread)
        return 0
    }

    /// An argument as an object: strings, Type objects and arrays as themselves, scalars boxed
    /// as their own type (enums as the enum).
    mutating func boxedValue(_ r: Runtime, _ a: AttributeArgument, home: RuntimeModule, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        switch a {
        case .string(let s):
            guard let s else { return 0 }
            guard let o = try r.newString(s) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            return o
        case .type(let name):
            guard let name else { return 0 }
            guard let t = try r.type(named: name, home: home) else {
                raised = try r.guestException("System.TypeLoadException", message: "Could not load type '\(name)'", thread: thread)
                return 0
            }
            return try r.typeObject(t, thread: thread)
        case .array(let elementType, let elements):
            guard let elements else { return 0 }
            guard let et = try runtimeType(r, elementType, home: home, thread: thread) else { return 0 }
            try r.ensureLayout(et)
            guard let array = try r.newArray(try r.szArrayType(of: et), length: elements.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            r.nativeRoots.append(array)
            defer { r.nativeRoots.removeLast() }
            let size = et.storageSize
            for (k, e) in elements.enumerated() {
                let v = try slotValue(r, e, declared: et, home: home, thread: thread)
                if raised != 0 { return 0 }
                storeSlot(r, v, type: et, at: array + UInt64(ObjectLayout.arrayElementsOffset + k * size))
            }
            return array
        case .enumeration(let e, var raw):
            guard let t = try enumType(r, e, home: home, thread: thread) else { return 0 }
            try r.ensureLayout(t)
            guard let o = try r.box(t, from: &raw) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            return o
        default:
            guard var b = Self.bits(a), let t = try runtimeType(r, a.type, home: home, thread: thread) else {
                throw RuntimeError(.badImage, "attribute argument \(a) has no value")
            }
            guard let o = try r.box(t, from: &b) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            return o
        }
    }

    // MARK: CustomAttributeData

    /// ResolveArgumentsInternal: the boxed CustomAttributeTypedArgument[] and
    /// CustomAttributeNamedArgument[] of an attribute (Mono's mono_reflection_resolve_custom_attribute_data).
    mutating func argumentData(_ r: Runtime, _ module: RuntimeModule, _ row: UInt32, ctor: RuntimeMethod, thread: GuestThread) throws(RuntimeError) -> (UInt64, UInt64) {
        guard let value = try decode(r, module, row, thread: thread) else { return (0, 0) }
        let sig = try r.signature(ctor)
        guard value.fixedArguments.count == sig.parameters.count else {
            throw RuntimeError(.badImage, "\(module.assemblyName): custom attribute \(row) has \(value.fixedArguments.count) arguments for \(ctor)")
        }
        let mark = r.nativeRoots.count
        defer { r.nativeRoots.removeSubrange(mark...) }
        let objectType = try r.coreType("System.Object")
        var typed: [UInt64] = []
        for (a, p) in zip(value.fixedArguments, sig.parameters) {
            let v = try boxedValue(r, a, home: module, thread: thread)
            if raised != 0 { return (0, 0) }
            r.nativeRoots.append(v)
            // An `object` parameter reports the value's own type.
            let t = (p === objectType && v != 0) ? (r.objectType(v) ?? p) : p
            let arg = try typedArgument(r, t, v, thread: thread)
            if raised != 0 { return (0, 0) }
            r.nativeRoots.append(arg)
            typed.append(arg)
        }
        var named: [UInt64] = []
        let namedType = try r.coreType("System.Reflection.CustomAttributeNamedArgument")
        let namedCtor = try r.constructor(of: namedType, parameters: ["System.Reflection.MemberInfo", "System.Object"])
        for n in value.namedArguments {
            let member: UInt64
            let declared: RuntimeType
            if n.isField {
                let f = try r.field(named: n.name, in: ctor.owner)
                member = try state.fieldObject(r, f, reflected: nil, thread: thread)
                declared = f.type
            } else {
                guard let (handle, p) = try property(r, ctor.owner, n.name) else {
                    throw RuntimeError(.missingMember, "attribute \(ctor.owner.fullName) has no property \(n.name)")
                }
                member = try state.propertyObject(r, handle, reflected: nil)
                if let g = p.getter, let ret = try r.signature(g).returnType { declared = ret }
                else if let s = p.setter, let last = try r.signature(s).parameters.last { declared = last }
                else { throw RuntimeError(.badImage, "property \(n.name) has no accessors") }
            }
            let v = try boxedValue(r, n.value, home: module, thread: thread)
            if raised != 0 { return (0, 0) }
            r.nativeRoots.append(v)
            let arg = try typedArgument(r, declared, v, thread: thread)
            if raised != 0 { return (0, 0) }
            r.nativeRoots.append(arg)
            let box = try r.newBox(namedType)
            r.nativeRoots.append(box)
            if let ex = try r.runValueConstructor(namedCtor, box: box, arguments: [member, arg], thread: thread) { raised = ex; return (0, 0) }
            named.append(box)
        }
        let objectArray = try r.referenceArray(of: objectType, typed)
        r.nativeRoots.append(objectArray)
        let namedArray = try r.referenceArray(of: objectType, named)
        return (objectArray, namedArray)
    }

    /// A boxed CustomAttributeTypedArgument(type, value), made by its constructor.
    private mutating func typedArgument(_ r: Runtime, _ t: RuntimeType, _ value: UInt64, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let typedType = try r.coreType("System.Reflection.CustomAttributeTypedArgument")
        let ctor = try r.constructor(of: typedType, parameters: ["System.Type", "System.Object"])
        let typeObject = try r.typeObject(t, thread: thread)
        let box = try r.newBox(typedType)
        r.nativeRoots.append(box)
        defer { r.nativeRoots.removeLast() }
        if let ex = try r.runValueConstructor(ctor, box: box, arguments: [typeObject, value], thread: thread) { raised = ex; return 0 }
        return box
    }

    private func property(_ r: Runtime, _ t: RuntimeType, _ name: String) throws(RuntimeError) -> (Int64, PropertyRecord)? {
        for klass in try state.hierarchy(r, t, declaredOnly: false) {
            for h in try state.declaredProperties(r, klass) {
                if let p = state.property(h), p.name == name { return (h, p) }
            }
        }
        return nil
    }
}

extension ReflectionState {
    static func elementType(of p: Primitive) -> ElementType {
        switch p {
        case .boolean: .boolean
        case .char: .char
        case .int8: .int8
        case .uint8: .uint8
        case .int16: .int16
        case .uint16: .uint16
        case .int32: .int32
        case .uint32: .uint32
        case .int64: .int64
        case .uint64: .uint64
        case .float32: .float32
        case .float64: .float64
        case .intPtr: .intPtr
        case .uintPtr: .uintPtr
        }
    }
}
