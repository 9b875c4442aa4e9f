import Foundation

/// Runs the pipeline on a thread of its own, so that a mutant that hangs can be given up on
/// (and reported) while the rest of the corpus still runs. A given-up thread keeps running
/// until it finishes or the test process exits.
enum HangGuard {
    final class Slot: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var outcome: ReaderPipeline.Outcome?
        var seconds = 0.0
    }

    /// The outcome and time, or nil if the run did not finish within `limit` seconds.
    static func run(_ bytes: [UInt8], limit: Double) -> (outcome: ReaderPipeline.Outcome, seconds: Double)? {
        let slot = Slot()
        let thread = Thread {
            let start = ChildProcess.now()
            let outcome = ReaderPipeline.run(bytes)
            slot.seconds = ChildProcess.now() - start
            slot.outcome = outcome
            slot.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard slot.done.wait(timeout: .now() + limit) == .success, let outcome = slot.outcome else { return nil }
        return (outcome, slot.seconds)
    }
}
