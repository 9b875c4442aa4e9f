/// System.IO.MonoIO: the class libraries' file and console primitives. Everything lands in the
/// runtime's virtual environment; nothing reaches a host file (DESIGN decision 2).
extension NativeRegistry {
    /// Handle values of the virtual console streams (any non-zero, non-(-1) values).
    static let consoleInput: UInt64 = 0x10, consoleOutput: UInt64 = 0x11, consoleError: UInt64 = 0x12

    func registerMonoIONatives() {
        register("System.IO.MonoIO::get_ConsoleInput") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(Self.consoleInput) }
        register("System.IO.MonoIO::get_ConsoleOutput") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(Self.consoleOutput) }
        register("System.IO.MonoIO::get_ConsoleError") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(Self.consoleError) }
        // MonoFileType: Char (2) for the console streams.
        register("System.IO.MonoIO::GetFileType") { (c: inout NativeContext) throws(RuntimeError) in
            c.setIOError(1, 0)
            let h = c.uint64(0)
            c.returnInt32(h == Self.consoleInput || h == Self.consoleOutput || h == Self.consoleError ? 2 : 0)
        }
        // int Write(IntPtr handle, byte[] src, int src_offset, int count, out MonoIOError error)
        register("System.IO.MonoIO::Write") { (c: inout NativeContext) throws(RuntimeError) in
            let handle = c.uint64(0)
            let offset = Int(c.int32(2)), count = Int(c.int32(3))
            guard let array = c.runtime.primitiveArrayBytes(c.uint64(1)), offset >= 0, count >= 0, offset + count <= array.count else {
                try c.raise(.argument); return
            }
            let bytes = Array(UnsafeRawBufferPointer(start: array.base + offset, count: count))
            switch handle {
            case Self.consoleOutput: try c.runtime.appendOutput(bytes, error: false)
            case Self.consoleError: try c.runtime.appendOutput(bytes, error: true)
            default:
                c.setIOError(4, 6)  // ERROR_INVALID_HANDLE
                c.returnInt32(-1)
                return
            }
            c.setIOError(4, 0)
            c.returnInt32(Int32(count))
        }
        register("System.IO.MonoIO::Flush") { (c: inout NativeContext) throws(RuntimeError) in
            c.setIOError(1, 0)
            c.returnBool(true)
        }
        register("System.IO.MonoIO::Close") { (c: inout NativeContext) throws(RuntimeError) in
            c.setIOError(1, 0)
            c.returnBool(true)
        }
        register("System.ConsoleDriver::Isatty") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(false) }
    }
}

extension NativeContext {
    /// Writes a MonoIOError to the `out` parameter at argument `index`.
    func setIOError(_ index: Int, _ value: Int32) {
        if let p = runtime.space.pointer(uint64(index), 4) { p.storeBytes(of: value, as: Int32.self) }
    }
}

extension Runtime {
    /// Console output of the guest, kept in memory up to the output budget.
    func appendOutput(_ bytes: [UInt8], error: Bool) throws(RuntimeError) {
        guard standardOutput.count + standardError.count + bytes.count <= options.maxOutputBytes else {
            throw RuntimeError(.budgetExhausted, "output budget of \(options.maxOutputBytes) bytes exhausted")
        }
        if error { standardError += bytes } else { standardOutput += bytes }
        outputSink?(bytes, error)
    }
}
