import CILMetadata

/// Calling members through reflection: MethodInfo/ConstructorInfo.Invoke (Mono's
/// ves_icall_InternalInvoke and mono_runtime_invoke_array), FieldInfo.GetValue/SetValue, and
/// delegates made from MethodInfos. Arguments are unboxed into a frame on the guest stack and the
/// method runs on the calling guest thread; its result is boxed.
extension NativeRegistry {
    func registerInvocationNatives(_ state: ReflectionState) {
        register("System.Reflection.RuntimeMethodInfo::InternalInvoke") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try state.method(r, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            try state.nested { () throws(RuntimeError) in
                try r.reflectionInvoke(m, object: c.uint64(1), parameters: c.uint64(2), exceptionOut: c.uint64(3), context: &c)
            }
        }
        register("System.Reflection.RuntimeConstructorInfo::InternalInvoke") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try state.method(r, ofObject: c.uint64(0)) else { try c.raise(.nullReference); return }
            try state.nested { () throws(RuntimeError) in
                try r.reflectionInvoke(m, object: c.uint64(1), parameters: c.uint64(2), exceptionOut: c.uint64(3), context: &c)
            }
        }
        register("System.Delegate::CreateDelegate_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let delegateType = try r.runtimeType(ofTypeObject: c.uint64(0)), var m = try state.method(r, ofObject: c.uint64(2)) else {
                try c.raise(.argumentNull); return
            }
            let target = c.uint64(1)
            try r.ensureHierarchy(delegateType)
            guard delegateType.baseType?.fullName == "System.MulticastDelegate" else {
                c.raised = try r.guestException("System.ExecutionEngineException", message: "delegate_class->parent == mono_defaults.multicastdelegate_class", thread: c.thread)
                return
            }
            if m.genericParameterCount > 0 && m.genericArguments.isEmpty {
                c.raised = try r.guestException("System.ArgumentException",
                                                message: "Cannot bind to the target method because its signature differs from that of the delegate type", thread: c.thread)
                return
            }
            if target != 0, m.isVirtual, let t = r.objectType(target), t !== m.owner { m = try r.virtualTarget(m, t) }
            guard let d = try r.newObject(delegateType) else { try c.raise(.outOfMemory); return }
            let f = try r.delegateFields()
            let p = r.space.unchecked(d)
            p.storeBytes(of: target, toByteOffset: f.target, as: UInt64.self)
            p.storeBytes(of: r.handle(of: m), toByteOffset: f.method, as: Int64.self)
            c.returnUInt64(d)
        }
        register("System.Delegate::GetVirtualMethod_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let d = c.uint64(0)
            guard let dt = r.objectType(d) else { try c.raise(.nullReference); return }
            guard r.isDelegateType(dt) else { try c.raise(.argument); return }
            let f = try r.delegateFields()
            guard let p = r.space.pointer(d, max(f.target, f.method) + 8) else { try c.raise(.nullReference); return }
            let target = p.loadUnaligned(fromByteOffset: f.target, as: UInt64.self)
            guard var m = r.methodHandles.item(p.loadUnaligned(fromByteOffset: f.method, as: Int64.self)) else { c.returnUInt64(0); return }
            if m.isVirtual, let t = r.objectType(target) { m = try r.virtualTarget(m, t) }
            c.returnUInt64(try state.methodObject(r, m, reflected: m.owner, thread: c.thread))
        }
        register("System.Delegate::AllocDelegateLike_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = r.objectType(c.uint64(0)) else { try c.raise(.nullReference); return }
            guard r.isDelegateType(t) else { try c.raise(.argument); return }
            guard let d = try r.newObject(t) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(d)
        }
    }
}

extension Runtime {
    /// Sets the `out Exception` of InternalInvoke and returns null (argument errors are reported
    /// this way; exceptions thrown by the invoked method propagate instead).
    private func reportInvokeError(_ exceptionOut: UInt64, _ exception: UInt64, _ c: inout NativeContext) throws(RuntimeError) {
        guard let p = space.pointer(exceptionOut, 8) else { throw RuntimeError(.invalidProgram, "InternalInvoke without an exception slot") }
        p.storeBytes(of: exception, as: UInt64.self)
        c.returnUInt64(0)
    }

