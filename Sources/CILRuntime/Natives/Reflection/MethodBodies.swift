import CILMetadata

/// MethodBase.GetMethodBody (Mono's method_body_object_construct): the IL bytes, the locals and
/// the exception clauses of a method with an IL body, read from the metadata; null for abstract,
/// internal-call, runtime and P/Invoke methods. Packers and string decryptors read IL this way.
extension NativeRegistry {
    func registerMethodBodyNatives(_ state: ReflectionState) {
        register("System.Reflection.RuntimeMethodInfo::GetMethodBodyInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = r.methodHandles.item(c.int64(0)) else { try c.raise(.argument); return }
            c.returnUInt64(try state.methodBodyObject(r, m, thread: c.thread))
        }
    }
}

extension ReflectionState {
    func methodBodyObject(_ r: Runtime, _ m: RuntimeMethod, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        guard let module = m.module, m.row != 0, !m.isAbstract, !m.isPInvoke, !m.isInternalCall, !m.isRuntimeImplemented else { return 0 }
        guard let body = try module.read({ () throws(MetadataError) in try module.file.methodBody(m.row) }) else { return 0 }
        let mark = r.nativeRoots.count
        defer { r.nativeRoots.removeSubrange(mark...) }

        // The IL bytes.
        let range = body.codeRange
        guard range.lowerBound >= 0, range.upperBound <= module.file.bytes.count else { throw RuntimeError(.badImage, "\(module.assemblyName): body of \(m) out of the file") }
        guard let il = try r.newArray(try r.szArrayType(of: try r.coreType("System.Byte")), length: range.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        r.nativeRoots.append(il)
        if range.count > 0 {
            module.file.bytes[range].withUnsafeBytes { r.space.unchecked(il + UInt64(ObjectLayout.arrayElementsOffset)).copyMemory(from: $0.baseAddress!, byteCount: range.count) }
        }

        // Locals, typed in the method's generic context.
        let localClass = "System.Reflection.LocalVariableInfo"
        var locals: [UInt64] = []
        if !body.localSignature.isNil {
            let sig = try module.read { () throws(MetadataError) in try module.file.standAloneSig(body.localSignature.row) }
            var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
            let types = try module.read { () throws(MetadataError) in try decoder.localSignature(blob: sig.signature) }
            let context = GenericContext(type: m.owner, method: m)
            for (i, l) in types.enumerated() {
                var pinned = false
                var x = l
                var steps = 0
                while steps < 64 {
                    steps += 1
                    if case .pinned(let inner) = x { pinned = true; x = inner; continue }
                    if case .modified(let inner, _) = x { x = inner; continue }
                    break
                }
                let t = try reflectable(r, try r.resolve(l, module, context), of: m)
                let typeObject = try r.typeObject(t, thread: thread)
                guard let o = try r.newObject(try r.coreType(localClass)) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
                r.nativeRoots.append(o)
                try store(r, o, localClass, "type", typeObject)
                let pinnedOffset = try offset(r, localClass, "is_pinned"), positionOffset = try offset(r, localClass, "position")
                guard let pp = r.space.pointer(o + UInt64(pinnedOffset), 1), let ip = r.space.pointer(o + UInt64(positionOffset), 2) else {
                    throw RuntimeError(.invalidProgram, "LocalVariableInfo layout")
                }
                pp.storeBytes(of: pinned ? 1 : 0, as: UInt8.self)
                ip.storeBytes(of: UInt16(truncatingIfNeeded: i), as: UInt16.self)
                locals.append(o)
            }
        }
        let localArray = try r.referenceArray(of: try r.coreType(localClass), locals)
        r.nativeRoots.append(localArray)

        // Exception clauses.
        let clauseClass = "System.Reflection.ExceptionHandlingClause"
        var clauses: [UInt64] = []
        for clause in body.exceptionClauses {
            var catchType: UInt64 = 0
            if clause.kind == .exception, !clause.catchType.isNil {
                let t = try reflectable(r, try r.type(module, clause.catchType, GenericContext(type: m.owner, method: m)), of: m)
                catchType = try r.typeObject(t, thread: thread)
            }
            guard let o = try r.newObject(try r.coreType(clauseClass)) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            r.nativeRoots.append(o)
            try store(r, o, clauseClass, "catch_type", catchType)
            try store32(r, o, clauseClass, "flags", clause.kind.rawValue)
            try store32(r, o, clauseClass, "try_offset", UInt32(truncatingIfNeeded: clause.tryOffset))
            try store32(r, o, clauseClass, "try_length", UInt32(truncatingIfNeeded: clause.tryLength))
            try store32(r, o, clauseClass, "handler_offset", UInt32(truncatingIfNeeded: clause.handlerOffset))
            try store32(r, o, clauseClass, "handler_length", UInt32(truncatingIfNeeded: clause.handlerLength))
            if clause.kind == .filter { try store32(r, o, clauseClass, "filter_offset", UInt32(truncatingIfNeeded: clause.filterOffset)) }
            clauses.append(o)
        }
        let clauseArray = try r.referenceArray(of: try r.coreType(clauseClass), clauses)
        r.nativeRoots.append(clauseArray)

        let bodyClass = "System.Reflection.MethodBody"
        guard let o = try r.newObject(try r.coreType(bodyClass)) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
        try store(r, o, bodyClass, "clauses", clauseArray)
        try store(r, o, bodyClass, "locals", localArray)
        try store(r, o, bodyClass, "il", il)
        let initOffset = try offset(r, bodyClass, "init_locals")
        guard let ip = r.space.pointer(o + UInt64(initOffset), 1) else { throw RuntimeError(.invalidProgram, "MethodBody layout") }
        ip.storeBytes(of: body.initLocals ? 1 : 0, as: UInt8.self)
        try store32(r, o, bodyClass, "sig_token", body.format == .fat ? body.localSignature.value : 0)
        try store32(r, o, bodyClass, "max_stack", UInt32(truncatingIfNeeded: body.maxStack))
        return o
    }
}
