/// A NATIVE_TYPE code of a marshalling descriptor (II.23.4, with the codes the CLR and Mono
/// define beyond the spec's list), named as ilasm writes it.
public struct NativeType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let boolean = NativeType(rawValue: 0x02)
    public static let int8 = NativeType(rawValue: 0x03)
    public static let uint8 = NativeType(rawValue: 0x04)
    public static let int16 = NativeType(rawValue: 0x05)
    public static let uint16 = NativeType(rawValue: 0x06)
    public static let int32 = NativeType(rawValue: 0x07)
    public static let uint32 = NativeType(rawValue: 0x08)
    public static let int64 = NativeType(rawValue: 0x09)
    public static let uint64 = NativeType(rawValue: 0x0A)
    public static let float32 = NativeType(rawValue: 0x0B)
    public static let float64 = NativeType(rawValue: 0x0C)
    public static let lpstr = NativeType(rawValue: 0x14)
    public static let lpwstr = NativeType(rawValue: 0x15)
    public static let fixedSysString = NativeType(rawValue: 0x17)
    public static let iunknown = NativeType(rawValue: 0x19)
    public static let idispatch = NativeType(rawValue: 0x1A)
    public static let interface = NativeType(rawValue: 0x1C)
    public static let safeArray = NativeType(rawValue: 0x1D)
    public static let fixedArray = NativeType(rawValue: 0x1E)
    public static let int = NativeType(rawValue: 0x1F)
    public static let uint = NativeType(rawValue: 0x20)
    public static let function = NativeType(rawValue: 0x26)
    public static let array = NativeType(rawValue: 0x2A)
    public static let customMarshaler = NativeType(rawValue: 0x2C)
    public static let iinspectable = NativeType(rawValue: 0x2E)
    /// NATIVE_TYPE_MAX: written as an ARRAY's element type when none was given.
    public static let max = NativeType(rawValue: 0x50)

    /// The ilasm keyword, or `nil` for a code without one.
    public var name: String? {
        switch rawValue {
        case 0x01: "void"
        case 0x02: "bool"
        case 0x03: "int8"
        case 0x04: "unsigned int8"
        case 0x05: "int16"
        case 0x06: "unsigned int16"
        case 0x07: "int32"
        case 0x08: "unsigned int32"
        case 0x09: "int64"
        case 0x0A: "unsigned int64"
        case 0x0B: "float32"
        case 0x0C: "float64"
        case 0x0D: "syschar"
        case 0x0E: "variant"
        case 0x0F: "currency"
        case 0x10: "*"
        case 0x11: "decimal"
        case 0x12: "date"
        case 0x13: "bstr"
        case 0x14: "lpstr"
        case 0x15: "lpwstr"
        case 0x16: "lptstr"
        case 0x17: "fixed sysstring"
        case 0x18: "objectref"
        case 0x19: "iunknown"
        case 0x1A: "idispatch"
        case 0x1B: "struct"
        case 0x1C: "interface"
        case 0x1D: "safearray"
        case 0x1E: "fixed array"
        case 0x1F: "int"
        case 0x20: "unsigned int"
        case 0x21: "nested struct"
        case 0x22: "byvalstr"
        case 0x23: "ansi bstr"
        case 0x24: "tbstr"
        case 0x25: "variant bool"
        case 0x26: "method"
        case 0x28: "as any"
        case 0x2A: "[]"
        case 0x2B: "lpstruct"
        case 0x2C: "custom"
        case 0x2D: "error"
        case 0x2E: "iinspectable"
        case 0x2F: "hstring"
        case 0x30: "lputf8str"
        default: nil
        }
    }

    public var description: String { name ?? "0x" + String(rawValue, radix: 16) }
}
