/// System.Diagnostics.StackTrace and StackFrame: the icalls their managed code (Mono's
/// mscorlib) calls to read an exception's recorded frames and the live stack. The frames
/// themselves come from StackTraces.swift.
extension NativeRegistry {
    func registerStackTraceNatives(_ state: ReflectionState) {
        // StackFrame[] get_trace(Exception e, int skipFrames, bool needFileInfo)
        register("System.Diagnostics.StackTrace::get_trace") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let frames = Array((r.storedTrace(c.uint64(0)) ?? []).dropFirst(max(Int(c.int32(1)), 0)))
            let frameType = try r.coreType("System.Diagnostics.StackFrame")
            guard let array = try r.newArray(try r.szArrayType(of: frameType), length: frames.count) else { try c.raise(.outOfMemory); return }
            r.nativeRoots.append(array)
            defer { r.nativeRoots.removeLast() }
            for (k, f) in frames.enumerated() {
                let o = try state.stackFrameObject(r, f, thread: c.thread)
                r.space.unchecked(array + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: o, as: UInt64.self)
            }
            c.returnUInt64(array)
        }
        // bool get_frame_info(int skip, bool needFileInfo, out MethodBase method, out int iloffset,
        //                     out int native_offset, out string file, out int line, out int column)
        register("System.Diagnostics.StackFrame::get_frame_info") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            // Frame 0 is the icall's own (managed-to-native wrapper) frame on Mono: skip n is the
            // (n - 1)th frame below the native, i.e. counting from its caller.
            let skip = Int(c.int32(0))
            let frames = r.liveFrames(c.thread)
            guard skip >= 1, skip - 1 < frames.count else { c.returnBool(false); return }
            let f = frames[skip - 1]
            func out<T>(_ index: Int, _ value: T) throws(RuntimeError) {
                guard let p = r.space.pointer(c.uint64(index), MemoryLayout<T>.size) else { throw RuntimeError(.invalidProgram, "get_frame_info: bad out argument") }
                p.storeBytes(of: value, as: T.self)
            }
            try out(2, try state.methodObject(r, f.method, reflected: nil, thread: c.thread))
            try out(3, f.ilOffset)
            try out(4, f.nativeOffset)
            try out(5, UInt64(0))  // no file: Mono has none without debug symbols
            try out(6, Int32(0))
            try out(7, Int32(0))
            c.returnBool(true)
        }
        // The AOT image id, which StackTrace prints only for frames without an IL offset: none here.
        register("System.Reflection.RuntimeAssembly::GetAotIdInternal") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(false)
        }
    }
}

extension ReflectionState {
    /// A StackFrame filled the way Mono's `ves_icall_get_trace` fills it (no constructor runs).
    func stackFrameObject(_ r: Runtime, _ f: TraceFrame, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let name = "System.Diagnostics.StackFrame"
        guard let o = try r.newObject(try r.coreType(name)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a StackFrame") }
        r.nativeRoots.append(o)
        defer { r.nativeRoots.removeLast() }
        try store32(r, o, name, "ilOffset", UInt32(bitPattern: f.ilOffset))
        try store32(r, o, name, "nativeOffset", UInt32(bitPattern: f.nativeOffset))
        try store32(r, o, name, "methodIndex", 0xFFFFFF)
        if f.isWrapper {
            try store(r, o, name, "internalMethodName", try r.newString(r.wrapperName(f.method)) ?? 0)
        } else {
            try store(r, o, name, "methodBase", try methodObject(r, f.method, reflected: nil, thread: thread))
        }
        return o
    }
}
