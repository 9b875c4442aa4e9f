/// Guest threads as green threads on a deterministic scheduler (DESIGN decision 6).
///
/// One host thread runs every guest thread, one at a time, in round-robin time slices counted in
/// instructions. A thread gives way only at points the program's instruction stream decides:
/// when its slice is used up (checked at budget chunks, Budget.swift) or when a native blocks
/// (Join, Sleep, a contended Monitor.Enter, Monitor.Wait…). The same program therefore runs the
/// same way every time, and time is virtual: when every thread sleeps, the clock jumps to the
/// earliest deadline; when every thread waits for another, the run stops with a deadlock.
///
/// A thread leaves the interpreter loop with its whole state in its call records (the loop
/// state is reloaded from the top record when it resumes), so switching costs no host stack.
/// This works only when the thread runs in its top-level run (`GuestThread.canYield`). A native
/// that blocks inside a nested run (a type initializer, a filter, a reflection call) instead runs
/// the other threads from where it is (`waitNested`) until its wait is satisfied.
final class Scheduler {
    /// Instructions a thread runs before another runnable thread gets its turn.
    static let sliceInstructions: UInt64 = 1 << 16
    /// Live guest threads at most (each holds a stack and a localloc region).
    static let maxLiveThreads = 1024
    /// Thread-pool workers at most.
    static let maxPoolWorkers = 64

    /// Live threads (started, not finished) in the order they started: the round-robin order.
    var threads: [GuestThread] = []
    /// Live threads by their System.Threading.Thread object (objects do not move).
    var byObject: [UInt64: GuestThread] = [:]
    var byID: [Int: GuestThread] = [:]
    /// The thread whose thread-static values are in place: the one running or blocked in a native.
    var current: GuestThread?
    /// The thread that had the last slice; the next slice goes to the next runnable one after it.
    var last: GuestThread?
    /// Managed ids for new threads. Mono gives the main thread 1 and its finalizer thread 2.
    var nextManagedID: Int32 = 3
    /// Milliseconds the virtual clock jumped forward while every thread slept.
    var clockSkew: Int64 = 0
    /// Monitors (Monitor.Enter/Exit/Wait/Pulse) by object address; an entry is removed when the
    /// monitor is free and nobody waits on it. Their objects are GC roots while they have one.
    var monitors: [UInt64: MonitorState] = [:]
    /// Stack and localloc regions of finished threads, reused by new ones.
    var freeRegions: [(stack: Region, localAlloc: Region)] = []
    /// The exception that escaped a thread and ends the program (Mono prints it and exits with 1).
    var fatalException: UInt64 = 0
    /// Thread-static fields (ThreadStatics.swift): where each lives and where threads save it.
    var threadStaticSlots: [ThreadStaticSlot] = []
    var threadStaticWords = 0
    /// Wait handles (WaitHandleNatives.swift) by handle value, and the named ones by name.
    var waitObjects: [UInt64: WaitObject] = [:]
    var namedWaitObjects: [[UInt16]: UInt64] = [:]
    var nextWaitHandle: UInt64 = 0
    /// Thread pool (ThreadPoolNatives.swift): worker requests not yet taken by a worker, live workers.
    var poolRequests = 0
    var poolWorkers = 0
    /// Figures for tests and reports.
    var threadsStarted = 0
    var switches = 0
    /// Field offsets of Thread and InternalThread (ThreadNatives.swift).
    var threadFields: ThreadFields?
}

/// Where a guest thread is in its life.
enum SchedulingState: Equatable {
    /// Runnable (not started yet, preempted, or woken).
    case ready
    /// Blocked in a native that left the run; runnable again once its `wait` is satisfied.
    case waiting
    /// Blocked in a native inside a nested run, waiting in `waitNested` on the host stack: only
    /// that call can resume it, so no scheduler above it may pick it.
    case waitingNested
    case running
    case finished
}

