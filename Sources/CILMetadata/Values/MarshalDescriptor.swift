/// A FieldMarshal blob (II.22.17, grammar II.23.4): how a field or parameter is marshalled to
/// native code. Forms the grammar gives structure to are decoded; anything else, or anything
/// malformed, is kept as raw bytes (a marshalling descriptor is data to show, never to trust).
public enum MarshalDescriptor: Sendable, Hashable {
    /// A lone NativeType byte (`lpwstr`, `bool`, `int32`…).
    case native(NativeType)
    /// ARRAY (0x2A): element type (0x50 MAX when none was given), the index of the parameter
    /// holding the element count, a fixed element count, and the CLR's trailing flag (1 when the
    /// parameter index was given explicitly) — each present only if the blob has it.
    case array(elementType: NativeType?, sizeParameterIndex: UInt32?, elementCount: UInt32?, flags: UInt32?)
    /// FIXEDARRAY (0x1E): a by-value array of `elementCount` elements.
    case fixedArray(elementCount: UInt32?, elementType: NativeType?)
    /// FIXEDSYSSTRING (0x17): a by-value string of `size` characters.
    case fixedString(size: UInt32?)
    /// SAFEARRAY (0x1D): the VARENUM of the elements and, for VT_RECORD, the record type's name.
    case safeArray(variantType: UInt32?, userDefinedSubType: String?)
    /// CUSTOMMARSHALER (0x2C): four counted UTF-8 strings.
    case customMarshaler(guid: String, nativeTypeName: String, managedTypeName: String, cookie: String)
    /// IUNKNOWN, IDISPATCH, INTERFACE or IINSPECTABLE, with the parameter holding the IID.
    case interface(NativeType, iidParameterIndex: UInt32?)
    /// A blob this decoder does not understand, byte for byte.
    case raw([UInt8])

    /// The leading NATIVE_TYPE code.
    public var nativeType: NativeType? {
        switch self {
        case .native(let t), .interface(let t, _): t
        case .array: .array
        case .fixedArray: .fixedArray
        case .fixedString: .fixedSysString
        case .safeArray: .safeArray
        case .customMarshaler: .customMarshaler
        case .raw(let bytes): bytes.first.map(NativeType.init(rawValue:))
        }
    }

    /// Decodes `blob` (the whole NativeType blob). Never throws: what does not parse is `.raw`.
    public init(blob: [UInt8]) {
        var r = ByteReader(blob)
        self = (try? MarshalDescriptor.parse(&r)) ?? .raw(blob)
    }

    private static func parse(_ r: inout ByteReader) throws(MetadataError) -> MarshalDescriptor {
        let code = NativeType(rawValue: try r.u8())
        func optional() throws(MetadataError) -> UInt32? { r.isAtEnd ? nil : try r.compressedUInt() }
        func optionalType() throws(MetadataError) -> NativeType? { r.isAtEnd ? nil : NativeType(rawValue: try r.u8()) }
        func counted() throws(MetadataError) -> String {
            let n = Int(try r.compressedUInt())
            return String(decoding: r.bytes[try r.range(n)], as: UTF8.self)
        }
        let result: MarshalDescriptor
        switch code {
        case .array:
            let element = try optionalType()
            let param = try optional()
            let count = try optional()
            result = .array(elementType: element, sizeParameterIndex: param, elementCount: count, flags: try optional())
        case .fixedArray:
            let count = try optional()
            result = .fixedArray(elementCount: count, elementType: try optionalType())
        case .fixedSysString:
            result = .fixedString(size: try optional())
        case .safeArray:
            let variant = try optional()
            result = .safeArray(variantType: variant, userDefinedSubType: r.isAtEnd ? nil : try counted())
        case .customMarshaler:
            result = .customMarshaler(guid: try counted(), nativeTypeName: try counted(), managedTypeName: try counted(), cookie: try counted())
        case .iunknown, .idispatch, .interface, .iinspectable:
            result = .interface(code, iidParameterIndex: try optional())
        default:
            result = .native(code)
        }
        // Bytes the grammar does not account for: keep everything raw rather than guess.
        guard r.isAtEnd else { throw MetadataError(.invalidValue, "trailing bytes") }
        return result
    }
}

extension CLIFile {
    /// The marshalling descriptor of FieldMarshal row `row` (II.22.17).
    public func marshalDescriptor(_ row: UInt32) throws(MetadataError) -> MarshalDescriptor {
        let m = try fieldMarshal(row)
        do throws(MetadataError) {
            let blob = try blobs.bytes(m.nativeType)
            if blob.isEmpty && mode == .strict {
                throw MetadataError(.invalidValue, "empty marshalling descriptor", at: .heap("#Blob", m.nativeType))
            }
            return MarshalDescriptor(blob: blob)
        } catch { throw error.located(.tableRow(.fieldMarshal, row)) }
    }
}