    /// Whether a boxed object of type `actual` can be unboxed as value type `expected` (the same
    /// type, or an enum and its underlying primitive either way round).
    func unboxable(_ actual: RuntimeType, as expected: RuntimeType) throws(RuntimeError) -> Bool {
        if actual === expected { return true }
        try ensureLayout(actual)
        try ensureLayout(expected)
        return actual.isValueType && expected.isValueType && (actual.isEnum || expected.isEnum)
            && actual.primitive != nil && actual.primitive == expected.primitive
    }

    /// Mono's ves_icall_InternalInvoke for methods and constructors.
    func reflectionInvoke(_ method: RuntimeMethod, object: UInt64, parameters: UInt64, exceptionOut: UInt64,
                          context c: inout NativeContext) throws(RuntimeError) {
        var m = method
        let thread = c.thread
        let sig = try signature(m)
        let isCtor = m.name == ".ctor"
        var this = object
        var thisArgument: UInt64 = 0
        let mark = nativeRoots.count
        defer { nativeRoots.removeSubrange(mark...) }

        if !m.isStatic {
            if object != 0 {
                guard let ot = objectType(object) else { try c.raise(.nullReference); return }
                let isNullable = m.owner.typeDefinition.fullName == "System.Nullable`1"
                let assignable = try isAssignable(ot, to: m.owner)
                let unboxes = try unboxable(ot, as: isNullable ? (m.owner.genericArguments.first ?? m.owner) : m.owner)
                guard assignable || unboxes else {
                    let message = "Object of type '\(ot.fullName)' doesn't match target type '\(m.owner.fullName)'"
                    try reportInvokeError(exceptionOut, try guestException("System.Reflection.TargetException", message: message, thread: thread), &c)
                    return
                }
                if m.isVirtual && !isCtor { m = try virtualTarget(m, ot) }
                if m.owner.typeDefinition.fullName == "System.Nullable`1" {
                    // A boxed Nullable<T> is a boxed T: the method runs on a Nullable made from it (Mono does the same).
                    let box = try newBox(m.owner)
                    nativeRoots.append(box)
                    let inner = m.owner.genericArguments.first ?? m.owner
                    guard space.pointer(object + UInt64(ObjectLayout.headerSize), max(inner.storageSize, 1)) != nil else { try c.raise(.nullReference); return }
                    try writeNullable(m.owner, from: object + UInt64(ObjectLayout.headerSize), to: space.unchecked(box + UInt64(ObjectLayout.headerSize)))
                    thisArgument = box + UInt64(ObjectLayout.headerSize)
                } else {
                    thisArgument = m.owner.isValueType ? object + UInt64(ObjectLayout.headerSize) : object
                }
            } else if !isCtor {
                try reportInvokeError(exceptionOut, try guestException("System.Reflection.TargetException", message: "Non-static method requires a target.", thread: thread), &c)
                return
            }
        }
        if let ret = sig.returnType, ret.kind == .byReference {
            try reportInvokeError(exceptionOut, try guestException("System.NotSupportedException", message: "Cannot invoke method returning ByRef type via reflection", thread: thread), &c)
            return
        }
        if parameters != 0 {
            guard let pt = objectType(parameters), pt.isSZArray, pt.elementType?.isReferenceType == true else { try c.raise(.argument); return }
        }
        let arguments = parameters == 0 ? [] : references(in: parameters)
        guard arguments.count == sig.parameters.count else {
            try reportInvokeError(exceptionOut, try guestException("System.Reflection.TargetParameterCountException", message: nil, thread: thread), &c)
            return
        }
        if m.owner.isArray && isCtor {
            c.returnUInt64(try constructArrayReflectively(m.owner, arguments, thread: thread, context: &c))
            return
        }
        if isCtor && object == 0 && m.owner.module === corlib && m.owner.fullName == "System.String" {
            // Strings are made by String's static Ctor methods (see stringFactory).
            m = try stringFactory(for: m)
        } else if isCtor && object == 0 {
            if m.owner.isAbstract {
                try reportInvokeError(exceptionOut, try guestException("System.Reflection.TargetException", message: "Cannot invoke constructor of an abstract class.", thread: thread), &c)
                return
            }
            let created: UInt64
            if m.owner.isValueType {
                created = try newBox(m.owner)
            } else {
                guard let o = try newObject(m.owner) else { try c.raise(.outOfMemory); return }
                created = o
            }
            nativeRoots.append(created)
            this = created
            thisArgument = m.owner.isValueType ? created + UInt64(ObjectLayout.headerSize) : created
        }

        // The frame: [this][arguments…], each argument in (size + 7) & ~7 bytes.
        let frame = thread.stackTop
        var size = m.isStatic ? 0 : 8
        for p in sig.parameters { try ensureLayout(p); size += (p.storageSize + 7) & ~7 }
        if let ret = sig.returnType { try ensureLayout(ret); size = max(size, (ret.storageSize + 7) & ~7) }
        guard frame + size + 64 <= thread.stackEnd else { throw RuntimeError(.budgetExhausted, "stack overflow invoking \(m) through reflection") }
        frame.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        var offset = 0
        if !m.isStatic {
            frame.storeBytes(of: thisArgument, as: UInt64.self)
            offset = 8
        }
        let argumentType = try coreType("System.ArgumentException")
        for (i, p) in sig.parameters.enumerated() {
            let value = arguments[i]
            let slot = frame + offset
            offset += (p.storageSize + 7) & ~7
            switch p.kind {
            case .byReference:
                guard let element = p.elementType else { throw RuntimeError(.badImage, "by-reference type without element") }
                try ensureLayout(element)
                if element.isValueType {
                    if element.typeDefinition.fullName == "System.Nullable`1" {
                        throw RuntimeError(.notImplemented, "by-reference Nullable parameter through reflection (\(m))")
                    }
                    var boxed = value
                    if boxed == 0 {
                        // A null for a ref/out value: a fresh default value, stored back into the array.
                        boxed = try newBox(element)
                        space.unchecked(parameters + UInt64(ObjectLayout.arrayElementsOffset + 8 * i)).storeBytes(of: boxed, as: UInt64.self)
                    }
                    guard let bt = objectType(boxed), try unboxable(bt, as: element) else {
                        c.raised = try construct(argumentType, arguments: [], thread: thread); return
                    }
                    slot.storeBytes(of: boxed + UInt64(ObjectLayout.headerSize), as: UInt64.self)
                } else {
                    // A reference: the callee writes straight into the array element.
                    slot.storeBytes(of: parameters + UInt64(ObjectLayout.arrayElementsOffset + 8 * i), as: UInt64.self)
                }
            case .valueType:
                if p.typeDefinition.fullName == "System.Nullable`1" {
                    let inner = p.genericArguments.first ?? p
                    if value != 0 {
                        guard let vt = objectType(value), try unboxable(vt, as: inner) else {
                            c.raised = try construct(argumentType, arguments: [], thread: thread); return
                        }
                        guard space.pointer(value + UInt64(ObjectLayout.headerSize), max(inner.storageSize, 1)) != nil else { try c.raise(.nullReference); return }
                        try writeNullable(p, from: value + UInt64(ObjectLayout.headerSize), to: slot)
                    }
                } else if value != 0 {
                    guard let vt = objectType(value), try unboxable(vt, as: p) else {
                        c.raised = try construct(argumentType, arguments: [], thread: thread); return
                    }
                    guard let data = space.pointer(value + UInt64(ObjectLayout.headerSize), p.storageSize) else { try c.raise(.nullReference); return }
                    slot.copyMemory(from: data, byteCount: p.storageSize)
                }
            case .pointer, .functionPointer:
                if value != 0 {
                    guard let vt = objectType(value), vt.primitive == .intPtr || vt.primitive == .uintPtr else {
                        throw RuntimeError(.notImplemented, "pointer argument of type \(objectType(value)?.fullName ?? "?") through reflection")
                    }
                    guard let data = space.pointer(value + UInt64(ObjectLayout.headerSize), 8) else { try c.raise(.nullReference); return }
                    slot.storeBytes(of: data.loadUnaligned(as: UInt64.self), as: UInt64.self)
                }
            case .genericParameter:
                throw RuntimeError(.notImplemented, "invoking open generic method \(m) through reflection")
            default:
                slot.storeBytes(of: value, as: UInt64.self)
            }
        }
        if case .threw(let ex) = try invoke(m, frame: frame, thread: thread) {
            c.raised = ex
            return
        }
        if isCtor && m.name == "Ctor" {
            c.returnUInt64(frame.loadUnaligned(as: UInt64.self))  // the string made by String.Ctor
            return
        }
        if isCtor {
            c.returnUInt64(object == 0 ? this : 0)
            return
        }
        c.returnUInt64(try boxResult(sig.returnType, at: frame))
    }

