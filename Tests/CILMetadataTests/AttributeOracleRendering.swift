import CILMetadata

/// Renders decoded values in the probe's reflection format (see `AttributeProbe.source`).
enum AttrRender {
    static func attribute(_ owner: String, _ v: CustomAttributeValue) -> String {
        let params = v.parameterTypes.map(\.description).joined(separator: ",")
        let fixed = v.fixedArguments.map(argument).joined(separator: ";")
        let named = v.namedArguments.map { ($0.isField ? "F:" : "P:") + $0.name + ":" + $0.type.description + "=" + namedValue($0) }
        return "A|\(owner)|\(v.attributeTypeName)|(\(params))|\(fixed)|\(named.joined(separator: ";"))"
    }

    /// Mono's reflection shows an enum boxed in a named argument of type `object` as its bare
    /// underlying integer (the enum type is in the blob, and positional arguments keep it).
    static func namedValue(_ n: NamedAttributeArgument) -> String {
        if n.type == .object, case .enumeration(let e, _) = n.value {
            return AttributeArgumentType.primitive(e.underlyingType).description + ":" + n.value.integerText!
        }
        return argument(n.value)
    }

    static func argument(_ a: AttributeArgument) -> String {
        switch a {
        case .string(nil), .type(nil), .array(_, nil): return "null"
        case .array(_, let elements?): return "{" + elements.map(argument).joined(separator: ",") + "}"
        case .enumeration(let e, _): return e.name + ":" + a.integerText!
        // Reflection shows the type, whose full name is the serialized name without its assembly.
        case .type(let name?): return "typeof:" + SerializedTypeName(parsing: name).typeName
        case .string(let s?): return "System.String:" + escape(Array(s.utf16))
        case .boolean(let b): return "System.Boolean:" + (b ? "True" : "False")
        case .float32(let bits): return "System.Single:" + hex(UInt64(bits), digits: 8)
        case .float64(let bits): return "System.Double:" + hex(bits, digits: 16)
        default: return a.type.description + ":" + a.integerText!
        }
    }

    static func constant(_ c: ConstantValue) -> String {
        switch c {
        case .nullReference: "null"
        case .string(let units): "System.String:" + escape(units)
        case .boolean(let b): "System.Boolean:" + (b ? "True" : "False")
        case .char(let v): "System.Char:\(v)"
        case .int8(let v): "System.SByte:\(v)"
        case .uint8(let v): "System.Byte:\(v)"
        case .int16(let v): "System.Int16:\(v)"
        case .uint16(let v): "System.UInt16:\(v)"
        case .int32(let v): "System.Int32:\(v)"
        case .uint32(let v): "System.UInt32:\(v)"
        case .int64(let v): "System.Int64:\(v)"
        case .uint64(let v): "System.UInt64:\(v)"
        case .float32(let bits): "System.Single:" + hex(UInt64(bits), digits: 8)
        case .float64(let bits): "System.Double:" + hex(bits, digits: 16)
        }
    }

    /// Mono's MarshalAsAttribute fills in absent parts with defaults: element type 0x50
    /// (NATIVE_TYPE_MAX, "none given"), size 0, parameter index 0.
    static func marshal(_ m: MarshalDescriptor) -> String {
        switch m {
        case .fixedArray(let count, _): "30 size=\(count ?? 0)"
        case .fixedString(let size): "23 size=\(size ?? 0)"
        case .array(let element, let param, let count, _):
            "42 sub=\(element?.rawValue ?? NativeType.max.rawValue) size=\(count ?? 0) param=\(param ?? 0)"
        case .customMarshaler(_, _, let managed, let cookie): "44 type=\(managed) cookie=\(cookie)"
        case .native(let t), .interface(let t, _): "\(t.rawValue)"
        case .safeArray: "29"
        case .raw(let bytes): "raw \(AttrTest.hex(bytes))"
        }
    }

    /// The enum types in a value that the probe does not define (those the resolver answered).
    static func externalEnums(_ v: CustomAttributeValue) -> [AttributeEnumType] {
        var out: [AttributeEnumType] = []
        func visit(_ t: AttributeArgumentType) {
            switch t {
            case .enumeration(let e) where !e.name.hasPrefix("Probe."): out.append(e)
            case .szArray(let e): visit(e)
            default: break
            }
        }
        func visit(_ a: AttributeArgument) {
            visit(a.type)
            if case .array(_, let elements?) = a { elements.forEach(visit) }
        }
        v.parameterTypes.forEach(visit)
        v.namedArguments.forEach { visit($0.type) }
        (v.fixedArguments + v.namedArguments.map(\.value)).forEach(visit)
        return out
    }

    static func escape(_ units: [UInt16]) -> String {
        var s = "\""
        for u in units {
            if u >= 0x20 && u < 0x7F && u != 0x22 && u != 0x5C { s.append(Character(Unicode.Scalar(UInt8(u)))) } else { s += "\\u" + hex(UInt64(u), digits: 4) }
        }
        return s + "\""
    }

    static func hex(_ v: UInt64, digits: Int) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}

/// The probe's owner labels (`type Ns.T`, `field Ns.T::F`, `method Ns.T::M/2`, `param …#1`) for
/// the parents of attributes, constants and marshalling descriptors.
struct AttrOwnerNames {
    let file: CLIFile
    let index: MetadataIndex
    var paramMethod: [UInt32: UInt32] = [:]
    var propertyType: [UInt32: UInt32] = [:]
    var eventType: [UInt32: UInt32] = [:]

    init(_ file: CLIFile, _ index: MetadataIndex) {
        self.file = file
        self.index = index
        for m in stride(from: UInt32(1), through: file.rowCount(.methodDef), by: 1) {
            for p in index.params(of: m) { paramMethod[p] = m }
        }
        for t in stride(from: UInt32(1), through: file.rowCount(.typeDef), by: 1) {
            for p in index.propertyRows(of: t) { propertyType[p] = t }
            for e in index.eventRows(of: t) { eventType[e] = t }
        }
    }

    func label(_ token: MetadataToken) throws -> String? {
        switch token.table {
        case .assembly?: return "assembly"
        case .module?: return "module"
        case .typeDef?: return "type " + (try file.typeName(of: token))
        case .field?:
            return "field " + (try member(index.fieldOwner[Int(token.row)], file.string(file.field(token.row).name)))
        case .methodDef?: return "method " + (try method(token.row))
        case .param?:
            guard let m = paramMethod[token.row] else { return nil }
            return "param " + (try method(m)) + "#\(try file.param(token.row).sequence)"
        case .property?:
            return "property " + (try member(propertyType[token.row] ?? 0, file.string(file.property(token.row).name)))
        case .event?:
            return "event " + (try member(eventType[token.row] ?? 0, file.string(file.event(token.row).name)))
        default: return nil
        }
    }

    func member(_ type: UInt32, _ name: String) throws -> String {
        try file.typeName(of: MetadataToken(.typeDef, type)) + "::" + name
    }

    func method(_ row: UInt32) throws -> String {
        let m = try file.methodDef(row)
        var decoder = SignatureDecoder(provider: CountingProvider(), file: file)
        let count = try decoder.methodSignature(blob: m.signature).parameterTypes.count
        return try member(index.methodOwner[Int(row)], file.string(m.name)) + "/\(count)"
    }
}
