#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A trap inside the in-process pipeline takes the whole test process with it, so before each
/// mutant this records a one-line note naming it (and where its bytes are), which a signal
/// handler prints before the runtime's own crash report.
#if os(Linux)
enum CrashNote {
    private static let capacity = 2048
    nonisolated(unsafe) private static let note = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var noteLength = 0
    nonisolated(unsafe) private static let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    static func install() {
        for s in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                _ = write(2, CrashNote.note, CrashNote.noteLength)
                // Put back the previous handler (the Swift runtime's backtracer) and return:
                // the faulting instruction runs again and that handler reports it.
                sigaction(signal, CrashNote.savedActions + Int(signal), nil)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_NODEFER)
            sigaction(s, &action, savedActions + Int(s))
        }
    }

    static func uninstall() {
        for s in signals { sigaction(s, savedActions + Int(s), nil) }
    }

    /// Names the mutant about to run.
    static func set(_ text: String) {
        let line = "\nhostile corpus: in-process pipeline died on " + text + "\n"
        let bytes = Array(line.utf8.prefix(capacity - 1))
        for (i, b) in bytes.enumerated() { note[i] = CChar(bitPattern: b) }
        noteLength = bytes.count
    }
}
#else
/// Elsewhere the runtime's own crash report has to do (sigaction's layout differs).
enum CrashNote {
    static func install() {}
    static func uninstall() {}
    static func set(_ text: String) {}
}
#endif
