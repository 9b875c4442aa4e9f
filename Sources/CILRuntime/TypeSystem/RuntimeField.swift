import CILMetadata

/// A field of a loaded type, with its resolved type and byte offset.
public final class RuntimeField: CustomStringConvertible {
    public let owner: RuntimeType
    public let row: UInt32
    public let name: String
    public let flags: UInt16
    public internal(set) var type: RuntimeType
    /// Instance fields: offset from the object start (classes) or value start (value types).
    /// Static fields: offset in the owner's statics block.
    public internal(set) var offset: Int = 0

    init(owner: RuntimeType, row: UInt32, name: String, flags: UInt16, type: RuntimeType) {
        self.owner = owner
        self.row = row
        self.name = name
        self.flags = flags
        self.type = type
    }

    public var isStatic: Bool { flags & 0x10 != 0 }
    /// II.23.1.5 Literal: a compile-time constant with no storage.
    public var isLiteral: Bool { flags & 0x40 != 0 }
    public var hasRVA: Bool { flags & 0x100 != 0 }
    public var isThreadStatic = false
    public var description: String { owner.fullName + "::" + name }
}
