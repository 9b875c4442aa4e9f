import CILMetadata

/// Base types, interfaces, fields and their offsets (II.10.1.2, II.10.7 layout rules).
extension Runtime {
    /// Loads the base type and the declared interfaces of `t`.
    public func ensureHierarchy(_ t: RuntimeType) throws(RuntimeError) {
        guard !t.hierarchyLoaded else { return }
        t.hierarchyLoaded = true
        guard let module = t.module else { return }
        let def = try module.read { () throws(MetadataError) in try module.file.typeDef(t.typeDefRow) }
        let context = GenericContext(type: t)
        if !def.extends.isNil {
            let base = try type(module, def.extends, context)
            var ancestor: RuntimeType? = base
            var steps = 0
            while let a = ancestor {
                guard a !== t && a.typeDefinition !== t.typeDefinition, steps < 256 else {
                    throw RuntimeError(.badImage, "type \(t.fullName) inherits from itself")
                }
                try ensureHierarchy(a)
                ancestor = a.baseType
                steps += 1
            }
            t.baseType = base
        }
        for row in module.index.interfaces[t.typeDefRow] ?? [] {
            let impl = try module.read { () throws(MetadataError) in try module.file.interfaceImpl(row) }
            t.interfaces.append(try type(module, impl.interface, context))
        }
    }

    /// Computes field types, offsets, sizes and reference maps of `t`.
    public func ensureLayout(_ t: RuntimeType) throws(RuntimeError) {
        switch t.layoutState {
        case .done: return
        case .inProgress: throw RuntimeError(.badImage, "value type \(t.fullName) contains itself")
        case .notStarted: break
        }
        t.layoutState = .inProgress
        defer { if t.layoutState == .inProgress { t.layoutState = .notStarted } }
        try ensureHierarchy(t)
        switch t.kind {
        case .szArray, .array:
            t.instanceSize = 24; t.alignment = 8
            if let e = t.elementType { try ensureLayout(e) }
            t.layoutState = .done
            return
        case .pointer, .byReference, .functionPointer, .genericParameter:
            t.instanceSize = 8; t.alignment = 8
            t.layoutState = .done
            return
        default: break
        }
        guard let module = t.module else { t.layoutState = .done; return }
        let context = GenericContext(type: t)
        var offset: Int
        var alignment: Int
        var refs: [Int32] = []
        if t.isValueType {
            offset = 0; alignment = 1
        } else if let base = t.baseType {
            try ensureLayout(base)
            offset = base.instanceSize
            alignment = 8
            refs = base.referenceOffsets
        } else {
            offset = ObjectLayout.headerSize
            alignment = 8
        }
        let layoutRow = module.index.classLayouts[t.typeDefRow]
        let classLayout = try layoutRow.map { (r: UInt32) throws(RuntimeError) -> ClassLayoutRow in
            try module.read { () throws(MetadataError) in try module.file.classLayout(r) }
        }
        let packing = classLayout.map { Int($0.packingSize) }.flatMap { $0 == 0 ? nil : $0 } ?? 8
        let instanceStart = offset
        var staticOffset = 0
        var statics: [RuntimeField] = []
        var instance: [RuntimeField] = []
        var staticRefs: [Int32] = []
        for row in module.index.fields(of: t.typeDefRow) {
            let f = try module.read { () throws(MetadataError) in try module.file.field(row) }
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let sig = try module.read { () throws(MetadataError) in try decoder.fieldSignature(blob: f.signature) }
            let fieldType: RuntimeType
            if let p = t.primitive, f.flags & 0x10 == 0 {
                // The one instance field of a primitive (m_value) has the primitive's own type.
                fieldType = t
                _ = p
            } else {
                fieldType = try resolve(sig, module, context)
            }
            let field = RuntimeField(owner: t, row: row, name: try module.string(f.name), flags: f.flags, type: fieldType)
            if field.isLiteral { statics.append(field); continue }
            if field.isStatic {
                field.isThreadStatic = isThreadStaticField(module, row: row)
                if fieldType !== t && fieldType.isValueType { try ensureLayout(fieldType) }
                let size = fieldType === t ? max(t.primitive?.size ?? 8, 1) : fieldType.storageSize
                let align = fieldType === t ? min(size, 8) : min(fieldType.storageAlignment, 8)
                staticOffset = (staticOffset + align - 1) / align * align
                field.offset = staticOffset
                if fieldType.isReferenceType { staticRefs.append(Int32(staticOffset)) }
                else if fieldType.isValueType && fieldType !== t { staticRefs += fieldType.referenceOffsets.map { $0 + Int32(staticOffset) } }
                staticOffset += size
                statics.append(field)
                continue
            }
            instance.append(field)
        }
        if let p = t.primitive {
            // II.8.2.2 built-in value types: size and alignment are the primitive's.
            t.instanceSize = p.size; t.alignment = p.size
            for f in instance { f.offset = 0 }
            t.instanceFields = instance
        } else {
            for field in instance {
                let ft = field.type
                if ft.isValueType { try ensureLayout(ft) }
                let size = ft.storageSize
                let align = min(ft.storageAlignment, packing)
                if t.isExplicitLayout {
                    // II.10.7: explicit offsets count from the start of the instance fields.
                    guard let r = module.index.fieldLayouts[field.row] else {
                        throw RuntimeError(.badImage, "explicit-layout field \(field) has no offset")
                    }
                    let fl = try module.read { () throws(MetadataError) in try module.file.fieldLayout(r) }
                    field.offset = instanceStart + Int(fl.offset)
                } else {
                    offset = (offset + align - 1) / align * align
                    field.offset = offset
                }
                if ft.isReferenceType { refs.append(Int32(field.offset)) }
                else if ft.isValueType { refs += ft.referenceOffsets.map { $0 + Int32(field.offset) } }
                if ft.name == "ByReference`1" || ft.containsByRefLike { t.containsByRefLike = true }
                offset = max(offset, field.offset + size)
                alignment = max(alignment, align)
            }
            if t.isValueType, let layout = classLayout, layout.classSize > 0 {
                offset = max(offset, Int(layout.classSize))
            }
            if let e = t.enumUnderlyingType ?? instance.first(where: { _ in t.baseType?.fullName == "System.Enum" })?.type {
                t.enumUnderlyingType = e
                t.primitive = e.primitive
            }
            if t.isValueType {
                let size = max(offset, 1)
                guard size <= AddressSpace.maximumValueSize else {
                    throw RuntimeError(.badImage, "value type \(t.fullName) is \(size) bytes (cilbox accepts up to \(AddressSpace.maximumValueSize))")
                }
                t.instanceSize = (size + alignment - 1) / alignment * alignment
            } else {
                t.instanceSize = (offset + 7) & ~7
            }
            t.alignment = alignment
            t.instanceFields = instance
        }
        t.referenceOffsets = refs.sorted()
        t.staticFields = statics
        t.staticsSize = staticOffset
        t.staticReferenceOffsets = staticRefs
        t.layoutState = .done
    }

