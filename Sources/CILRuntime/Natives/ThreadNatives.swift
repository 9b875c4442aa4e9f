/// System.Threading.Thread's internal calls, as Mono's managed Thread class makes them: each
/// Thread object gets an InternalThread (ConstructInternalThread) holding its managed id, state
/// and name; Start calls Thread_internal, which makes a guest thread the scheduler runs
/// (Scheduler.swift); Join, Sleep and Yield block through the scheduler.
extension NativeRegistry {
    func registerThreadNatives() {
        register("System.Threading.Thread::GetCurrentThread") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(try c.runtime.threadObject(c.thread))
        }
        register("System.Threading.Thread::ConstructInternalThread") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let f = try r.threadFields()
            let this = c.uint64(0)
            guard this != 0 else { try c.raise(.nullReference); return }
            let inner = try r.newInternalThread(managedID: r.scheduler.nextManagedID, state: ThreadStateBits.unstarted)
            r.scheduler.nextManagedID += 1
            r.space.unchecked(this + UInt64(f.internalThread)).storeBytes(of: inner, as: UInt64.self)
        }
        register("System.Threading.Thread::Thread_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let f = try r.threadFields()
            let this = c.uint64(0)
            let inner = try r.internalThread(of: this, thread: c.thread)
            let state = r.threadState(inner)
            guard state & ThreadStateBits.unstarted != 0 else {
                c.raised = try r.guestException("System.Threading.ThreadStateException", message: "Thread has already been started.", thread: c.thread)
                return
            }
            let id = Int(r.space.unchecked(inner + UInt64(f.managedID)).loadUnaligned(as: Int32.self))
            let t = try r.newGuestThread(id: id)
            t.managedObject = this
            t.startDelegate = c.uint64(1)
            // Mono's start wrapper takes the argument now: StartInternal clears it when this returns.
            t.startArgument = r.space.unchecked(this + UInt64(f.startArgument)).loadUnaligned(as: UInt64.self)
            r.setThreadState(inner, state & ~ThreadStateBits.unstarted)
            r.register(thread: t)
            c.returnBool(true)
        }
        register("System.Threading.Thread::JoinInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let this = c.uint64(0)
            let inner = try r.internalThread(of: this, thread: c.thread)
            if r.threadState(inner) & ThreadStateBits.unstarted != 0 {
                c.raised = try r.guestException("System.Threading.ThreadStateException", message: "Thread has not been started.", thread: c.thread)
                return
            }
            guard let target = r.scheduler.byObject[this] else { c.returnBool(true); return }  // it has ended
            let deadline = r.deadline(milliseconds: c.int32(1))
            try r.blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                if target.state == .finished { c.returnBool(true); return nil }
                if let deadline, c.runtime.virtualClockMilliseconds >= deadline { c.returnBool(false); return nil }
                return ThreadWait(reason: .join(target), deadline: deadline)
            }
        }
        register("System.Threading.Thread::SleepInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let ms = c.int32(0)
            if ms == 0 { try c.yieldThread(); return }
            let deadline = c.runtime.deadline(milliseconds: ms)
            try c.runtime.blockingCall(&c) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
                if let deadline, c.runtime.virtualClockMilliseconds >= deadline { return nil }
                return ThreadWait(reason: .sleep, deadline: deadline)
            }
        }
        register("System.Threading.Thread::YieldInternal") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(try c.yieldThread())
        }
        register("System.Threading.Thread::SpinWait_nop") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.Threading.Thread::GetState") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.uint64(0) != 0 else { try c.raise(.nullReference); return }
            c.returnInt32(c.runtime.threadState(c.uint64(0)))
        }
        register("System.Threading.Thread::SetState") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.uint64(0) != 0 else { try c.raise(.nullReference); return }
            c.runtime.setThreadState(c.uint64(0), c.runtime.threadState(c.uint64(0)) | c.int32(1))
        }
        register("System.Threading.Thread::ClrState") { (c: inout NativeContext) throws(RuntimeError) in
            guard c.uint64(0) != 0 else { try c.raise(.nullReference); return }
            c.runtime.setThreadState(c.uint64(0), c.runtime.threadState(c.uint64(0)) & ~c.int32(1))
        }
        register("System.Threading.Thread::GetName_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let f = try r.threadFields()
            guard let inner = r.space.pointer(c.uint64(0), ObjectLayout.headerSize), c.uint64(0) != 0 else { try c.raise(.nullReference); return }
            let chars = inner.loadUnaligned(fromByteOffset: f.nameChars, as: UInt64.self)
            let length = Int(inner.loadUnaligned(fromByteOffset: f.nameLength, as: Int32.self))
            guard chars != 0, let p = r.space.pointer(chars, 2 * length) else { c.returnUInt64(0); return }
            let units = Array(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt16.self), count: length))
            guard let s = try r.newString(units) else { try c.raise(.outOfMemory); return }
            c.returnUInt64(s)
        }
        // Mono keeps the name as UTF-16 outside the heap; it can be set once.
        register("System.Threading.Thread::SetName_icall") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let f = try r.threadFields()
            guard c.uint64(0) != 0, let inner = r.space.pointer(c.uint64(0), ObjectLayout.headerSize) else { try c.raise(.nullReference); return }
            if inner.loadUnaligned(fromByteOffset: f.flags, as: UInt64.self) & ThreadStateBits.nameSetFlag != 0 {
                c.raised = try r.guestException("System.InvalidOperationException", message: "Thread.Name can only be set once.", thread: c.thread)
                return
            }
            let length = max(0, Int(c.int32(2)))
            var copy: UInt64 = 0
            if c.uint64(1) != 0 {
                guard let source = r.space.pointer(c.uint64(1), 2 * length), let block = r.unmanaged.allocate(max(2 * length, 2)) else {
                    try c.raise(.outOfMemory); return
                }
                r.space.unchecked(block).copyMemory(from: source, byteCount: 2 * length)
                copy = block
            }
            inner.storeBytes(of: copy, toByteOffset: f.nameChars, as: UInt64.self)
            inner.storeBytes(of: Int32(copy == 0 ? 0 : length), toByteOffset: f.nameLength, as: Int32.self)
            let flags = inner.loadUnaligned(fromByteOffset: f.flags, as: UInt64.self)
            inner.storeBytes(of: flags | ThreadStateBits.nameSetFlag, toByteOffset: f.flags, as: UInt64.self)
        }
        register("System.Threading.Thread::GetPriorityNative") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let inner = try r.internalThread(of: c.uint64(0), thread: c.thread)
            c.returnInt32(r.space.unchecked(inner + UInt64(try r.threadFields().priority)).loadUnaligned(as: Int32.self))
        }
        // Priorities are recorded; the scheduler gives every thread the same share (deterministic).
        register("System.Threading.Thread::SetPriorityNative") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let inner = try r.internalThread(of: c.uint64(0), thread: c.thread)
            r.space.unchecked(inner + UInt64(try r.threadFields().priority)).storeBytes(of: c.int32(1), as: Int32.self)
        }
        // InternalThread's finalizer: frees the name (the thread itself needs no freeing).
        register("System.Threading.InternalThread::Thread_free_internal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let f = try r.threadFields()
            guard c.uint64(0) != 0, let inner = r.space.pointer(c.uint64(0), ObjectLayout.headerSize) else { return }
            let chars = inner.loadUnaligned(fromByteOffset: f.nameChars, as: UInt64.self)
            if chars != 0 { r.unmanaged.release(chars) }
            inner.storeBytes(of: UInt64(0), toByteOffset: f.nameChars, as: UInt64.self)
            inner.storeBytes(of: Int32(0), toByteOffset: f.nameLength, as: Int32.self)
        }
        register("System.Threading.Thread::GetDomainID") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(1) }
        register("System.Threading.Thread::SystemMaxStackStize") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt32(Int32(min(c.runtime.options.stackBytes, 16 << 20)))
        }
        register("System.Threading.Thread::GetAbortExceptionState") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(0) }
        // The serialized principal goes from the starting thread to the new one as it is (one domain).
        register("System.Threading.Thread::ByteArrayToRootDomain") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(c.uint64(0)) }
        register("System.Threading.Thread::ByteArrayToCurrentDomain") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(c.uint64(0)) }
    }
}

