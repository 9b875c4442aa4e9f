import CILInstructions
import CILMetadata

/// Calls, returns and constructors (III.3.19 call, III.4.2 callvirt, III.4.21 newobj).
extension Transformer {
    mutating func transformCall(_ ins: Instruction, virtual: Bool) throws(RuntimeError) {
        var callee = try runtime.method(module, try token(ins), context)
        var sig = try runtime.signature(callee)
        var varargCookie: Int32 = 0
        if sig.isVarArg {
            // II.15.3: the call site's signature lists the extra arguments after a sentinel;
            // the callee reaches them through `arglist`.
            let site = try callSiteSignature(try token(ins))
            varargCookie = Int32(runtime.registerVarargCookie(Array(site.parameters.dropFirst(site.requiredParameterCount))))
            sig.parameters = site.parameters
        }
        let argCount = sig.parameters.count + (sig.hasThis ? 1 : 0)
        guard stack.count >= argCount else { throw invalid("stack underflow calling \(callee)") }
        let args = Array(stack.suffix(argCount))
        stack.removeLast(argCount)
        let base = args.first?.offset ?? top
        for (i, p) in sig.parameters.enumerated() { _ = try coerce(args[i + (sig.hasThis ? 1 : 0)], to: p) }
        var op: Op = .call

        if let constrained = constrainedType, sig.hasThis {
            // III.2.1 constrained.: `this` is a managed pointer to a value of `constrained`.
            try runtime.ensureLayout(constrained)
            if !constrained.isValueType {
                emit(.ldMem8, a: base, b: base, c: 0)  // dereference to the object reference
                op = callee.isVirtual ? .callVirtual : .call
            } else if let direct = try implementation(of: callee, on: constrained) {
                callee = direct
                op = .call
            } else {
                // No override on the value type: box it and make a virtual call on the box.
                emit(.box, a: base, b: base, c: 1 /* operand is a pointer */, imm: Int64(constrained.id))
                op = callee.isVirtual ? .callVirtual : .call
            }
        } else if virtual && callee.isVirtual && !callee.isFinal && !(callee.owner.isSealed && !callee.owner.isInterface) {
            op = callee.owner.isInterface ? .callInterface : .callVirtual
        } else if virtual && sig.hasThis {
            emit(.checkNull, a: base)
        }
        try emitTypeInitialization(for: callee)
        emitCall(op, callee, base: base)
        if tailPrefix && varargCookie == 0 { out.code[out.code.count - 1].c |= 1 }  // III.2.4: the next instruction is a ret
        if varargCookie != 0 { out.code[out.code.count - 1].b = varargCookie }
        if let r = sig.returnType { _ = try push(r) }
    }

    /// The resolved signature written at a MemberRef call site (for vararg calls).
    func callSiteSignature(_ token: MetadataToken) throws(RuntimeError) -> MethodSig {
        guard token.table == .memberRef else { return try runtime.signature(try runtime.method(module, token, context)) }
        let ref = try module.read { () throws(MetadataError) in try module.file.memberRef(token.row) }
        var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
        let raw = try module.read { () throws(MetadataError) in try decoder.methodSignature(blob: ref.signature) }
        return try runtime.resolveSignature(raw, module, context)
    }

    /// The method a value type itself provides for `m` (an override or interface implementation), if any.
    func implementation(of m: RuntimeMethod, on valueType: RuntimeType) throws(RuntimeError) -> RuntimeMethod? {
        if m.owner === valueType { return m }
        guard m.isVirtual else { return nil }
        let target = try runtime.resolveVirtual(m, on: valueType)
        return target.owner === valueType ? target : nil
    }

    mutating func emitCall(_ op: Op, _ callee: RuntimeMethod, base: Int32) {
        let handle = runtime.handle(of: callee)
        let actual: Op = (op == .call && runtime.isNative(callee)) ? .callNative : op
        // Bits 1… of `c` index the call site's cache (bit 0 is the tail flag); every call op
        // has one, because the interpreter's fast path reads it.
        emit(actual, a: base, c: Int32(out.callSiteCount) << 1, imm: handle)
        out.callSiteCount += 1
    }

    /// II.10.5.3: a static method or constructor call, or a static field access, triggers the
    /// type's initializer. The running method's own type has been initialized already.
    /// II.10.5.3.1: without beforefieldinit, calling a static method or constructor runs the
    /// type initializer first. (A beforefieldinit type is initialized by field access only.)
    mutating func emitTypeInitialization(for callee: RuntimeMethod) throws(RuntimeError) {
        let owner = callee.owner
        guard callee.isStatic || callee.isConstructor, owner !== method.owner, !owner.isBeforeFieldInit else { return }
        try emitTypeInitialization(owner)
    }

    /// A static field access. For beforefieldinit types Mono's JIT runs the initializer when it
    /// compiles the accessing method; we do the same when the method is transformed
    /// (`entryInitializations`) and still check at the access for a failed initializer.
    mutating func emitTypeInitialization(_ type: RuntimeType) throws(RuntimeError) {
        guard try runtime.typeInitializer(of: type) != nil else { return }
        if type.isBeforeFieldInit {
            if !out.entryInitializations.contains(where: { $0 === type }) { out.entryInitializations.append(type) }
        } else if type === method.owner {
            return  // the running method's own type was initialized before it was entered
        }
        emit(.initType, imm: Int64(type.id))
    }

