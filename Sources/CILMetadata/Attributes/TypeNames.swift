/// Reflection-style full names of TypeDef and TypeRef rows: `Namespace.Outer+Inner`, the form
/// `Type.FullName` gives and serialized type names in attribute blobs use (II.23.3).
extension CLIFile {
    /// Nesting deeper than this is treated as a cycle in hostile metadata.
    static var maxNestingDepth: Int { 64 }

    /// The full name of a TypeDef or TypeRef (the generic definition's name for a TypeSpec
    /// instantiating one; TypeSpecs of other shapes are rejected).
    public func typeName(of token: MetadataToken) throws(MetadataError) -> String {
        switch token.table {
        case .typeDef?:
            return try typeDefFullName(token.row)
        case .typeRef?:
            return try typeRefFullName(token.row)
        case .typeSpec?:
            // II.23.2.14: `GENERICINST (CLASS|VALUETYPE) TypeDefOrRefEncoded …` names its definition.
            var r = try blobs.reader(try typeSpec(token.row).signature)
            guard try r.u8() == ElementType.genericInstance.rawValue else {
                throw MetadataError(.unsupported, "TypeSpec \(token) is not a generic instance", at: .tableRow(.typeSpec, token.row))
            }
            _ = try r.u8()
            let definition = try CodedIndex.typeDefOrRef.decode(try r.compressedUInt())
            guard definition.table != .typeSpec else {
                throw MetadataError(.invalidValue, "generic instance of a TypeSpec", at: .tableRow(.typeSpec, token.row))
            }
            return try typeName(of: definition)
        default:
            throw MetadataError(.invalidValue, "token \(token) is not a type")
        }
    }

    func typeDefFullName(_ row: UInt32) throws(MetadataError) -> String {
        var parts: [String] = []
        var current = row
        var seen: Set<UInt32> = []
        while true {
            guard seen.insert(current).inserted, seen.count <= Self.maxNestingDepth else {
                throw MetadataError(.tooDeep, "nesting cycle", at: .tableRow(.typeDef, row))
            }
            let def = try typeDef(current)
            guard let outer = try enclosingTypeDef(of: current) else {
                parts.append(Self.qualified(try string(def.namespace), try string(def.name)))
                break
            }
            // II.22.37: a nested type's namespace is empty; its enclosing type's namespace applies.
            parts.append(Self.escapedTypeNamePart(try string(def.name)))
            current = outer
        }
        return parts.reversed().joined(separator: "+")
    }

    func typeRefFullName(_ row: UInt32) throws(MetadataError) -> String {
        var parts: [String] = []
        var current = row
        var seen: Set<UInt32> = []
        while true {
            guard seen.insert(current).inserted, seen.count <= Self.maxNestingDepth else {
                throw MetadataError(.tooDeep, "TypeRef resolution scope cycle", at: .tableRow(.typeRef, row))
            }
            let ref = try typeRef(current)
            // II.22.38: a TypeRef whose scope is a TypeRef names a type nested in that one.
            if ref.resolutionScope.table == .typeRef && !ref.resolutionScope.isNil {
                parts.append(Self.escapedTypeNamePart(try string(ref.name)))
                current = ref.resolutionScope.row
            } else {
                parts.append(Self.qualified(try string(ref.namespace), try string(ref.name)))
                break
            }
        }
        return parts.reversed().joined(separator: "+")
    }

    /// The resolution scope at the root of a (possibly nested) TypeRef: a Module, ModuleRef or
    /// AssemblyRef token, or a nil token (II.22.38: then the ExportedType table says where it is).
    public func rootResolutionScope(ofTypeRef row: UInt32) throws(MetadataError) -> MetadataToken {
        var current = row
        for _ in 0 ..< Self.maxNestingDepth {
            let scope = try typeRef(current).resolutionScope
            guard scope.table == .typeRef, !scope.isNil else { return scope }
            current = scope.row
        }
        throw MetadataError(.tooDeep, "TypeRef resolution scope cycle", at: .tableRow(.typeRef, row))
    }

    /// The TypeDef enclosing TypeDef `row` (II.22.32), or `nil` if it is not nested.
    /// NestedClass is sorted by its NestedClass column (II.22.32), so it is binary-searched when
    /// the header says so; otherwise scanned.
    public func enclosingTypeDef(of row: UInt32) throws(MetadataError) -> UInt32? {
        let count = rowCount(.nestedClass)
        guard count > 0 else { return nil }
        if tables.isSorted(.nestedClass) {
            var lo: UInt32 = 1, hi = count
            while lo <= hi {
                let mid = lo + (hi - lo) / 2
                let nested = try tables.value(.nestedClass, mid, 0)
                if nested == row {
                    let outer = try tables.value(.nestedClass, mid, 1)
                    return outer == 0 || outer == row ? nil : outer
                }
                if nested < row { lo = mid + 1 } else { if mid == 1 { break }; hi = mid - 1 }
            }
            return nil
        }
        for r in 1 ... count where try tables.value(.nestedClass, r, 0) == row {
            let outer = try tables.value(.nestedClass, r, 1)
            return outer == 0 || outer == row ? nil : outer
        }
        return nil
    }

    /// Every TypeDef by full name (the first row wins when a hostile file repeats a name).
    public func typeDefinitionsByFullName() throws(MetadataError) -> [String: UInt32] {
        var map: [String: UInt32] = [:]
        for r in stride(from: UInt32(1), through: rowCount(.typeDef), by: 1) {
            let name = try typeDefFullName(r)
            if map[name] == nil { map[name] = r }
        }
        return map
    }

    static func qualified(_ namespace: String, _ name: String) -> String {
        let n = escapedTypeNamePart(name)
        return namespace.isEmpty ? n : escapedTypeNamePart(namespace) + "." + n
    }

    /// Characters that delimit parts of a serialized type name are escaped with a backslash,
    /// as reflection does, so that a name containing them still parses back to one type.
    static func escapedTypeNamePart(_ s: String) -> String {
        guard s.contains(where: { "\\,+&*[]".contains($0) }) else { return s }
        var out = ""
        for ch in s {
            if "\\,+&*[]".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