/// What a blocked thread waits for; `deadline` (virtual milliseconds) ends the wait, nil never.
struct ThreadWait {
    enum Reason {
        case join(GuestThread)
        case sleep
        /// Thread.Yield and Sleep(0): runnable at once, after the others had a turn.
        case yield
        /// Entering a monitor another thread holds.
        case enter(object: UInt64)
        /// Monitor.Wait: until pulsed (or the deadline passes), then until the monitor is free.
        case monitorWait(object: UInt64, count: Int)
        /// Another thread runs the type's initializer (II.10.5.3.3).
        case typeInitialization(RuntimeType)
        /// WaitHandle.WaitOne/WaitAny/WaitAll on wait objects (WaitHandleNatives.swift).
        case handles([UInt64], all: Bool)
    }
    var reason: Reason
    var deadline: Int64?
    /// Monitor.Wait: a Pulse chose this thread.
    var pulsed = false
}

/// One try of a blocking native: it completes the native (writes its result, or raises) and
/// returns nil, or returns what the thread must wait for before the next try.
typealias BlockingAttempt = (inout NativeContext) throws(RuntimeError) -> ThreadWait?

/// A native that blocked and left the run: tried again, on the same frame, once its wait is satisfied.
struct BlockedNative {
    let method: RuntimeMethod
    let frame: UnsafeMutableRawPointer
    let attempt: BlockingAttempt
}

/// A monitor (System.Threading.Monitor, what C# `lock` takes): its owner's thread id (0: free), the owner's
/// recursion count, and the threads in Monitor.Wait on it, first come first pulsed.
struct MonitorState {
    var owner = 0
    var count = 0
    var waiters: [Int] = []
}

extension RuntimeError {
    /// The running thread leaves its run so that another one runs (caught by the scheduler).
    static var threadSwitch: RuntimeError { RuntimeError(.threadSwitch, "thread switch") }
}

extension Runtime {
    /// The deadline `milliseconds` from now on the virtual clock; nil for a negative value (Infinite).
    func deadline(milliseconds: Int32) -> Int64? {
        milliseconds < 0 ? nil : virtualClockMilliseconds + Int64(milliseconds)
    }

    func register(thread t: GuestThread) {
        scheduler.threads.append(t)
        scheduler.byID[t.id] = t
        if t.managedObject != 0 { scheduler.byObject[t.managedObject] = t }
    }

    /// A new guest thread for managed id `id`, on a finished thread's regions when there are some.
    func newGuestThread(id: Int) throws(RuntimeError) -> GuestThread {
        guard scheduler.threads.count < Scheduler.maxLiveThreads else {
            throw RuntimeError(.budgetExhausted, "thread budget of \(Scheduler.maxLiveThreads) live threads exhausted")
        }
        scheduler.threadsStarted += 1
        if let (stack, localAlloc) = scheduler.freeRegions.popLast() {
            return GuestThread(id: id, space: space, stack: stack, localAlloc: localAlloc)
        }
        // Secondary threads get smaller regions than the main thread (Mono: 8 MiB stacks).
        let bytes = min(options.stackBytes, 16 << 20)
        return try GuestThread(id: id, space: space, stackBytes: bytes, localAllocBytes: 16 << 20)
    }

    // MARK: running threads

    /// Runs threads until `done` holds: the main thread's run, then the remaining foreground threads.
    func schedule(until done: () -> Bool) throws(RuntimeError) {
        while !done() {
            if let t = nextRunnable(excluding: nil) {
                try runSlice(t)
            } else {
                try idle(waiter: nil)
            }
        }
    }

    /// The next runnable thread after the one that ran last, in start order.
    func nextRunnable(excluding excluded: GuestThread?) -> GuestThread? {
        let list = scheduler.threads
        guard !list.isEmpty else { return nil }
        var start = 0
        if let last = scheduler.last, let k = list.firstIndex(where: { $0 === last }) { start = k + 1 }
        for k in 0 ..< list.count {
            let t = list[(start + k) % list.count]
            if t !== excluded && isRunnable(t) { return t }
        }
        return nil
    }

    func isRunnable(_ t: GuestThread) -> Bool {
        switch t.state {
        case .ready: return true
        case .waiting: return t.wait.map { isSatisfied($0, for: t) } ?? true
        case .waitingNested, .running, .finished: return false
        }
    }

