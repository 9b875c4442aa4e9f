#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interpreter loop (DESIGN decision 4): executes transformed code with a frame pointer
/// into guest memory. Calls do not recurse on the host: each activation is a CallRecord, so
/// deep guest recursion is bounded by the guest stack budget, not the host stack.
extension Runtime {
    /// How a nested run ended.
    enum RunResult {
        case returned
        /// A guest exception escaped the run (address of the exception object).
        case threw(UInt64)
        /// `endfilter` ended a filter run with this value.
        case filtered(Int32)
    }

    /// Runs `method` with its arguments already stored at host address `fp` (the frame base).
    /// Returns when the method returns (its result is at `fp`) or an exception escapes it.
    func execute(_ method: RuntimeMethod, frame fp: UnsafeMutableRawPointer, thread: GuestThread) throws(RuntimeError) -> RunResult {
        let target = try transformed(method)
        guard fp + target.frameSize <= thread.stackEnd, thread.records.count < options.maxCallDepth else {
            throw RuntimeError(.budgetExhausted, "stack overflow (call depth \(thread.records.count)) entering \(method)")
        }
        if target.localsSize > 0 { (fp + target.localsOffset).initializeMemory(as: UInt8.self, repeating: 0, count: target.localsSize) }
        thread.records.append(CallRecord(method: target, pc: 0, fp: fp, kind: .normal, localAllocMark: thread.localAllocTop))
        try runEntryInitializations(target, thread: thread)
        return try run(thread, base: thread.records.count - 1)
    }

    /// The first time a method is entered, with its record pushed (so nested runs go above its
    /// frame), run the beforefieldinit initializers its transform asked for. A failure is
    /// remembered by the type and raised where the method touches it.
    func runEntryInitializations(_ target: TransformedMethod, thread: GuestThread) throws(RuntimeError) {
        guard !target.entryInitializationsDone else { return }
        target.entryInitializationsDone = true
        for type in target.entryInitializations { _ = try initializeType(type.id, thread: thread) }
    }

    /// Runs a filter block of the record at `recordIndex` (first pass of exception dispatch, II.19.4).
    func runFilter(_ thread: GuestThread, recordIndex: Int, start: Int, exception: UInt64, slot: Int32) throws(RuntimeError) -> Bool {
        var r = thread.records[recordIndex]
        r.pc = start
        r.kind = .filter
        r.fp.storeBytes(of: exception, toByteOffset: Int(slot), as: UInt64.self)
        thread.records.append(r)
        let result = try run(thread, base: thread.records.count - 1)
        if case .filtered(let v) = result { return v != 0 }
        // II.19.4: an exception inside a filter counts as "not handled here".
        return false
    }

