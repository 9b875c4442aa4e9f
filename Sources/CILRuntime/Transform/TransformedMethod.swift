/// A method after the transform: internal code plus what the interpreter needs around it.
final class TransformedMethod {
    let method: RuntimeMethod
    var code: [Inst] = []
    /// IL offset of each instruction of `code` (for stack traces, hooks and exceptions).
    var ilOffsets: [Int32] = []
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
    /// One entry per virtual or interface call site: the receiver type seen last and the
    /// method it dispatched to (a monomorphic inline cache).
    var inlineCaches: [InlineCache] = []

    struct InlineCache {
        var typeID: UInt32 = 0
        var target: RuntimeMethod?
    }

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

    /// Freezes `code` into `codePointer`; called once when the transform is complete.
    func seal() {
        codePointer.deallocate()
        codePointer = UnsafeMutablePointer<Inst>.allocate(capacity: max(code.count, 1))
        code.withUnsafeBufferPointer { codePointer.initialize(from: $0.baseAddress!, count: code.count) }
    }

    deinit { codePointer.deallocate() }
}
