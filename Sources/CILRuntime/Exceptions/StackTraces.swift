/// Stack traces of guest exceptions and of the live stack, the way Mono 6.8 records them.
///
/// When an exception is thrown, Mono's first pass records the frames from the throw point to the
/// frame that catches it in the exception object (`trace_ips`, the managed
/// `Exception._stackTrace`), and managed code (`Exception.StackTrace`, `ToString`,
/// `new StackTrace(e)`) reads them back through the `StackTrace.get_trace` icall. `unwind` does
/// the same: it stores the frames it searched as a `native int[]` in `_stackTrace`, two slots per
/// frame (the method handle; the IL offset, the code index and a wrapper flag).
/// A `rethrow` keeps the frames recorded so far except the last (the catching frame, which the
/// rethrowing frame replaces); an exception that leaves a nested run and is raised again in the
/// caller of the native that started the run (reflection's Invoke) keeps all of them and gains a
/// `(wrapper managed-to-native)` frame for that native, as on Mono.
struct TraceFrame {
    var method: RuntimeMethod
    /// The IL offset Mono reports: the nearest sequence point at or before the instruction.
    var ilOffset: Int32
    /// Mono reports the machine-code offset; cilbox the index in the transformed code.
    var nativeOffset: Int32
    /// A native between two guest frames, shown as Mono shows its managed-to-native wrapper.
    var isWrapper = false
}

extension Runtime {
    // MARK: capture (called by unwind)

    /// The frames the trace of `exception`, thrown at the top record, starts with (see above).
    func traceBeginning(_ thread: GuestThread, _ exception: UInt64) -> [TraceFrame] {
        let escaped = thread.escapedException
        thread.escapedException = 0
        guard let r = thread.records.last, r.pc > 0, r.pc - 1 < r.method.code.count else { return [] }
        switch r.method.code[r.pc - 1].op {
        case .rethrow:
            return Array((storedTrace(exception) ?? []).dropLast())
        case .throwException:
            return []
        default:
            guard exception == escaped, var frames = storedTrace(exception) else { return [] }
            if let native = nativeCallee(of: r) { frames.append(nativeFrame(native, wrapper: native.hasNoBody)) }
            return frames
        }
    }

    /// Records `prefix` and the frames of records `top`…`bottom` as the trace of `exception`.
    func recordTrace(_ thread: GuestThread, _ exception: UInt64, _ prefix: [TraceFrame], through bottom: Int) throws(RuntimeError) {
        let top = thread.records.count - 1
        guard bottom <= top else { return }
        var frames = prefix
        for index in stride(from: top, through: max(bottom, 0), by: -1) {
            let r = thread.records[index]
            frames.append(TraceFrame(method: r.method.method, ilOffset: r.method.reportedILOffset(atCode: r.pc - 1),
                                     nativeOffset: Int32(max(r.pc - 1, 0))))
        }
        try storeTrace(exception, frames)
    }

    /// Adds the frames of records `top`…`bottom` to the trace `exception` already has (an
    /// exception thrown by a finally handler run for another exception leaving the run).
    func extendTrace(_ thread: GuestThread, _ exception: UInt64, from top: Int, through bottom: Int) throws(RuntimeError) {
        guard let frames = storedTrace(exception), top >= bottom, top < thread.records.count else { return }
        var extended = frames
        for index in stride(from: top, through: max(bottom, 0), by: -1) {
            let r = thread.records[index]
            extended.append(TraceFrame(method: r.method.method, ilOffset: r.method.reportedILOffset(atCode: r.pc - 1),
                                       nativeOffset: Int32(max(r.pc - 1, 0))))
        }
        try storeTrace(exception, extended)
    }

