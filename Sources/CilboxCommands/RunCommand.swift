import ArgumentParser
import CILRuntime
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a .NET program inside cilbox's emulator, as `mono PROGRAM.exe args…` would.",
        discussion: """
            The program runs instruction by instruction on Mono's class libraries inside a \
            virtual environment: nothing it does reaches the host. Its standard output and error \
            are printed as it wrote them, and cilbox exits with the program's exit code.

            An unhandled exception prints Mono's 'Unhandled Exception:' text and exits 1. When \
            cilbox stops the run itself, it prints one line saying why and exits with:
              75  a budget ran out (--max-instructions, --timeout, stack or heap)
              76  deadlock: every guest thread is blocked and nothing can wake one
              69  the program needs something cilbox does not model or implement yet
              65  the program or a class library is malformed

            Examples:
              cilbox run Hello.exe
              cilbox run --max-instructions 1000000 Suspicious.exe --some-arg
              cilbox run --trace Tiny.exe 2> trace.txt
            """)

    @Option(name: .long, help: "Mono's class-library folder (default: $CILBOX_BCL, then the usual Mono paths).")
    var bcl: String?

    @Option(name: .long, help: "Stop after this many instructions.")
    var maxInstructions: UInt64?

    @Option(name: .long, help: "Stop after this many seconds of wall time.")
    var timeout: Double?

    @Flag(name: .long, help: "Print every executed instruction (method, IL offset, opcode, stack top) to standard error.")
    var trace = false

    @Flag(name: .long, help: "Print every exception when it is thrown, with the guest call stack, to standard error.")
    var traceExceptions = false

    /// Test-only (hidden): breaks one opcode on purpose so the fuzzer's end-to-end test has a
    /// bug to find. See RuntimeOptions.injectedFault.
    @Option(name: .customLong("test-inject-fault"), help: .hidden)
    var injectedFault: String?

    @Argument(help: "The program (.exe) to run.")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the program's Main.")
    var arguments: [String] = []

    func run() throws {
        guard let bclDirectory = AssemblyResolver.findBCL(explicit: bcl) else {
            StandardStreams.writeError("cilbox: Mono's class libraries (mscorlib.dll) not found; install mono-devel (Scripts/setup.sh) or pass --bcl DIR\n")
            throw ExitCode(CilboxExit.cannotOpen)
        }
        guard FileManager.default.fileExists(atPath: program) else {
            StandardStreams.writeError("cilbox: \(program): cannot open: no such file\n")
            throw ExitCode(CilboxExit.cannotOpen)
        }
        var options = RuntimeOptions(bclDirectory: bclDirectory)
        if let maxInstructions { options.maxInstructions = maxInstructions }
        if let timeout { options.timeoutSeconds = timeout }
        options.trace = trace
        options.traceExceptions = traceExceptions
        options.injectedFault = injectedFault
        let outcome: RunOutcome
        do {
            let runtime = try Runtime(options: options, programDirectory: (program as NSString).deletingLastPathComponent)
            _ = try runtime.loadProgram(path: program)
            outcome = runtime.runMain(arguments: arguments)
        } catch {
            StandardStreams.writeError("cilbox: \(program): \(error)\n")
            throw ExitCode(error.kind == .badImage ? CilboxExit.malformedInput : CilboxExit.unavailable)
        }
        StandardStreams.write(outcome.standardOutput)
        if !outcome.standardError.isEmpty { StandardStreams.writeError(String(decoding: outcome.standardError, as: UTF8.self)) }
        switch outcome.ending {
        case .exited(let code):
            throw ExitCode(code)
        case .unhandledException(let typeName, let message):
            // Mono prints the exception's ToString() twice: as the report, then as its fatal error.
            let text = outcome.unhandledReport ?? "\(typeName): \(message)"
            StandardStreams.writeError("\nUnhandled Exception:\n\(text)\n[ERROR] FATAL UNHANDLED EXCEPTION: \(text)\n")
            throw ExitCode(1)
        case .stopped(let kind, let reason):
            StandardStreams.writeError("cilbox: stopped after \(outcome.instructions) instructions: \(reason)\n")
            for frame in outcome.stack.prefix(12) { StandardStreams.writeError("  at \(frame)\n") }
            switch kind {
            case .budgetExhausted: throw ExitCode(CilboxExit.budgetExhausted)
            case .deadlock: throw ExitCode(CilboxExit.deadlock)
            case .badImage, .invalidProgram: throw ExitCode(CilboxExit.malformedInput)
            default: throw ExitCode(CilboxExit.unavailable)
            }
        }
    }
}
