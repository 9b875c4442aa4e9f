import CILMetadata

/// Module.Resolve* (Mono's ves_icall_System_Reflection_Module_Resolve*Token): metadata tokens of a
/// loaded module resolved in a generic context given as arrays of type handles. Tokens come from
/// the guest, so tables and rows are checked first; a token that names nothing resolvable reports
/// OutOfRange / BadTable / Other as Mono does and managed code throws.
extension NativeRegistry {
    func registerModuleTokenNatives(_ state: ReflectionState) {
        enum ResolveError: Int32 { case outOfRange = 0, badTable = 1, other = 2 }

        /// The module, token, generic context and error slot of a Resolve*Token call.
        func arguments(_ c: inout NativeContext, contextArgs: Bool) throws(RuntimeError) -> (RuntimeModule, MetadataToken, GenericContext, UnsafeMutableRawPointer)? {
            let r = c.runtime
            guard let module = state.assembly(c.uint64(0)) else { try c.raise(.argument); return nil }
            let token = MetadataToken(UInt32(bitPattern: c.int32(1)))
            var context = GenericContext.empty
            if contextArgs {
                func types(_ array: UInt64) -> [RuntimeType]? {
                    guard array != 0 else { return [] }
                    var result: [RuntimeType] = []
                    for v in r.references(in: array) {
                        guard v != 0, let t = r.type(id: UInt32(truncatingIfNeeded: v)) else { return nil }
                        result.append(t)
                    }
                    return result
                }
                guard let typeArgs = types(c.uint64(2)), let methodArgs = types(c.uint64(3)) else { try c.raise(.argument); return nil }
                context = GenericContext(typeArguments: typeArgs, methodArguments: methodArgs)
            }
            guard let errorSlot = r.space.pointer(c.uint64(contextArgs ? 4 : 2), 4) else { throw RuntimeError(.invalidProgram, "Resolve*Token without an error slot") }
            errorSlot.storeBytes(of: ResolveError.other.rawValue, as: Int32.self)
            return (module, token, context, errorSlot)
        }

        /// Runs a resolution; a metadata or lookup failure becomes ResolveTokenError.Other.
        func attempt<T>(_ errorSlot: UnsafeMutableRawPointer, _ body: () throws(RuntimeError) -> T?) throws(RuntimeError) -> T? {
            do { return try body() } catch {
                switch error.kind {
                case .badImage, .missingMember, .notImplemented:
                    errorSlot.storeBytes(of: ResolveError.other.rawValue, as: Int32.self)
                    return nil
                default: throw error
                }
            }
        }

        func inRange(_ module: RuntimeModule, _ token: MetadataToken, _ errorSlot: UnsafeMutableRawPointer) -> Bool {
            guard let table = token.table, token.row >= 1, token.row <= module.file.rowCount(table) else {
                errorSlot.storeBytes(of: ResolveError.outOfRange.rawValue, as: Int32.self)
                return false
            }
            return true
        }

        /// Whether MemberRef `row` names a field (its signature starts with FIELD, 0x06).
        func memberRefIsField(_ module: RuntimeModule, _ row: UInt32) throws(RuntimeError) -> Bool {
            let ref = try module.read { () throws(MetadataError) in try module.file.memberRef(row) }
            let sig = try module.read { () throws(MetadataError) in try module.file.blobs.bytes(ref.signature) }
            return sig.first == 0x06
        }

        func resolveType(_ r: Runtime, _ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext, _ errorSlot: UnsafeMutableRawPointer) throws(RuntimeError) -> RuntimeType? {
            guard token.table == .typeDef || token.table == .typeRef || token.table == .typeSpec else {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); return nil
            }
            guard inRange(module, token, errorSlot) else { return nil }
            return try attempt(errorSlot) { () throws(RuntimeError) -> RuntimeType? in try r.type(module, token, context) }
        }

