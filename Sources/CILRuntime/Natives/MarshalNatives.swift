/// Strings and memory crossing the (virtual) native boundary.
extension NativeRegistry {
    func registerMarshalNatives() {
        register("Mono.SafeStringMarshal::StringToUtf8") { (c: inout NativeContext) throws(RuntimeError) in
            let units = c.runtime.stringUnits(c.uint64(0)) ?? []
            let bytes = Array(String(decoding: units, as: UTF16.self).utf8) + [0]
            guard let p = c.runtime.unmanaged.allocate(bytes.count) else { try c.raise(.outOfMemory); return }
            bytes.withUnsafeBytes { c.runtime.space.unchecked(p).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            c.returnUInt64(p)
        }
        register("Mono.SafeStringMarshal::GFree") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.unmanaged.release(c.uint64(0))
        }
        register("System.Runtime.InteropServices.Marshal::AllocHGlobal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.unmanaged.allocate(Int(c.int64(0))) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(p)
        }
        register("System.Runtime.InteropServices.Marshal::FreeHGlobal") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.unmanaged.release(c.uint64(0))
        }
    }
}
