import Foundation

/// Exception dispatch (II.19, I.12.4.2.5): a first pass finds the handler (running filters),
/// a second pass runs the finally and fault handlers between the throw and the handler, then
/// control enters the handler with the exception object on the stack.
extension Runtime {
    enum UnwindOutcome {
        case resume
        case escaped(UInt64)
    }

    /// Dispatches `exception`, thrown at the top record's pc; records at indices below `base`
    /// belong to an enclosing run and are not searched.
    func unwind(_ thread: GuestThread, exception: UInt64, base: Int) throws(RuntimeError) -> UnwindOutcome {
        thread.heldExceptions.append(exception)
        // Filters and finally blocks run here in nested runs: no thread switch inside them.
        let couldYield = thread.canYield
        thread.canYield = false
        defer { thread.heldExceptions.removeLast(); thread.canYield = couldYield }
        guard let exceptionType = objectType(exception) else { throw RuntimeError(.invalidProgram, "thrown value is not an object") }
        let tracePrefix = traceBeginning(thread, exception)
        if options.traceExceptions {
            let line = "cilbox: throw \(exceptionType.fullName): \(exceptionMessageChain(exception))\n" + callStack(thread).prefix(8).map { "  at \($0)\n" }.joined()
            if let traceSink { traceSink(line) } else { FileHandle.standardError.write(line.data(using: .utf8)!) }
        }

        // First pass: find the handler.
        var handlerRecord = -1
        var handler: TransformedMethod.Clause?
        var searched = thread.records.count - 1
        search: for index in stride(from: thread.records.count - 1, through: base, by: -1) {
            searched = index
            let r = thread.records[index]
            let pc = r.pc - 1
            for clause in r.method.clauses where clause.tryStart <= pc && pc < clause.tryEnd {
                switch clause.kind {
                case .catch(let t):
                    if try isAssignable(exceptionType, to: t) { handlerRecord = index; handler = clause; break search }
                case .filter(let start):
                    try recordTrace(thread, exception, tracePrefix, through: index)  // what the filter sees
                    if try runFilter(thread, recordIndex: index, start: start, exception: exception, slot: clause.exceptionSlot) {
                        handlerRecord = index; handler = clause; break search
                    }
                case .finally, .fault:
                    break
                }
            }
            if case .filter = r.kind { break }  // a filter run is searched only up to its own frame
        }
        dropContinuations(thread, handlerRecord: handlerRecord, handler: handler, base: base)
        // Mono's trace ends at the catching frame (or where the search stopped).
        try recordTrace(thread, exception, tracePrefix, through: handler == nil ? searched : handlerRecord)

        // Second pass: the finally/fault handlers to run on the way, innermost first.
        var pending: [(record: Int, clause: TransformedMethod.Clause)] = []
        let lowest = handler == nil ? base : handlerRecord
        for index in stride(from: thread.records.count - 1, through: lowest, by: -1) {
            let r = thread.records[index]
            let pc = r.pc - 1
            for clause in r.method.clauses where clause.tryStart <= pc && pc < clause.tryEnd {
                if index == handlerRecord, let h = handler, clause.tryStart == h.tryStart && clause.handlerStart == h.handlerStart { break }
                switch clause.kind {
                case .finally, .fault: pending.append((index, clause))
                default: break
                }
            }
        }
        guard let handler else {
            // No handler in this run: run the finallies inside it, then let the exception escape.
            for p in pending {
                if let replaced = try runFinallyNested(thread, record: p.record, clause: p.clause) {
                    try extendTrace(thread, replaced, from: p.record - 1, through: base)
                    while thread.records.count > base { thread.records.removeLast() }
                    thread.escapedException = replaced
                    return .escaped(replaced)
                }
            }
            while thread.records.count > base { thread.records.removeLast() }
            thread.escapedException = exception
            return .escaped(exception)
        }
        continueUnwind(thread, exception: exception, handlerRecord: handlerRecord, handler: handler, pending: pending)
        return .resume
    }

    /// Runs the next pending finally, or enters the handler when none is left.
    func continueUnwind(_ thread: GuestThread, exception: UInt64, handlerRecord: Int, handler: TransformedMethod.Clause,
                        pending: [(record: Int, clause: TransformedMethod.Clause)]) {
        if let next = pending.first {
            popRecords(thread, to: next.record)
            thread.records[next.record].pc = next.clause.handlerStart
            thread.continuations.append(Continuation(record: next.record, handlerRange: next.clause.handlerStart ..< next.clause.handlerEnd,
                                                     action: .unwind(exception: exception, handlerRecord: handlerRecord, handler: handler,
                                                                     pending: Array(pending.dropFirst()))))
            return
        }
        popRecords(thread, to: handlerRecord)
        let r = thread.records[handlerRecord]
        r.fp.storeBytes(of: exception, toByteOffset: Int(handler.exceptionSlot), as: UInt64.self)
        if handler.holderSlot >= 0 { r.fp.storeBytes(of: exception, toByteOffset: Int(handler.holderSlot), as: UInt64.self) }
        thread.records[handlerRecord].pc = handler.handlerStart
    }

