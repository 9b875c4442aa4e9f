/// Why a guest run stopped without a guest exception to show for it: a budget ran out, an
/// input was malformed, a feature is missing, or the host refused a resource. Guest-level
/// failures (NullReferenceException, …) are guest exceptions, not this.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The program or a library is malformed (bad metadata, invalid IL).
        case badImage
        /// An assembly, type, method or field cannot be found.
        case missingMember
        /// A construct cilbox does not implement yet.
        case notImplemented
        /// An internal call or P/Invoke that nothing models (DESIGN decision 2: fail closed).
        case unmodelledNative
        /// A budget ran out (instructions, time, heap, depth, output).
        case budgetExhausted
        /// The host could not give a resource (address space).
        case resourceExhausted
        /// The guest's program could not be verified to be safe to run as is.
        case invalidProgram
        /// The guest called Environment.Exit; the message is the exit code.
        case exit
        /// Every guest thread is blocked and nothing can wake any of them (a real runtime would hang).
        case deadlock
        /// Internal to the runtime: the running guest thread leaves its run so that another
        /// one runs; the scheduler catches it, it never ends a run.
        case threadSwitch
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