    mutating func transformReturn() throws(RuntimeError) {
        if let r = signature.returnType {
            let v = try pop()
            _ = try coerce(v, to: r)
            emit(.ret, b: v.offset, imm: Int64(Self.slotBytes(r)))
        } else {
            emit(.retVoid)
        }
        stack = []
    }

    mutating func transformNewObject(_ ins: Instruction) throws(RuntimeError) {
        let ctor = try runtime.method(module, try token(ins), context)
        let owner = ctor.owner
        let sig = try runtime.signature(ctor)
        let argCount = sig.parameters.count
        guard stack.count >= argCount else { throw invalid("stack underflow constructing \(owner)") }
        let args = Array(stack.suffix(argCount))
        stack.removeLast(argCount)
        let base = args.first?.offset ?? top
        for (i, p) in sig.parameters.enumerated() { _ = try coerce(args[i], to: p) }
        try runtime.ensureLayout(owner)
        if owner.isArray {
            // II.14.2: array constructors take the lengths (and lower bounds) of each dimension.
            let e = push(.object, owner)
            emit(.newMultiArray, a: e.offset, b: base, c: Int32(argCount), imm: Int64(owner.id))
            return
        }
        if owner.fullName == "System.String" {
            // Mono implements string constructors as static String.Ctor methods with the same parameters.
            let create = try runtime.stringFactory(for: ctor)
            emitCall(.call, create, base: base)
            _ = push(.object, owner)
            return
        }
        try emitTypeInitialization(for: ctor)
        let argsSize = args.reduce(Int32(0)) { $0 + $1.size }
        if owner.isValueType {
            let size = Self.slotBytes(owner)
            emit(.newValueObject, a: base, c: argsSize, imm: runtime.handle(of: ctor))
            maxFrame = max(maxFrame, base + size + 8 + argsSize)
            _ = push(.valueType, owner, size: size)
        } else {
            // b: this newobj's call site + 1 (the interpreter's allocation fast path).
            emit(.newObject, a: base, b: Int32(out.callSiteCount + 1), c: argsSize, imm: runtime.handle(of: ctor))
            out.callSiteCount += 1
            maxFrame = max(maxFrame, base + 8 + argsSize)
            _ = push(.object, owner)
        }
    }

    mutating func transformCallIndirect(_ ins: Instruction) throws(RuntimeError) {
        let tok = try token(ins)
        let sigRow = try module.read { () throws(MetadataError) in try module.file.standAloneSig(tok.row) }
        var decoder = SignatureDecoder(provider: SigTypeProvider(), file: module.file)
        let raw = try module.read { () throws(MetadataError) in try decoder.methodSignature(blob: sigRow.signature) }
        let sig = try runtime.resolveSignature(raw, module, context)
        let target = try pop()
        let argCount = sig.parameters.count + (sig.hasThis ? 1 : 0)
        guard stack.count >= argCount else { throw invalid("stack underflow in calli") }
        let args = Array(stack.suffix(argCount))
        stack.removeLast(argCount)
        let base = args.first?.offset ?? top
        for (i, p) in sig.parameters.enumerated() { _ = try coerce(args[i + (sig.hasThis ? 1 : 0)], to: p) }
        emit(.callIndirect, a: base, b: target.offset)
        if tailPrefix { out.code[out.code.count - 1].c = 1 }
        if let r = sig.returnType { _ = try push(r) }
    }

    mutating func transformJump(_ ins: Instruction) throws(RuntimeError) {
        // III.3.37 jmp: leave this method and enter the target with the same arguments.
        let callee = try runtime.method(module, try token(ins), context)
        emitCall(.call, callee, base: 0)
        out.code[out.code.count - 1].c |= 1  // marks a tail transfer: the callee's result is this method's
        if signature.returnType != nil {
            emit(.ret, b: 0, imm: Int64(out.returnSize))
        } else {
            emit(.retVoid)
        }
        stack = []
    }

    mutating func loadFunction(_ ins: Instruction, virtual: Bool) throws(RuntimeError) {
        let m = try runtime.method(module, try token(ins), context)
        if virtual {
            let obj = try pop()
            let e = push(.nativeInt, nil)
            emit(.loadVirtualFunction, a: e.offset, b: obj.offset, imm: runtime.handle(of: m))
        } else {
            let e = push(.nativeInt, nil)
            emit(.loadFunction, a: e.offset, imm: runtime.handle(of: m))
        }
    }
}

extension RuntimeMethod {
    /// True when the method has no IL: internal calls, runtime-implemented and P/Invoke methods.
    var hasNoBody: Bool {
        if module == nil { return true }
        if isInternalCall || isRuntimeImplemented || isPInvoke || isAbstract { return true }
        guard let module, let row = try? module.file.methodDef(self.row) else { return true }
        return row.rva == 0
    }
}
