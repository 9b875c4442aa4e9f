/// Element type codes used in signatures (II.23.1.16).
public enum ElementType: UInt8, Sendable {
    case end = 0x00, void = 0x01, boolean = 0x02, char = 0x03
    case int8 = 0x04, uint8 = 0x05, int16 = 0x06, uint16 = 0x07, int32 = 0x08, uint32 = 0x09
    case int64 = 0x0A, uint64 = 0x0B, float32 = 0x0C, float64 = 0x0D, string = 0x0E
    case pointer = 0x0F, byReference = 0x10, valueType = 0x11, `class` = 0x12
    case genericTypeParameter = 0x13, array = 0x14, genericInstance = 0x15, typedReference = 0x16
    case intPtr = 0x18, uintPtr = 0x19, functionPointer = 0x1B, object = 0x1C, szArray = 0x1D
    case genericMethodParameter = 0x1E, requiredModifier = 0x1F, optionalModifier = 0x20
    case `internal` = 0x21, modifier = 0x40, sentinel = 0x41, pinned = 0x45
    // II.23.3: only in custom attribute blobs.
    case systemType = 0x50, boxed = 0x51, field = 0x53, property = 0x54, `enum` = 0x55

    /// The primitive types that a provider maps directly (II.23.2.12's non-composite forms).
    public var isPrimitive: Bool {
        switch self {
        case .void, .boolean, .char, .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64,
             .float32, .float64, .string, .typedReference, .intPtr, .uintPtr, .object: true
        default: false
        }
    }
}

/// The calling convention byte that starts method, field, property and local signatures (II.23.2.1–.3).
public struct SignatureHeader: Sendable, Equatable {
    public let rawValue: UInt8
    public init(_ raw: UInt8) { rawValue = raw }

    public enum Kind: UInt8, Sendable {
        case `default` = 0x0, c = 0x1, stdCall = 0x2, thisCall = 0x3, fastCall = 0x4, varArg = 0x5
        case field = 0x6, localSignature = 0x7, property = 0x8, unmanaged = 0x9, methodSpec = 0xA
    }
    public var kind: Kind? { Kind(rawValue: rawValue & 0x0F) }
    public var isGeneric: Bool { rawValue & 0x10 != 0 }
    public var hasThis: Bool { rawValue & 0x20 != 0 }
    public var explicitThis: Bool { rawValue & 0x40 != 0 }
}

/// II.23.2.13 ArrayShape: rank, sizes and lower bounds (either list may be shorter than rank).
public struct ArrayShape: Sendable, Equatable {
    public var rank: Int
    public var sizes: [Int]
    public var lowerBounds: [Int]
}

public struct MethodSignature<T>: Sendable where T: Sendable {
    public var header: SignatureHeader
    public var genericParameterCount: Int
    public var returnType: T
    public var parameterTypes: [T]
    /// Parameters before the vararg sentinel (II.23.2.2); equals `parameterTypes.count` without one.
    public var requiredParameterCount: Int

    public var hasSentinel: Bool { requiredParameterCount < parameterTypes.count }
}
