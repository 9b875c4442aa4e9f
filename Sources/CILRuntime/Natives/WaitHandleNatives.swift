/// Wait handles: events (ManualResetEvent, AutoResetEvent, EventWaitHandle), Mutex and
/// Semaphore, as Mono's managed classes reach them: a handle (an IntPtr in a SafeWaitHandle)
/// names a kernel-like object the runtime keeps; WaitHandle.Wait_internal blocks on one or
/// several of them through the scheduler. Named objects are shared by name within the run
/// (there is no other process to share them with).
final class WaitObject {
    enum Kind {
        case event(manualReset: Bool)
        case semaphore(maximum: Int32)
        case mutex
    }
    let kind: Kind
    /// Events: signaled. Semaphores: the count. Mutexes: the owner's recursion count.
    var signaled = false
    var count: Int32 = 0
    /// Mutexes: the owning thread's id, 0 when free.
    var owner = 0

    init(_ kind: Kind) { self.kind = kind }
}

/// Win32 wait results that Mono's WaitHandle code tests for.
enum WaitResult {
    static let abandoned: Int32 = 0x80
    static let timeout: Int32 = 258
    static let failed: Int32 = -1
    static let tooManyPosts: Int32 = 298
    static let notOwner: Int32 = 299
    static let alreadyExists: Int32 = 183
    static let fileNotFound: Int32 = 2
}

extension NativeRegistry {
    func registerWaitHandleNatives() {
        register("System.Threading.NativeEventCalls::CreateEvent_icall") { (c: inout NativeContext) throws(RuntimeError) in
            let (handle, existed) = try c.runtime.createWaitObject(name: c.uint64(2), length: c.int32(3)) {
                let o = WaitObject(.event(manualReset: c.int32(0) != 0))
                o.signaled = c.int32(1) != 0
                return o
            }
            c.storeInt32(existed ? WaitResult.alreadyExists : 0, at: c.uint64(4))
            c.returnUInt64(handle)
        }
        register("System.Threading.NativeEventCalls::OpenEvent_icall") { (c: inout NativeContext) throws(RuntimeError) in
            try c.openWaitObject(name: c.uint64(0), length: c.int32(1), error: c.uint64(3))
        }
        register("System.Threading.NativeEventCalls::SetEvent_internal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let o = c.runtime.scheduler.waitObjects[c.uint64(0)], case .event = o.kind else { c.returnBool(false); return }
            o.signaled = true
            c.returnBool(true)
        }
        register("System.Threading.NativeEventCalls::ResetEvent_internal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let o = c.runtime.scheduler.waitObjects[c.uint64(0)], case .event = o.kind else { c.returnBool(false); return }
            o.signaled = false
            c.returnBool(true)
        }
        // SafeWaitHandle.ReleaseHandle closes every kind of handle through this one.
        register("System.Threading.NativeEventCalls::CloseEvent_internal") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.scheduler.waitObjects[c.uint64(0)] = nil
        }
        register("System.Threading.Mutex::CreateMutex_icall") { (c: inout NativeContext) throws(RuntimeError) in
            let thread = c.thread
            let (handle, existed) = try c.runtime.createWaitObject(name: c.uint64(1), length: c.int32(2)) {
                let o = WaitObject(.mutex)
                if c.int32(0) != 0 { o.owner = thread.id; o.count = 1 }
                return o
            }
            if let p = c.runtime.space.pointer(c.uint64(3), 1) { p.storeBytes(of: UInt8(existed ? 0 : 1), as: UInt8.self) }
            c.returnUInt64(handle)
        }
        register("System.Threading.Mutex::OpenMutex_icall") { (c: inout NativeContext) throws(RuntimeError) in
            try c.openWaitObject(name: c.uint64(0), length: c.int32(1), error: c.uint64(3))
        }
        register("System.Threading.Mutex::ReleaseMutex_internal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let o = c.runtime.scheduler.waitObjects[c.uint64(0)], case .mutex = o.kind, o.owner == c.thread.id else { c.returnBool(false); return }
            c.returnBool(true)
            o.count -= 1
            if o.count == 0 { o.owner = 0 }
        }
        register("System.Threading.Semaphore::CreateSemaphore_icall") { (c: inout NativeContext) throws(RuntimeError) in
            let (handle, existed) = try c.runtime.createWaitObject(name: c.uint64(2), length: c.int32(3)) {
                let o = WaitObject(.semaphore(maximum: c.int32(1)))
                o.count = c.int32(0)
                return o
            }
            c.storeInt32(existed ? WaitResult.alreadyExists : 0, at: c.uint64(4))
            c.returnUInt64(handle)
        }
        register("System.Threading.Semaphore::OpenSemaphore_icall") { (c: inout NativeContext) throws(RuntimeError) in
            try c.openWaitObject(name: c.uint64(0), length: c.int32(1), error: c.uint64(3))
        }
        register("System.Threading.Semaphore::ReleaseSemaphore_internal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let o = c.runtime.scheduler.waitObjects[c.uint64(0)], case .semaphore(let maximum) = o.kind else { c.returnBool(false); return }
            let release = c.int32(1)
            c.storeInt32(o.count, at: c.uint64(2))
            guard release > 0, Int64(o.count) + Int64(release) <= Int64(maximum) else { c.returnBool(false); return }
            o.count += release
            c.returnBool(true)
        }
        register("System.Threading.WaitHandle::Wait_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let count = Int(c.int32(1))
            guard count > 0, let p = r.space.pointer(c.uint64(0), 8 * count) else { c.returnInt32(WaitResult.failed); return }
            let handles = (0 ..< count).map { p.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self) }
            guard handles.allSatisfy({ r.scheduler.waitObjects[$0] != nil }) else { c.returnInt32(WaitResult.failed); return }
            try c.waitForHandles(handles, all: c.int32(2) != 0, deadline: r.deadline(milliseconds: c.int32(3)))
        }
        register("System.Threading.WaitHandle::SignalAndWait_Internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let signal = r.scheduler.waitObjects[c.uint64(0)], r.scheduler.waitObjects[c.uint64(1)] != nil else {
                c.returnInt32(WaitResult.failed); return
            }
            switch signal.kind {
            case .event: signal.signaled = true
            case .semaphore(let maximum):
                guard signal.count < maximum else { c.returnInt32(WaitResult.tooManyPosts); return }
                signal.count += 1
            case .mutex:
                guard signal.owner == c.thread.id else { c.returnInt32(WaitResult.notOwner); return }
                signal.count -= 1
                if signal.count == 0 { signal.owner = 0 }
            }
            try c.waitForHandles([c.uint64(1)], all: false, deadline: r.deadline(milliseconds: c.int32(2)))
        }
    }
}

