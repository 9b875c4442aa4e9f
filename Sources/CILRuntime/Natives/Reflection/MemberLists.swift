import CILMetadata

/// The member lists of System.RuntimeType (Mono's icall.c `ves_icall_RuntimeType_Get*_native`):
/// each returns a GPtrArray of handles that managed code turns into reflection objects and then
/// filters again by BindingFlags. The icalls filter as Mono's do, walking the base types.
enum BindingFlagBits {
    static let ignoreCase: UInt32 = 0x1
    static let declaredOnly: UInt32 = 0x2
    static let instance: UInt32 = 0x4
    static let `static`: UInt32 = 0x8
    static let `public`: UInt32 = 0x10
    static let nonPublic: UInt32 = 0x20
    static let flattenHierarchy: UInt32 = 0x40
}

/// RuntimeType.MemberListType.
enum MemberListKind {
    static let all: UInt32 = 0
    static let caseSensitive: UInt32 = 1
    static let caseInsensitive: UInt32 = 2
}

/// How a member name is matched: not at all (All, or no name), exactly, or ignoring case.
struct NameFilter {
    let name: String?
    let ignoreCase: Bool

    init(name: String?, listType: UInt32, ignoreCase: Bool) {
        self.name = listType == MemberListKind.all ? nil : name
        self.ignoreCase = ignoreCase || listType == MemberListKind.caseInsensitive
    }

    func matches(_ candidate: String) -> Bool {
        guard let name else { return true }
        return ignoreCase ? name.lowercased() == candidate.lowercased() : name == candidate
    }
}

extension ReflectionState {
    /// The classes searched for members of `t`: itself, then its base types unless DeclaredOnly.
    func hierarchy(_ r: Runtime, _ t: RuntimeType, declaredOnly: Bool) throws(RuntimeError) -> [RuntimeType] {
        var chain: [RuntimeType] = []
        var current: RuntimeType? = t
        while let c = current, chain.count < 512 {
            try r.ensureHierarchy(c)
            chain.append(c)
            if declaredOnly { break }
            current = c.isInterface ? nil : c.baseType
        }
        return chain
    }

    /// Whether a non-public method is visible through a derived class (Mono's method_nonpublic).
    static func methodNonPublic(_ flags: UInt16, startClass: Bool) -> Bool {
        switch flags & 0x7 {
        case 3: return true           // assembly: Mono answers true in 2.0 profiles
        case 1: return startClass     // private
        case 6: return false          // public
        default: return true
        }
    }

    /// Mono's mono_class_get_methods_by_name.
    func methodsByName(_ r: Runtime, _ start: RuntimeType, name: String?, bflags: UInt32, listType: UInt32, allowConstructors: Bool) throws(RuntimeError) -> [RuntimeMethod] {
        if start.kind == .byReference || start.kind == .pointer || start.isGenericParameter { return [] }
        let filter = NameFilter(name: name, listType: listType, ignoreCase: bflags & BindingFlagBits.ignoreCase != 0)
        if r.isDelegateType(start), name == "Invoke", bflags == BindingFlagBits.public | BindingFlagBits.static | BindingFlagBits.instance {
            try r.ensureMethods(start)
            if let invoke = start.methods.first(where: { $0.name == "Invoke" }) { return [invoke] }
        }
        var result: [RuntimeMethod] = []
        var seenSlots = Set<Int>()
        // An array's own (runtime-provided) methods are not listed; System.Array's are.
        let first = start.isArray ? (start.baseType ?? start) : start
        for klass in try hierarchy(r, first, declaredOnly: bflags & BindingFlagBits.declaredOnly != 0) {
            try r.ensureMethods(klass)
            if klass.module != nil { try r.ensureVTable(klass) }
            let isStart = klass === first
            for m in klass.methods {
                if m.vtableSlot >= 0 {
                    if seenSlots.contains(m.vtableSlot) { continue }
                    if !m.isNewSlot { seenSlots.insert(m.vtableSlot) }
                }
                if !allowConstructors && (m.name == ".ctor" || m.name == ".cctor") { continue }
                if m.accessibility == 6 {
                    if bflags & BindingFlagBits.public == 0 { continue }
                } else if !(bflags & BindingFlagBits.nonPublic != 0 && Self.methodNonPublic(m.flags, startClass: isStart)) {
                    continue
                }
                if m.isStatic {
                    guard bflags & BindingFlagBits.static != 0, bflags & BindingFlagBits.flattenHierarchy != 0 || isStart else { continue }
                } else if bflags & BindingFlagBits.instance == 0 {
                    continue
                }
                if !filter.matches(m.name) { continue }
                result.append(m)
            }
        }
        return result
    }

    /// Mono's GetConstructors_native: the constructors (and type initializer) of the class itself.
    func constructors(_ r: Runtime, _ t: RuntimeType, bflags: UInt32) throws(RuntimeError) -> [RuntimeMethod] {
        if t.kind == .byReference || t.kind == .pointer || t.isGenericParameter || t.isArray { return [] }
        try r.ensureMethods(t)
        return t.methods.filter { m in
            guard m.name == ".ctor" || m.name == ".cctor" else { return false }
            if m.accessibility == 6 { if bflags & BindingFlagBits.public == 0 { return false } }
            else if bflags & BindingFlagBits.nonPublic == 0 { return false }
            if m.isStatic { return bflags & BindingFlagBits.static != 0 }
            return bflags & BindingFlagBits.instance != 0
        }
    }

