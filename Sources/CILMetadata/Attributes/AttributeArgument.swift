/// The decoded value of one CustomAttribute row (II.22.10, blob grammar II.23.3).
public struct CustomAttributeValue: Sendable, Equatable {
    /// The constructor: a MethodDef or MemberRef token.
    public var constructor: MetadataToken
    /// The reflection-style full name of the attribute type (`Ns.Outer+Inner`).
    public var attributeTypeName: String
    /// The constructor's parameter types, one per fixed argument.
    public var parameterTypes: [AttributeArgumentType]
    public var fixedArguments: [AttributeArgument]
    public var namedArguments: [NamedAttributeArgument]
    /// Enum types (full names) whose underlying type could not be found and was assumed to be
    /// `int32`: the values of such enums are only right if the assumption is.
    public var assumedEnumTypes: [String]

    public var hasAssumedEnumTypes: Bool { !assumedEnumTypes.isEmpty }

    public init(constructor: MetadataToken, attributeTypeName: String, parameterTypes: [AttributeArgumentType],
                fixedArguments: [AttributeArgument], namedArguments: [NamedAttributeArgument], assumedEnumTypes: [String] = []) {
        self.constructor = constructor
        self.attributeTypeName = attributeTypeName
        self.parameterTypes = parameterTypes
        self.fixedArguments = fixedArguments
        self.namedArguments = namedArguments
        self.assumedEnumTypes = assumedEnumTypes
    }
}

/// A named argument: a field (0x53) or property (0x54) set after construction (II.23.3).
public struct NamedAttributeArgument: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case field = 0x53, property = 0x54 }
    public var kind: Kind
    public var name: String
    /// The declared type (FieldOrPropType); `.object` when the value carries its own type.
    public var type: AttributeArgumentType
    public var value: AttributeArgument

    public var isField: Bool { kind == .field }

    public init(kind: Kind, name: String, type: AttributeArgumentType, value: AttributeArgument) {
        self.kind = kind
        self.name = name
        self.type = type
        self.value = value
    }
}

/// An enum type met in an attribute, with the integer type its values are stored as.
public struct AttributeEnumType: Sendable, Hashable {
    /// Full name without assembly (`Ns.Outer+Inner`).
    public var name: String
    /// The assembly named in a serialized type name, or the AssemblyRef of a TypeRef; `nil` when
    /// the enum is defined here or the name did not say.
    public var assemblyName: String?
    /// One of the integer element types (or `boolean`/`char`, which IL allows as enum bases).
    public var underlyingType: ElementType
    /// `true` when the underlying type was not found and `int32` was assumed.
    public var underlyingTypeWasAssumed: Bool

    public init(name: String, assemblyName: String?, underlyingType: ElementType, underlyingTypeWasAssumed: Bool) {
        self.name = name
        self.assemblyName = assemblyName
        self.underlyingType = underlyingType
        self.underlyingTypeWasAssumed = underlyingTypeWasAssumed
    }
}

/// The types an attribute argument can have (II.23.3: the constructor's parameter types and
/// FieldOrPropType).
public indirect enum AttributeArgumentType: Sendable, Hashable, CustomStringConvertible {
    /// `boolean`, `char`, the eight integer types, `float32`, `float64` or `string`.
    case primitive(ElementType)
    /// `System.Type`, stored as a serialized type name.
    case systemType
    /// `System.Object`: the value is preceded by its own FieldOrPropType (a "boxed" value).
    case object
    case enumeration(AttributeEnumType)
    /// A single-dimensional, zero-based array (SZARRAY); arrays do not nest.
    case szArray(AttributeArgumentType)

    /// The reflection name of the type (`System.Int32`, `System.Type`, `Ns.E[]`).
    public var description: String {
        switch self {
        case .primitive(let e): return AttributeArgumentType.systemName(of: e)
        case .systemType: return "System.Type"
        case .object: return "System.Object"
        case .enumeration(let e): return e.name
        case .szArray(let e): return e.description + "[]"
        }
    }

    static func systemName(of e: ElementType) -> String {
        switch e {
        case .boolean: "System.Boolean"
        case .char: "System.Char"
        case .int8: "System.SByte"
        case .uint8: "System.Byte"
        case .int16: "System.Int16"
        case .uint16: "System.UInt16"
        case .int32: "System.Int32"
        case .uint32: "System.UInt32"
        case .int64: "System.Int64"
        case .uint64: "System.UInt64"
        case .float32: "System.Single"
        case .float64: "System.Double"
        case .string: "System.String"
        default: "element type 0x" + String(e.rawValue, radix: 16)
        }
    }
}

