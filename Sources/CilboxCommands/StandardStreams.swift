#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Writes to the process's standard streams with `write(2)`: the disassembler streams tens of
/// megabytes in large chunks, so output goes out as bytes without building one large `String`
/// and without C stdio's global state.
enum StandardStreams {
    static func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write(fd: 1, $0) } }
    static func write(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { write(fd: 1, $0) } }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(fd: 1, UnsafeRawBufferPointer($0)) }
    }

    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { write(fd: 2, UnsafeRawBufferPointer($0)) }
    }

    /// Output is unbuffered here; kept so callers can mark where output must be complete.
    static func flush() {}

    /// Writes everything, retrying after partial writes and EINTR; gives up quietly on a closed
    /// pipe (e.g. `cilbox disasm x.dll | head`), which is not an error of cilbox's.
    private static func write(fd: Int32, _ buffer: UnsafeRawBufferPointer) {
        guard var p = buffer.baseAddress else { return }
        var left = buffer.count
        while left > 0 {
            let n = Glibc.write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            left -= n
            p += n
        }
    }
}
