/// One guest thread: its stack region in the address space and its call records. Guest threads
/// are green threads: Scheduler.swift decides which one runs (DESIGN decision 6).
final class GuestThread {
    /// The managed thread id (`Thread.ManagedThreadId`); the main thread is 1.
    let id: Int
    let stack: Region
    let stackStart: UnsafeMutableRawPointer
    let stackEnd: UnsafeMutableRawPointer
    var records: [CallRecord] = []
    /// Pending `leave`/unwind continuations whose finally handlers are running (innermost last).
    var continuations: [Continuation] = []
    /// Bump pointer for `localloc` (III.3.47), reset when the allocating frame returns.
    var localAllocTop: UInt64
    let localAllocRegion: Region
    /// Exception objects held outside guest memory (being thrown or caught); GC roots.
    var heldExceptions: [UInt64] = []
    /// The exception that last escaped a run on this thread, until the next throw: raised again by
    /// the native that started the run, its stack trace goes on (StackTraces.swift). A GC root.
    var escapedException: UInt64 = 0
    /// The guest's System.Threading.Thread object for this thread (0 until asked for).
    var managedObject: UInt64 = 0

    // Scheduling state (Scheduler.swift).
    var state: SchedulingState = .ready
    /// What the thread is blocked on, while a blocking native waits.
    var wait: ThreadWait?
    /// A native that blocked and gave way to other threads; it completes when `wait` is satisfied.
    var resumption: BlockedNative?
    /// True while the thread's code runs in its top-level run (not in a nested run on the host
    /// stack: type initializer, filter, finally run by an escaping exception, reflection): only
    /// then can it give way to another thread by leaving the run with its state in its records.
    var canYield = false
    /// Instruction count when the thread's current time slice began.
    var sliceStart: UInt64 = 0
    /// The start delegate and its argument, until the thread first runs.
    var startDelegate: UInt64 = 0
    var startArgument: UInt64 = 0
    /// This thread's values of the thread-static fields while another thread runs (ThreadStatics.swift).
    var threadStatics: [UInt64] = []
    /// A thread-pool worker (ThreadPoolNatives.swift): a background thread that runs queued work.
    var isPoolWorker = false

    convenience init(id: Int, space: AddressSpace, stackBytes: Int, localAllocBytes: Int = 64 << 20) throws(RuntimeError) {
        self.init(id: id, space: space,
                  stack: try space.reserveRegion(stackBytes, "stack \(id)"),
                  localAlloc: try space.reserveRegion(localAllocBytes, "localloc \(id)"))
    }

    /// A thread on regions reserved earlier (a finished thread's, reused).
    init(id: Int, space: AddressSpace, stack: Region, localAlloc: Region) {
        self.id = id
        self.stack = stack
        stackStart = space.unchecked(stack.start)
        stackEnd = stackStart + stack.size
        localAllocRegion = localAlloc
        localAllocTop = localAllocRegion.start
    }

    /// The highest stack byte in use, for conservative root scanning.
    var stackTop: UnsafeMutableRawPointer {
        guard let r = records.last else { return stackStart }
        return min(stackEnd, r.fp + r.method.frameSize)
    }
}

/// A method activation. `fp` is the host address of its frame in the thread's stack.
struct CallRecord {
    enum Kind {
        case normal
        /// newobj: after the constructor returns, the new object goes to the caller's `fp + resultOffset`.
        case constructor(object: UInt64)
        /// A nested run of a filter block; `endfilter` ends the run.
        case filter
    }
    /// Transformed methods live as long as the runtime (RuntimeMethod.code keeps them), so the
    /// record does not retain them: retain/release on every call and return cost half the time
    /// of a call-heavy program.
    unowned(unsafe) var method: TransformedMethod
    var pc: Int
    var fp: UnsafeMutableRawPointer
    var kind: Kind
    var localAllocMark: UInt64
    /// For a vararg method: the runtime's descriptor of the extra arguments' types (0 if none).
    var varargCookie: Int32 = 0
    /// Where the call moved the extra arguments of a vararg call (guest address).
    var varargArguments: UInt64 = 0
}

/// What to do when a finally handler ends (`endfinally`, III.3.35).
struct Continuation {
    enum Action {
        /// A `leave` to code index `target`, with more finally handlers (code indices) to run first.
        case leave(target: Int, pending: [TransformedMethod.Clause])
        /// Unwinding towards a catch: the handler's record index and clause, more finallies first.
        case unwind(exception: UInt64, handlerRecord: Int, handler: TransformedMethod.Clause, pending: [(record: Int, clause: TransformedMethod.Clause)])
    }
    var record: Int
    var handlerRange: Range<Int>
    var action: Action
}