    func isSatisfied(_ w: ThreadWait, for t: GuestThread) -> Bool {
        let timedOut = w.deadline.map { virtualClockMilliseconds >= $0 } ?? false
        switch w.reason {
        case .join(let target): return target.state == .finished || timedOut
        case .sleep: return timedOut
        case .yield: return true
        case .enter(let o): return timedOut || monitorIsFree(o, for: t)
        case .monitorWait(let o, _): return (w.pulsed || timedOut) && monitorIsFree(o, for: t)
        case .typeInitialization(let type):
            if case .running = type.cctorState { return false }
            return true
        case .handles(let handles, let all): return timedOut || waitObjectsAvailable(handles, all: all, for: t)
        }
    }

    /// Gives `t` a time slice: starts it, completes the native it blocked in, or resumes it where
    /// its slice ended. Returns when it gives way or ends.
    func runSlice(_ t: GuestThread) throws(RuntimeError) {
        switchTo(t)
        scheduler.last = t
        t.state = .running
        t.sliceStart = instructionCount
        if let blocked = t.resumption {
            var c = NativeContext(runtime: self, thread: t, frame: blocked.frame, method: blocked.method)
            if let w = try blocked.attempt(&c) {
                // Woken but its condition no longer holds: wait again.
                t.wait = w
                t.state = .waiting
                return
            }
            t.resumption = nil
            endWait(t)
            if c.raised != 0, case .escaped(let ex) = try unwind(t, exception: c.raised, base: 0) {
                return try finish(t, .threw(ex))
            }
        }
        t.wait = nil
        while true {
            if t.records.isEmpty {
                // A new thread enters its start delegate; a pool worker its next request, if any.
                let outcome: CallOutcome
                if t.isPoolWorker {
                    guard scheduler.poolRequests > 0 else { return try finish(t, .returned) }
                    scheduler.poolRequests -= 1
                    outcome = try enterPoolWork(t)
                } else {
                    outcome = try enterStart(t)
                }
                switch outcome {
                case .entered: break
                case .completed: if t.isPoolWorker { continue } else { return try finish(t, .returned) }
                case .raised(let ex): return try finish(t, .threw(ex))
                }
            }
            let result: RunResult
            do throws(RuntimeError) {
                t.canYield = true
                defer { t.canYield = false }
                result = try run(t, base: 0)
            } catch {
                guard error.kind == .threadSwitch else { throw error }
                scheduler.switches += 1
                t.state = t.wait == nil ? .ready : .waiting
                return
            }
            if t.isPoolWorker, case .returned = result { continue }
            return try finish(t, result)
        }
    }

    /// Pushes the first activation of a new thread: its start delegate's Invoke, with the
    /// argument of ParameterizedThreadStart.
    private func enterStart(_ t: GuestThread) throws(RuntimeError) -> CallOutcome {
        guard let delegateType = objectType(t.startDelegate) else { return .raised(try guestException(.nullReference, t)) }
        try ensureMethods(delegateType)
        guard let invoke = delegateType.methods.first(where: { $0.name == "Invoke" && !$0.isStatic }) else {
            throw RuntimeError(.missingMember, "\(delegateType.fullName) has no Invoke")
        }
        let frame = t.stackStart
        frame.storeBytes(of: t.startDelegate, as: UInt64.self)
        if try signature(invoke).parameters.count == 1 { frame.storeBytes(of: t.startArgument, toByteOffset: 8, as: UInt64.self) }
        let outcome = try invokeDelegate(invoke, frame: frame, thread: t)
        // The delegate and its argument are on the thread's stack (and under its first record) now.
        t.startDelegate = 0
        t.startArgument = 0
        return outcome
    }

    /// A thread's code has ended. An exception that escaped it ends the program (Mono prints it
    /// and exits with code 1, whichever thread it escaped).
    func finish(_ t: GuestThread, _ result: RunResult) throws(RuntimeError) {
        t.state = .finished
        t.wait = nil
        t.resumption = nil
        t.startDelegate = 0
        t.startArgument = 0
        t.threadStatics = []
        markStopped(t)
        scheduler.threads.removeAll { $0 === t }
        scheduler.byID[t.id] = nil
        if t.managedObject != 0 { scheduler.byObject[t.managedObject] = nil }
        if t.isPoolWorker { scheduler.poolWorkers -= 1 }
        if t !== mainThread {
            space.discard(t.stack.start, t.stack.size)
            space.discard(t.localAllocRegion.start, Int(t.localAllocTop - t.localAllocRegion.start))
            scheduler.freeRegions.append((t.stack, t.localAllocRegion))
        }
        switch result {
        case .returned: break
        case .threw(let ex):
            scheduler.fatalException = ex
            pinnedObjects.append(ex)
            throw RuntimeError.exit(1)
        case .filtered: throw RuntimeError(.invalidProgram, "endfilter outside a filter")
        }
    }