        func resolveMethod(_ r: Runtime, _ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext, _ errorSlot: UnsafeMutableRawPointer) throws(RuntimeError) -> RuntimeMethod? {
            guard token.table == .methodDef || token.table == .methodSpec || token.table == .memberRef else {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); return nil
            }
            guard inRange(module, token, errorSlot) else { return nil }
            if token.table == .memberRef, try memberRefIsField(module, token.row) {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); return nil
            }
            // A MethodDef token names the definition itself (Mono applies no context to it).
            if token.table == .methodDef {
                return try attempt(errorSlot) { () throws(RuntimeError) -> RuntimeMethod? in try r.methodDef(module, token.row) }
            }
            return try attempt(errorSlot) { () throws(RuntimeError) -> RuntimeMethod? in try r.method(module, token, context) }
        }

        func resolveField(_ r: Runtime, _ module: RuntimeModule, _ token: MetadataToken, _ context: GenericContext, _ errorSlot: UnsafeMutableRawPointer) throws(RuntimeError) -> RuntimeField? {
            guard token.table == .field || token.table == .memberRef else {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); return nil
            }
            guard inRange(module, token, errorSlot) else { return nil }
            if token.table == .memberRef, !(try memberRefIsField(module, token.row)) {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); return nil
            }
            let fieldContext = token.table == .field ? GenericContext.empty : context
            return try attempt(errorSlot) { () throws(RuntimeError) -> RuntimeField? in try r.field(module, token, fieldContext) }
        }

        register("System.Reflection.RuntimeModule::ResolveTypeToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, context, errorSlot) = try arguments(&c, contextArgs: true) else { return }
            let r = c.runtime
            guard let t = try resolveType(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
            c.returnUInt64(try r.typeHandleValue(t))
        }
        register("System.Reflection.RuntimeModule::ResolveMethodToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, context, errorSlot) = try arguments(&c, contextArgs: true) else { return }
            let r = c.runtime
            guard let m = try resolveMethod(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
            c.returnInt64(r.handle(of: m))
        }
        register("System.Reflection.RuntimeModule::ResolveFieldToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, context, errorSlot) = try arguments(&c, contextArgs: true) else { return }
            let r = c.runtime
            guard let f = try resolveField(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
            c.returnInt64(r.handle(of: f))
        }
        register("System.Reflection.RuntimeModule::ResolveMemberToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, context, errorSlot) = try arguments(&c, contextArgs: true) else { return }
            let r = c.runtime
            switch token.table {
            case .typeDef?, .typeRef?, .typeSpec?:
                guard let t = try resolveType(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
                c.returnUInt64(try r.typeObject(t, thread: c.thread))
            case .methodDef?, .methodSpec?:
                guard let m = try resolveMethod(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
                c.returnUInt64(try state.methodObject(r, m, reflected: nil, thread: c.thread))
            case .field?:
                guard let f = try resolveField(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
                c.returnUInt64(try state.fieldObject(r, f, reflected: nil, thread: c.thread))
            case .memberRef?:
                guard inRange(module, token, errorSlot) else { c.returnUInt64(0); return }
                if try memberRefIsField(module, token.row) {
                    guard let f = try resolveField(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
                    c.returnUInt64(try state.fieldObject(r, f, reflected: nil, thread: c.thread))
                } else {
                    guard let m = try resolveMethod(r, module, token, context, errorSlot) else { c.returnUInt64(0); return }
                    c.returnUInt64(try state.methodObject(r, m, reflected: nil, thread: c.thread))
                }
            default:
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self)
                c.returnUInt64(0)
            }
        }
        register("System.Reflection.RuntimeModule::ResolveStringToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, _, errorSlot) = try arguments(&c, contextArgs: false) else { return }
            let r = c.runtime
            guard token.tableNumber == MetadataToken.userStringTable else {
                errorSlot.storeBytes(of: ResolveError.badTable.rawValue, as: Int32.self); c.returnUInt64(0); return
            }
            guard token.row > 0, Int(token.row) < module.file.userStrings.size else {
                errorSlot.storeBytes(of: ResolveError.outOfRange.rawValue, as: Int32.self); c.returnUInt64(0); return
            }
            let s = try attempt(errorSlot) { () throws(RuntimeError) -> UInt64? in try r.literal(module, token.row) }
            c.returnUInt64(s ?? 0)
        }
        register("System.Reflection.RuntimeModule::ResolveSignature") { (c: inout NativeContext) throws(RuntimeError) in
            guard let (module, token, _, errorSlot) = try arguments(&c, contextArgs: false) else { return }
            let r = c.runtime
            // Mono resolves StandAloneSig tokens only; anything else is "out of range".
            errorSlot.storeBytes(of: ResolveError.outOfRange.rawValue, as: Int32.self)
            guard token.table == .standAloneSig, inRange(module, token, errorSlot) else { c.returnUInt64(0); return }
            let blob = try module.read { () throws(MetadataError) in try module.file.standAloneSig(token.row) }.signature
            let bytes = try module.read { () throws(MetadataError) in try module.file.blobs.bytes(blob) }
            guard let a = try r.newArray(try r.szArrayType(of: try r.coreType("System.Byte")), length: bytes.count) else { try c.raise(.outOfMemory); return }
            if !bytes.isEmpty {
                bytes.withUnsafeBytes { r.space.unchecked(a + UInt64(ObjectLayout.arrayElementsOffset)).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            }
            c.returnUInt64(a)
        }
    }
}
