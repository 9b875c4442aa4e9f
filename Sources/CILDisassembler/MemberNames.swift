import CILMetadata

/// Names of members (methods, fields, MemberRefs, MethodSpecs, stand-alone signatures) as
/// instructions, `.custom`, `.override` and semantics directives reference them (II.15.4.2
/// methodRef, II.16 fieldRef), cached per row like the type names.
extension TokenNames {
    /// Method names: `.ctor` and `.cctor` are ilasm tokens of their own; anything else is an id.
    static func writeMethodName(_ name: ArraySlice<UInt8>, to out: inout OutputBuffer) {
        if name.elementsEqual(".ctor".utf8) || name.elementsEqual(".cctor".utf8) {
            out.write(name)
        } else {
            Identifier.write(name, to: &out)
        }
    }

    /// The owner prefix `Type::` of a member defined here; nothing for a global member
    /// (owned by `<Module>`, TypeDef row 1, II.10.8).
    private func writeOwner(_ owner: UInt32, to out: inout OutputBuffer) throws(MetadataError) {
        guard owner > 1 else { return }
        out.write(try typeDefName(owner))
        out.write("::")
    }

    /// `callConv ret owner::name(params)`, as `call` writes a MethodDef (II.15.4.2 methodRef).
    func methodDef(_ row: UInt32) throws(MetadataError) -> MethodRefText {
        try cached(\.methodDefs, row, .methodDef) { () throws(MetadataError) in
            let def = try file.methodDef(row)
            let sig = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.methodSignature(blob: def.signature) }
            let owner = Int(row) < index.methodOwner.count ? index.methodOwner[Int(row)] : 0
            var out = OutputBuffer(scratchCapacity: 96)
            FlagsText.callingConvention(sig.header.rawValue, to: &out)
            out.write(sig.returnType.bytes)
            out.byte(0x20)
            try writeOwner(owner, to: &out)
            TokenNames.writeMethodName(try file.strings.utf8(def.name), to: &out)
            let at = out.count
            SignatureText.parameterList(sig, to: &out)
            return MethodRefText(bytes: out.bytes, parametersAt: at, genericArity: sig.genericParameterCount)
        }
    }

    /// `type owner::name` of a Field row (II.16 field references).
    func fieldDef(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.fields, row, .field) { () throws(MetadataError) in
            let def = try file.field(row)
            let type = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.fieldSignature(blob: def.signature) }
            let owner = Int(row) < index.fieldOwner.count ? index.fieldOwner[Int(row)] : 0
            var out = OutputBuffer(scratchCapacity: 64)
            out.write(type.bytes)
            out.byte(0x20)
            try writeOwner(owner, to: &out)
            Identifier.write(try file.strings.utf8(def.name), to: &out)
            return out.bytes
        }
    }

    /// II.23.2.4: a MemberRef whose signature starts with FIELD (0x06) names a field.
    func memberRefIsField(_ row: UInt32) throws(MetadataError) -> Bool {
        var r = try file.blobs.reader(try file.memberRef(row).signature)
        return try r.u8() & 0x0F == 0x06
    }

    /// `parent::` of a MemberRef (II.22.25 Class column).
    private func writeMemberRefParent(_ parent: MetadataToken, to out: inout OutputBuffer) throws(MetadataError) {
        switch parent.table {
        case .typeDef?:
            try writeOwner(parent.row, to: &out)
        case .typeRef?:
            out.write(try bareTypeRef(parent.row))
            out.write("::")
        case .typeSpec?:
            out.write(try typeSpec(parent.row).bytes)
            out.write("::")
        case .moduleRef?:
            // A global member of another module.
            out.write("[.module ")
            out.write(try moduleRefName(parent.row))
            out.write("]::")
        case .methodDef?:
            // II.22.25: a vararg call site names the MethodDef it calls; ilasm makes that
            // MemberRef itself from the definition's owner and the call-site signature.
            let owner = Int(parent.row) < index.methodOwner.count ? index.methodOwner[Int(parent.row)] : 0
            try writeOwner(owner, to: &out)
        default:
            throw MetadataError(.invalidValue, "MemberRef parent \(parent) is not a type, module or method")
        }
    }

    /// A MemberRef naming a method: `callConv ret parent::name(params)`.
    func memberRefMethod(_ row: UInt32) throws(MetadataError) -> MethodRefText {
        try cached(\.memberRefMethods, row, .memberRef) { () throws(MetadataError) in
            let ref = try file.memberRef(row)
            let sig = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.methodSignature(blob: ref.signature) }
            var out = OutputBuffer(scratchCapacity: 96)
            FlagsText.callingConvention(sig.header.rawValue, to: &out)
            out.write(sig.returnType.bytes)
            out.byte(0x20)
            try writeMemberRefParent(ref.parent, to: &out)
            TokenNames.writeMethodName(try file.strings.utf8(ref.name), to: &out)
            let at = out.count
            SignatureText.parameterList(sig, to: &out)
            return MethodRefText(bytes: out.bytes, parametersAt: at, genericArity: sig.genericParameterCount)
        }
    }

    /// A MemberRef naming a field: `type parent::name`.
    func memberRefField(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.memberRefFields, row, .memberRef) { () throws(MetadataError) in
            let ref = try file.memberRef(row)
            let type = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.fieldSignature(blob: ref.signature) }
            var out = OutputBuffer(scratchCapacity: 64)
            out.write(type.bytes)
            out.byte(0x20)
            try writeMemberRefParent(ref.parent, to: &out)
            Identifier.write(try file.strings.utf8(ref.name), to: &out)
            return out.bytes
        }
    }

    /// A MethodSpec: its method with `<args>` after the name (II.15.4.2 genArgs).
    func methodSpec(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        try cached(\.methodSpecs, row, .methodSpec) { () throws(MetadataError) in
            let spec = try file.methodSpec(row)
            let method: MethodRefText
            switch spec.method.table {
            case .methodDef?: method = try methodDef(spec.method.row)
            case .memberRef?: method = try memberRefMethod(spec.method.row)
            default: throw MetadataError(.invalidValue, "MethodSpec of \(spec.method)")
            }
            let args = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.methodSpecArguments(blob: spec.instantiation) }
            var out = OutputBuffer(scratchCapacity: method.bytes.count + 32)
            out.write(method.bytes[..<method.parametersAt])
            out.byte(UInt8(ascii: "<"))
            for (i, a) in args.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                out.write(a.bytes)
            }
            out.byte(UInt8(ascii: ">"))
            out.write(method.bytes[method.parametersAt...])
            return out.bytes
        }
    }

    /// A MethodDef or MemberRef as `.override method` names it (with `<[n]>` when generic).
    func overriddenMethod(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        switch token.table {
        case .methodDef?: return try methodDef(token.row).withArity
        case .memberRef?: return try memberRefMethod(token.row).withArity
        default: return try method(token)
        }
    }

    /// Any method token (`call`, `ldftn`, `newobj`, `.custom` constructors, semantics).
    func method(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        switch token.table {
        case .methodDef?: return try methodDef(token.row).bytes
        case .memberRef?:
            guard try !memberRefIsField(token.row) else {
                throw MetadataError(.invalidValue, "method operand \(token) names a field")
            }
            return try memberRefMethod(token.row).bytes
        case .methodSpec?: return try methodSpec(token.row)
        default: throw MetadataError(.invalidValue, "token \(token) is not a method")
        }
    }

    /// Any field token (`ldfld`, `stsfld`, `ldtoken field`).
    func field(_ token: MetadataToken) throws(MetadataError) -> [UInt8] {
        switch token.table {
        case .field?: return try fieldDef(token.row)
        case .memberRef?:
            guard try memberRefIsField(token.row) else {
                throw MetadataError(.invalidValue, "field operand \(token) names a method")
            }
            return try memberRefField(token.row)
        default: throw MetadataError(.invalidValue, "token \(token) is not a field")
        }
    }

    /// A StandAloneSig as `calli` writes it: `callConv ret(params)` (II.15.3).
    func standAloneMethodSignature(_ row: UInt32) throws(MetadataError) -> [UInt8] {
        let blob = try file.standAloneSig(row).signature
        let sig = try decode { (d: inout SignatureDecoder<TypeNameProvider>) throws(MetadataError) in try d.methodSignature(blob: blob) }
        var out = OutputBuffer(scratchCapacity: 64)
        FlagsText.callingConvention(sig.header.rawValue, to: &out)
        out.write(sig.returnType.bytes)
        SignatureText.parameterList(sig, to: &out)
        return out.bytes
    }
}
