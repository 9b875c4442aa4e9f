import Foundation
import Testing

/// One program under Tests/Programs: a C# file built with `mcs` or an IL file built with `ilasm`.
struct TestProgram: Sendable, Hashable, CustomTestStringConvertible {
    enum Language: String, Sendable { case csharp = "CSharp", il = "IL" }

    /// The file name without extension; unique across both folders, and the key in
    /// known-differences.tsv.
    var name: String
    var language: Language
    var sourcePath: String

    var testDescription: String { "\(language.rawValue)/\(name)" }

    /// Extra `mcs` flags from a first line `// mcs-flags: ...` (C# only).
    func compilerFlags() throws -> [String] {
        guard language == .csharp else { return [] }
        let text = try String(contentsOfFile: sourcePath, encoding: .utf8)
        guard let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
              first.hasPrefix("// mcs-flags:") else { return [] }
        return first.dropFirst("// mcs-flags:".count).split(separator: " ").map(String.init)
    }
}

/// Finds the programs and the list of known differences, relative to this source file.
enum ProgramCatalog {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let programsDirectory: URL = packageRoot.appendingPathComponent("Tests/Programs")
    static let knownDifferencesPath: String = programsDirectory.appendingPathComponent("known-differences.tsv").path

    /// Every program, sorted by folder then name. New files are picked up on the next run.
    static let all: [TestProgram] = {
        var programs: [TestProgram] = []
        for (folder, ext, language) in [("CSharp", "cs", TestProgram.Language.csharp), ("IL", "il", .il)] {
            let dir = programsDirectory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in names.sorted() where file.hasSuffix("." + ext) {
                programs.append(TestProgram(name: String(file.dropLast(ext.count + 1)), language: language,
                                            sourcePath: dir.appendingPathComponent(file).path))
            }
        }
        return programs
    }()

    static func named(_ name: String) -> TestProgram? { all.first { $0.name == name } }
}

/// `Tests/Programs/known-differences.tsv`: programs that do not pass on cilbox yet, one per
/// line as `name<TAB>reason`; blank lines and lines starting with `#` are ignored.
struct KnownDifferences: Sendable {
    struct Entry: Sendable { var name: String; var reason: String; var line: Int }
    var entries: [Entry]
    var problems: [String]

    static let current: KnownDifferences = load(path: ProgramCatalog.knownDifferencesPath)

    static func load(path: String) -> KnownDifferences {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return KnownDifferences(entries: [], problems: [])
        }
        return parse(text)
    }

    static func parse(_ text: String) -> KnownDifferences {
        var entries: [Entry] = [], problems: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                problems.append("line \(index + 1): expected `name<TAB>reason`, got `\(raw)`")
                continue
            }
            entries.append(Entry(name: parts[0], reason: parts[1], line: index + 1))
        }
        return KnownDifferences(entries: entries, problems: problems)
    }

    func reason(for name: String) -> String? { entries.first { $0.name == name }?.reason }
}