    func transformed(_ method: RuntimeMethod) throws(RuntimeError) -> TransformedMethod {
        if let c = method.code { return c }
        var t = try Transformer(runtime: self, method: method)
        let c = try t.transform()
        method.code = c
        c.seal()
        return c
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func run(_ thread: GuestThread, base: Int) throws(RuntimeError) -> RunResult {
        // The running method as an unmanaged reference: reading a class reference out of a
        // record would retain and release it at every call and return.
        var method = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method)
        var code = method._withUnsafeGuaranteedRef { $0.codePointer }
        var fp = thread.records[thread.records.count - 1].fp
        var pc = thread.records[thread.records.count - 1].pc
        var raised: UInt64 = 0
        // The budget countdown and the trace switch live in locals: the loop must not go through
        // the runtime object for them at every instruction. The countdown is written back
        // around anything that can run other guest code or read the count.
        var budget = instructionBudget
        let tracing = self.tracing

        // After a call, return or unwind, the loop state is reloaded from the top record. This is
        // written out at each place (no nested function): a local captured by a nested function
        // lives in a heap box, and pc/fp/code must stay in registers.

        while true {
            let i = code[pc]
            pc &+= 1
            if budget == 0 {
                instructionBudget = 0
                try budgetExhausted(thread, method.takeUnretainedValue(), pc - 1)
                budget = instructionBudget
            }
            budget &-= 1
            if tracing { traceInstruction(method.takeUnretainedValue(), pc - 1, fp) }
            switch i.op {
            case .nop: break
            case .ldImm: st64(fp, i.a, i.imm)
            case .mov8: st64(fp, i.a, ld64(fp, i.b))
            case .movN: (fp + Int(i.a)).copyMemory(from: fp + Int(i.b), byteCount: Int(i.imm))
            case .zeroN: (fp + Int(i.a)).initializeMemory(as: UInt8.self, repeating: 0, count: Int(i.imm))
            case .frameAddress: st64(fp, i.a, Int64(bitPattern: space.guestAddress(fp + Int(i.b))))

            case .ldFrameI1: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: Int8.self)))
            case .ldFrameU1: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: UInt8.self)))
            case .ldFrameI2: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: Int16.self)))
            case .ldFrameU2: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: UInt16.self)))
            case .ldFrameI4: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: Int32.self)))
            case .ldFrame4: st64(fp, i.a, Int64(fp.loadUnaligned(fromByteOffset: Int(i.b), as: UInt32.self)))
            case .ldFrame8: st64(fp, i.a, ld64(fp, i.b))
            case .stFrame1: fp.storeBytes(of: UInt8(truncatingIfNeeded: ld64(fp, i.b)), toByteOffset: Int(i.a), as: UInt8.self)
            case .stFrame2: fp.storeBytes(of: UInt16(truncatingIfNeeded: ld64(fp, i.b)), toByteOffset: Int(i.a), as: UInt16.self)
            case .stFrame4: fp.storeBytes(of: UInt32(truncatingIfNeeded: ld64(fp, i.b)), toByteOffset: Int(i.a), as: UInt32.self)
            case .stFrame8: st64(fp, i.a, ld64(fp, i.b))

            case .ldMemI1, .ldMemU1, .ldMemI2, .ldMemU2, .ldMemI4, .ldMem4, .ldMem8, .ldMemN:
                let address = UInt64(bitPattern: ld64(fp, i.b)) &+ UInt64(bitPattern: Int64(i.c))
                let size = i.op == .ldMemN ? Int(i.imm) : Self.accessSize(i.op)
                guard ld64(fp, i.b) != 0, let p = space.pointer(address, size) else { instructionBudget = budget; raised = try guestException(.nullReference, thread); budget = instructionBudget; break }
                load(i.op, from: p, to: fp + Int(i.a), size: size)
            case .stMem1, .stMem2, .stMem4, .stMem8, .stMemN:
                let address = UInt64(bitPattern: ld64(fp, i.a)) &+ UInt64(bitPattern: Int64(i.c))
                let size = i.op == .stMemN ? Int(i.imm) : Self.accessSize(i.op)
                guard ld64(fp, i.a) != 0, let p = space.pointer(address, size) else { instructionBudget = budget; raised = try guestException(.nullReference, thread); budget = instructionBudget; break }
                p.copyMemory(from: fp + Int(i.b), byteCount: size)
            case .ldAbsI1, .ldAbsU1, .ldAbsI2, .ldAbsU2, .ldAbsI4, .ldAbs4, .ldAbs8, .ldAbsN:
                let size = i.op == .ldAbsN ? Int(i.c) : Self.accessSize(i.op)
                load(i.op, from: space.unchecked(UInt64(bitPattern: i.imm)), to: fp + Int(i.a), size: size)
            case .stAbs1, .stAbs2, .stAbs4, .stAbs8, .stAbsN:
                let size = i.op == .stAbsN ? Int(i.c) : Self.accessSize(i.op)
                space.unchecked(UInt64(bitPattern: i.imm)).copyMemory(from: fp + Int(i.b), byteCount: size)
            case .fieldAddress:
                let o = ld64(fp, i.b)
                guard o != 0 else { instructionBudget = budget; raised = try guestException(.nullReference, thread); budget = instructionBudget; break }
                st64(fp, i.a, o &+ Int64(i.c))

            // Integer arithmetic. int32 results are re-sign-extended to keep the slot invariant.
            case .addI4: st64(fp, i.a, Int64(ld32(fp, i.b) &+ ld32(fp, i.c)))
            case .subI4: st64(fp, i.a, Int64(ld32(fp, i.b) &- ld32(fp, i.c)))
            case .mulI4: st64(fp, i.a, Int64(ld32(fp, i.b) &* ld32(fp, i.c)))
            case .addI8: st64(fp, i.a, ld64(fp, i.b) &+ ld64(fp, i.c))
            case .subI8: st64(fp, i.a, ld64(fp, i.b) &- ld64(fp, i.c))
            case .mulI8: st64(fp, i.a, ld64(fp, i.b) &* ld64(fp, i.c))
            case .divI4, .remI4:
                let x = ld32(fp, i.b), y = ld32(fp, i.c)
                if y == 0 { instructionBudget = budget; raised = try guestException(.divideByZero, thread); budget = instructionBudget; break }
                // III.3.31: MinValue / -1 is not representable (Mono x64 throws OverflowException for div and rem).
                if y == -1 && x == .min { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(i.op == .divI4 ? x / y : x % y))
            case .divUnI4, .remUnI4:
                let x = UInt32(bitPattern: ld32(fp, i.b)), y = UInt32(bitPattern: ld32(fp, i.c))
                if y == 0 { instructionBudget = budget; raised = try guestException(.divideByZero, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(Int32(bitPattern: i.op == .divUnI4 ? x / y : x % y)))
            case .divI8, .remI8:
                let x = ld64(fp, i.b), y = ld64(fp, i.c)
                if y == 0 { instructionBudget = budget; raised = try guestException(.divideByZero, thread); budget = instructionBudget; break }
                if y == -1 && x == .min { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, i.op == .divI8 ? x / y : x % y)
            case .divUnI8, .remUnI8:
                let x = UInt64(bitPattern: ld64(fp, i.b)), y = UInt64(bitPattern: ld64(fp, i.c))
                if y == 0 { instructionBudget = budget; raised = try guestException(.divideByZero, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(bitPattern: i.op == .divUnI8 ? x / y : x % y))
            // III.3.58–60: counts ≥ width are unspecified; x86-64 masks them, and so do we.
            case .shlI4: st64(fp, i.a, Int64(ld32(fp, i.b) &<< (ld32(fp, i.c) & 31)))
            case .shrI4: st64(fp, i.a, Int64(ld32(fp, i.b) &>> (ld32(fp, i.c) & 31)))
            case .shrUnI4: st64(fp, i.a, Int64(Int32(bitPattern: UInt32(bitPattern: ld32(fp, i.b)) &>> UInt32(ld32(fp, i.c) & 31))))
            case .shlI8: st64(fp, i.a, ld64(fp, i.b) &<< (ld64(fp, i.c) & 63))
            case .shrI8: st64(fp, i.a, ld64(fp, i.b) &>> (ld64(fp, i.c) & 63))
            case .shrUnI8: st64(fp, i.a, Int64(bitPattern: UInt64(bitPattern: ld64(fp, i.b)) &>> UInt64(ld64(fp, i.c) & 63)))
            case .and8: st64(fp, i.a, ld64(fp, i.b) & ld64(fp, i.c))
            case .or8: st64(fp, i.a, ld64(fp, i.b) | ld64(fp, i.c))
            case .xor8: st64(fp, i.a, ld64(fp, i.b) ^ ld64(fp, i.c))
            case .andI4: st64(fp, i.a, Int64(ld32(fp, i.b) & ld32(fp, i.c)))
            case .orI4: st64(fp, i.a, Int64(ld32(fp, i.b) | ld32(fp, i.c)))
            case .xorI4: st64(fp, i.a, Int64(ld32(fp, i.b) ^ ld32(fp, i.c)))
            // Folded constants: c is the int32 operand itself.
            case .addI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) &+ i.c))
            case .mulI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) &* i.c))
            case .andI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) & i.c))
            case .orI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) | i.c))
            case .xorI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) ^ i.c))
            case .shlI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) &<< (i.c & 31)))
            case .shrI4Imm: st64(fp, i.a, Int64(ld32(fp, i.b) &>> (i.c & 31)))
            case .shrUnI4Imm: st64(fp, i.a, Int64(Int32(bitPattern: UInt32(bitPattern: ld32(fp, i.b)) &>> UInt32(i.c & 31))))
            case .addI8Imm: st64(fp, i.a, ld64(fp, i.b) &+ Int64(i.c))
            case .negI4: st64(fp, i.a, Int64(0 &- ld32(fp, i.b)))
            case .negI8: st64(fp, i.a, 0 &- ld64(fp, i.b))
            case .notI8: st64(fp, i.a, ~ld64(fp, i.b))

            // Floating point: float32 ops round to float32 after each operation (Mono x64's default).
            case .addR4: stF(fp, i.a, ldF(fp, i.b) + ldF(fp, i.c))
            case .subR4: stF(fp, i.a, ldF(fp, i.b) - ldF(fp, i.c))
            case .mulR4: stF(fp, i.a, ldF(fp, i.b) * ldF(fp, i.c))
            case .divR4: stF(fp, i.a, ldF(fp, i.b) / ldF(fp, i.c))
            case .remR4: stF(fp, i.a, ldF(fp, i.b).truncatingRemainder(dividingBy: ldF(fp, i.c)))
            case .addR8: stD(fp, i.a, ldD(fp, i.b) + ldD(fp, i.c))
            case .subR8: stD(fp, i.a, ldD(fp, i.b) - ldD(fp, i.c))
            case .mulR8: stD(fp, i.a, ldD(fp, i.b) * ldD(fp, i.c))
            case .divR8: stD(fp, i.a, ldD(fp, i.b) / ldD(fp, i.c))
            // III.3.55: F rem is fmod (truncating), not IEEE remainder.
            case .remR8: stD(fp, i.a, ldD(fp, i.b).truncatingRemainder(dividingBy: ldD(fp, i.c)))
            case .negR4: stF(fp, i.a, -ldF(fp, i.b))
            case .negR8: stD(fp, i.a, -ldD(fp, i.b))

            case .addOvfI4, .subOvfI4, .mulOvfI4:
                let x = ld32(fp, i.b), y = ld32(fp, i.c)
                let (r, o) = i.op == .addOvfI4 ? x.addingReportingOverflow(y) : i.op == .subOvfI4 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                if o { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(r))
            case .addOvfUnI4, .subOvfUnI4, .mulOvfUnI4:
                let x = UInt32(bitPattern: ld32(fp, i.b)), y = UInt32(bitPattern: ld32(fp, i.c))
                let (r, o) = i.op == .addOvfUnI4 ? x.addingReportingOverflow(y) : i.op == .subOvfUnI4 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                if o { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(Int32(bitPattern: r)))
            case .addOvfI8, .subOvfI8, .mulOvfI8:
                let x = ld64(fp, i.b), y = ld64(fp, i.c)
                let (r, o) = i.op == .addOvfI8 ? x.addingReportingOverflow(y) : i.op == .subOvfI8 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                if o { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, r)
            case .addOvfUnI8, .subOvfUnI8, .mulOvfUnI8:
                let x = UInt64(bitPattern: ld64(fp, i.b)), y = UInt64(bitPattern: ld64(fp, i.c))
                let (r, o) = i.op == .addOvfUnI8 ? x.addingReportingOverflow(y) : i.op == .subOvfUnI8 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                if o { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, Int64(bitPattern: r))

            // Conversions (III.3.27 conv, III.3.19 conv.ovf).
            case .convI8ToI1: st64(fp, i.a, Int64(Int8(truncatingIfNeeded: ld64(fp, i.b))))
            case .convI8ToU1: st64(fp, i.a, Int64(UInt8(truncatingIfNeeded: ld64(fp, i.b))))
            case .convI8ToI2: st64(fp, i.a, Int64(Int16(truncatingIfNeeded: ld64(fp, i.b))))
            case .convI8ToU2: st64(fp, i.a, Int64(UInt16(truncatingIfNeeded: ld64(fp, i.b))))
            case .convI8ToI4: st64(fp, i.a, Int64(Int32(truncatingIfNeeded: ld64(fp, i.b))))
            case .convI4ToU8: st64(fp, i.a, Int64(UInt32(truncatingIfNeeded: ld64(fp, i.b))))
            case .convR4ToR8: stD(fp, i.a, Double(ldF(fp, i.b)))
            case .convR8ToR4: stF(fp, i.a, Float(ldD(fp, i.b)))
            case .convI8ToR8: stD(fp, i.a, Double(ld64(fp, i.b)))
            case .convI8ToR4: stF(fp, i.a, Float(ld64(fp, i.b)))
            case .convUnI8ToR8: stD(fp, i.a, Double(UInt64(bitPattern: ld64(fp, i.b))))
            case .convUnI8ToR4: stF(fp, i.a, Float(UInt64(bitPattern: ld64(fp, i.b))))
            case .convUnI4ToR8: stD(fp, i.a, Double(UInt32(truncatingIfNeeded: ld64(fp, i.b))))
            case .convUnI4ToR4: stF(fp, i.a, Float(UInt32(truncatingIfNeeded: ld64(fp, i.b))))
            case .convR8ToI1, .convR8ToU1, .convR8ToI2, .convR8ToU2, .convR8ToI4, .convR8ToU4, .convR8ToI8, .convR8ToU8:
                st64(fp, i.a, FloatConversion.unchecked(i.op, ldD(fp, i.b)))
            case .convOvfR8ToI1, .convOvfR8ToU1, .convOvfR8ToI2, .convOvfR8ToU2, .convOvfR8ToI4, .convOvfR8ToU4, .convOvfR8ToI8, .convOvfR8ToU8:
                guard let v = FloatConversion.checked(i.op, ldD(fp, i.b)) else { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, v)
            case .convOvfI8ToI1, .convOvfI8ToU1, .convOvfI8ToI2, .convOvfI8ToU2, .convOvfI8ToI4, .convOvfI8ToU4, .convOvfI8ToU8,
                 .convOvfUnI8ToI1, .convOvfUnI8ToU1, .convOvfUnI8ToI2, .convOvfUnI8ToU2, .convOvfUnI8ToI4, .convOvfUnI8ToU4, .convOvfUnI8ToI8,
                 .convOvfI4ToU8, .convOvfUnI4ToI8OrU8:
                guard let v = IntegerConversion.checked(i.op, ld64(fp, i.b)) else { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                st64(fp, i.a, v)
            case .ckfiniteR8:
                let d = ldD(fp, i.b)
                guard d.isFinite else { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }  // Mono x64 throws OverflowException (an ArithmeticException)
                stD(fp, i.a, d)
            case .ckfiniteR4:
                let f = ldF(fp, i.b)
                guard f.isFinite else { instructionBudget = budget; raised = try guestException(.overflow, thread); budget = instructionBudget; break }
                stF(fp, i.a, f)

            // Comparisons: int32 operands are sign-extended, so 64-bit compares serve both widths
            // (unsigned order is preserved by sign extension).
            case .ceqI8: st64(fp, i.a, ld64(fp, i.b) == ld64(fp, i.c) ? 1 : 0)
            case .cgtI8: st64(fp, i.a, ld64(fp, i.b) > ld64(fp, i.c) ? 1 : 0)
            case .cltI8: st64(fp, i.a, ld64(fp, i.b) < ld64(fp, i.c) ? 1 : 0)
            case .cgtUnI8: st64(fp, i.a, UInt64(bitPattern: ld64(fp, i.b)) > UInt64(bitPattern: ld64(fp, i.c)) ? 1 : 0)
            case .cltUnI8: st64(fp, i.a, UInt64(bitPattern: ld64(fp, i.b)) < UInt64(bitPattern: ld64(fp, i.c)) ? 1 : 0)
            case .ceqI4: st64(fp, i.a, ld32(fp, i.b) == ld32(fp, i.c) ? 1 : 0)
            case .cgtI4: st64(fp, i.a, ld32(fp, i.b) > ld32(fp, i.c) ? 1 : 0)
            case .cltI4: st64(fp, i.a, ld32(fp, i.b) < ld32(fp, i.c) ? 1 : 0)
            case .cgtUnI4: st64(fp, i.a, UInt32(bitPattern: ld32(fp, i.b)) > UInt32(bitPattern: ld32(fp, i.c)) ? 1 : 0)
            case .cltUnI4: st64(fp, i.a, UInt32(bitPattern: ld32(fp, i.b)) < UInt32(bitPattern: ld32(fp, i.c)) ? 1 : 0)
            // III.3.25: cgt.un/clt.un are true for unordered (NaN) operands.
            case .ceqR8: st64(fp, i.a, ldD(fp, i.b) == ldD(fp, i.c) ? 1 : 0)
            case .cgtR8: st64(fp, i.a, ldD(fp, i.b) > ldD(fp, i.c) ? 1 : 0)
            case .cltR8: st64(fp, i.a, ldD(fp, i.b) < ldD(fp, i.c) ? 1 : 0)
            case .cgtUnR8: st64(fp, i.a, !(ldD(fp, i.b) <= ldD(fp, i.c)) ? 1 : 0)
            case .cltUnR8: st64(fp, i.a, !(ldD(fp, i.b) >= ldD(fp, i.c)) ? 1 : 0)
            case .ceqR4: st64(fp, i.a, ldF(fp, i.b) == ldF(fp, i.c) ? 1 : 0)
            case .cgtR4: st64(fp, i.a, ldF(fp, i.b) > ldF(fp, i.c) ? 1 : 0)
            case .cltR4: st64(fp, i.a, ldF(fp, i.b) < ldF(fp, i.c) ? 1 : 0)
            case .cgtUnR4: st64(fp, i.a, !(ldF(fp, i.b) <= ldF(fp, i.c)) ? 1 : 0)
            case .cltUnR4: st64(fp, i.a, !(ldF(fp, i.b) >= ldF(fp, i.c)) ? 1 : 0)

            case .br: pc = Int(i.imm)
            case .brTrue: if ld64(fp, i.a) != 0 { pc = Int(i.imm) }
            case .brFalse: if ld64(fp, i.a) == 0 { pc = Int(i.imm) }
            case .brTrueI4: if ld32(fp, i.a) != 0 { pc = Int(i.imm) }
            case .brFalseI4: if ld32(fp, i.a) == 0 { pc = Int(i.imm) }
            case .beqI4: if ld32(fp, i.a) == ld32(fp, i.b) { pc = Int(i.imm) }
            case .bneUnI4: if ld32(fp, i.a) != ld32(fp, i.b) { pc = Int(i.imm) }
            case .bgeI4: if ld32(fp, i.a) >= ld32(fp, i.b) { pc = Int(i.imm) }
            case .bgtI4: if ld32(fp, i.a) > ld32(fp, i.b) { pc = Int(i.imm) }
            case .bleI4: if ld32(fp, i.a) <= ld32(fp, i.b) { pc = Int(i.imm) }
            case .bltI4: if ld32(fp, i.a) < ld32(fp, i.b) { pc = Int(i.imm) }
            case .bgeUnI4: if UInt32(bitPattern: ld32(fp, i.a)) >= UInt32(bitPattern: ld32(fp, i.b)) { pc = Int(i.imm) }
            case .bgtUnI4: if UInt32(bitPattern: ld32(fp, i.a)) > UInt32(bitPattern: ld32(fp, i.b)) { pc = Int(i.imm) }
            case .bleUnI4: if UInt32(bitPattern: ld32(fp, i.a)) <= UInt32(bitPattern: ld32(fp, i.b)) { pc = Int(i.imm) }
            case .bltUnI4: if UInt32(bitPattern: ld32(fp, i.a)) < UInt32(bitPattern: ld32(fp, i.b)) { pc = Int(i.imm) }
            case .beqI4Imm: if ld32(fp, i.a) == i.b { pc = Int(i.imm) }
            case .bneUnI4Imm: if ld32(fp, i.a) != i.b { pc = Int(i.imm) }
            case .bgeI4Imm: if ld32(fp, i.a) >= i.b { pc = Int(i.imm) }
            case .bgtI4Imm: if ld32(fp, i.a) > i.b { pc = Int(i.imm) }
            case .bleI4Imm: if ld32(fp, i.a) <= i.b { pc = Int(i.imm) }
            case .bltI4Imm: if ld32(fp, i.a) < i.b { pc = Int(i.imm) }
            case .bgeUnI4Imm: if UInt32(bitPattern: ld32(fp, i.a)) >= UInt32(bitPattern: i.b) { pc = Int(i.imm) }
            case .bgtUnI4Imm: if UInt32(bitPattern: ld32(fp, i.a)) > UInt32(bitPattern: i.b) { pc = Int(i.imm) }
            case .bleUnI4Imm: if UInt32(bitPattern: ld32(fp, i.a)) <= UInt32(bitPattern: i.b) { pc = Int(i.imm) }
            case .bltUnI4Imm: if UInt32(bitPattern: ld32(fp, i.a)) < UInt32(bitPattern: i.b) { pc = Int(i.imm) }
            case .beqI8: if ld64(fp, i.a) == ld64(fp, i.b) { pc = Int(i.imm) }
            case .bneUnI8: if ld64(fp, i.a) != ld64(fp, i.b) { pc = Int(i.imm) }
            case .bgeI8: if ld64(fp, i.a) >= ld64(fp, i.b) { pc = Int(i.imm) }
            case .bgtI8: if ld64(fp, i.a) > ld64(fp, i.b) { pc = Int(i.imm) }
            case .bleI8: if ld64(fp, i.a) <= ld64(fp, i.b) { pc = Int(i.imm) }
            case .bltI8: if ld64(fp, i.a) < ld64(fp, i.b) { pc = Int(i.imm) }
            case .bgeUnI8: if UInt64(bitPattern: ld64(fp, i.a)) >= UInt64(bitPattern: ld64(fp, i.b)) { pc = Int(i.imm) }
            case .bgtUnI8: if UInt64(bitPattern: ld64(fp, i.a)) > UInt64(bitPattern: ld64(fp, i.b)) { pc = Int(i.imm) }
            case .bleUnI8: if UInt64(bitPattern: ld64(fp, i.a)) <= UInt64(bitPattern: ld64(fp, i.b)) { pc = Int(i.imm) }
            case .bltUnI8: if UInt64(bitPattern: ld64(fp, i.a)) < UInt64(bitPattern: ld64(fp, i.b)) { pc = Int(i.imm) }
            case .beqR8: if ldD(fp, i.a) == ldD(fp, i.b) { pc = Int(i.imm) }
            case .bneUnR8: if !(ldD(fp, i.a) == ldD(fp, i.b)) { pc = Int(i.imm) }
            case .bgeR8: if ldD(fp, i.a) >= ldD(fp, i.b) { pc = Int(i.imm) }
            case .bgtR8: if ldD(fp, i.a) > ldD(fp, i.b) { pc = Int(i.imm) }
            case .bleR8: if ldD(fp, i.a) <= ldD(fp, i.b) { pc = Int(i.imm) }
            case .bltR8: if ldD(fp, i.a) < ldD(fp, i.b) { pc = Int(i.imm) }
            case .bgeUnR8: if !(ldD(fp, i.a) < ldD(fp, i.b)) { pc = Int(i.imm) }
            case .bgtUnR8: if !(ldD(fp, i.a) <= ldD(fp, i.b)) { pc = Int(i.imm) }
            case .bleUnR8: if !(ldD(fp, i.a) > ldD(fp, i.b)) { pc = Int(i.imm) }
            case .bltUnR8: if !(ldD(fp, i.a) >= ldD(fp, i.b)) { pc = Int(i.imm) }
            case .beqR4: if ldF(fp, i.a) == ldF(fp, i.b) { pc = Int(i.imm) }
            case .bneUnR4: if !(ldF(fp, i.a) == ldF(fp, i.b)) { pc = Int(i.imm) }
            case .bgeR4: if ldF(fp, i.a) >= ldF(fp, i.b) { pc = Int(i.imm) }
            case .bgtR4: if ldF(fp, i.a) > ldF(fp, i.b) { pc = Int(i.imm) }
            case .bleR4: if ldF(fp, i.a) <= ldF(fp, i.b) { pc = Int(i.imm) }
            case .bltR4: if ldF(fp, i.a) < ldF(fp, i.b) { pc = Int(i.imm) }
            case .bgeUnR4: if !(ldF(fp, i.a) < ldF(fp, i.b)) { pc = Int(i.imm) }
            case .bgtUnR4: if !(ldF(fp, i.a) <= ldF(fp, i.b)) { pc = Int(i.imm) }
            case .bleUnR4: if !(ldF(fp, i.a) > ldF(fp, i.b)) { pc = Int(i.imm) }
            case .bltUnR4: if !(ldF(fp, i.a) >= ldF(fp, i.b)) { pc = Int(i.imm) }
            case .switchTable:
                // III.3.66: an unsigned index past the table falls through.
                let index = UInt32(truncatingIfNeeded: ld64(fp, i.a))
                if let target = method._withUnsafeGuaranteedRef({ $0.switchTarget(table: Int(i.imm), index: index) }) { pc = target }

            case .call, .callVirtual, .callInterface:
                // Fast path: a call site that has entered this IL method before (for this
                // receiver type) pushes the activation itself, as `enter` would.
                if let callee = enterKnownCallee(i, caller: method, fp: fp, pc: pc, thread: thread) {
                    method = callee; code = callee._withUnsafeGuaranteedRef { $0.codePointer }; fp += Int(i.a); pc = 0
                    continue
                }
                fallthrough
            case .callNative, .newObject, .newValueObject, .callIndirect:
                thread.records[thread.records.count - 1].pc = pc
                instructionBudget = budget
                let outcome = try performCall(i, thread: thread, fp: fp)
                budget = instructionBudget
                switch outcome {
                case .entered:
                    if i.op == .call || i.op == .callVirtual || i.op == .callInterface { learnDirectCall(i, caller: method.takeUnretainedValue(), callerFrame: fp, thread: thread) }
                    method = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method); code = method._withUnsafeGuaranteedRef { $0.codePointer }; fp = thread.records[thread.records.count - 1].fp; pc = thread.records[thread.records.count - 1].pc
                case .completed: break
                case .raised(let ex): raised = ex
                }
            case .ret, .retVoid:
                if i.op == .ret { (fp).copyMemory(from: fp + Int(i.b), byteCount: Int(i.imm)) }
                let finished = thread.records.removeLast()
                thread.localAllocTop = finished.localAllocMark
                if case .constructor(let object) = finished.kind {
                    finished.fp.storeBytes(of: object, as: UInt64.self)
                }
                if thread.records.count <= base { instructionBudget = budget; return .returned }
                method = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method); code = method._withUnsafeGuaranteedRef { $0.codePointer }; fp = thread.records[thread.records.count - 1].fp; pc = thread.records[thread.records.count - 1].pc
            case .initType:
                if let t = type(id: UInt32(i.imm)), case .done = t.cctorState {} else {
                    thread.records[thread.records.count - 1].pc = pc
                    instructionBudget = budget
                    if let ex = try initializeType(UInt32(i.imm), thread: thread) { raised = ex }
                    budget = instructionBudget
                }

            case .ldElemI1, .ldElemU1, .ldElemI2, .ldElemU2, .ldElemI4, .ldElem4, .ldElem8,
                 .stElem1, .stElem2, .stElem4, .stElem8, .elementAddress, .arrayLength:
                if arrayFastPath(i, fp) { break }
                fallthrough
            default:
                thread.records[thread.records.count - 1].pc = pc
                instructionBudget = budget
                let outcome = try executeObjectOp(i, thread: thread, fp: fp, method: method)
                budget = instructionBudget
                switch outcome {
                case .completed: break
                case .raised(let ex): raised = ex
                case .jump(let target): pc = target
                case .entered: method = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method); code = method._withUnsafeGuaranteedRef { $0.codePointer }; fp = thread.records[thread.records.count - 1].fp; pc = thread.records[thread.records.count - 1].pc
                case .filterDone(let value):
                    thread.records.removeLast()
                    instructionBudget = budget
                    return .filtered(value)
                case .finishRun:
                    thread.records.removeLast()
                    instructionBudget = budget
                    return .returned
                }
            }

            if raised != 0 {
                // Like a call's return address, the record's pc points after the raising instruction.
                thread.records[thread.records.count - 1].pc = pc
                instructionBudget = budget
                let outcome = try unwind(thread, exception: raised, base: base)
                budget = instructionBudget
                switch outcome {
                case .resume: method = Unmanaged.passUnretained(thread.records[thread.records.count - 1].method); code = method._withUnsafeGuaranteedRef { $0.codePointer }; fp = thread.records[thread.records.count - 1].fp; pc = thread.records[thread.records.count - 1].pc
                case .escaped(let ex): return .threw(ex)
                }
                raised = 0
            }
        }
    }

    static func accessSize(_ op: Op) -> Int {
        switch op {
        case .ldMemI1, .ldMemU1, .stMem1, .ldAbsI1, .ldAbsU1, .stAbs1, .ldElemI1, .ldElemU1, .stElem1: 1
        case .ldMemI2, .ldMemU2, .stMem2, .ldAbsI2, .ldAbsU2, .stAbs2, .ldElemI2, .ldElemU2, .stElem2: 2
        case .ldMemI4, .ldMem4, .stMem4, .ldAbsI4, .ldAbs4, .stAbs4, .ldElemI4, .ldElem4, .stElem4: 4
        default: 8
        }
    }

    /// Copies a value from memory into a stack slot in stack form (small integers widened).
    @inline(__always)
    func load(_ op: Op, from p: UnsafeRawPointer, to slot: UnsafeMutableRawPointer, size: Int) {
        switch op {
        case .ldMemI1, .ldAbsI1, .ldElemI1: slot.storeBytes(of: Int64(p.loadUnaligned(as: Int8.self)), as: Int64.self)
        case .ldMemU1, .ldAbsU1, .ldElemU1: slot.storeBytes(of: Int64(p.loadUnaligned(as: UInt8.self)), as: Int64.self)
        case .ldMemI2, .ldAbsI2, .ldElemI2: slot.storeBytes(of: Int64(p.loadUnaligned(as: Int16.self)), as: Int64.self)
        case .ldMemU2, .ldAbsU2, .ldElemU2: slot.storeBytes(of: Int64(p.loadUnaligned(as: UInt16.self)), as: Int64.self)
        case .ldMemI4, .ldAbsI4, .ldElemI4: slot.storeBytes(of: Int64(p.loadUnaligned(as: Int32.self)), as: Int64.self)
        case .ldMem4, .ldAbs4, .ldElem4: slot.storeBytes(of: UInt64(p.loadUnaligned(as: UInt32.self)), as: UInt64.self)
        case .ldMem8, .ldAbs8, .ldElem8: slot.storeBytes(of: p.loadUnaligned(as: UInt64.self), as: UInt64.self)
        default: slot.copyMemory(from: p, byteCount: size)
        }
    }
}

