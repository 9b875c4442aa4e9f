/// Exceptions the runtime itself raises (III.1.7.x, I.12.4.2), created as real guest objects
/// of the class-library types so guest code catches them like any other.
enum RuntimeExceptionKind: String {
    case nullReference = "System.NullReferenceException"
    case indexOutOfRange = "System.IndexOutOfRangeException"
    case invalidCast = "System.InvalidCastException"
    case overflow = "System.OverflowException"
    case divideByZero = "System.DivideByZeroException"
    case arithmetic = "System.ArithmeticException"
    case arrayTypeMismatch = "System.ArrayTypeMismatchException"
    case outOfMemory = "System.OutOfMemoryException"
    case invalidProgram = "System.InvalidProgramException"
    case typeInitialization = "System.TypeInitializationException"
    case notSupported = "System.NotSupportedException"
    case argumentNull = "System.ArgumentNullException"
    case argument = "System.ArgumentException"
    case argumentOutOfRange = "System.ArgumentOutOfRangeException"
    case invalidOperation = "System.InvalidOperationException"
    case stackOverflow = "System.StackOverflowException"
    case executionEngine = "System.ExecutionEngineException"
}

extension Runtime {
    /// A new exception object of `kind`, constructed with its parameterless constructor.
    func guestException(_ kind: RuntimeExceptionKind, _ thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let t = try coreType(kind.rawValue)
        return try construct(t, arguments: [], thread: thread)
    }

    /// Allocates an object of `t` and runs the constructor whose parameters match `arguments`
    /// (each an 8-byte value). An exception from the constructor is returned in its place.
    func construct(_ t: RuntimeType, arguments: [UInt64], thread: GuestThread) throws(RuntimeError) -> UInt64 {
        try ensureMethods(t)
        var found: RuntimeMethod?
        for m in t.methods where m.name == ".ctor" && !m.isStatic {
            if try signature(m).parameters.count == arguments.count { found = m; break }
        }
        guard let ctor = found else { throw RuntimeError(.missingMember, "\(t.fullName) has no constructor with \(arguments.count) parameters") }
        guard let object = try newObject(t) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating \(t.fullName)") }
        thread.heldExceptions.append(object)
        defer { thread.heldExceptions.removeLast() }
        let frame = thread.stackTop
        frame.storeBytes(of: object, as: UInt64.self)
        for (k, a) in arguments.enumerated() { frame.storeBytes(of: a, toByteOffset: 8 * (k + 1), as: UInt64.self) }
        if case .threw(let ex) = try invoke(ctor, frame: frame, thread: thread) { return ex }
        return object
    }

    /// Calls `m` (IL or native) on arguments already at `frame`, from outside the loop.
    func invoke(_ m: RuntimeMethod, frame: UnsafeMutableRawPointer, thread: GuestThread) throws(RuntimeError) -> RunResult {
        // A nested run: the thread cannot leave it for another thread (Scheduler.swift).
        let couldYield = thread.canYield
        thread.canYield = false
        defer { thread.canYield = couldYield }
        if isNative(m) {
            let raised = try callNative(m, frame: frame, thread: thread)
            return raised != 0 ? .threw(raised) : .returned
        }
        return try execute(m, frame: frame, thread: thread)
    }

    /// Runs the type initializer of type `id` if it has not run (II.10.5.3.2); a failure is
    /// remembered and raised as TypeInitializationException at every later access.
    func initializeType(_ id: UInt32, thread: GuestThread) throws(RuntimeError) -> UInt64? {
        guard let t = type(id: id) else { return nil }
        switch t.cctorState {
        case .done: return nil
        case .running(let owner):
            // II.10.5.3.3: a thread re-entering its own initialization proceeds; another thread waits for it.
            guard owner != thread.id else { return nil }
            try awaitTypeInitializer(t, thread: thread)
            if case .failed(let ex) = t.cctorState { return ex }
            return nil
        case .failed(let ex): return ex
        case .notRun: break
        }
        t.cctorState = .running(threadID: thread.id)
        try ensureStatics(t)
        if let base = t.baseType, !t.isInterface, case .notRun = base.cctorState, base.isBeforeFieldInit == false {
            // A base type's initializer is not triggered by its derived type's (II.10.5.3.1); nothing to do.
        }
        guard let cctor = try typeInitializer(of: t) else { t.cctorState = .done; return nil }
        let result = try invoke(cctor, frame: thread.stackTop, thread: thread)
        if case .threw(let inner) = result {
            let name = try intern(Array(t.fullName.utf16))
            let wrapper = try construct(try coreType(RuntimeExceptionKind.typeInitialization.rawValue), arguments: [name, inner], thread: thread)
            t.cctorState = .failed(exception: wrapper)
            pinnedObjects.append(wrapper)
            return wrapper
        }
        t.cctorState = .done
        return nil
    }
}