    /// Nothing can run: move the virtual clock to the earliest deadline of a waiting thread, or
    /// stop the run when no deadline can wake anyone (the program would hang on a real runtime).
    func idle(waiter: GuestThread?) throws(RuntimeError) {
        let now = virtualClockMilliseconds
        var earliest: Int64?
        for t in scheduler.threads where t.state == .waiting || t === waiter {
            if let d = t.wait?.deadline, d > now { earliest = min(earliest ?? d, d) }
        }
        guard let earliest else {
            // Work items wait while every thread is blocked: the pool adds a worker.
            if scheduler.poolRequests > 0 && scheduler.poolWorkers < Scheduler.maxPoolWorkers { return try startPoolWorker() }
            throw deadlock()
        }
        scheduler.clockSkew += earliest - now
    }

    // MARK: blocking

    /// Runs a native that may have to wait for other threads. `attempt` is tried until it
    /// completes; in between, the thread leaves its run (when it can) and `attempt` is tried again
    /// when its wait is satisfied, or it waits here while the other threads run.
    func blockingCall(_ c: inout NativeContext, _ attempt: @escaping BlockingAttempt) throws(RuntimeError) {
        while let w = try attempt(&c) {
            let t = c.thread
            t.wait = w
            setWaitSleepJoin(t, true)
            if t.canYield && t === scheduler.current {
                t.resumption = BlockedNative(method: c.method, frame: c.frame, attempt: attempt)
                throw RuntimeError.threadSwitch
            }
            try waitNested(t)
        }
        endWait(c.thread)
    }

    private func endWait(_ t: GuestThread) {
        if t.wait != nil { setWaitSleepJoin(t, false) }
        t.wait = nil
    }

    /// Blocks `t`, which cannot leave its run, by running the other threads from here until its
    /// wait is satisfied (for a yield: until one other thread had a slice).
    func waitNested(_ t: GuestThread) throws(RuntimeError) {
        guard let w = t.wait else { return }
        let previous = t.state
        t.state = .waitingNested
        defer {
            t.state = previous
            switchTo(t)
            scheduler.last = t
            t.sliceStart = instructionCount
        }
        if case .yield = w.reason {
            if let other = nextRunnable(excluding: t) { try runSlice(other) }
            return
        }
        while let current = t.wait, !isSatisfied(current, for: t) {
            if let other = nextRunnable(excluding: t) {
                try runSlice(other)
            } else {
                try idle(waiter: t)
            }
        }
    }

