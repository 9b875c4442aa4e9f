/// Reverse lookups that the tables do not store directly: a type's members, its enclosing type,
/// the attributes, constants and generic parameters of an owner. Built once per file in one pass
/// over the tables (linear in their size, which is bounded by the file); hostile orderings
/// (unsorted tables, overlapping member lists) give clamped, possibly empty, ranges — never a trap.
public struct MetadataIndex: Sendable {
    public let file: CLIFile
    /// For each TypeDef row (1-based; index 0 unused): its field, method rows (after *Ptr indirection).
    public private(set) var fieldRanges: [Range<UInt32>]
    public private(set) var methodRanges: [Range<UInt32>]
    /// For each MethodDef row: its Param rows.
    public private(set) var paramRanges: [Range<UInt32>]
    /// Owner TypeDef of each Field and MethodDef row (0 if none).
    public private(set) var fieldOwner: [UInt32]
    public private(set) var methodOwner: [UInt32]
    /// Enclosing TypeDef of each TypeDef row (0 if not nested), and nested types of each.
    public private(set) var enclosing: [UInt32]
    public private(set) var nested: [UInt32: [UInt32]]
    public private(set) var customAttributes: [MetadataToken: [UInt32]]
    public private(set) var constants: [MetadataToken: UInt32]
    public private(set) var marshals: [MetadataToken: UInt32]
    public private(set) var genericParams: [MetadataToken: [UInt32]]
    public private(set) var genericParamConstraints: [UInt32: [UInt32]]
    public private(set) var interfaces: [UInt32: [UInt32]]
    public private(set) var classLayouts: [UInt32: UInt32]
    public private(set) var fieldLayouts: [UInt32: UInt32]
    public private(set) var fieldRVAs: [UInt32: UInt32]
    public private(set) var implMaps: [MetadataToken: UInt32]
    public private(set) var declSecurity: [MetadataToken: [UInt32]]
    public private(set) var methodImpls: [UInt32: [UInt32]]
    /// Properties and events of each TypeDef, and the methods (MethodSemantics rows) of each.
    public private(set) var properties: [UInt32: Range<UInt32>]
    public private(set) var events: [UInt32: Range<UInt32>]
    public private(set) var semantics: [MetadataToken: [UInt32]]
    /// Problems met while indexing (rows that could not be read), in lenient spirit.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ file: CLIFile) {
        self.file = file
        let t = file.tables
        let typeCount = t.rowCount(.typeDef)
        let fieldCount = t.rowCount(.field)
        let methodCount = t.rowCount(.methodDef)
        fieldRanges = Array(repeating: 0 ..< 0, count: Int(typeCount) + 1)
        methodRanges = fieldRanges
        paramRanges = Array(repeating: 0 ..< 0, count: Int(methodCount) + 1)
        fieldOwner = Array(repeating: 0, count: Int(fieldCount) + 1)
        methodOwner = Array(repeating: 0, count: Int(methodCount) + 1)
        enclosing = Array(repeating: 0, count: Int(typeCount) + 1)
        nested = [:]; customAttributes = [:]; constants = [:]; marshals = [:]; genericParams = [:]
        genericParamConstraints = [:]; interfaces = [:]; classLayouts = [:]; fieldLayouts = [:]
        fieldRVAs = [:]; implMaps = [:]; declSecurity = [:]; methodImpls = [:]
        properties = [:]; events = [:]; semantics = [:]

        func note(_ e: MetadataError) { diagnostics.append(Diagnostic(e)) }

        // II.22.37: a type's fields run from its FieldList to the next type's FieldList (or the end).
        func listRanges(count: UInt32, listEnd: UInt32, start: (UInt32) throws(MetadataError) -> UInt32) -> [Range<UInt32>] {
            var starts = [UInt32](repeating: listEnd + 1, count: Int(count) + 2)
            if count > 0 {
                for row in 1 ... count {
                    do { starts[Int(row)] = min(max(try start(row), 1), listEnd + 1) } catch { note(error) }
                }
            }
            var ranges = [Range<UInt32>](repeating: 0 ..< 0, count: Int(count) + 1)
            if count > 0 {
                for row in 1 ... count {
                    let lo = starts[Int(row)]
                    let hi = max(lo, row == count ? listEnd + 1 : starts[Int(row) + 1])
                    ranges[Int(row)] = lo ..< hi
                }
            }
            return ranges
        }
        let fieldListEnd = t.rowCount(.fieldPtr) > 0 ? t.rowCount(.fieldPtr) : fieldCount
        let methodListEnd = t.rowCount(.methodPtr) > 0 ? t.rowCount(.methodPtr) : methodCount
        let paramListEnd = t.rowCount(.paramPtr) > 0 ? t.rowCount(.paramPtr) : t.rowCount(.param)
        fieldRanges = listRanges(count: typeCount, listEnd: fieldListEnd) { (r) throws(MetadataError) in try t.value(.typeDef, r, 4) }
        methodRanges = listRanges(count: typeCount, listEnd: methodListEnd) { (r) throws(MetadataError) in try t.value(.typeDef, r, 5) }
        paramRanges = listRanges(count: methodCount, listEnd: paramListEnd) { (r) throws(MetadataError) in try t.value(.methodDef, r, 5) }

