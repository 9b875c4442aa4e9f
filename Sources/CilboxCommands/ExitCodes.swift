import ArgumentParser
import CILMetadata

/// Process exit codes, after BSD's sysexits so scripts can tell a bad input from a bad call.
public enum CilboxExit {
    public static let success: Int32 = 0
    public static let usage: Int32 = 64
    /// The input is malformed (EX_DATAERR).
    public static let malformedInput: Int32 = 65
    /// The input cannot be opened or read (EX_NOINPUT).
    public static let cannotOpen: Int32 = 66
    /// The program needs a feature or model cilbox does not have (EX_UNAVAILABLE).
    public static let unavailable: Int32 = 69
    /// A run stopped because a budget ran out (EX_TEMPFAIL).
    public static let budgetExhausted: Int32 = 75
    /// A bug in cilbox (EX_SOFTWARE).
    public static let internalError: Int32 = 70
    /// A run stopped because every guest thread was blocked for good (it would hang on Mono).
    public static let deadlock: Int32 = 76
}

/// Prints a one-line error to standard error and returns the exit code for it.
func fail(_ path: String, _ error: MetadataError) -> ExitCode {
    StandardStreams.writeError("cilbox: \(path): \(error.description)\n")
    return ExitCode(CilboxExit.malformedInput)
}
