/// System.Threading.Monitor (C# `lock`, Wait/Pulse) on the scheduler's monitors: an owner
/// thread with a recursion count, and a queue of waiting threads. A contended Enter or a Wait
/// blocks the thread until the monitor is free (Scheduler.swift, `blockingCall`).
extension NativeRegistry {
    func registerMonitorNatives() {
        register("System.Threading.Monitor::Enter") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard o != 0 else { try c.raise(.argumentNull); return }
            try c.runtime.blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                c.runtime.tryEnterMonitor(o, c.thread) ? nil : ThreadWait(reason: .enter(object: o))
            }
        }
        // ReliableEnterTimeout (lock, TryEnter): sets lockTaken when it gets the monitor in time.
        register("System.Threading.Monitor::try_enter_with_atomic_var") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard o != 0 else { try c.raise(.argumentNull); return }
            let deadline = c.runtime.deadline(milliseconds: c.int32(1))
            let lockTaken = c.uint64(2)
            try c.runtime.blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                let r = c.runtime
                if r.tryEnterMonitor(o, c.thread) {
                    if let p = r.space.pointer(lockTaken, 1) { p.storeBytes(of: UInt8(1), as: UInt8.self) }
                    return nil
                }
                if let deadline, r.virtualClockMilliseconds >= deadline { return nil }
                return ThreadWait(reason: .enter(object: o), deadline: deadline)
            }
        }
        register("System.Threading.Monitor::Exit") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            guard o != 0 else { try c.raise(.argumentNull); return }
            // Exiting a lock this thread does not hold is SynchronizationLockException in the CLR.
            if c.runtime.exitMonitor(o, c.thread) == 0 { try c.raiseSynchronizationLock() }
        }
        register("System.Threading.Monitor::Monitor_test_owner") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(c.runtime.monitorOwner(c.uint64(0)) == c.thread.id)
        }
        // Mono: whether any thread holds the monitor (ObjWait and ObjPulse check this first).
        register("System.Threading.Monitor::Monitor_test_synchronised") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(c.runtime.monitorOwner(c.uint64(0)) != 0)
        }
        register("System.Threading.Monitor::Monitor_pulse") { (c: inout NativeContext) throws(RuntimeError) in
            try c.pulse(all: false)
        }
        register("System.Threading.Monitor::Monitor_pulse_all") { (c: inout NativeContext) throws(RuntimeError) in
            try c.pulse(all: true)
        }
        // Monitor.Wait: releases the monitor entirely, waits for a Pulse (or the timeout), takes
        // the monitor back with the same recursion count, and says whether it was pulsed.
        register("System.Threading.Monitor::Monitor_wait") { (c: inout NativeContext) throws(RuntimeError) in
            let o = c.uint64(0)
            let r = c.runtime
            guard r.monitorOwner(o) == c.thread.id else { try c.raiseSynchronizationLock(); return }
            let count = r.exitMonitor(o, c.thread, all: true)
            r.scheduler.monitors[o, default: MonitorState()].waiters.append(c.thread.id)
            let first = ThreadWait(reason: .monitorWait(object: o, count: count), deadline: r.deadline(milliseconds: c.int32(1)))
            try r.blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                let r = c.runtime
                guard let w = c.thread.wait, case .monitorWait = w.reason else { return first }
                let timedOut = w.deadline.map { r.virtualClockMilliseconds >= $0 } ?? false
                guard (w.pulsed || timedOut) && r.monitorIsFree(o, for: c.thread) else { return w }
                if !w.pulsed { r.scheduler.monitors[o]?.waiters.removeAll { $0 == c.thread.id } }
                _ = r.tryEnterMonitor(o, c.thread, count: count)
                c.returnBool(w.pulsed)
                return nil
            }
        }
    }
}

extension NativeContext {
    mutating func raiseSynchronizationLock() throws(RuntimeError) {
        raised = try runtime.construct(try runtime.coreType("System.Threading.SynchronizationLockException"), arguments: [], thread: thread)
    }

    /// Monitor.Pulse/PulseAll: the first (every) waiting thread may take the monitor back once
    /// the caller releases it.
    mutating func pulse(all: Bool) throws(RuntimeError) {
        let o = uint64(0)
        let r = runtime
        guard r.monitorOwner(o) == thread.id else { try raiseSynchronizationLock(); return }
        guard var m = r.scheduler.monitors[o], !m.waiters.isEmpty else { return }
        let woken = all ? m.waiters : [m.waiters[0]]
        m.waiters.removeFirst(woken.count)
        r.scheduler.monitors[o] = m
        for id in woken { r.scheduler.byID[id]?.wait?.pulsed = true }
    }
}

extension RuntimeMethod {
    /// II.23.1.11 MethodImplAttributes.Synchronized: the runtime holds the monitor of `this` (of
    /// the type object for a static method) while the method runs.
    var isSynchronized: Bool { implFlags & 0x0020 != 0 }
}

extension Runtime {
    /// A synchronized method (Console.Out's SyncTextWriter is one): like Mono's synchronized
    /// wrapper, takes the monitor, runs the IL, and releases the monitor however the IL ends.
    /// The IL runs as a nested run, so no time slice ends inside it either.
    func synchronizedCall(_ c: inout NativeContext) throws(RuntimeError) {
        let m = c.method
        let lock = m.isStatic ? try typeObject(m.owner, thread: c.thread) : c.uint64(0)
        guard lock != 0 else { try c.raise(.nullReference); return }
        try blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
            let r = c.runtime
            let t = c.thread
            guard r.tryEnterMonitor(lock, t) else { return ThreadWait(reason: .enter(object: lock)) }
            let couldYield = t.canYield
            t.canYield = false
            defer { t.canYield = couldYield }
            let result = try r.execute(m, frame: c.frame, thread: t)
            r.exitMonitor(lock, t)
            switch result {
            case .returned: break
            case .threw(let ex): c.raised = ex
            case .filtered: throw RuntimeError(.invalidProgram, "endfilter outside a filter in \(m)")
            }
            return nil
        }
    }
}