    /// Allocates and fills the statics block of `t` (RVA-backed fields get their initial bytes).
    public func ensureStatics(_ t: RuntimeType) throws(RuntimeError) {
        try ensureLayout(t)
        guard t.staticsAddress == 0, t.staticsSize > 0 else { return }
        let address = try allocateStatics(t.staticsSize)
        t.staticsAddress = address
        registerThreadStatics(t)
        guard let module = t.module else { return }
        if module === corlib && t.namespace == "System" && t.name == "String", let empty = t.staticFields.first(where: { $0.name == "Empty" }) {
            // Mono's runtime, not String's IL, sets String.Empty when it sets up String's statics.
            space.unchecked(address + UInt64(empty.offset)).storeBytes(of: try intern([]), as: UInt64.self)
        }
        for f in t.staticFields where f.hasRVA && !f.isLiteral {
            // II.16.3.2: the field's initial value is the data at its RVA.
            guard let r = module.index.fieldRVAs[f.row] else { continue }
            let rva = try module.read { () throws(MetadataError) in try module.file.fieldRVA(r) }.rva
            let size = f.type.storageSize
            var reader = try module.read { () throws(MetadataError) in try module.file.pe.reader(atRVA: rva, size: size, what: "field data") }
            let bytes = try module.read { () throws(MetadataError) in try reader.array(size) }
            let p = space.unchecked(address + UInt64(f.offset))
            bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: size) }
        }
    }

    /// A field of `t` (or its ancestors) by name.
    public func field(named name: String, in t: RuntimeType) throws(RuntimeError) -> RuntimeField {
        var current: RuntimeType? = t
        while let c = current {
            try ensureLayout(c)
            if let f = c.instanceFields.first(where: { $0.name == name }) ?? c.staticFields.first(where: { $0.name == name }) { return f }
            current = c.baseType
        }
        throw RuntimeError(.missingMember, "field \(t.fullName)::\(name) not found")
    }
}
