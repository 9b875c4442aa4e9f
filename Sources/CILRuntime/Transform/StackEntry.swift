/// The verification type of an evaluation-stack entry (III.1.8.1.2), with the exact runtime
/// type where the transform needs it (object references, value types, pointers).
enum StackKind: Equatable {
    case i4, i8, nativeInt, r4, r8, object, managedPointer, valueType
}

struct StackEntry {
    var kind: StackKind
    var type: RuntimeType?
    /// Byte offset of the entry from the frame pointer.
    var offset: Int32
    /// Size in bytes, a multiple of 8.
    var size: Int32

    var isInteger64: Bool { kind == .i8 || kind == .nativeInt || kind == .object || kind == .managedPointer }
    var isFloat: Bool { kind == .r4 || kind == .r8 }
}
