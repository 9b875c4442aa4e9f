/// Marshal.Copy between unmanaged memory and arrays (Mono's copy_from/to_unmanaged icalls). The
/// managed side reads resources this way after Assembly.GetManifestResourceInternal hands out an
/// unmanaged pointer (Mono's collation tables, for one). Both ends are bounds-checked in the
/// guest address space; the `fixed` element pointer Mono passes is recomputed from the array.
extension NativeRegistry {
    func registerUnmanagedCopyNatives() {
        for name in ["System.Runtime.InteropServices.Marshal::copy_from_unmanaged_fixed", "System.Runtime.InteropServices.Marshal::copy_from_unmanaged"] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let (arrayData, bytes) = try c.copyRange(array: c.uint64(2), start: c.int32(1), length: c.int32(3), other: c.uint64(0)) else { return }
                guard let s = c.runtime.space.pointer(c.uint64(0), bytes), let d = c.runtime.space.pointer(arrayData, bytes) else { try c.raise(.argument); return }
                if bytes > 0 { d.copyMemory(from: s, byteCount: bytes) }
            }
        }
        for name in ["System.Runtime.InteropServices.Marshal::copy_to_unmanaged_fixed", "System.Runtime.InteropServices.Marshal::copy_to_unmanaged"] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let (arrayData, bytes) = try c.copyRange(array: c.uint64(0), start: c.int32(1), length: c.int32(3), other: c.uint64(2)) else { return }
                guard let s = c.runtime.space.pointer(arrayData, bytes), let d = c.runtime.space.pointer(c.uint64(2), bytes) else { try c.raise(.argument); return }
                if bytes > 0 { d.copyMemory(from: s, byteCount: bytes) }
            }
        }
    }
}

extension NativeContext {
    /// The guest address of element `start` of single-dimensional `array` and the byte count of
    /// `length` elements, after Mono's checks; nil when an exception was raised.
    mutating func copyRange(array: UInt64, start: Int32, length: Int32, other: UInt64) throws(RuntimeError) -> (UInt64, Int)? {
        guard array != 0, other != 0 else { try raise(.argumentNull); return nil }
        guard let t = runtime.objectType(array), t.isSZArray, let e = t.elementType else { try raise(.argument); return nil }
        try runtime.ensureLayout(e)
        // Only arrays of plain values (Marshal.Copy's overloads): never forge references.
        guard e.isValueType, e.referenceOffsets.isEmpty else { try raise(.argument); return nil }
        guard let header = runtime.space.pointer(array, ObjectLayout.arrayElementsOffset) else { try raise(.argument); return nil }
        let count = header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        guard start >= 0, length >= 0, UInt64(start) + UInt64(length) <= count else { try raise(.argumentOutOfRange); return nil }
        let size = e.storageSize
        let (bytes, overflow) = Int(length).multipliedReportingOverflow(by: size)
        let (skip, overflow2) = Int(start).multipliedReportingOverflow(by: size)
        guard !overflow, !overflow2 else { try raise(.argumentOutOfRange); return nil }
        return (array &+ UInt64(ObjectLayout.arrayElementsOffset) &+ UInt64(skip), bytes)
    }
}