extension NativeContext {
    func storeInt32(_ v: Int32, at address: UInt64) {
        if let p = runtime.space.pointer(address, 4) { p.storeBytes(of: v, as: Int32.self) }
    }

    mutating func openWaitObject(name: UInt64, length: Int32, error: UInt64) throws(RuntimeError) {
        let key = runtime.waitObjectName(name, length)
        if let key, let handle = runtime.scheduler.namedWaitObjects[key] {
            storeInt32(0, at: error)
            returnUInt64(handle)
        } else {
            storeInt32(WaitResult.fileNotFound, at: error)
            returnUInt64(0)
        }
    }

    /// Blocks until one (`all`: every one) of `handles` can be taken, takes it, and returns its
    /// index (0 for all; + 0x80 for a mutex whose owner ended without releasing it), or
    /// WAIT_TIMEOUT when the deadline passes first.
    mutating func waitForHandles(_ handles: [UInt64], all: Bool, deadline: Int64?) throws(RuntimeError) {
        try runtime.blockingCall(&self) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
            let r = c.runtime
            if let index = r.takeWaitObjects(handles, all: all, for: c.thread) {
                c.returnInt32(index)
                return nil
            }
            if let deadline, r.virtualClockMilliseconds >= deadline {
                c.returnInt32(WaitResult.timeout)
                return nil
            }
            return ThreadWait(reason: .handles(handles, all: all), deadline: deadline)
        }
    }
}

extension Runtime {
    /// A new wait object, or for a name already in use the existing one (`existed`).
    func createWaitObject(name: UInt64, length: Int32, make: () -> WaitObject) throws(RuntimeError) -> (handle: UInt64, existed: Bool) {
        let key = waitObjectName(name, length)
        if let key, let handle = scheduler.namedWaitObjects[key], scheduler.waitObjects[handle] != nil { return (handle, true) }
        // Handles are small multiples of 8, never guest addresses.
        scheduler.nextWaitHandle += 8
        let handle = scheduler.nextWaitHandle
        scheduler.waitObjects[handle] = make()
        if let key { scheduler.namedWaitObjects[key] = handle }
        return (handle, false)
    }

    func waitObjectName(_ chars: UInt64, _ length: Int32) -> [UInt16]? {
        guard chars != 0, length >= 0, let p = space.pointer(chars, 2 * Int(length)) else { return nil }
        return Array(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt16.self), count: Int(length)))
    }

    /// Whether `t` could take `o` now, and whether it would be an abandoned mutex.
    private func available(_ o: WaitObject, for t: GuestThread) -> (Bool, abandoned: Bool) {
        switch o.kind {
        case .event: return (o.signaled, false)
        case .semaphore: return (o.count > 0, false)
        case .mutex:
            if o.owner == 0 || o.owner == t.id { return (true, false) }
            let ownerEnded = scheduler.byID[o.owner] == nil
            return (ownerEnded, ownerEnded)
        }
    }

    private func take(_ o: WaitObject, for t: GuestThread) {
        switch o.kind {
        case .event(let manualReset): if !manualReset { o.signaled = false }
        case .semaphore: o.count -= 1
        case .mutex:
            if o.owner != t.id { o.owner = t.id; o.count = 0 }
            o.count += 1
        }
    }

    func waitObjectsAvailable(_ handles: [UInt64], all: Bool, for t: GuestThread) -> Bool {
        let objects = handles.compactMap { scheduler.waitObjects[$0] }
        guard objects.count == handles.count else { return true }  // closed while waited on: wake up and fail
        return all ? objects.allSatisfy { available($0, for: t).0 } : objects.contains { available($0, for: t).0 }
    }

    /// Takes the first available handle (or all of them), returning the wait result; nil when it must wait.
    func takeWaitObjects(_ handles: [UInt64], all: Bool, for t: GuestThread) -> Int32? {
        let objects = handles.compactMap { scheduler.waitObjects[$0] }
        guard objects.count == handles.count else { return WaitResult.failed }
        if all {
            guard objects.allSatisfy({ available($0, for: t).0 }) else { return nil }
            let abandoned = objects.contains { available($0, for: t).abandoned }
            objects.forEach { take($0, for: t) }
            return abandoned ? WaitResult.abandoned : 0
        }
        for (k, o) in objects.enumerated() {
            let (ok, abandoned) = available(o, for: t)
            guard ok else { continue }
            take(o, for: t)
            return Int32(k) + (abandoned ? WaitResult.abandoned : 0)
        }
        return nil
    }
}