    /// The fields of `t` in metadata order (static, literal and instance together).
    func declaredFields(_ r: Runtime, _ t: RuntimeType) throws(RuntimeError) -> [RuntimeField] {
        guard let module = t.module else { return [] }
        try r.ensureLayout(t)
        var byRow: [UInt32: RuntimeField] = [:]
        for f in t.instanceFields + t.staticFields { byRow[f.row] = f }
        return module.index.fields(of: t.typeDefRow).compactMap { byRow[$0] }
    }

    /// Mono's GetFields_native.
    func fields(_ r: Runtime, _ start: RuntimeType, name: String?, bflags: UInt32, listType: UInt32) throws(RuntimeError) -> [RuntimeField] {
        if start.kind == .byReference { return [] }
        let filter = NameFilter(name: name, listType: listType, ignoreCase: bflags & BindingFlagBits.ignoreCase != 0)
        var result: [RuntimeField] = []
        for klass in try hierarchy(r, start, declaredOnly: bflags & BindingFlagBits.declaredOnly != 0) {
            let isStart = klass === start
            for f in try declaredFields(r, klass) {
                let access = f.flags & 0x7
                if access == 6 {
                    if bflags & BindingFlagBits.public == 0 { continue }
                } else if isStart || access != 1 {
                    if bflags & BindingFlagBits.nonPublic == 0 { continue }
                } else {
                    continue
                }
                if f.isStatic {
                    guard bflags & BindingFlagBits.static != 0, bflags & BindingFlagBits.flattenHierarchy != 0 || isStart else { continue }
                } else if bflags & BindingFlagBits.instance == 0 {
                    continue
                }
                if !filter.matches(f.name) { continue }
                result.append(f)
            }
        }
        return result
    }

    /// Mono's GetNestedTypes_native: nested types of the definition, public or not as asked.
    func nestedTypes(_ r: Runtime, _ t: RuntimeType, name: String?, bflags: UInt32, listType: UInt32) throws(RuntimeError) -> [RuntimeType] {
        if t.kind == .byReference { return [] }
        let definition = t.typeDefinition
        guard let module = definition.module, definition.typeDefRow != 0 else { return [] }
        let filter = NameFilter(name: name, listType: listType, ignoreCase: bflags & BindingFlagBits.ignoreCase != 0)
        var result: [RuntimeType] = []
        for row in module.index.nestedTypes(of: definition.typeDefRow) {
            let nested = try r.typeDef(module, row)
            if nested.flags & 0x7 == 2 {
                if bflags & BindingFlagBits.public == 0 { continue }
            } else if bflags & BindingFlagBits.nonPublic == 0 {
                continue
            }
            if !filter.matches(nested.name) { continue }
            result.append(nested)
        }
        return result
    }
}

// MARK: properties and events

extension ReflectionState {
    /// The accessor methods (MethodSemantics rows) of a Property or Event row, on type `t`.
    private func semantics(_ r: Runtime, _ t: RuntimeType, _ module: RuntimeModule, _ token: MetadataToken) throws(RuntimeError) -> [(flags: UInt16, method: RuntimeMethod)] {
        try r.ensureMethods(t)
        var result: [(UInt16, RuntimeMethod)] = []
        for row in module.index.semantics[token] ?? [] {
            let s = try module.read { () throws(MetadataError) in try module.file.methodSemantics(row) }
            guard let m = t.methods.first(where: { $0.row == s.method && $0.module === module }) else { continue }
            result.append((s.semantics, m))
        }
        return result
    }

    /// Handles of the properties `t` declares, made on first use.
    func declaredProperties(_ r: Runtime, _ t: RuntimeType) throws(RuntimeError) -> [Int64] {
        if let known = declaredProperties[t.id] { return known }
        var handles: [Int64] = []
        if let module = t.module, t.typeDefRow != 0 {
            for row in module.index.propertyRows(of: t.typeDefRow) {
                let p = try module.read { () throws(MetadataError) in try module.file.property(row) }
                let accessors = try semantics(r, t, module, MetadataToken(.property, row))
                let record = PropertyRecord(owner: t, module: module, row: row, name: try module.string(p.name), flags: p.flags,
                                            getter: accessors.first { $0.flags & 0x2 != 0 }?.method,
                                            setter: accessors.first { $0.flags & 0x1 != 0 }?.method)
                properties.append(record)
                handles.append(Int64(properties.count - 1))
            }
        }
        declaredProperties[t.id] = handles
        return handles
    }

