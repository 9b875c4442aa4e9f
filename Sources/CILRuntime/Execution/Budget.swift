import CILInstructions
import Foundation

/// Instruction and time budgets (DESIGN decision 7), checked every few thousand instructions,
/// and the --trace output.
extension Runtime {
    static let budgetChunk = 1 << 14

    /// Called when the loop's countdown reaches zero: accounts the chunk just used, checks the
    /// limits, and grants the next chunk.
    @inline(never)
    func budgetExhausted(_ thread: GuestThread, _ method: TransformedMethod, _ pc: Int) throws(RuntimeError) {
        executedInstructions &+= UInt64(grantedInstructions)
        if executedInstructions >= options.maxInstructions {
            instructionBudget = 0
            grantedInstructions = 0
            throw RuntimeError(.budgetExhausted, "instruction budget of \(options.maxInstructions) exhausted in \(method.method)")
        }
        if options.timeoutSeconds.isFinite, Date().timeIntervalSince1970 - startTime > options.timeoutSeconds {
            throw RuntimeError(.budgetExhausted, "time budget of \(options.timeoutSeconds) s exhausted in \(method.method)")
        }
        grantInstructions()
        if gcReferences.hasPendingFinalizers { try runFinalizersIfNoLockHeld(thread) }
        // Time slices of guest threads end at these checks (Scheduler.swift).
        if thread.canYield { try preemptIfDue(thread, pc: pc) }
    }

    func grantInstructions() {
        grantedInstructions = Int(min(UInt64(Self.budgetChunk), options.maxInstructions &- executedInstructions))
        instructionBudget = grantedInstructions
    }

    /// Instructions executed so far (exact).
    public var instructionCount: UInt64 { executedInstructions + UInt64(grantedInstructions - instructionBudget) }

    /// One trace line: method, IL offset, IL opcode, and the value on top of the stack.
    @inline(never)
    func traceInstruction(_ method: TransformedMethod, _ pc: Int, _ fp: UnsafeMutableRawPointer) {
        let il = Int(method.ilOffsets[pc])
        var mnemonic = "?"
        if let m = method.method.module, let body = try? m.file.methodBody(method.method.row), il < body.codeSize,
           var decoder = try? ILDecoder(bytes: m.file.bytes, range: body.codeRange) {
            while let ins = try? decoder.next() {
                if ins.offset == il { mnemonic = ins.opcode.mnemonic; break }
                if ins.offset > il { break }
            }
        }
        let top = method.stackTops[pc]
        let topText = top >= 0 ? "0x" + String(UInt64(bitPattern: ld64(fp, top)), radix: 16) : "-"
        let hex = String(il, radix: 16)
        let line = "\(method.method) IL_\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) \(mnemonic) [top \(topText)] (\(method.code[pc].op))\n"
        if let traceSink { traceSink(line) } else { FileHandle.standardError.write(line.data(using: .utf8)!) }
    }
}
