import CILMetadata

/// Creating and reading guest objects: instances, strings, arrays and boxes, laid out as
/// `ObjectLayout` describes (header with the type id, then the data).
extension Runtime {
    /// Allocates a zeroed object of `size` bytes with `type`'s id in its header, collecting
    /// garbage first if the heap asks for it. nil means out of memory (the caller raises
    /// OutOfMemoryException in the guest).
    func allocate(_ type: RuntimeType, size: Int) -> UInt64? {
        if heap.shouldCollect { collectGarbage() }
        var address = heap.allocate(size)
        if address == nil {
            collectGarbage()
            address = heap.allocate(size)
        }
        guard let address else { return nil }
        space.unchecked(address).storeBytes(of: type.id, as: UInt32.self)
        registerForFinalizationIfNeeded(type, address)
        return address
    }

    func newObject(_ type: RuntimeType) throws(RuntimeError) -> UInt64? {
        try ensureLayout(type)
        return allocate(type, size: max(type.instanceSize, ObjectLayout.headerSize + 8))
    }

    /// A new string holding `units` (II.23.2 strings are UTF-16; a NUL follows the data).
    func newString(_ units: [UInt16]) throws(RuntimeError) -> UInt64? {
        let stringType = try coreType("System.String")
        let size = ObjectLayout.stringCharsOffset + 2 * (units.count + 1)
        guard let s = allocate(stringType, size: size) else { return nil }
        let p = space.unchecked(s)
        p.storeBytes(of: Int32(units.count), toByteOffset: ObjectLayout.stringLengthOffset, as: Int32.self)
        units.withUnsafeBytes { (p + ObjectLayout.stringCharsOffset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return s
    }

    func newString(_ text: String) throws(RuntimeError) -> UInt64? { try newString(Array(text.utf16)) }

    /// The UTF-16 code units of guest string `s` (nil for null or a non-string).
    func stringUnits(_ s: UInt64) -> [UInt16]? {
        guard s != 0, let header = space.pointer(s, ObjectLayout.stringCharsOffset) else { return nil }
        let length = Int(header.loadUnaligned(fromByteOffset: ObjectLayout.stringLengthOffset, as: Int32.self))
        guard length >= 0, let data = space.pointer(s + UInt64(ObjectLayout.stringCharsOffset), length * 2) else { return nil }
        return Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt16.self), count: length))
    }

    func stringValue(_ s: UInt64) -> String? { stringUnits(s).map { String(decoding: $0, as: UTF16.self) } }

    /// A new single-dimensional, zero-based array (II.14.1) of `length` elements.
    func newArray(_ arrayType: RuntimeType, length: Int) throws(RuntimeError) -> UInt64? {
        var elementSize = arrayType.elementStorageSize
        if elementSize == 0 {
            guard let element = arrayType.elementType else { return nil }
            try ensureLayout(element)
            elementSize = element.storageSize
            arrayType.elementStorageSize = elementSize
        }
        let (bytes, overflow) = length.multipliedReportingOverflow(by: elementSize)
        guard !overflow, length >= 0, bytes <= Int(Int32.max) * 8 else { return nil }
        guard let a = allocate(arrayType, size: ObjectLayout.arrayElementsOffset + bytes) else { return nil }
        space.unchecked(a).storeBytes(of: UInt64(length), toByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        return a
    }

    /// The type of the object at `address` (nil for null or a corrupt header).
    @inline(__always)
    func objectType(_ address: UInt64) -> RuntimeType? {
        // Objects are 8-aligned; anything else is not a reference (guest code can forge one).
        guard address != 0, address & 7 == 0, let p = space.pointer(address, ObjectLayout.headerSize) else { return nil }
        return type(id: p.loadUnaligned(as: UInt32.self))
    }

    /// Boxes the value at host pointer `value` as an object of value type `t` (III.4.1).
    /// Nullable<T> boxes to null or to a boxed T (I.8.2.4).
    func box(_ t: RuntimeType, from value: UnsafeRawPointer) throws(RuntimeError) -> UInt64? {
        if t.typeDefinition.fullName == "System.Nullable`1", let inner = t.genericArguments.first {
            let hasValue = try field(named: "hasValue", in: t)
            let valueField = try field(named: "value", in: t)
            if value.loadUnaligned(fromByteOffset: hasValue.offset, as: UInt8.self) == 0 { return 0 }
            return try box(inner, from: value + valueField.offset)
        }
        try ensureLayout(t)
        guard let obj = allocate(t, size: ObjectLayout.headerSize + max(t.instanceSize, 8)) else { return nil }
        (space.unchecked(obj) + ObjectLayout.headerSize).copyMemory(from: value, byteCount: t.instanceSize)
        return obj
    }

    /// Interned string literal `#US` row of `module` (II.24.2.4), allocated once and kept alive.
    func literal(_ module: RuntimeModule, _ offset: UInt32) throws(RuntimeError) -> UInt64 {
        if let s = module.literals[offset] { return s }
        let units = try module.read { () throws(MetadataError) in try module.file.userStrings.utf16(offset) }
        let s = try intern(units)
        module.literals[offset] = s
        return s
    }

    func intern(_ units: [UInt16]) throws(RuntimeError) -> UInt64 {
        if let s = internTable[units] { return s }
        guard let s = try newString(units) else { throw RuntimeError(.budgetExhausted, "heap exhausted interning a string literal") }
        internTable[units] = s
        return s
    }
}
