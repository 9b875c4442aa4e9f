import ArgumentParser
import CILMetadata
import Foundation

/// Loads an input assembly for a command, mapping every failure to a one-line message and exit code.
enum InputFile {
    /// Larger inputs are refused: PE images address at most 4 GiB, and real assemblies are far smaller.
    static let maxSize = 1 << 30

    static func bytes(_ path: String) throws(ExitCode) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            StandardStreams.writeError("cilbox: \(path): cannot open: no such file or not readable\n")
            throw ExitCode(CilboxExit.cannotOpen)
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            StandardStreams.writeError("cilbox: \(path): is a directory, not an assembly\n")
            throw ExitCode(CilboxExit.cannotOpen)
        }
        if let size = attributes[.size] as? Int, size > maxSize {
            StandardStreams.writeError("cilbox: \(path): \(size) bytes is larger than the 1 GiB cilbox reads\n")
            throw ExitCode(CilboxExit.malformedInput)
        }
        do { return [UInt8](try Data(contentsOf: url)) } catch {
            StandardStreams.writeError("cilbox: \(path): cannot read: \(error.localizedDescription)\n")
            throw ExitCode(CilboxExit.cannotOpen)
        }
    }

    static func load(_ path: String, mode: ReadingMode) throws(ExitCode) -> CLIFile {
        let data = try bytes(path)
        do { return try CLIFile(bytes: data, mode: mode) } catch { throw fail(path, error) }
    }
}
