/// Internal calls of mscorlib that the core needs (names from Mono's icall-def.h).
extension NativeRegistry {
    func registerCoreNatives() {
        register("System.Object::GetType") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = c.runtime.objectType(c.uint64(0)) else { try c.raise(.nullReference); return }
            c.returnUInt64(try c.runtime.typeObject(t, thread: c.thread))
        }
        register("System.Object::InternalGetHashCode") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt32(c.runtime.identityHash(c.uint64(0)))
        }
        register("System.Object::MemberwiseClone") { (c: inout NativeContext) throws(RuntimeError) in
            guard let copy = try c.runtime.shallowCopy(c.uint64(0)) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(copy)
        }
        register("System.String::FastAllocateString") { (c: inout NativeContext) throws(RuntimeError) in
            let length = Int(c.int32(0))
            guard length >= 0 else { try c.raise(.overflow); return }
            guard let s = try c.runtime.newString([UInt16](repeating: 0, count: length)) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(s)
        }
        register("System.String::InternalIntern") { (c: inout NativeContext) throws(RuntimeError) in
            guard let units = c.runtime.stringUnits(c.uint64(0)) else { try c.raise(.argumentNull); return }
            c.returnUInt64(try c.runtime.intern(units))
        }
        register("System.String::InternalIsInterned") { (c: inout NativeContext) throws(RuntimeError) in
            guard let units = c.runtime.stringUnits(c.uint64(0)) else { try c.raise(.argumentNull); return }
            c.returnUInt64(c.runtime.internTable[units] ?? 0)
        }
        register("System.Runtime.CompilerServices.RuntimeHelpers::get_OffsetToStringData") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt32(Int32(ObjectLayout.stringCharsOffset))
        }
        register("System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray") { (c: inout NativeContext) throws(RuntimeError) in
            // Copies a field's RVA data into a new array (what C# array initializers compile to).
            let array = c.uint64(0)
            guard let f = c.runtime.fieldHandles.item(c.int64(1)), let t = c.runtime.objectType(array), let e = t.elementType else {
                try c.raise(.argumentNull); return
            }
            try c.runtime.ensureStatics(f.owner)
            let length = ObjectLayout.guestLength(c.runtime.space.unchecked(array).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
            let bytes = length * e.storageSize
            let dataOffset = t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
            guard bytes <= f.type.storageSize, let dest = c.runtime.space.pointer(array + UInt64(dataOffset), bytes) else {
                try c.raise(.argument); return
            }
            dest.copyMemory(from: c.runtime.space.unchecked(f.owner.staticsAddress + UInt64(f.offset)), byteCount: bytes)
        }
        register("System.Runtime.CompilerServices.RuntimeHelpers::RunClassConstructor") { (c: inout NativeContext) throws(RuntimeError) in
            if let ex = try c.runtime.initializeType(UInt32(truncatingIfNeeded: c.uint64(0)), thread: c.thread) { c.raised = ex }
        }
        register("System.Environment::Exit") { (c: inout NativeContext) throws(RuntimeError) in
            try c.runtime.finalizeAtExit(c.thread)
            throw RuntimeError.exit(c.int32(0))
        }
        register("System.Array::GetRank") { (c: inout NativeContext) throws(RuntimeError) in
            guard let t = c.runtime.objectType(c.uint64(0)) else { try c.raise(.nullReference); return }
            c.returnInt32(Int32(t.rank))
        }
        register("System.Array::GetLength") { (c: inout NativeContext) throws(RuntimeError) in
            try c.arrayDimension(lowerBound: false)
        }
        register("System.Array::GetLowerBound") { (c: inout NativeContext) throws(RuntimeError) in
            try c.arrayDimension(lowerBound: true)
        }
        registerNumberNatives()
        registerEnvironmentNatives()
        registerTextNatives()
        registerThreadingNatives()
        registerMarshalNatives()
        registerMonoIONatives()
        registerReflectionNatives()
        registerGCNatives()
        registerBufferNatives()
        registerSpanIntrinsics()
        registerTypeNatives()
        registerArrayNatives()
        registerMemberReflectionNatives()
        registerVarargNatives()
    }
}

extension NativeContext {
    mutating func arrayDimension(lowerBound: Bool) throws(RuntimeError) {
        let a = uint64(0)
        let dimension = Int(int32(1))
        guard let t = runtime.objectType(a) else { try raise(.nullReference); return }
        guard dimension >= 0 && dimension < t.rank else { try raise(.indexOutOfRange); return }
        let p = runtime.space.unchecked(a)
        if t.isSZArray {
            returnInt32(lowerBound ? 0 : Int32(truncatingIfNeeded: p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)))
        } else {
            let o = ObjectLayout.multiArrayBoundsOffset + 8 * dimension + (lowerBound ? 4 : 0)
            returnInt32(p.loadUnaligned(fromByteOffset: o, as: Int32.self))
        }
    }
}

extension RuntimeError {
    /// Environment.Exit: not an error, but it ends the run from deep inside it.
    static func exit(_ code: Int32) -> RuntimeError { RuntimeError(.exit, String(code)) }
}