        if typeCount > 0 {
            for type in 1 ... typeCount {
                for f in fieldRanges[Int(type)] {
                    let row = fieldRow(listIndex: f)
                    if row >= 1 && row <= fieldCount && fieldOwner[Int(row)] == 0 { fieldOwner[Int(row)] = type }
                }
                for m in methodRanges[Int(type)] {
                    let row = methodRow(listIndex: m)
                    if row >= 1 && row <= methodCount && methodOwner[Int(row)] == 0 { methodOwner[Int(row)] = type }
                }
            }
        }

        func each(_ table: TableID, _ body: (UInt32) throws(MetadataError) -> Void) {
            let n = t.rowCount(table)
            guard n > 0 else { return }
            for r in 1 ... n {
                do { try body(r) } catch { note(error.located(.tableRow(table, r))) }
            }
        }
        each(.nestedClass) { (r) throws(MetadataError) in
            let row = try file.nestedClass(r)
            guard row.nested >= 1, row.nested <= typeCount, row.enclosing >= 1, row.enclosing <= typeCount, row.nested != row.enclosing else { return }
            if enclosing[Int(row.nested)] == 0 {
                enclosing[Int(row.nested)] = row.enclosing
                nested[row.enclosing, default: []].append(row.nested)
            }
        }
        // Break nesting cycles (a hostile file may make A enclose B enclose A).
        if typeCount > 0 {
            for type in 1 ... typeCount {
                var seen = Set<UInt32>([type])
                var cur = enclosing[Int(type)]
                while cur != 0 {
                    if !seen.insert(cur).inserted || seen.count > 64 {
                        note(MetadataError(.tooDeep, "nesting cycle", at: .tableRow(.typeDef, type)))
                        if let e = nested[enclosing[Int(type)]] { nested[enclosing[Int(type)]] = e.filter { $0 != type } }
                        enclosing[Int(type)] = 0
                        break
                    }
                    cur = enclosing[Int(cur)]
                }
            }
        }
        each(.customAttribute) { (r) throws(MetadataError) in customAttributes[try file.customAttribute(r).parent, default: []].append(r) }
        each(.constant) { (r) throws(MetadataError) in let p = try file.constant(r).parent; if constants[p] == nil { constants[p] = r } }
        each(.fieldMarshal) { (r) throws(MetadataError) in let p = try file.fieldMarshal(r).parent; if marshals[p] == nil { marshals[p] = r } }
        each(.genericParam) { (r) throws(MetadataError) in genericParams[try file.genericParam(r).owner, default: []].append(r) }
        each(.genericParamConstraint) { (r) throws(MetadataError) in genericParamConstraints[try file.genericParamConstraint(r).owner, default: []].append(r) }
        each(.interfaceImpl) { (r) throws(MetadataError) in interfaces[try file.interfaceImpl(r).type, default: []].append(r) }
        each(.classLayout) { (r) throws(MetadataError) in let p = try file.classLayout(r).parent; if classLayouts[p] == nil { classLayouts[p] = r } }
        each(.fieldLayout) { (r) throws(MetadataError) in let p = try file.fieldLayout(r).field; if fieldLayouts[p] == nil { fieldLayouts[p] = r } }
        each(.fieldRVA) { (r) throws(MetadataError) in let p = try file.fieldRVA(r).field; if fieldRVAs[p] == nil { fieldRVAs[p] = r } }
        each(.implMap) { (r) throws(MetadataError) in let p = try file.implMap(r).member; if implMaps[p] == nil { implMaps[p] = r } }
        each(.declSecurity) { (r) throws(MetadataError) in declSecurity[try file.declSecurity(r).parent, default: []].append(r) }
        each(.methodImpl) { (r) throws(MetadataError) in methodImpls[try file.methodImpl(r).type, default: []].append(r) }
        each(.methodSemantics) { (r) throws(MetadataError) in semantics[try file.methodSemantics(r).association, default: []].append(r) }
        // II.22.35 / II.22.12: PropertyMap and EventMap give list starts like FieldList.
        let propertyEnd = t.rowCount(.propertyPtr) > 0 ? t.rowCount(.propertyPtr) : t.rowCount(.property)
        let propertyMapRanges = listRanges(count: t.rowCount(.propertyMap), listEnd: propertyEnd) { (r) throws(MetadataError) in try t.value(.propertyMap, r, 1) }
        each(.propertyMap) { (r) throws(MetadataError) in let p = try file.propertyMap(r).parent; if properties[p] == nil { properties[p] = propertyMapRanges[Int(r)] } }
        let eventEnd = t.rowCount(.eventPtr) > 0 ? t.rowCount(.eventPtr) : t.rowCount(.event)
        let eventMapRanges = listRanges(count: t.rowCount(.eventMap), listEnd: eventEnd) { (r) throws(MetadataError) in try t.value(.eventMap, r, 1) }
        each(.eventMap) { (r) throws(MetadataError) in let p = try file.eventMap(r).parent; if events[p] == nil { events[p] = eventMapRanges[Int(r)] } }
    }

    // MARK: *Ptr indirection (II.24.2.6: only in uncompressed `#-` streams)

    func indirect(_ table: TableID, _ ptr: TableID, _ index: UInt32) -> UInt32 {
        guard file.tables.rowCount(ptr) > 0 else { return index }
        return (try? file.tables.value(ptr, index, 0)) ?? 0
    }
    public func fieldRow(listIndex i: UInt32) -> UInt32 { indirect(.field, .fieldPtr, i) }
    public func methodRow(listIndex i: UInt32) -> UInt32 { indirect(.methodDef, .methodPtr, i) }
    public func paramRow(listIndex i: UInt32) -> UInt32 { indirect(.param, .paramPtr, i) }
    public func propertyRow(listIndex i: UInt32) -> UInt32 { indirect(.property, .propertyPtr, i) }
    public func eventRow(listIndex i: UInt32) -> UInt32 { indirect(.event, .eventPtr, i) }

    /// Field rows of TypeDef `type`, in declaration order.
    public func fields(of type: UInt32) -> [UInt32] {
        guard type >= 1 && Int(type) < fieldRanges.count else { return [] }
        return fieldRanges[Int(type)].map(fieldRow).filter { $0 >= 1 && $0 <= file.rowCount(.field) }
    }
    public func methods(of type: UInt32) -> [UInt32] {
        guard type >= 1 && Int(type) < methodRanges.count else { return [] }
        return methodRanges[Int(type)].map(methodRow).filter { $0 >= 1 && $0 <= file.rowCount(.methodDef) }
    }
    public func params(of method: UInt32) -> [UInt32] {
        guard method >= 1 && Int(method) < paramRanges.count else { return [] }
        return paramRanges[Int(method)].map(paramRow).filter { $0 >= 1 && $0 <= file.rowCount(.param) }
    }
    public func propertyRows(of type: UInt32) -> [UInt32] {
        (properties[type] ?? 0 ..< 0).map(propertyRow).filter { $0 >= 1 && $0 <= file.rowCount(.property) }
    }
    public func eventRows(of type: UInt32) -> [UInt32] {
        (events[type] ?? 0 ..< 0).map(eventRow).filter { $0 >= 1 && $0 <= file.rowCount(.event) }
    }
    public func nestedTypes(of type: UInt32) -> [UInt32] { nested[type] ?? [] }
    public func enclosingType(of type: UInt32) -> UInt32 {
        Int(type) < enclosing.count ? enclosing[Int(type)] : 0
    }
    public func attributes(of owner: MetadataToken) -> [UInt32] { customAttributes[owner] ?? [] }
    public func genericParameters(of owner: MetadataToken) -> [UInt32] {
        // II.22.20: ordered by Number; a hostile file may not be, so sort.
        (genericParams[owner] ?? []).sorted { a, b in
            ((try? file.genericParam(a).number) ?? 0, a) < ((try? file.genericParam(b).number) ?? 0, b)
        }
    }
}
