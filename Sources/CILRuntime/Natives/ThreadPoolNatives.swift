/// Mono's thread pool: the work queue is managed code (ThreadPoolWorkQueue); the runtime only
/// supplies worker threads when RequestWorkerThread asks for one. A worker is a background
/// guest thread that runs `_ThreadPoolWaitCallback.PerformWaitCallback` (which dispatches
/// queued work items) once per outstanding request and ends when none is left. One worker
/// serves the requests while it can; another one starts when every thread is blocked and
/// requests wait (the pool's starvation rule, decided by the scheduler instead of a timer).
extension NativeRegistry {
    func registerThreadPoolNatives() {
        register("System.Threading.ThreadPool::RequestWorkerThread") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            r.scheduler.poolRequests += 1
            if r.scheduler.poolWorkers == 0 { try r.startPoolWorker() }
            c.returnBool(true)
        }
        // Timers run on a scheduler thread that sleeps on a wait handle until the next due time,
        // measured in 100 ns ticks of the virtual clock; their callbacks go to the pool.
        register("System.Threading.Timer::GetTimeMonotonic") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt64(c.runtime.virtualClockMilliseconds * 10_000)
        }
        register("System.Threading.ThreadPool::NotifyWorkItemComplete") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(true) }
        register("System.Threading.ThreadPool::NotifyWorkItemProgressNative") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.ThreadPool::NotifyWorkItemQueued") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.ThreadPool::ReportThreadStatus") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.ThreadPool::InitializeVMTp") { (c: inout NativeContext) throws(RuntimeError) in
            if let p = c.runtime.space.pointer(c.uint64(0), 1) { p.storeBytes(of: UInt8(0), as: UInt8.self) }
        }
        register("System.Threading.ThreadPool::SetMinThreadsNative") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(true) }
        register("System.Threading.ThreadPool::SetMaxThreadsNative") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(true) }
        register("System.Threading.ThreadPool::GetMinThreadsNative") { (c: inout NativeContext) throws(RuntimeError) in
            c.storeInt32(1, at: c.uint64(0)); c.storeInt32(1, at: c.uint64(1))
        }
        register("System.Threading.ThreadPool::GetMaxThreadsNative") { (c: inout NativeContext) throws(RuntimeError) in
            c.storeInt32(Int32(Scheduler.maxPoolWorkers), at: c.uint64(0)); c.storeInt32(Int32(Scheduler.maxPoolWorkers), at: c.uint64(1))
        }
        register("System.Threading.ThreadPool::GetAvailableThreadsNative") { (c: inout NativeContext) throws(RuntimeError) in
            c.storeInt32(Int32(Scheduler.maxPoolWorkers - c.runtime.scheduler.poolWorkers), at: c.uint64(0))
            c.storeInt32(Int32(Scheduler.maxPoolWorkers), at: c.uint64(1))
        }
    }
}

extension Runtime {
    /// A new background pool worker; it takes a request when it first runs.
    func startPoolWorker() throws(RuntimeError) {
        let t = try newGuestThread(id: Int(scheduler.nextManagedID))
        scheduler.nextManagedID += 1
        t.isPoolWorker = true
        scheduler.poolWorkers += 1
        register(thread: t)
    }

    /// Pushes the activation of a worker's next request: PerformWaitCallback.
    func enterPoolWork(_ t: GuestThread) throws(RuntimeError) -> CallOutcome {
        let owner = try coreType("System.Threading._ThreadPoolWaitCallback")
        try ensureMethods(owner)
        guard let m = owner.methods.first(where: { $0.name == "PerformWaitCallback" }) else {
            throw RuntimeError(.missingMember, "System.Threading._ThreadPoolWaitCallback::PerformWaitCallback not found")
        }
        return try enter(m, frame: t.stackStart, kind: .normal, thread: t)
    }
}
