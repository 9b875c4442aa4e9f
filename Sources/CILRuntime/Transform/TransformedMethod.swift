/// A method after the transform: internal code plus what the interpreter needs around it.
final class TransformedMethod {
    let method: RuntimeMethod
    var code: [Inst] = []
    /// IL offset of each instruction of `code` (for stack traces, hooks and exceptions).
    var ilOffsets: [Int32] = []
    /// Sorted IL offsets where Mono's JIT has sequence points: what its stack traces report (SequencePoints.swift).
    var sequencePoints: [Int32] = []
    /// Frame offset of the evaluation-stack top before each instruction (-1 when empty), for --trace.
    var stackTops: [Int32] = []
    /// Frame size in bytes: arguments, locals, evaluation stack.
    var frameSize: Int = 0
    var argumentsSize: Int = 0
    var localsOffset: Int = 0
    var localsSize: Int = 0
    var initLocals = true
    var returnSize: Int = 0
    var switchTables: [[Int32]] = []
    var clauses: [Clause] = []
    /// beforefieldinit types whose initializers run when the method is first transformed.
    var entryInitializations: [RuntimeType] = []
    var entryInitializationsDone = false
    /// Number of call sites (`call`, `callvirt`); their caches live in `sites` once sealed.
    var callSiteCount = 0

    /// What one call site learned. A virtual or interface call keeps the last two receiver
    /// types it saw with the methods they dispatched to (II.12.2 dispatch is per type, so the
    /// pair stays valid); a direct call keeps its single target in `first`. `direct` is the
    /// target's code once it has been entered through the general path (its entry
    /// initializations have run), so the interpreter can push the activation itself; nil for
    /// natives, delegates, value-type receivers, tail and vararg calls.
    struct CallSite {
        struct Entry {
            var typeID: UInt32 = 0
            var target: RuntimeMethod?
            /// Unmanaged: the interpreter's fast path must not retain (transformed methods live as
            /// long as the runtime).
            var direct: Unmanaged<TransformedMethod>?
        }
        var first = Entry()
        var second = Entry()
        /// newobj: the class to allocate once `first.direct` (its constructor) is known.
        var objectType: Unmanaged<RuntimeType>?

        /// The method cached for receivers of type `typeID`, if any.
        func target(for typeID: UInt32) -> RuntimeMethod? {
            if first.typeID == typeID, let t = first.target { return t }
            if second.typeID == typeID, let t = second.target { return t }
            return nil
        }

        /// Records a dispatch result; the older entry moves to second place.
        mutating func remember(typeID: UInt32, target: RuntimeMethod) {
            second = first
            first = Entry(typeID: typeID, target: target)
        }
    }

    /// The call sites' caches (bits 1… of a call's `c` index them); stable like `codePointer`.
    private(set) var sites: UnsafeMutablePointer<CallSite> = UnsafeMutablePointer<CallSite>.allocate(capacity: 1)

    /// An exception-handling clause with code indices instead of IL offsets (II.19).
    struct Clause {
        enum Kind { case `catch`(RuntimeType), filter(start: Int), finally, fault }
        var kind: Kind
        var tryStart: Int
        var tryEnd: Int
        var handlerStart: Int
        var handlerEnd: Int
        /// Frame offset where the handler expects the exception object (catch and filter).
        var exceptionSlot: Int32
        /// Frame offset of a hidden local that keeps the caught exception for `rethrow` (III.4.24).
        var holderSlot: Int32
    }

    /// Stable copy of `code` for the interpreter loop (arrays may move; this does not).
    private(set) var codePointer: UnsafeMutablePointer<Inst> = UnsafeMutablePointer<Inst>.allocate(capacity: 1)

    init(method: RuntimeMethod) { self.method = method }

    /// III.3.66 switch: the code index for `index`, or nil when it falls through (an unsigned
    /// index past the table).
    func switchTarget(table: Int, index: UInt32) -> Int? {
        let targets = switchTables[table]
        return index < UInt32(targets.count) ? Int(targets[Int(index)]) : nil
    }

    /// Freezes `code` into `codePointer`; called once when the transform is complete.
    func seal() {
        codePointer.deallocate()
        codePointer = UnsafeMutablePointer<Inst>.allocate(capacity: max(code.count, 1))
        code.withUnsafeBufferPointer { codePointer.initialize(from: $0.baseAddress!, count: code.count) }
        sites.deinitialize(count: initializedSites)
        sites.deallocate()
        sites = UnsafeMutablePointer<CallSite>.allocate(capacity: max(callSiteCount, 1))
        sites.initialize(repeating: CallSite(), count: max(callSiteCount, 1))
        initializedSites = max(callSiteCount, 1)
    }

    /// Sites initialised in `sites` (0 until `seal`: a method whose transform failed never
    /// sealed, and its deinit must not touch uninitialised memory).
    private var initializedSites = 0

    deinit {
        codePointer.deallocate()
        sites.deinitialize(count: initializedSites)
        sites.deallocate()
    }
}
