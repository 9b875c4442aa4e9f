/// Monitors and threads. Guest code runs on one green thread for now, so a lock is always
/// free: entering succeeds at once (DESIGN decision 6: deterministic scheduling).
extension NativeRegistry {
    func registerThreadingNatives() {
        register("System.Threading.Thread::GetCurrentThread") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(try c.runtime.threadObject(c.thread))
        }
        register("System.Threading.Monitor::try_enter_with_atomic_var") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.uint64(0) != 0 else { try c.raise(.argumentNull); return }
            if let p = c.runtime.space.pointer(c.uint64(2), 1) { p.storeBytes(of: UInt8(1), as: UInt8.self) }
            c.runtime.monitorCounts[c.uint64(0), default: 0] += 1
        }
        register("System.Threading.Monitor::Enter") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.uint64(0) != 0 else { try c.raise(.argumentNull); return }
            c.runtime.monitorCounts[c.uint64(0), default: 0] += 1
        }
        register("System.Threading.Monitor::Exit") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard o != 0 else { try c.raise(.argumentNull); return }
            // Exiting a lock this thread does not hold is SynchronizationLockException in the CLR.
            guard let n = c.runtime.monitorCounts[o], n > 0 else {
                c.raised = try c.runtime.construct(try c.runtime.coreType("System.Threading.SynchronizationLockException"), arguments: [], thread: c.thread)
                return
            }
            c.runtime.monitorCounts[o] = n == 1 ? nil : n - 1
        }
        // One thread: a lock is held by the current thread while its count is positive.
        register("System.Threading.Monitor::Monitor_test_owner") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool((c.runtime.monitorCounts[c.uint64(0)] ?? 0) > 0)
        }
        register("System.Threading.Monitor::Monitor_test_synchronised") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool((c.runtime.monitorCounts[c.uint64(0)] ?? 0) > 0)
        }
        register("System.Threading.Monitor::Monitor_pulse") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.Monitor::Monitor_pulse_all") { (c: inout NativeContext) throws(RuntimeError) in }
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

extension Runtime {
    /// The System.Threading.Thread object of a guest thread, made on first request. Its
    /// constructor is not run (it wants a start delegate); the fields the class libraries read
    /// through icalls stay at their defaults.
    func threadObject(_ thread: GuestThread) throws(RuntimeError) -> UInt64 {
        if thread.managedObject != 0 { return thread.managedObject }
        let t = try coreType("System.Threading.Thread")
        guard let o = try newObject(t) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a Thread") }
        pinnedObjects.append(o)
        thread.managedObject = o
        if let internalType = try? coreType("System.Threading.InternalThread"), let f = try? field(named: "internal_thread", in: t),
           let inner = try newObject(internalType) {
            space.unchecked(o + UInt64(f.offset)).storeBytes(of: inner, as: UInt64.self)
            pinnedObjects.append(inner)
            if let idField = try? field(named: "managed_id", in: internalType) {
                space.unchecked(inner + UInt64(idField.offset)).storeBytes(of: Int32(thread.id), as: Int32.self)
            }
        }
        return o
    }
}