// Typed access to 8-byte frame slots.
@inline(__always) func ld64(_ fp: UnsafeMutableRawPointer, _ o: Int32) -> Int64 { fp.loadUnaligned(fromByteOffset: Int(o), as: Int64.self) }
@inline(__always) func ld32(_ fp: UnsafeMutableRawPointer, _ o: Int32) -> Int32 { fp.loadUnaligned(fromByteOffset: Int(o), as: Int32.self) }
@inline(__always) func st64(_ fp: UnsafeMutableRawPointer, _ o: Int32, _ v: Int64) { fp.storeBytes(of: v, toByteOffset: Int(o), as: Int64.self) }
@inline(__always) func ldD(_ fp: UnsafeMutableRawPointer, _ o: Int32) -> Double { fp.loadUnaligned(fromByteOffset: Int(o), as: Double.self) }
@inline(__always) func stD(_ fp: UnsafeMutableRawPointer, _ o: Int32, _ v: Double) { fp.storeBytes(of: v, toByteOffset: Int(o), as: Double.self) }
@inline(__always) func ldF(_ fp: UnsafeMutableRawPointer, _ o: Int32) -> Float { fp.loadUnaligned(fromByteOffset: Int(o), as: Float.self) }
@inline(__always) func stF(_ fp: UnsafeMutableRawPointer, _ o: Int32, _ v: Float) {
    fp.storeBytes(of: UInt64(v.bitPattern), toByteOffset: Int(o), as: UInt64.self)
}
