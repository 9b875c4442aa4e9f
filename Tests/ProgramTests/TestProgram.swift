import Foundation
import Testing

/// One program under Tests/Programs (or a fixture under Tests/Fixtures): a C# file built with
/// `mcs` or an IL file built with `ilasm`.
struct TestProgram: Sendable, Hashable, CustomTestStringConvertible {
    enum Language: String, Sendable { case csharp = "CSharp", il = "IL" }

    /// The key in known-differences.tsv and in the checklist's test evidence: for a program
    /// the file name without extension (unique across both folders), for a fixture
    /// `Fixtures/<folder>/<file name without extension>` (Tests/Fixtures has `Arithmetic.cs`
    /// and `Arithmetic.il`).
    var name: String
    var language: Language
    var sourcePath: String

    /// The file name without extension, which the built assembly is named after.
    var fileStem: String { (name as NSString).lastPathComponent }
    var isFixture: Bool { name.hasPrefix(ProgramCatalog.fixturePrefix) }

    var testDescription: String { isFixture ? name : "\(language.rawValue)/\(name)" }

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
    static let fixturesDirectory: URL = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let knownDifferencesPath: String = programsDirectory.appendingPathComponent("known-differences.tsv").path
    static let fixturePrefix = "Fixtures/"

    /// Every program, sorted by folder then name. New files are picked up on the next run.
    static let all: [TestProgram] = discover(in: programsDirectory, namePrefix: { _ in "" })

    /// Every fixture under Tests/Fixtures (written for the disassembler's round trips, and run
    /// on cilbox here as well), sorted by folder then name.
    static let fixtures: [TestProgram] = discover(in: fixturesDirectory, namePrefix: { fixturePrefix + $0 + "/" })

    static func named(_ name: String) -> TestProgram? { (all + fixtures).first { $0.name == name } }

    private static func discover(in directory: URL, namePrefix: (String) -> String) -> [TestProgram] {
        var programs: [TestProgram] = []
        for (folder, ext, language) in [("CSharp", "cs", TestProgram.Language.csharp), ("IL", "il", .il)] {
            let dir = directory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in names.sorted() where file.hasSuffix("." + ext) {
                programs.append(TestProgram(name: namePrefix(folder) + String(file.dropLast(ext.count + 1)), language: language,
                                            sourcePath: dir.appendingPathComponent(file).path))
            }
        }
        return programs
    }
}

/// `Tests/Programs/known-differences.tsv`: programs (or fixtures, as `Fixtures/IL/Calls`) that
/// do not pass on cilbox yet, one per line as `name<TAB>reason`; blank lines and lines starting with `#` are ignored.
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
