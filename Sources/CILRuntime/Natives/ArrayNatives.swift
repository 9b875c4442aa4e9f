/// System.Array and System.ValueType internal calls over guest memory.
extension NativeRegistry {
    func registerArrayNatives() {
        // FastCopy(Array source, int sourceIndex, Array dest, int destIndex, int length): false
        // tells the managed caller to take its element-by-element path.
        register("System.Array::FastCopy") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let src = c.uint64(0), dst = c.uint64(2)
            let si = Int(c.int32(1)), di = Int(c.int32(3)), n = Int(c.int32(4))
            guard let st = r.objectType(src), let dt = r.objectType(dst), st.isSZArray, dt.isSZArray,
                  let se = st.elementType, let de = dt.elementType else { c.returnBool(false); return }
            try r.ensureLayout(se); try r.ensureLayout(de)
            var compatible = se === de || (se.isValueType && de.isValueType && se.primitive != nil && se.primitive == de.primitive)
            if !compatible && se.isReferenceType && de.isReferenceType { compatible = try r.isAssignable(se, to: de) }
            guard compatible, si >= 0, di >= 0, n >= 0 else { c.returnBool(false); return }
            let sl = ObjectLayout.guestLength(r.space.unchecked(src).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
            let dl = ObjectLayout.guestLength(r.space.unchecked(dst).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
            guard si + n <= sl, di + n <= dl else { c.returnBool(false); return }
            let size = se.storageSize
            // Lengths live in guest memory (unsafe code can change them): check the ranges against the space.
            guard let from = r.space.pointer(src + UInt64(ObjectLayout.arrayElementsOffset + si * size), n * size),
                  let to = r.space.pointer(dst + UInt64(ObjectLayout.arrayElementsOffset + di * size), n * size) else {
                c.returnBool(false); return
            }
            to.copyMemory(from: from, byteCount: n * size)  // memmove semantics: overlapping copies are safe
            c.returnBool(true)
        }
        // CreateInstanceImpl(Type elementType, int[] lengths, int[] bounds)
        register("System.Array::CreateInstanceImpl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let element = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            let lengths = r.int32ArrayElements(c.uint64(1)), bounds = r.int32ArrayElements(c.uint64(2))
            guard !lengths.isEmpty, lengths.count <= 32 else { try c.raise(.argument); return }
            if lengths.count == 1 && (bounds.isEmpty || bounds == [0]) {
                guard lengths[0] >= 0 else { try c.raise(.overflow); return }
                guard let a = try r.newArray(try r.szArrayType(of: element), length: Int(lengths[0])) else { try c.raise(.outOfMemory); return }
                c.returnUInt64(a)
                return
            }
            let values = bounds.isEmpty ? lengths.map(Int64.init) : zip(bounds, lengths).flatMap { [Int64($0), Int64($1)] }
            switch try r.newMultiDimensionalArray(try r.arrayType(of: element, rank: lengths.count), values, thread: c.thread) {
            case .success(let a): c.returnUInt64(a)
            case .failure(let ex): c.raised = ex
            }
        }
        register("System.Array::ClearInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let a = c.uint64(0)
            guard let t = r.objectType(a), let e = t.elementType else { try c.raise(.argumentNull); return }
            try r.ensureLayout(e)
            let index = Int(c.int32(1)), count = Int(c.int32(2))
            let length = ObjectLayout.guestLength(r.space.unchecked(a).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
            guard index >= 0, count >= 0, index + count <= length else { try c.raise(.indexOutOfRange); return }
            let offset = t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
            guard let p = r.space.pointer(a + UInt64(offset + index * e.storageSize), count * e.storageSize) else { try c.raise(.indexOutOfRange); return }
            p.initializeMemory(as: UInt8.self, repeating: 0, count: count * e.storageSize)
        }
        register("System.Array::GetValueImpl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (p, e) = try r.arrayElement(c.uint64(0), Int(c.int32(1))) else { try c.raise(.indexOutOfRange); return }
            if e.isReferenceType { c.returnUInt64(p.loadUnaligned(as: UInt64.self)); return }
            guard let boxed = try r.box(e, from: p) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(boxed)
        }
        register("System.Array::SetValueImpl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let value = c.uint64(1)
            guard let (p, e) = try r.arrayElement(c.uint64(0), Int(c.int32(2))) else { try c.raise(.indexOutOfRange); return }
            if e.isReferenceType {
                if value != 0, let vt = r.objectType(value), !(try r.isAssignable(vt, to: e)) { try c.raise(.invalidCast); return }
                p.storeBytes(of: value, as: UInt64.self)
                return
            }
            if value == 0 { p.initializeMemory(as: UInt8.self, repeating: 0, count: e.storageSize); return }
            guard let vt = r.objectType(value), vt === e || (vt.primitive != nil && vt.primitive == e.primitive) else { try c.raise(.invalidCast); return }
            p.copyMemory(from: r.space.unchecked(value + UInt64(ObjectLayout.headerSize)), byteCount: e.storageSize)
        }
        // GetGenericValueImpl<T>(int pos, out T value) / SetGenericValueImpl<T>(int pos, ref T value)
        register("System.Array::GetGenericValueImpl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (p, e) = try r.arrayElement(c.uint64(0), Int(c.int32(1))), let out = r.space.pointer(c.uint64(2), e.storageSize) else {
                try c.raise(.indexOutOfRange); return
            }
            out.copyMemory(from: p, byteCount: e.storageSize)
        }
        register("System.Array::SetGenericValueImpl") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let (p, e) = try r.arrayElement(c.uint64(0), Int(c.int32(1))), let input = r.space.pointer(c.uint64(2), e.storageSize) else {
                try c.raise(.indexOutOfRange); return
            }
            p.copyMemory(from: input, byteCount: e.storageSize)
        }
        register("System.Runtime.CompilerServices.RuntimeHelpers::GetObjectValue") { (c: inout NativeContext) throws(RuntimeError) in
            // A boxed value type is copied so the caller cannot alias it (I.8.2.4).
            let o = c.uint64(0)
            guard let t = c.runtime.objectType(o), t.isValueType else { c.returnUInt64(o); return }
            c.returnUInt64(try c.runtime.shallowCopy(o) ?? 0)
        }
        register("System.Runtime.CompilerServices.RuntimeHelpers::SufficientExecutionStack") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(c.thread.stackEnd - c.thread.stackTop > 1 << 20)
        }
        // InternalEquals(object a, object b, out object[] fields): bytes of non-reference fields
        // compared here; reference fields handed back in pairs for Equals calls.
        register("System.ValueType::InternalEquals") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let a = c.uint64(0), b = c.uint64(1)
            guard let t = r.objectType(a), r.objectType(b) === t else { c.returnBool(false); return }
            try r.ensureLayout(t)
            var pairs: [UInt64] = []
            let pa = r.space.unchecked(a + UInt64(ObjectLayout.headerSize)), pb = r.space.unchecked(b + UInt64(ObjectLayout.headerSize))
            for f in t.instanceFields {
                let size = f.type.storageSize
                if f.type.isReferenceType {
                    pairs.append(pa.loadUnaligned(fromByteOffset: f.offset, as: UInt64.self))
                    pairs.append(pb.loadUnaligned(fromByteOffset: f.offset, as: UInt64.self))
                } else if f.type.isValueType && !f.type.referenceOffsets.isEmpty {
                    guard let ba = try r.box(f.type, from: pa + f.offset) else { try c.raise(.outOfMemory); return }
                    r.nativeRoots.append(ba)
                    defer { r.nativeRoots.removeLast() }
                    guard let bb = try r.box(f.type, from: pb + f.offset) else { try c.raise(.outOfMemory); return }
                    pairs.append(ba); pairs.append(bb)
                } else if memcmp(pa + f.offset, pb + f.offset, size) != 0 {
                    c.returnBool(false); return
                }
            }
            if !pairs.isEmpty {
                r.nativeRoots.append(contentsOf: pairs)
                defer { r.nativeRoots.removeLast(pairs.count) }
                let array = try r.objectArray(pairs)
                r.space.pointer(c.uint64(2), 8)?.storeBytes(of: array, as: UInt64.self)
            }
            c.returnBool(true)
        }
        register("System.ValueType::InternalGetHashCode") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let o = c.uint64(0)
            guard let t = r.objectType(o) else { c.returnInt32(0); return }
            try r.ensureLayout(t)
            var hash: Int32 = 0
            var refs: [UInt64] = []
            let p = r.space.unchecked(o + UInt64(ObjectLayout.headerSize))
            for f in t.instanceFields {
                if f.type.isReferenceType { refs.append(p.loadUnaligned(fromByteOffset: f.offset, as: UInt64.self)); continue }
                for k in stride(from: 0, to: f.type.storageSize, by: 1) { hash = hash &* 31 &+ Int32(p.loadUnaligned(fromByteOffset: f.offset + k, as: UInt8.self)) }
            }
            if !refs.isEmpty {
                r.nativeRoots.append(contentsOf: refs)
                defer { r.nativeRoots.removeLast(refs.count) }
                r.space.pointer(c.uint64(1), 8)?.storeBytes(of: try r.objectArray(refs), as: UInt64.self)
            }
            c.returnInt32(hash)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Runtime {
    /// Host pointer and element type of element `index` of an array (any rank, flat index).
    func arrayElement(_ a: UInt64, _ index: Int) throws(RuntimeError) -> (UnsafeMutableRawPointer, RuntimeType)? {
        guard let t = objectType(a), let e = t.elementType else { return nil }
        try ensureLayout(e)
        let length = ObjectLayout.guestLength(space.unchecked(a).loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
        guard index >= 0, index < length else { return nil }
        let offset = t.isSZArray ? ObjectLayout.arrayElementsOffset : ObjectLayout.multiArrayElementsOffset(rank: t.rank)
        guard let p = space.pointer(a + UInt64(offset + index * e.storageSize), e.storageSize) else { return nil }
        return (p, e)
    }

    /// The values of an int32[] (empty for null).
    func int32ArrayElements(_ array: UInt64) -> [Int32] {
        guard array != 0, let p = space.pointer(array, ObjectLayout.arrayElementsOffset) else { return [] }
        let n = ObjectLayout.guestLength(p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self))
        guard let d = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), n * 4) else { return [] }
        return (0 ..< n).map { d.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self) }
    }

    /// A new object[] holding `items`.
    func objectArray(_ items: [UInt64]) throws(RuntimeError) -> UInt64 {
        let t = try szArrayType(of: try coreType("System.Object"))
        guard let a = try newArray(t, length: items.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        for (k, v) in items.enumerated() { space.unchecked(a + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: v, as: UInt64.self) }
        return a
    }
}
