/// Interlocked operations and barriers. Guest threads switch only between instructions and
/// never inside a native (Scheduler.swift), so every native here is atomic as it stands.
extension NativeRegistry {
    func registerThreadingNatives() {
        registerThreadNatives()
        registerMonitorNatives()
        registerWaitHandleNatives()
        registerThreadPoolNatives()
        register("System.Threading.Thread::MemoryBarrier") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.Interlocked::CompareExchange(System.Int32&,System.Int32,System.Int32)") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 4) else { try c.raise(.nullReference); return }
            let old = p.loadUnaligned(as: Int32.self)
            if old == c.int32(2) { p.storeBytes(of: c.int32(1), as: Int32.self) }
            c.returnInt32(old)
        }
        register("System.Threading.Interlocked::CompareExchange(System.Int64&,System.Int64,System.Int64)") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 8) else { try c.raise(.nullReference); return }
            let old = p.loadUnaligned(as: Int64.self)
            if old == c.int64(2) { p.storeBytes(of: c.int64(1), as: Int64.self) }
            c.returnInt64(old)
        }
        // Mono's generic CompareExchange<T> passes everything by reference, the result too.
        register("System.Threading.Interlocked::CompareExchange(System.Object&,System.Object&,System.Object&,System.Object&)") { (c: inout NativeContext) throws(RuntimeError) in
            let space = c.runtime.space
            guard let location = space.pointer(c.uint64(0), 8), let value = space.pointer(c.uint64(1), 8),
                  let comparand = space.pointer(c.uint64(2), 8), let result = space.pointer(c.uint64(3), 8) else { try c.raise(.nullReference); return }
            let old = location.loadUnaligned(as: UInt64.self)
            if old == comparand.loadUnaligned(as: UInt64.self) { location.storeBytes(of: value.loadUnaligned(as: UInt64.self), as: UInt64.self) }
            result.storeBytes(of: old, as: UInt64.self)
        }
        register("System.Threading.Interlocked::Exchange(System.Object&,System.Object&,System.Object&)") { (c: inout NativeContext) throws(RuntimeError) in
            let space = c.runtime.space
            guard let location = space.pointer(c.uint64(0), 8), let value = space.pointer(c.uint64(1), 8),
                  let result = space.pointer(c.uint64(2), 8) else { try c.raise(.nullReference); return }
            result.storeBytes(of: location.loadUnaligned(as: UInt64.self), as: UInt64.self)
            location.storeBytes(of: value.loadUnaligned(as: UInt64.self), as: UInt64.self)
        }
        for name in ["System.Threading.Interlocked::CompareExchange(System.Object&,System.Object,System.Object)",
                     "System.Threading.Interlocked::CompareExchange(System.IntPtr&,System.IntPtr,System.IntPtr)",
                     "System.Threading.Interlocked::CompareExchange(System.UIntPtr&,System.UIntPtr,System.UIntPtr)"] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), 8) else { try c.raise(.nullReference); return }
                let old = p.loadUnaligned(as: UInt64.self)
                if old == c.uint64(2) { p.storeBytes(of: c.uint64(1), as: UInt64.self) }
                c.returnUInt64(old)
            }
        }
        for (name, size) in [("System.Threading.Interlocked::Exchange(System.Int32&,System.Int32)", 4),
                             ("System.Threading.Interlocked::Exchange(System.Int64&,System.Int64)", 8),
                             ("System.Threading.Interlocked::Exchange(System.Object&,System.Object)", 8),
                             ("System.Threading.Interlocked::Exchange(System.IntPtr&,System.IntPtr)", 8)] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), size) else { try c.raise(.nullReference); return }
                if size == 4 {
                    let old = p.loadUnaligned(as: Int32.self); p.storeBytes(of: c.int32(1), as: Int32.self); c.returnInt32(old)
                } else {
                    let old = p.loadUnaligned(as: UInt64.self); p.storeBytes(of: c.uint64(1), as: UInt64.self); c.returnUInt64(old)
                }
            }
        }
        for (name, delta, size) in [("System.Threading.Interlocked::Increment(System.Int32&)", Int64(1), 4),
                                    ("System.Threading.Interlocked::Decrement(System.Int32&)", -1, 4),
                                    ("System.Threading.Interlocked::Increment(System.Int64&)", 1, 8),
                                    ("System.Threading.Interlocked::Decrement(System.Int64&)", -1, 8)] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), size) else { try c.raise(.nullReference); return }
                if size == 4 {
                    let v = p.loadUnaligned(as: Int32.self) &+ Int32(delta); p.storeBytes(of: v, as: Int32.self); c.returnInt32(v)
                } else {
                    let v = p.loadUnaligned(as: Int64.self) &+ delta; p.storeBytes(of: v, as: Int64.self); c.returnInt64(v)
                }
            }
        }
        // SpinLock's form: also says whether the exchange happened.
        register("System.Threading.Interlocked::CompareExchange(System.Int32&,System.Int32,System.Int32,System.Boolean&)") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 4), let succeeded = c.runtime.space.pointer(c.uint64(3), 1) else { try c.raise(.nullReference); return }
            let old = p.loadUnaligned(as: Int32.self)
            let swapped = old == c.int32(2)
            if swapped { p.storeBytes(of: c.int32(1), as: Int32.self) }
            succeeded.storeBytes(of: UInt8(swapped ? 1 : 0), as: UInt8.self)
            c.returnInt32(old)
        }
        // Floating-point forms compare bit patterns, as the CLR's do.
        for (name, size) in [("System.Threading.Interlocked::CompareExchange(System.Single&,System.Single,System.Single)", 4),
                             ("System.Threading.Interlocked::CompareExchange(System.Double&,System.Double,System.Double)", 8)] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), size) else { try c.raise(.nullReference); return }
                if size == 4 {
                    let old = p.loadUnaligned(as: UInt32.self)
                    if old == c.slot(2).loadUnaligned(as: UInt32.self) { p.storeBytes(of: c.slot(1).loadUnaligned(as: UInt32.self), as: UInt32.self) }
                    c.returnUInt64(UInt64(old))
                } else {
                    let old = p.loadUnaligned(as: UInt64.self)
                    if old == c.uint64(2) { p.storeBytes(of: c.uint64(1), as: UInt64.self) }
                    c.returnUInt64(old)
                }
            }
        }
        for (name, size) in [("System.Threading.Interlocked::Exchange(System.Single&,System.Single)", 4),
                             ("System.Threading.Interlocked::Exchange(System.Double&,System.Double)", 8)] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), size) else { try c.raise(.nullReference); return }
                if size == 4 {
                    let old = p.loadUnaligned(as: UInt32.self)
                    p.storeBytes(of: c.slot(1).loadUnaligned(as: UInt32.self), as: UInt32.self)
                    c.returnUInt64(UInt64(old))
                } else {
                    let old = p.loadUnaligned(as: UInt64.self)
                    p.storeBytes(of: c.uint64(1), as: UInt64.self)
                    c.returnUInt64(old)
                }
            }
        }
        register("System.Threading.Interlocked::MemoryBarrierProcessWide") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.Interlocked::Read(System.Int64&)") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 8) else { try c.raise(.nullReference); return }
            c.returnInt64(p.loadUnaligned(as: Int64.self))
        }
        for (name, size) in [("System.Threading.Interlocked::Add(System.Int32&,System.Int32)", 4), ("System.Threading.Interlocked::Add(System.Int64&,System.Int64)", 8)] {
            register(name) { (c: inout NativeContext) throws(RuntimeError) in
                guard let p = c.runtime.space.pointer(c.uint64(0), size) else { try c.raise(.nullReference); return }
                if size == 4 {
                    let v = p.loadUnaligned(as: Int32.self) &+ c.int32(1); p.storeBytes(of: v, as: Int32.self); c.returnInt32(v)
                } else {
                    let v = p.loadUnaligned(as: Int64.self) &+ c.int64(1); p.storeBytes(of: v, as: Int64.self); c.returnInt64(v)
                }
            }
        }
    }
}
