import CILMetadata
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Type queries of System.RuntimeType and System.RuntimeTypeHandle (Mono icalls).
extension NativeRegistry {
    func registerTypeNatives() {
        func typeArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> RuntimeType? {
            let t = try c.runtime.runtimeType(ofTypeObject: c.uint64(i))
            if t == nil { try c.raise(.argumentNull) }
            return t
        }
        func returnType(_ c: inout NativeContext, _ t: RuntimeType?) throws(RuntimeError) {
            c.returnUInt64(try t.map { (x: RuntimeType) throws(RuntimeError) -> UInt64 in try c.runtime.typeObject(x, thread: c.thread) } ?? 0)
        }
        register("System.RuntimeType::get_Name") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.intern(Array(c.runtime.reflectionName(t, .name).utf16)))
        }
        register("System.RuntimeType::get_Namespace") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            var outer = t
            while let d = outer.declaringType { outer = d }
            c.returnUInt64(outer.namespace.isEmpty ? 0 : try c.runtime.intern(Array(outer.namespace.utf16)))
        }
        register("System.RuntimeType::get_DeclaringType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try returnType(&c, t.declaringType)
        }
        register("System.RuntimeType::GetInterfaces") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.typeArray(try c.runtime.allInterfaces(t), thread: c.thread))
        }
        register("System.RuntimeType::GetTypeCodeImplInternal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnInt32(try c.runtime.typeCode(t))
        }
        register("System.RuntimeType::make_array_type") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            let rank = Int(c.int32(1))
            try returnType(&c, rank == 0 ? try c.runtime.szArrayType(of: t) : try c.runtime.arrayType(of: t, rank: rank))
        }
        register("System.RuntimeType::make_byref_type") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try returnType(&c, try c.runtime.byReferenceType(to: t))
        }
        register("System.RuntimeType::MakePointerType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try returnType(&c, try c.runtime.pointerType(to: t))
        }
        register("System.RuntimeType::GetGenericParameterPosition") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            if case .genericParameter(_, let i) = t.kind { c.returnInt32(Int32(i)) } else { c.returnInt32(-1) }
        }
        register("System.RuntimeType::IsWindowsRuntimeObjectType") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(false) }
        register("System.RuntimeType::IsTypeExportedToWindowsRuntime") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(false) }
        register("System.RuntimeType::get_core_clr_security_level") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(1) }

        register("System.RuntimeTypeHandle::GetAttributes") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            // Arrays, pointers and byrefs: public, sealed, serializable (as Mono reports them).
            c.returnInt32(t.module == nil ? 0x2101 : Int32(bitPattern: t.flags))
        }
        register("System.RuntimeTypeHandle::GetMetadataToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnInt32(t.module == nil ? 0x0200_0000 : Int32(bitPattern: 0x0200_0000 | t.typeDefRow))
        }
        register("System.RuntimeTypeHandle::GetGenericTypeDefinition_impl") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try returnType(&c, t.isGenericInstance ? t.typeDefinition : (t.genericArgumentsAreOpen ? t : nil))
        }
        register("System.RuntimeTypeHandle::GetCorElementType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnInt32(Int32(try c.runtime.corElementType(t)))
        }
        register("System.RuntimeTypeHandle::HasInstantiation") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnBool(t.isGenericInstance || t.genericArgumentsAreOpen)
        }
        register("System.RuntimeTypeHandle::IsGenericTypeDefinition") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnBool(t.genericArgumentsAreOpen)
        }
        register("System.RuntimeTypeHandle::IsComObject") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(false) }
        register("System.RuntimeTypeHandle::IsByRefLike") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try c.runtime.ensureLayout(t)
            c.returnBool(t.containsByRefLike || t.name == "Span`1" || t.name == "ReadOnlySpan`1" || t.name == "ByReference`1")
        }
        register("System.RuntimeTypeHandle::HasReferences") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try c.runtime.ensureLayout(t)
            c.returnBool(t.isReferenceType || !t.referenceOffsets.isEmpty)
        }
        register("System.RuntimeTypeHandle::GetArrayRank") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnInt32(Int32(t.rank))
        }
        register("System.RuntimeTypeHandle::GetElementType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try returnType(&c, t.elementType)
        }
        register("System.RuntimeTypeHandle::IsGenericVariable") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            c.returnBool(t.isGenericParameter)
        }
        register("System.RuntimeTypeHandle::GetBaseType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try c.runtime.ensureHierarchy(t)
            try returnType(&c, t.isInterface ? nil : t.baseType)
        }
        register("System.Enum::get_value") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard let t = c.runtime.objectType(o), let u = t.enumUnderlyingType else { try c.raise(.argument); return }
            guard let boxed = try c.runtime.box(u, from: UnsafeRawPointer(c.runtime.space.unchecked(o + UInt64(ObjectLayout.headerSize)))) else {
                try c.raise(.outOfMemory); return
            }
            c.returnUInt64(boxed)
        }
        register("System.Enum::InternalGetUnderlyingType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try c.runtime.ensureLayout(t)
            try returnType(&c, t.enumUnderlyingType)
        }
        register("System.Enum::InternalBoxEnum") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            var value = c.int64(1)
            guard let boxed = try c.runtime.box(t, from: &value) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(boxed)
        }
        register("System.Enum::get_hashcode") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard let t = c.runtime.objectType(o), let p = t.primitive else { c.returnInt32(0); return }
            let v = c.runtime.space.unchecked(o + UInt64(ObjectLayout.headerSize))
            // Mono hashes the underlying value the way its primitive type's GetHashCode does.
            switch p.size {
            case 8: let x = v.loadUnaligned(as: Int64.self); c.returnInt32(Int32(truncatingIfNeeded: x) ^ Int32(truncatingIfNeeded: x >> 32))
            case 4: c.returnInt32(v.loadUnaligned(as: Int32.self))
            case 2: c.returnInt32(Int32(p == .int16 ? Int32(v.loadUnaligned(as: Int16.self)) : Int32(v.loadUnaligned(as: UInt16.self))))
            default: c.returnInt32(Int32(p == .int8 ? Int32(v.loadUnaligned(as: Int8.self)) : Int32(v.loadUnaligned(as: UInt8.self))))
            }
        }
        register("System.Enum::InternalCompareTo") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = r.objectType(c.uint64(0)), let p = t.primitive else { c.returnInt32(0); return }
            let a = r.enumRawValue(c.uint64(0), p), b = r.enumRawValue(c.uint64(1), p)
            let signed = [.int8, .int16, .int32, .int64].contains(p)
            let cmp = signed ? (Int64(bitPattern: a) < Int64(bitPattern: b) ? -1 : (a == b ? 0 : 1)) : (a < b ? -1 : (a == b ? 0 : 1))
            c.returnInt32(Int32(cmp))
        }
        register("System.Enum::InternalHasFlag") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = r.objectType(c.uint64(0)), let p = t.primitive else { c.returnBool(false); return }
            let a = r.enumRawValue(c.uint64(0), p), f = r.enumRawValue(c.uint64(1), p)
            c.returnBool(a & f == f)
        }
        register("System.Enum::GetEnumValuesAndNames") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = try typeArg(&c, 0) else { return }
            try c.runtime.enumValuesAndNames(t, values: c.uint64(1), names: c.uint64(2), thread: c.thread)
            c.returnBool(true)
        }
    }
}

