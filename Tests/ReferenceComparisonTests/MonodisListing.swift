import Foundation

/// The instruction listing that `monodis` prints for each method, keyed by MethodDef row
/// (monodis writes `// method line N` before each method, N being the row).
struct MonodisListing {
    struct Line { var offset: Int; var mnemonic: String; var operand: String }
    var methods: [UInt32: [Line]] = [:]

    /// Runs monodis on `path` and parses its output.
    static func run(_ path: String) throws -> MonodisListing {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Tools.path("monodis"))
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> MonodisListing {
        var listing = MonodisListing()
        var current: UInt32? = nil
        var lines: [Line] = []
        var pending: Line? = nil
        var depth = 0  // 1 while an operand continues on the next lines

        func finishPending() {
            if let p = pending { lines.append(p) }
            pending = nil
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if depth > 0, pending != nil {
                // Continuation lines of a bytearray carry a `// text` rendering after the bytes.
                let line = line.range(of: "//").map { line[..<$0.lowerBound].trimmingCharacters(in: .whitespaces) } ?? line
                pending!.operand += " " + line
                if line.hasSuffix(")") { depth = 0; finishPending() }
                continue
            }
            if line.hasPrefix("// method line ") {
                finishPending()
                if let c = current { listing.methods[c] = lines }
                current = UInt32(line.dropFirst("// method line ".count))
                lines = []
                continue
            }
            guard current != nil, line.hasPrefix("IL_"), line.count > 9,
                  let colon = line.firstIndex(of: ":"), let offset = Int(line[line.index(line.startIndex, offsetBy: 3) ..< colon], radix: 16)
            else {
                if line.hasPrefix("} // end of method") { finishPending(); if let c = current { listing.methods[c] = lines }; current = nil; lines = [] }
                continue
            }
            finishPending()
            let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let mnemonic: String, operand: String
            if let space = rest.firstIndex(of: " ") {
                mnemonic = String(rest[..<space])
                operand = rest[rest.index(after: space)...].trimmingCharacters(in: .whitespaces)
            } else {
                mnemonic = rest
                operand = ""
            }
            pending = Line(offset: offset, mnemonic: mnemonic, operand: operand)
            // Multi-line operands (`switch (`, `bytearray (`) end their first line with "(".
            depth = operand.hasSuffix("(") ? 1 : 0
            if depth == 0 { finishPending() }
        }
        finishPending()
        if let c = current { listing.methods[c] = lines }
        return listing
    }
}

enum Tools {
    static func path(_ name: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ToolMissing(name: name)
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) not found on PATH: run Scripts/setup.sh (installs mono-devel)" }
    }

    static var bclDirectory: String? {
        if let env = ProcessInfo.processInfo.environment["CILBOX_BCL"] { return env }
        return ["/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
                "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5"]
            .first { FileManager.default.fileExists(atPath: $0 + "/mscorlib.dll") }
    }
}