/// Mono's System.Threading.ThreadState bits the natives use.
enum ThreadStateBits {
    static let running: Int32 = 0
    static let background: Int32 = 4
    static let unstarted: Int32 = 8
    static let stopped: Int32 = 16
    static let waitSleepJoin: Int32 = 32
    /// MONO_THREAD_FLAG_NAME_SET in InternalThread.flags.
    static let nameSetFlag: UInt64 = 2
}

/// Byte offsets of the Thread and InternalThread fields the runtime reads and writes.
struct ThreadFields {
    var internalThread: Int
    var startArgument: Int
    var state: Int
    var managedID: Int
    var threadID: Int
    var priority: Int
    var nameChars: Int
    var nameLength: Int
    var flags: Int
}

extension NativeContext {
    /// Thread.Yield / Sleep(0): lets the other runnable threads run first; false when there is none.
    @discardableResult
    mutating func yieldThread() throws(RuntimeError) -> Bool {
        guard runtime.nextRunnable(excluding: thread) != nil else { return false }
        try runtime.blockingCall(&self) { (c: inout NativeContext) throws(RuntimeError) -> ThreadWait? in
            if c.thread.wait != nil { return nil }
            return ThreadWait(reason: .yield)
        }
        return true
    }
}

extension Runtime {
    func threadFields() throws(RuntimeError) -> ThreadFields {
        if let f = scheduler.threadFields { return f }
        let thread = try coreType("System.Threading.Thread")
        let inner = try coreType("System.Threading.InternalThread")
        let f = ThreadFields(internalThread: try field(named: "internal_thread", in: thread).offset,
                             startArgument: try field(named: "m_ThreadStartArg", in: thread).offset,
                             state: try field(named: "state", in: inner).offset,
                             managedID: try field(named: "managed_id", in: inner).offset,
                             threadID: try field(named: "thread_id", in: inner).offset,
                             priority: try field(named: "priority", in: inner).offset,
                             nameChars: try field(named: "name_chars", in: inner).offset,
                             nameLength: try field(named: "name_length", in: inner).offset,
                             flags: try field(named: "flags", in: inner).offset)
        scheduler.threadFields = f
        return f
    }