    /// II.10.5.3.3: a thread that needs a type another thread is initializing waits for it. If
    /// that would deadlock (the initializing thread waits for this one, or is blocked below it on
    /// the host stack), it proceeds as the CLR does, with the type not yet fully initialized.
    func awaitTypeInitializer(_ type: RuntimeType, thread: GuestThread) throws(RuntimeError) {
        if thread.canYield, thread === scheduler.current, let r = thread.records.last, r.pc > 0, r.pc <= r.method.code.count,
           r.method.code[r.pc - 1].op == .initType, r.method.code[r.pc - 1].imm == Int64(type.id) {
            // Reached by the loop's initType (its record's pc is past it): leave the run, and go
            // on after the instruction once the initializer has ended (raising its failure).
            thread.wait = ThreadWait(reason: .typeInitialization(type))
            thread.resumption = BlockedNative(method: r.method.method, frame: r.fp) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                if case .running = type.cctorState { return c.thread.wait }
                if case .failed(let ex) = type.cctorState { c.raised = ex }
                return nil
            }
            throw RuntimeError.threadSwitch
        }
        let saved = thread.wait
        let previous = thread.state
        thread.wait = ThreadWait(reason: .typeInitialization(type))
        thread.state = .waitingNested
        defer {
            thread.wait = saved
            thread.state = previous
            switchTo(thread)
        }
        while case .running = type.cctorState, let other = nextRunnable(excluding: thread) {
            try runSlice(other)
        }
    }

    /// Called when a budget chunk is used up: ends the running thread's slice when it has had
    /// its share and another thread can run. `pc` is the instruction not executed yet.
    func preemptIfDue(_ thread: GuestThread, pc: Int) throws(RuntimeError) {
        guard thread.canYield, scheduler.threads.count > 1, !thread.records.isEmpty,
              instructionCount &- thread.sliceStart >= Scheduler.sliceInstructions,
              nextRunnable(excluding: thread) != nil else { return }
        thread.records[thread.records.count - 1].pc = pc
        throw RuntimeError.threadSwitch
    }

    /// Makes `t` the current thread: its thread-static values replace the previous thread's.
    func switchTo(_ t: GuestThread) {
        guard let previous = scheduler.current else { scheduler.current = t; return }
        guard previous !== t else { return }
        saveThreadStatics(previous)
        loadThreadStatics(t)
        scheduler.current = t
    }

    // MARK: deadlocks

    func deadlock() -> RuntimeError {
        let blocked = scheduler.threads.map(describeWait)
        return RuntimeError(.deadlock, "deadlock: every thread is blocked: " + blocked.joined(separator: "; "))
    }

    private func describeWait(_ t: GuestThread) -> String {
        var text = "thread \(t.id)" + (t === mainThread ? " (main)" : "")
        guard let w = t.wait else { return text + " is not blocked" }
        switch w.reason {
        case .join(let target): text += " waits for thread \(target.id) to end"
        case .sleep: text += " sleeps forever"
        case .yield: text += " yields"
        case .enter(let o): text += " waits to enter the lock of \(describeObject(o)) held by thread \(scheduler.monitors[o]?.owner ?? 0)"
        case .monitorWait(let o, _):
            text += w.pulsed ? " was pulsed and waits to re-enter the lock of \(describeObject(o)) held by thread \(scheduler.monitors[o]?.owner ?? 0)"
                             : " waits in Monitor.Wait on \(describeObject(o)) for a Pulse"
        case .typeInitialization(let type): text += " waits for the type initializer of \(type.fullName)"
        case .handles(let handles, let all):
            text += handles.count == 1 ? " waits for a wait handle" : " waits for \(all ? "all" : "one") of \(handles.count) wait handles"
        }
        if w.deadline != nil { text += " (with a timeout)" }
        if t.state == .waitingNested { text += " inside a nested call" }
        return text
    }

    private func describeObject(_ o: UInt64) -> String {
        guard let t = objectType(o) else { return "an object" }
        return "a " + t.fullName
    }

    // MARK: monitors

    func monitorIsFree(_ o: UInt64, for t: GuestThread) -> Bool {
        let owner = scheduler.monitors[o]?.owner ?? 0
        return owner == 0 || owner == t.id
    }

    /// Takes the monitor of `o` for `t` (`count` more times if it holds it); false when another thread holds it.
    func tryEnterMonitor(_ o: UInt64, _ t: GuestThread, count: Int = 1) -> Bool {
        var m = scheduler.monitors[o] ?? MonitorState()
        if m.owner == 0 {
            m.owner = t.id
            m.count = count
        } else if m.owner == t.id {
            m.count += count
        } else {
            return false
        }
        scheduler.monitors[o] = m
        return true
    }

    /// Releases `t`'s hold on the monitor of `o` once (`all`: entirely); returns how many holds
    /// it released, 0 when `t` does not hold it.
    @discardableResult
    func exitMonitor(_ o: UInt64, _ t: GuestThread, all: Bool = false) -> Int {
        guard var m = scheduler.monitors[o], m.owner == t.id, m.count > 0 else { return 0 }
        let released = all ? m.count : 1
        m.count -= released
        if m.count == 0 { m.owner = 0 }
        scheduler.monitors[o] = m.owner == 0 && m.waiters.isEmpty ? nil : m
        return released
    }

    func monitorOwner(_ o: UInt64) -> Int { scheduler.monitors[o]?.owner ?? 0 }
}