    /// Stores `frames` in the exception's `_stackTrace` (nothing for objects that are not
    /// System.Exception, or when the heap is full).
    func storeTrace(_ exception: UInt64, _ frames: [TraceFrame]) throws(RuntimeError) {
        guard let t = objectType(exception), let field = try? field(named: "_stackTrace", in: t), !field.isStatic else { return }
        let arrayType = try szArrayType(of: try coreType("System.IntPtr"))
        guard let array = try newArray(arrayType, length: 2 * frames.count),
              let elements = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), 16 * frames.count) else { return }
        for (k, f) in frames.enumerated() {
            elements.storeBytes(of: handle(of: f.method), toByteOffset: 16 * k, as: Int64.self)
            let packed = UInt64(UInt32(bitPattern: f.ilOffset)) | UInt64(UInt32(bitPattern: f.nativeOffset) & 0x3FFF_FFFF) << 32
                | (f.isWrapper ? 1 << 62 : 0)
            elements.storeBytes(of: packed, toByteOffset: 16 * k + 8, as: UInt64.self)
        }
        space.unchecked(exception + UInt64(field.offset)).storeBytes(of: array, as: UInt64.self)
    }

    /// The frames stored in the exception's `_stackTrace`, or nil when it has none (never thrown,
    /// or cleared by managed code) or holds something cilbox did not put there.
    func storedTrace(_ exception: UInt64) -> [TraceFrame]? {
        guard let t = objectType(exception), let field = try? field(named: "_stackTrace", in: t), !field.isStatic else { return nil }
        let array = space.unchecked(exception + UInt64(field.offset)).loadUnaligned(as: UInt64.self)
        guard array != 0, let at = objectType(array), at.kind == .szArray, at.elementType?.fullName == "System.IntPtr",
              let header = space.pointer(array, ObjectLayout.arrayElementsOffset) else { return nil }
        let count = ObjectLayout.guestLength(header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)) / 2
        guard let elements = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), 16 * count) else { return nil }
        var frames: [TraceFrame] = []
        for k in 0 ..< count {
            guard let m = methodHandles.item(elements.loadUnaligned(fromByteOffset: 16 * k, as: Int64.self)) else { continue }
            let packed = elements.loadUnaligned(fromByteOffset: 16 * k + 8, as: UInt64.self)
            frames.append(TraceFrame(method: m, ilOffset: Int32(bitPattern: UInt32(truncatingIfNeeded: packed)),
                                     nativeOffset: Int32(truncatingIfNeeded: (packed >> 32) & 0x3FFF_FFFF), isWrapper: packed & (1 << 62) != 0))
        }
        return frames
    }

    // MARK: the live stack

    /// The frames of the thread's stack, innermost first, as Mono's stack walk sees them
    /// (`StackFrame.get_frame_info`): a native that started a nested run shows as a frame of its
    /// own; a method whose beforefieldinit type initializers are running at its entry is not on
    /// the stack yet (Mono runs them when it compiles the method); the copy of a frame that
    /// runs one of its finally handlers on behalf of an escaping exception counts once. IL
    /// offsets are 0, as Mono reports them for code without debug symbols.
    func liveFrames(_ thread: GuestThread) -> [TraceFrame] {
        let records = thread.records
        var frames: [TraceFrame] = []
        for index in stride(from: records.count - 1, through: 0, by: -1) {
            let r = records[index]
            if index < records.count - 1 {
                if r.pc == 0 { continue }
                let above = records[index + 1]
                if above.fp == r.fp && above.method === r.method { continue }
                if let native = nativeCallee(of: r, above: above) { frames.append(nativeFrame(native, wrapper: false)) }
            }
            frames.append(TraceFrame(method: r.method.method, ilOffset: 0, nativeOffset: Int32(max(r.pc - 1, 0))))
        }
        return frames
    }

    /// The native the record is calling, if its current instruction is a call of one: a native
    /// that runs guest code (reflection's Invoke) sits between the record and the run it started.
    /// `above` is the record over this one, if any; it is not such a run when the call entered it
    /// directly (its frame is the call's argument area). Delegate Invoke shows no frame on Mono.
    func nativeCallee(of r: CallRecord, above: CallRecord? = nil) -> RuntimeMethod? {
        guard r.pc > 0, r.pc - 1 < r.method.code.count else { return nil }
        let i = r.method.code[r.pc - 1]
        switch i.op {
        case .call, .callVirtual, .callInterface, .callNative, .newObject:
            if let above, above.fp == r.fp + Int(i.a) { return nil }
            guard var m = methodHandles.item(i.imm) else { return nil }
            if m.isAbstract || ((i.op == .callVirtual || i.op == .callInterface) && m.isVirtual) {
                // The static callee may not be what ran: resolve it on `this`, still in the argument area.
                let this = (r.fp + Int(i.a)).loadUnaligned(as: UInt64.self)
                guard let t = objectType(this), let target = try? virtualTarget(m, t) else { return nil }
                m = target
            }
            guard !m.isAbstract, isNative(m) else { return nil }
            if m.isRuntimeImplemented && m.name == "Invoke" && isDelegateType(m.owner) { return nil }
            return m
        default:
            return nil
        }
    }

    func nativeFrame(_ m: RuntimeMethod, wrapper: Bool) -> TraceFrame {
        TraceFrame(method: m, ilOffset: 0, nativeOffset: 0, isWrapper: wrapper)
    }

    /// What Mono prints for a managed-to-native wrapper frame:
    /// `(wrapper managed-to-native) System.Reflection.RuntimeMethodInfo.InternalInvoke(System.Reflection.RuntimeMethodInfo,object,object[],System.Exception&)`.
    func wrapperName(_ m: RuntimeMethod) -> String {
        // The wrapper is static: an instance method's `this` is its first parameter.
        let parameters = (m.isStatic ? [] : [m.owner]) + ((try? signature(m).parameters) ?? [])
        return "(wrapper managed-to-native) " + monoTypeDescription(m.owner, generic: false) + "." + m.name
            + "(" + parameters.map { monoTypeDescription($0) }.joined(separator: ",") + ")"
    }

    /// Mono's `mono_type_get_desc` with namespaces: C# keywords for the primitive types,
    /// `Outer/Nested` for nested types, `List`1<int>` for generic instances.
    func monoTypeDescription(_ t: RuntimeType, generic: Bool = true, depth: Int = 0) -> String {
        guard depth < 16 else { return "…" }
        switch t.kind {
        case .szArray: return monoTypeDescription(t.elementType!, depth: depth + 1) + "[]"
        case .array(let rank): return monoTypeDescription(t.elementType!, depth: depth + 1) + "[" + String(repeating: ",", count: max(rank - 1, 0)) + "]"
        case .pointer: return monoTypeDescription(t.elementType!, depth: depth + 1) + "*"
        case .byReference: return monoTypeDescription(t.elementType!, depth: depth + 1) + "&"
        case .genericParameter: return t.name
        default: break
        }
        if t.namespace == "System" && t.declaringType == nil && t.module === corlib {
            let keywords = ["Void": "void", "Boolean": "bool", "Char": "char", "SByte": "sbyte", "Byte": "byte", "Int16": "short",
                            "UInt16": "ushort", "Int32": "int", "UInt32": "uint", "Int64": "long", "UInt64": "ulong", "Single": "single",
                            "Double": "double", "String": "string", "Object": "object", "IntPtr": "intptr", "UIntPtr": "uintptr",
                            "TypedReference": "typedbyref"]
            if let k = keywords[t.name] { return k }
        }
        let definition = t.genericDefinition ?? t
        var name = definition.name
        var outer = definition.declaringType
        while let o = outer {
            name = o.name + "/" + name
            if o.declaringType == nil && !o.namespace.isEmpty { name = o.namespace + "." + name }
            outer = o.declaringType
        }
        if definition.declaringType == nil && !definition.namespace.isEmpty { name = definition.namespace + "." + name }
        if generic && !t.genericArguments.isEmpty {
            name += "<" + t.genericArguments.map { monoTypeDescription($0, depth: depth + 1) }.joined(separator: ",") + ">"
        }
        return name
    }
}