    func popRecords(_ thread: GuestThread, to index: Int) {
        while thread.records.count - 1 > index {
            let finished = thread.records.removeLast()
            thread.localAllocTop = finished.localAllocMark
        }
    }

    /// Forgets the continuations of the finally handlers the exception leaves: those of frames
    /// that are popped, and those of the catching frame unless the catching clause lies inside
    /// that finally handler (a try/catch nested in a finally goes on to its `endfinally`).
    func dropContinuations(_ thread: GuestThread, handlerRecord: Int, handler: TransformedMethod.Clause?, base: Int) {
        while let c = thread.continuations.last {
            let abandoned = if let handler {
                c.record > handlerRecord || (c.record == handlerRecord && !c.handlerRange.contains(handler.tryStart))
            } else {
                c.record >= base
            }
            guard abandoned else { return }
            thread.continuations.removeLast()
        }
    }

    /// Runs one finally handler to its `endfinally` in a nested run (used when an exception
    /// leaves a run entirely). Returns an exception that replaced the original, if any.
    func runFinallyNested(_ thread: GuestThread, record: Int, clause: TransformedMethod.Clause) throws(RuntimeError) -> UInt64? {
        popRecords(thread, to: record)
        var r = thread.records[record]
        r.pc = clause.handlerStart
        thread.records.append(r)
        let depth = thread.records.count - 1
        thread.continuations.append(Continuation(record: depth, handlerRange: clause.handlerStart ..< clause.handlerEnd,
                                                 action: .leave(target: -1, pending: [])))
        let result = try run(thread, base: depth)
        if case .threw(let ex) = result { return ex }
        return nil
    }

    /// `leave` (III.3.45): runs the finally handlers of the try blocks being left, then jumps.
    func leave(_ thread: GuestThread, method: TransformedMethod, from pc: Int, to target: Int) -> Int {
        let finallies = method.clauses.filter { c in
            if case .finally = c.kind { return c.tryStart <= pc && pc < c.tryEnd && !(c.tryStart <= target && target < c.tryEnd) }
            return false
        }
        guard let first = finallies.first else { return target }
        thread.continuations.append(Continuation(record: thread.records.count - 1, handlerRange: first.handlerStart ..< first.handlerEnd,
                                                 action: .leave(target: target, pending: Array(finallies.dropFirst()))))
        return first.handlerStart
    }

    enum EndFinallyOutcome {
        case jump(Int)
        /// The nested run of a finally (see runFinallyNested) is complete.
        case finishRun
        case resumeUnwind
    }

    /// `endfinally` (III.3.35): continue what the finally interrupted.
    func endFinally(_ thread: GuestThread) throws(RuntimeError) -> EndFinallyOutcome {
        let top = thread.records.count - 1
        guard let c = thread.continuations.last, c.record == top else {
            throw RuntimeError(.invalidProgram, "endfinally outside a finally handler")
        }
        thread.continuations.removeLast()
        switch c.action {
        case .leave(let target, let pending):
            if target < 0 { return .finishRun }
            if let next = pending.first {
                thread.continuations.append(Continuation(record: top, handlerRange: next.handlerStart ..< next.handlerEnd,
                                                         action: .leave(target: target, pending: Array(pending.dropFirst()))))
                return .jump(next.handlerStart)
            }
            return .jump(target)
        case .unwind(let exception, let handlerRecord, let handler, let pending):
            continueUnwind(thread, exception: exception, handlerRecord: handlerRecord, handler: handler, pending: pending)
            return .resumeUnwind
        }
    }

    /// The exception a `rethrow` at `pc` re-raises: the one held by the innermost enclosing catch.
    func caughtException(_ method: TransformedMethod, fp: UnsafeMutableRawPointer, pc: Int) -> UInt64 {
        for c in method.clauses where c.handlerStart <= pc && pc < c.handlerEnd && c.holderSlot >= 0 {
            return fp.loadUnaligned(fromByteOffset: Int(c.holderSlot), as: UInt64.self)
        }
        return 0
    }
}
