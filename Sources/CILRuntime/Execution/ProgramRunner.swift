import CILMetadata
import Foundation

/// Running a program's entry point the way `mono Program.exe args…` does, and reporting how
/// it ended: its exit code, an unhandled exception, or a stop (budget, unsupported feature).
public struct RunOutcome {
    public enum Ending: Equatable {
        /// Main returned (or Environment.Exit was called) with this code.
        case exited(Int32)
        /// An exception escaped Main; the text is what Mono prints for it.
        case unhandledException(typeName: String, message: String)
        /// cilbox stopped the run (budget, unmodelled native, unimplemented feature).
        case stopped(RuntimeError.Kind, String)
    }
    public var ending: Ending
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    public var instructions: UInt64
    /// The guest call stack when the run stopped (innermost first): `Type::Method IL_xxxx`.
    public var stack: [String] = []
    /// For an unhandled exception, what Mono prints after "Unhandled Exception:": the
    /// exception's ToString(), stack trace included (nil if it could not be computed).
    public var unhandledReport: String?
}

extension Runtime {
    /// Runs the entry point of the loaded program with `arguments` as its `string[] args`.
    public func runMain(arguments: [String]) -> RunOutcome {
        startTime = Date().timeIntervalSince1970
        grantInstructions()
        let ending: RunOutcome.Ending
        var stack: [String] = []
        do {
            ending = try runEntryPoint(arguments)
        } catch {
            if error.kind == .exit, scheduler.fatalException != 0 {
                // An exception escaped a thread: Mono prints it and ends the process.
                ending = unhandled(scheduler.fatalException)
            } else if error.kind == .exit {
                ending = .exited(Int32(error.message) ?? 0)
            } else {
                ending = .stopped(error.kind, error.message)
                stack = (scheduler.current ?? mainThread).map(callStack) ?? []
            }
        }
        var outcome = RunOutcome(ending: ending, standardOutput: standardOutput, standardError: standardError,
                                 instructions: instructionCount, stack: stack)
        if case .unhandledException = ending { outcome.unhandledReport = unhandledReport }
        return outcome
    }

    private func runEntryPoint(_ arguments: [String]) throws(RuntimeError) -> RunOutcome.Ending {
        guard let program, let token = program.file.entryPoint else {
            throw RuntimeError(.badImage, "the program has no entry point")
        }
        let thread = try GuestThread(id: 1, space: space, stackBytes: options.stackBytes)
        mainThread = thread
        register(thread: thread)
        scheduler.current = thread
        let main = try methodDef(program, token.row)
        let sig = try signature(main)
        let frame = thread.stackStart
        // II.10.5.3: the entry point's type is initialized before Main runs (unless
        // beforefieldinit). It runs before the arguments are written: nested runs use the stack.
        if !main.owner.isBeforeFieldInit, let ex = try initializeType(main.owner.id, thread: thread) {
            return unhandled(ex)
        }
        if !sig.parameters.isEmpty {
            let arrayType = try szArrayType(of: try coreType("System.String"))
            guard let args = try newArray(arrayType, length: arguments.count) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
            frame.storeBytes(of: args, as: UInt64.self)
            nativeRoots.append(args)
            for (k, a) in arguments.enumerated() {
                guard let s = try newString(a) else { throw RuntimeError(.budgetExhausted, "heap exhausted") }
                space.unchecked(args + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: s, as: UInt64.self)
            }
            nativeRoots.removeLast()
        }
        // Main's activation runs under the scheduler with the threads it starts (Scheduler.swift).
        thread.state = .ready
        switch try enter(main, frame: frame, kind: .normal, thread: thread) {
        case .entered: try schedule(until: { thread.state == .finished })
        case .completed: break
        case .raised(let ex): return unhandled(ex)
        }
        var code: Int32 = 0
        if let r = sig.returnType, r.primitive == .int32 || r.primitive == .uint32 { code = frame.loadUnaligned(as: Int32.self) }
        // As on Mono, the program ends when its foreground threads have ended; background threads are abandoned.
        try schedule(until: { !scheduler.threads.contains { !isBackground($0) } })
        try finalizeAtExit(thread)
        return .exited(code)
    }

    /// The exception's message followed by " ---> Type: message" for each inner exception, as Mono prints them.
    func exceptionMessageChain(_ ex: UInt64) -> String {
        var text = ""
        var current = ex
        var depth = 0
        while current != 0, depth < 16, let t = objectType(current) {
            let message = (try? field(named: "_message", in: t)).flatMap { stringValue(space.unchecked(current + UInt64($0.offset)).loadUnaligned(as: UInt64.self)) } ?? ""
            text += depth == 0 ? message : " ---> \(t.fullName): \(message)"
            current = (try? field(named: "_innerException", in: t)).map { space.unchecked(current + UInt64($0.offset)).loadUnaligned(as: UInt64.self) } ?? 0
            depth += 1
        }
        return text
    }

    /// `Type::Method IL_xxxx` for each activation, innermost first.
    func callStack(_ thread: GuestThread) -> [String] {
        thread.records.reversed().map { r in
            let pc = max(0, min(r.pc - 1, r.method.ilOffsets.count - 1))
            let il = r.method.ilOffsets.isEmpty ? 0 : Int(r.method.ilOffsets[pc])
            let hex = String(il, radix: 16)
            return "\(r.method.method) IL_" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Mono prints an unhandled exception with its type and message and exits with code 1.
    private func unhandled(_ ex: UInt64) -> RunOutcome.Ending {
        unhandledReport = exceptionReport(ex)
        let t = objectType(ex)
        return .unhandledException(typeName: t?.fullName ?? "?", message: exceptionMessageChain(ex))
    }
}