    func declaredEvents(_ r: Runtime, _ t: RuntimeType) throws(RuntimeError) -> [Int64] {
        if let known = declaredEvents[t.id] { return known }
        var handles: [Int64] = []
        if let module = t.module, t.typeDefRow != 0 {
            for row in module.index.eventRows(of: t.typeDefRow) {
                let e = try module.read { () throws(MetadataError) in try module.file.event(row) }
                let accessors = try semantics(r, t, module, MetadataToken(.event, row))
                let record = EventRecord(owner: t, module: module, row: row, name: try module.string(e.name), flags: e.flags,
                                         add: accessors.first { $0.flags & 0x8 != 0 }?.method,
                                         remove: accessors.first { $0.flags & 0x10 != 0 }?.method,
                                         raise: accessors.first { $0.flags & 0x20 != 0 }?.method,
                                         others: accessors.filter { $0.flags & 0x4 != 0 }.map(\.method))
                events.append(record)
                handles.append(Int64(events.count - 1))
            }
        }
        declaredEvents[t.id] = handles
        return handles
    }

    /// Mono's property_accessor_override: same vtable slot, or the same signature.
    private func accessorsMatch(_ r: Runtime, _ a: RuntimeMethod, _ b: RuntimeMethod) throws(RuntimeError) -> Bool {
        if a.vtableSlot != -1 && a.vtableSlot == b.vtableSlot { return true }
        var x = a, y = b
        if a.owner.typeDefinition === b.owner.typeDefinition {
            // Compare the generic (uninstantiated) signatures, so Foo<T,U>.this[T] and this[U] stay apart.
            x = try r.method(a.genericDefinition ?? a, on: a.owner.typeDefinition)
            y = try r.method(b.genericDefinition ?? b, on: b.owner.typeDefinition)
        }
        let sa = try r.signature(x), sb = try r.signature(y)
        return sa.hasThis == sb.hasThis && sa.returnType === sb.returnType && sa.parameters.count == sb.parameters.count
            && zip(sa.parameters, sb.parameters).allSatisfy { $0 === $1 }
    }

    /// Mono's property_equal: hide by name and signature.
    private func sameProperty(_ r: Runtime, _ a: PropertyRecord, _ b: PropertyRecord) throws(RuntimeError) -> Bool {
        guard a.name == b.name else { return false }
        if let x = a.getter, let y = b.getter, !(try accessorsMatch(r, x, y)) { return false }
        if let x = a.setter, let y = b.setter, !(try accessorsMatch(r, x, y)) { return false }
        return true
    }

    /// Mono's GetPropertiesByName_native.
    func properties(_ r: Runtime, _ start: RuntimeType, name: String?, bflags: UInt32, listType: UInt32) throws(RuntimeError) -> [Int64] {
        if start.kind == .byReference { return [] }
        let filter = NameFilter(name: name, listType: listType, ignoreCase: false)
        var result: [Int64] = []
        for klass in try hierarchy(r, start, declaredOnly: bflags & BindingFlagBits.declaredOnly != 0) {
            if klass.module != nil { try r.ensureVTable(klass) }
            let isStart = klass === start
            for h in try declaredProperties(r, klass) {
                guard let p = property(h) else { continue }
                let flags = (p.getter ?? p.setter)?.flags ?? 0
                let isPublic = (p.getter.map { $0.accessibility == 6 } ?? false) || (p.setter.map { $0.accessibility == 6 } ?? false)
                if isPublic {
                    if bflags & BindingFlagBits.public == 0 { continue }
                } else {
                    guard bflags & BindingFlagBits.nonPublic != 0 else { continue }
                    let visible = (p.getter.map { Self.methodNonPublic($0.flags, startClass: isStart) } ?? false)
                        || (p.setter.map { Self.methodNonPublic($0.flags, startClass: isStart) } ?? false)
                    if !visible { continue }
                }
                if flags & 0x10 != 0 {
                    guard bflags & BindingFlagBits.static != 0, bflags & BindingFlagBits.flattenHierarchy != 0 || isStart else { continue }
                } else if bflags & BindingFlagBits.instance == 0 {
                    continue
                }
                if !filter.matches(p.name) { continue }
                var hidden = false
                for seen in result where try sameProperty(r, property(seen)!, p) { hidden = true; break }
                if hidden { continue }
                result.append(h)
            }
        }
        return result
    }

    /// Mono 6's GetEvents_native: every event of the class and its bases (inherited private ones
    /// and ones without accessors left out), hidden by name; managed code filters by flags.
    func events(_ r: Runtime, _ start: RuntimeType, name: String?, listType: UInt32) throws(RuntimeError) -> [Int64] {
        if start.kind == .byReference { return [] }
        let filter = NameFilter(name: name, listType: listType, ignoreCase: false)
        var result: [Int64] = []
        var names = Set<String>()
        for klass in try hierarchy(r, start, declaredOnly: false) {
            if klass.module != nil { try r.ensureVTable(klass) }
            for h in try declaredEvents(r, klass) {
                guard let e = event(h) else { continue }
                if klass !== start {
                    guard let m = e.add ?? e.remove ?? e.raise else { continue }
                    if m.accessibility == 1 { continue }
                }
                if !filter.matches(e.name) { continue }
                guard names.insert(e.name).inserted else { continue }
                result.append(h)
            }
        }
        return result
    }
}
