/// What Mono prints when an exception ends the program: `mono_print_unhandled_exception` calls
/// the exception's ToString() (message, inner exceptions, stack trace), so cilbox runs the guest's
/// ToString too: overridden Message and ToString members show as on Mono.
extension Runtime {
    /// The guest's `exception.ToString()`, run on a thread with an empty stack; nil when no such
    /// thread is left or ToString does not return a string (the caller prints type and message).
    func exceptionReport(_ exception: UInt64) -> String? {
        let candidates = [scheduler.current, mainThread].compactMap { $0 } + scheduler.threads
        guard let thread = candidates.first(where: { $0.records.isEmpty }), let t = objectType(exception) else { return nil }
        // Out of memory, the heap has no room for what ToString builds (Mono keeps a reserve).
        if t.fullName == RuntimeExceptionKind.outOfMemory.rawValue { return nil }
        let couldYield = thread.canYield
        thread.canYield = false
        thread.heldExceptions.append(exception)
        defer { thread.heldExceptions.removeLast(); thread.canYield = couldYield }
        do {
            let object = try coreType("System.Object")
            try ensureMethods(object)
            guard let toString = object.methods.first(where: { $0.name == "ToString" && !$0.isStatic }) else { return nil }
            let target = try virtualTarget(toString, t)
            let frame = thread.stackTop
            frame.storeBytes(of: exception, as: UInt64.self)
            guard case .returned = try invoke(target, frame: frame, thread: thread) else { return nil }
            return stringValue(frame.loadUnaligned(as: UInt64.self))
        } catch {
            return nil
        }
    }
}