    /// A method's result (at `frame`) as an object: null for void, boxed for value types.
    func boxResult(_ type: RuntimeType?, at frame: UnsafeMutableRawPointer) throws(RuntimeError) -> UInt64 {
        guard let t = type else { return 0 }
        try ensureLayout(t)
        switch t.kind {
        case .valueType:
            // Keep any references inside the value alive while the box is allocated.
            let words = (t.storageSize + 7) / 8
            let mark = nativeRoots.count
            for k in 0 ..< words { nativeRoots.append(frame.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
            defer { nativeRoots.removeSubrange(mark...) }
            guard let b = try box(t, from: UnsafeRawPointer(frame)) else { throw RuntimeError(.budgetExhausted, "heap exhausted boxing a result") }
            return b
        case .pointer, .functionPointer:
            var bits = frame.loadUnaligned(as: UInt64.self)
            guard let b = try box(try coreType("System.IntPtr"), from: &bits) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            return b
        case .genericParameter:
            throw RuntimeError(.notImplemented, "result of an open generic method through reflection")
        default:
            return frame.loadUnaligned(as: UInt64.self)
        }
    }

    /// An array type's constructor through reflection: lengths (or lower bound/length pairs).
    private func constructArrayReflectively(_ t: RuntimeType, _ arguments: [UInt64], thread: GuestThread, context c: inout NativeContext) throws(RuntimeError) -> UInt64 {
        var values: [Int64] = []
        for a in arguments {
            guard let at = objectType(a), at.primitive == .int32 else { try c.raise(.argument); return 0 }
            guard let data = space.pointer(a + UInt64(ObjectLayout.headerSize), 4) else { try c.raise(.argument); return 0 }
            values.append(Int64(data.loadUnaligned(as: Int32.self)))
        }
        if t.isSZArray {
            guard values.count == 1 else { throw RuntimeError(.notImplemented, "jagged array constructor through reflection") }
            guard values[0] >= 0 else { try c.raise(.overflow); return 0 }
            guard let a = try newArray(t, length: Int(values[0])) else { try c.raise(.outOfMemory); return 0 }
            return a
        }
        switch try newMultiDimensionalArray(t, values, thread: thread) {
        case .success(let a): return a
        case .failure(let ex): c.raised = ex; return 0
        }
    }

    // MARK: fields

    /// The address of field `f` in `object` (or its statics), running the type initializer of a
    /// static field's type first. nil when the guest got an exception (already raised).
    private func fieldAddress(_ f: RuntimeField, object: UInt64, context c: inout NativeContext) throws(RuntimeError) -> UInt64? {
        if f.isStatic {
            if let ex = try initializeType(f.owner.id, thread: c.thread) { c.raised = ex; return nil }
            try ensureStatics(f.owner)
            return f.owner.staticsAddress + UInt64(f.offset)
        }
        guard let ot = objectType(object) else { try c.raise(.nullReference); return nil }
        if f.owner.isValueType {
            guard try unboxable(ot, as: f.owner) || ot === f.owner else { try c.raise(.argument); return nil }
            return object + UInt64(ObjectLayout.headerSize + f.offset)
        }
        guard try isAssignable(ot, to: f.owner) else { try c.raise(.argument); return nil }
        return object + UInt64(f.offset)
    }

    /// FieldInfo.GetValue (Mono's mono_field_get_value_object): value types are boxed.
    func fieldValue(_ f: RuntimeField, object: UInt64, context c: inout NativeContext) throws(RuntimeError) {
        if f.isLiteral {
            guard let module = f.owner.module, let row = module.index.constants[MetadataToken(.field, f.row)] else {
                throw RuntimeError(.badImage, "literal field \(f) has no constant")
            }
            let value = try module.read { () throws(MetadataError) in try module.file.constantValue(row) }
            c.returnUInt64(try boxConstant(value, declared: f.type) ?? 0)
            return
        }
        guard let address = try fieldAddress(f, object: object, context: &c) else { return }
        let t = f.type
        try ensureLayout(t)
        guard let p = space.pointer(address, max(t.storageSize, 1)) else { try c.raise(.nullReference); return }
        switch t.kind {
        case .valueType:
            guard let b = try box(t, from: UnsafeRawPointer(p)) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(b)
        case .pointer, .functionPointer:
            throw RuntimeError(.notImplemented, "pointer field \(f) through reflection")
        default:
            c.returnUInt64(p.loadUnaligned(as: UInt64.self))
        }
    }

    /// FieldInfo.SetValue (Mono's ves_icall_MonoField_SetValueInternal): the value was already
    /// converted to the field's type by managed code; a null value type stores zero.
    func setFieldValue(_ f: RuntimeField, object: UInt64, value: UInt64, context c: inout NativeContext) throws(RuntimeError) {
        if f.isLiteral {
            c.raised = try guestException("System.FieldAccessException", message: "Cannot set a constant field", thread: c.thread)
            return
        }
        let t = f.type
        try ensureLayout(t)
        if t.kind == .valueType, value != 0, let vt = objectType(value) {
            let inner = t.typeDefinition.fullName == "System.Nullable`1" ? (t.genericArguments.first ?? t) : t
            guard try unboxable(vt, as: inner) else { try c.raise(.argument); return }
        } else if t.isReferenceType, value != 0, let vt = objectType(value), !(try isAssignable(vt, to: t)) {
            try c.raise(.argument); return
        }
        guard let address = try fieldAddress(f, object: object, context: &c) else { return }
        guard let p = space.pointer(address, max(t.storageSize, 1)) else { try c.raise(.nullReference); return }
        switch t.kind {
        case .valueType:
            if t.typeDefinition.fullName == "System.Nullable`1" {
                if value == 0 { p.initializeMemory(as: UInt8.self, repeating: 0, count: t.storageSize) }
                else {
                    let inner = t.genericArguments.first ?? t
                    guard space.pointer(value + UInt64(ObjectLayout.headerSize), max(inner.storageSize, 1)) != nil else { try c.raise(.nullReference); return }
                    try writeNullable(t, from: value + UInt64(ObjectLayout.headerSize), to: p)
                }
            } else if value == 0 {
                p.initializeMemory(as: UInt8.self, repeating: 0, count: t.storageSize)
            } else {
                guard let data = space.pointer(value + UInt64(ObjectLayout.headerSize), t.storageSize) else { try c.raise(.nullReference); return }
                p.copyMemory(from: data, byteCount: t.storageSize)
            }
        case .pointer, .functionPointer:
            throw RuntimeError(.notImplemented, "pointer field \(f) through reflection")
        default:
            p.storeBytes(of: value, as: UInt64.self)
        }
    }
}