/// One argument value. Integers are kept exactly in their own type; floating-point values as
/// their bit patterns (so NaN payloads and -0.0 survive; `doubleValue` converts).
public indirect enum AttributeArgument: Sendable, Hashable {
    case boolean(Bool)
    /// A UTF-16 code unit (II.23.3: a char is two bytes).
    case char(UInt16)
    case int8(Int8)
    case uint8(UInt8)
    case int16(Int16)
    case uint16(UInt16)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case float32(bits: UInt32)
    case float64(bits: UInt64)
    /// A SerString; `nil` is the null string (length byte 0xFF).
    case string(String?)
    /// A `System.Type` as the serialized type name (possibly assembly-qualified); `nil` is null.
    case type(String?)
    /// An enum value: its type and the stored integer, zero-extended to 64 bits.
    case enumeration(AttributeEnumType, rawValue: UInt64)
    /// An SZARRAY of `elementType`; `nil` elements is the null array (count 0xFFFFFFFF).
    case array(elementType: AttributeArgumentType, elements: [AttributeArgument]?)

    /// The value of a `float32`/`float64` argument as a `Double`.
    public var doubleValue: Double? {
        switch self {
        case .float32(let bits): Double(Float(bitPattern: bits))
        case .float64(let bits): Double(bitPattern: bits)
        default: nil
        }
    }

    /// The type this value carries (what a boxed `object` slot records before it).
    public var type: AttributeArgumentType {
        switch self {
        case .boolean: .primitive(.boolean)
        case .char: .primitive(.char)
        case .int8: .primitive(.int8)
        case .uint8: .primitive(.uint8)
        case .int16: .primitive(.int16)
        case .uint16: .primitive(.uint16)
        case .int32: .primitive(.int32)
        case .uint32: .primitive(.uint32)
        case .int64: .primitive(.int64)
        case .uint64: .primitive(.uint64)
        case .float32: .primitive(.float32)
        case .float64: .primitive(.float64)
        case .string: .primitive(.string)
        case .type: .systemType
        case .enumeration(let e, _): .enumeration(e)
        case .array(let element, _): .szArray(element)
        }
    }

    /// An enum's value sign-extended when its underlying type is signed.
    public static func signedEnumValue(_ raw: UInt64, underlying: ElementType) -> Int64 {
        switch underlying {
        case .int8: Int64(Int8(truncatingIfNeeded: raw))
        case .int16: Int64(Int16(truncatingIfNeeded: raw))
        case .int32: Int64(Int32(truncatingIfNeeded: raw))
        default: Int64(bitPattern: raw)
        }
    }

    /// The integer of an enum or integer argument as decimal text, signed or not as its type is.
    public var integerText: String? {
        switch self {
        case .int8(let v): String(v)
        case .uint8(let v): String(v)
        case .int16(let v): String(v)
        case .uint16(let v): String(v)
        case .int32(let v): String(v)
        case .uint32(let v): String(v)
        case .int64(let v): String(v)
        case .uint64(let v): String(v)
        case .char(let v): String(v)
        case .boolean(let v): v ? "1" : "0"
        case .enumeration(let e, let raw):
            switch e.underlyingType {
            case .int8, .int16, .int32, .int64: String(AttributeArgument.signedEnumValue(raw, underlying: e.underlyingType))
            default: String(raw)
            }
        default: nil
        }
    }
}
