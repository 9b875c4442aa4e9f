/// Types as guest objects: System.RuntimeType and the handle icalls around it. A type handle's
/// value is the type id (see Runtime.typeHandleValue).
extension NativeRegistry {
    func registerReflectionNatives() {
        register("System.Delegate::AllocDelegateLike_internal") { (c: inout NativeContext) throws(RuntimeError) in
            try c.runtime.allocateDelegateLike(&c)
        }
        // Activator.CreateInstance<T>() (what `new T()` compiles to): Mono's IL goes through
        // reflection; the runtime allocates and runs the parameterless constructor directly.
        intrinsic("System.Activator::CreateInstance()") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.method.genericArguments.count == 1, let t = c.method.genericArguments.first else {
                throw RuntimeError(.notImplemented, "Activator.CreateInstance through reflection (\(c.method))")
            }
            try c.runtime.ensureLayout(t)
            if t.isValueType {
                c.frame.initializeMemory(as: UInt8.self, repeating: 0, count: (t.storageSize + 7) & ~7)
                return
            }
            let o = try c.runtime.construct(t, arguments: [], thread: c.thread)
            if let ot = c.runtime.objectType(o), try c.runtime.isAssignable(ot, to: try c.runtime.coreType("System.Exception")), ot !== t {
                c.raised = o  // the constructor threw
                return
            }
            c.returnUInt64(o)
        }
        // Mono's IL goes through MethodInfo and Activator; the runtime does it directly.
        intrinsic("System.RuntimeType::CreateInstanceForAnotherGenericParameter") { (c: inout NativeContext) throws(RuntimeError) in
            guard let generic = try c.runtime.runtimeType(ofTypeObject: c.uint64(0)),
                  let argument = try c.runtime.runtimeType(ofTypeObject: c.uint64(1)) else { try c.raise(.argumentNull); return }
            let instance = try c.runtime.instantiate(generic.typeDefinition, [argument])
            let object = try c.runtime.construct(instance, arguments: [], thread: c.thread)
            c.returnUInt64(object)
        }
        register("System.RuntimeType::MakeGenericType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let generic = try c.runtime.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            var arguments: [RuntimeType] = []
            for o in c.runtime.arrayElements(c.uint64(1)) {
                guard let t = try c.runtime.runtimeType(ofTypeObject: o) else { try c.raise(.argumentNull); return }
                arguments.append(t)
            }
            c.returnUInt64(try c.runtime.typeObject(try c.runtime.instantiate(generic.typeDefinition, arguments), thread: c.thread))
        }
        register("System.RuntimeTypeHandle::type_is_assignable_from") { (c: inout NativeContext) throws(RuntimeError) in
            guard let a = try c.runtime.runtimeType(ofTypeObject: c.uint64(0)), let b = try c.runtime.runtimeType(ofTypeObject: c.uint64(1)) else {
                try c.raise(.argumentNull); return
            }
            c.returnBool(try c.runtime.isAssignable(b, to: a))
        }
        register("System.Type::internal_from_handle") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = c.runtime.type(id: UInt32(truncatingIfNeeded: c.uint64(0))), c.uint64(0) != 0 else { c.returnUInt64(0); return }
            c.returnUInt64(try c.runtime.typeObject(t, thread: c.thread))
        }
    }
}

extension Runtime {
    /// The references stored in an array of references.
    func arrayElements(_ array: UInt64) -> [UInt64] {
        guard array != 0, let p = space.pointer(array, ObjectLayout.arrayElementsOffset) else { return [] }
        let n = ObjectLayout.guestLength(p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
        guard let d = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), n &* 8) else { return [] }
        return (0 ..< n).map { d.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self) }
    }

    /// The runtime type a System.RuntimeType object stands for.
    func runtimeType(ofTypeObject o: UInt64) throws(RuntimeError) -> RuntimeType? {
        guard o != 0 else { return nil }
        let impl = try field(named: "_impl", in: try coreType("System.RuntimeType"))
        return type(id: UInt32(truncatingIfNeeded: space.unchecked(o + UInt64(impl.offset)).loadUnaligned(as: UInt64.self)))
    }
}

extension NativeRegistry {
    /// ByReference<T> (the field inside Span<T>) is a JIT intrinsic in Mono: a managed pointer
    /// stored in a native-int field.
    func registerSpanIntrinsics() {
        intrinsic("System.ByReference`1::.ctor") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 8) else { try c.raise(.nullReference); return }
            p.storeBytes(of: c.uint64(1), as: UInt64.self)
        }
        intrinsic("System.ByReference`1::get_Value") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 8) else { try c.raise(.nullReference); return }
            c.returnUInt64(p.loadUnaligned(as: UInt64.self))
        }
    }
}