    /// A new InternalThread with its managed id, state and normal priority.
    func newInternalThread(managedID: Int32, state: Int32) throws(RuntimeError) -> UInt64 {
        let f = try threadFields()
        guard let inner = try newObject(try coreType("System.Threading.InternalThread")) else {
            throw RuntimeError(.budgetExhausted, "heap exhausted creating a thread")
        }
        let p = space.unchecked(inner)
        p.storeBytes(of: managedID, toByteOffset: f.managedID, as: Int32.self)
        p.storeBytes(of: Int64(managedID), toByteOffset: f.threadID, as: Int64.self)
        p.storeBytes(of: state, toByteOffset: f.state, as: Int32.self)
        p.storeBytes(of: Int32(2), toByteOffset: f.priority, as: Int32.self)  // ThreadPriority.Normal
        return inner
    }

    /// The InternalThread of a Thread object, made as Thread.get_Internal would.
    func internalThread(of threadObject: UInt64, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let f = try threadFields()
        guard threadObject != 0, let p = space.pointer(threadObject + UInt64(f.internalThread), 8) else {
            throw RuntimeError(.invalidProgram, "thread native called on a null Thread")
        }
        let inner = p.loadUnaligned(as: UInt64.self)
        if inner != 0 { return inner }
        let made = try newInternalThread(managedID: scheduler.nextManagedID, state: ThreadStateBits.unstarted)
        scheduler.nextManagedID += 1
        p.storeBytes(of: made, as: UInt64.self)
        return made
    }

    func threadState(_ inner: UInt64) -> Int32 {
        guard let f = scheduler.threadFields, let p = space.pointer(inner + UInt64(f.state), 4) else { return 0 }
        return p.loadUnaligned(as: Int32.self)
    }

    func setThreadState(_ inner: UInt64, _ state: Int32) {
        guard let f = scheduler.threadFields, let p = space.pointer(inner + UInt64(f.state), 4) else { return }
        p.storeBytes(of: state, as: Int32.self)
    }

    /// The InternalThread of a guest thread's Thread object, 0 when it has none yet.
    private func internalThread(of t: GuestThread) -> UInt64 {
        guard t.managedObject != 0, let f = scheduler.threadFields,
              let p = space.pointer(t.managedObject + UInt64(f.internalThread), 8) else { return 0 }
        return p.loadUnaligned(as: UInt64.self)
    }

    /// ThreadState.WaitSleepJoin while a thread is blocked (what Thread.ThreadState shows).
    func setWaitSleepJoin(_ t: GuestThread, _ on: Bool) {
        if case .yield? = t.wait?.reason { return }
        let inner = internalThread(of: t)
        guard inner != 0 else { return }
        let s = threadState(inner)
        setThreadState(inner, on ? s | ThreadStateBits.waitSleepJoin : s & ~ThreadStateBits.waitSleepJoin)
    }

    /// ThreadState.Stopped once the thread's code has ended.
    func markStopped(_ t: GuestThread) {
        let inner = internalThread(of: t)
        guard inner != 0 else { return }
        setThreadState(inner, ThreadStateBits.stopped)
    }

    /// Whether a guest thread is a background thread (Thread.IsBackground): the program does not wait for it.
    func isBackground(_ t: GuestThread) -> Bool {
        if t.isPoolWorker { return true }
        let inner = internalThread(of: t)
        return inner != 0 && threadState(inner) & ThreadStateBits.background != 0
    }

    /// The System.Threading.Thread object of a guest thread. The main thread's and pool workers'
    /// are made on first request, without running a constructor (they have no start delegate),
    /// as Mono's runtime does.
    func threadObject(_ thread: GuestThread) throws(RuntimeError) -> UInt64 {
        if thread.managedObject != 0 { return thread.managedObject }
        let f = try threadFields()
        guard let o = try newObject(try coreType("System.Threading.Thread")) else {
            throw RuntimeError(.budgetExhausted, "heap exhausted creating a Thread")
        }
        thread.managedObject = o
        let inner = try newInternalThread(managedID: Int32(thread.id), state: thread.isPoolWorker ? ThreadStateBits.background : ThreadStateBits.running)
        space.unchecked(o + UInt64(f.internalThread)).storeBytes(of: inner, as: UInt64.self)
        if thread.isPoolWorker, let pool = try? field(named: "threadpool_thread", in: try coreType("System.Threading.InternalThread")) {
            space.unchecked(inner + UInt64(pool.offset)).storeBytes(of: UInt8(1), as: UInt8.self)
        }
        if thread.state != .finished { scheduler.byObject[o] = thread }
        return o
    }
}