extension Runtime {
    /// A System.Type[] holding the type objects of `types`.
    func typeArray(_ types: [RuntimeType], thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let arrayType = try szArrayType(of: try coreType("System.Type"))
        guard let a = try newArray(arrayType, length: types.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        nativeRoots.append(a)
        defer { nativeRoots.removeLast() }
        for (k, t) in types.enumerated() {
            let o = try typeObject(t, thread: thread)
            space.unchecked(a + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: o, as: UInt64.self)
        }
        return a
    }

    /// II.23.1.16 element type of `t` as Mono reports it (enums are value types).
    func corElementType(_ t: RuntimeType) throws(RuntimeError) -> UInt8 {
        switch t.kind {
        case .szArray: return 0x1D
        case .array: return 0x14
        case .pointer: return 0x0F
        case .byReference: return 0x10
        case .genericParameter(let isMethod, _): return isMethod ? 0x1E : 0x13
        case .functionPointer: return 0x1B
        case .class, .interface:
            if t.module === corlib && t.namespace == "System" && t.name == "String" { return 0x0E }
            if t.module === corlib && t.namespace == "System" && t.name == "Object" { return 0x1C }
            return t.isGenericInstance ? 0x15 : 0x12
        case .valueType:
            try ensureLayout(t)
            if t.isEnum { return t.isGenericInstance ? 0x15 : 0x11 }
            switch t.primitive {
            case .boolean?: return 0x02
            case .char?: return 0x03
            case .int8?: return 0x04
            case .uint8?: return 0x05
            case .int16?: return 0x06
            case .uint16?: return 0x07
            case .int32?: return 0x08
            case .uint32?: return 0x09
            case .int64?: return 0x0A
            case .uint64?: return 0x0B
            case .float32?: return 0x0C
            case .float64?: return 0x0D
            case .intPtr?: return 0x18
            case .uintPtr?: return 0x19
            case nil:
                if t.module === corlib && t.fullName == "System.TypedReference" { return 0x16 }
                if t.module === corlib && t.fullName == "System.Void" { return 0x01 }
                return t.isGenericInstance ? 0x15 : 0x11
            }
        }
    }

    /// System.TypeCode of `t` (enums report their underlying type's code).
    func typeCode(_ t: RuntimeType) throws(RuntimeError) -> Int32 {
        try ensureLayout(t)
        if t.module === corlib && t.namespace == "System" {
            switch t.name {
            case "String": return 18
            case "Decimal": return 15
            case "DateTime": return 16
            case "DBNull": return 2
            default: break
            }
        }
        if t.isValueType, let p = t.primitive {
            switch p {
            case .boolean: return 3
            case .char: return 4
            case .int8: return 5
            case .uint8: return 6
            case .int16: return 7
            case .uint16: return 8
            case .int32: return 9
            case .uint32: return 10
            case .int64: return 11
            case .uint64: return 12
            case .float32: return 13
            case .float64: return 14
            case .intPtr, .uintPtr: return 1
            }
        }
        return 1
    }

    /// The raw bits of a boxed enum or primitive, zero-extended.
    func enumRawValue(_ o: UInt64, _ p: Primitive) -> UInt64 {
        guard let v = space.pointer(o + UInt64(ObjectLayout.headerSize), p.size) else { return 0 }
        switch p.size {
        case 1: return UInt64(v.loadUnaligned(as: UInt8.self))
        case 2: return UInt64(v.loadUnaligned(as: UInt16.self))
        case 4: return UInt64(v.loadUnaligned(as: UInt32.self))
        default: return v.loadUnaligned(as: UInt64.self)
        }
    }

    /// Enum.GetEnumValuesAndNames: the literal fields, sorted by unsigned value as Mono does.
    func enumValuesAndNames(_ t: RuntimeType, values: UInt64, names: UInt64, thread: GuestThread) throws(RuntimeError) {
        try ensureLayout(t)
        guard let module = t.module else { return }
        var entries: [(value: UInt64, name: String)] = []
        for f in t.staticFields where f.isLiteral {
            guard let row = module.index.constants[.init(.field, f.row)] else { continue }
            let constant = try module.read { () throws(MetadataError) in try module.file.constantValue(row) }
            entries.append((constant.rawBits, f.name))
        }
        // Stable sort by unsigned value keeps declaration order among equal values.
        entries = entries.enumerated().sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }.map(\.element)
        let ulongs = try szArrayType(of: try coreType("System.UInt64"))
        let strings = try szArrayType(of: try coreType("System.String"))
        guard let va = try newArray(ulongs, length: entries.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        nativeRoots.append(va)
        defer { nativeRoots.removeLast() }
        guard let na = try newArray(strings, length: entries.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        nativeRoots.append(na)
        defer { nativeRoots.removeLast() }
        for (k, e) in entries.enumerated() {
            space.unchecked(va + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: e.value, as: UInt64.self)
            let s = try intern(Array(e.name.utf16))
            space.unchecked(na + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: s, as: UInt64.self)
        }
        space.pointer(values, 8)?.storeBytes(of: va, as: UInt64.self)
        space.pointer(names, 8)?.storeBytes(of: na, as: UInt64.self)
    }
}

extension ConstantValue {
    /// The value as Enum stores it: integers sign- or zero-extended to 64 bits.
    var rawBits: UInt64 {
        switch self {
        case .boolean(let b): b ? 1 : 0
        case .char(let v): UInt64(v)
        case .int8(let v): UInt64(bitPattern: Int64(v))
        case .uint8(let v): UInt64(v)
        case .int16(let v): UInt64(bitPattern: Int64(v))
        case .uint16(let v): UInt64(v)
        case .int32(let v): UInt64(bitPattern: Int64(v))
        case .uint32(let v): UInt64(v)
        case .int64(let v): UInt64(bitPattern: v)
        case .uint64(let v): v
        case .float32(let bits): UInt64(bits)
        case .float64(let bits): bits
        default: 0
        }
    }
}
