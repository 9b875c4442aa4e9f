/// Type icalls whose Mono behaviour needs the reflection state (generic parameter types) or
/// that the reflection paths of Mono's corlib depend on:
///
/// - GetGenericArgumentsInternal: a generic definition's arguments are its parameters (Mono),
///   not none (MakeGenericType on a definition checks the count), and `runtimeArray` asks for a
///   RuntimeType[] (the caller casts it).
/// - getFullName: Type.ToString of a definition lists its parameters (`List`1[T]`); the full name
///   of a generic parameter is null.
/// - is_subclass_of: loads the child's hierarchy first (a type from MakeGenericType has not).
/// - IsInstanceOfType: a boxed T is an instance of Nullable<T>.
/// - CreateInstanceInternal: a value type gets a whole box (header and value), not an object of
///   the value's size; a Nullable gives null.
extension NativeRegistry {
    func registerTypeReflectionNatives(_ state: ReflectionState) {
        register("System.RuntimeType::GetGenericArgumentsInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            let runtimeArray = c.int32(1) & 0xFF != 0
            let arguments = t.genericArgumentsAreOpen ? try state.genericParameters(r, ofTypeDefinition: t) : t.genericArguments
            let mark = r.nativeRoots.count
            defer { r.nativeRoots.removeSubrange(mark...) }
            var objects: [UInt64] = []
            for a in arguments {
                let o = try r.typeObject(a, thread: c.thread)
                objects.append(o)
            }
            let element = try r.coreType(runtimeArray ? "System.RuntimeType" : "System.Type")
            c.returnUInt64(try r.referenceArray(of: element, objects))
        }
        register("System.RuntimeType::getFullName") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            let full = c.int32(1) & 0xFF != 0, qualified = c.int32(2) & 0xFF != 0
            // Mono: the full name of a generic parameter is null.
            if full && t.isGenericParameter { c.returnUInt64(0); return }
            let format: Runtime.TypeNameFormat = qualified ? .assemblyQualified : (full ? .fullName : .display)
            var name = r.reflectionName(t, format)
            if !full && t.genericArgumentsAreOpen {
                // Mono's REFLECTION format lists a definition's parameters: `List`1[T]`.
                let parameters = try state.genericParameters(r, ofTypeDefinition: t)
                name += "[" + parameters.map(\.name).joined(separator: ",") + "]"
            }
            c.returnUInt64(try r.guestString(name))
        }
        register("System.RuntimeTypeHandle::is_subclass_of") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let child = r.type(id: UInt32(truncatingIfNeeded: c.uint64(0))), c.uint64(0) != 0,
                  let parent = r.type(id: UInt32(truncatingIfNeeded: c.uint64(1))), c.uint64(1) != 0 else { c.returnBool(false); return }
            if child.kind == .byReference { c.returnBool(parent.fullName == "System.Object" && parent.module === r.corlib); return }
            if child === parent || parent.kind == .byReference { c.returnBool(false); return }
            try r.ensureHierarchy(child)
            var current = child.baseType
            var steps = 0
            while let x = current, steps < 1000 {
                if x === parent { c.returnBool(true); return }
                try r.ensureHierarchy(x)
                current = x.baseType
                steps += 1
            }
            c.returnBool(false)
        }
        register("System.RuntimeTypeHandle::IsInstanceOfType") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            guard let ot = r.objectType(c.uint64(1)) else { c.returnBool(false); return }
            let target = t.typeDefinition.fullName == "System.Nullable`1" ? (t.genericArguments.first ?? t) : t
            c.returnBool(try r.isAssignable(ot, to: target))
        }
        register("System.RuntimeType::CreateInstanceInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            try r.ensureLayout(t)
            if t.isValueType {
                if t.typeDefinition.fullName == "System.Nullable`1" { c.returnUInt64(0); return }
                c.returnUInt64(try r.newBox(t))
                return
            }
            guard let o = try r.newObject(t) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(o)
        }
    }
}
