import Foundation

/// Reduction of an arbitrary failing IL file (one not produced by the generator): ddmin over
/// instruction lines inside method bodies (Zeller & Hildebrandt 2002), keeping a candidate
/// only when it still assembles and still fails the same way.
public struct LineReducer {
    /// True when the candidate text still fails as the original does.
    public typealias Check = (String) throws -> Bool

    public init() {}

    public func reduce(_ text: String, timeBudget: Double = 120, check: Check) throws -> (String, removed: Int, tests: Int) {
        var lines = text.components(separatedBy: "\n")
        let start = Date()
        var tests = 0
        var removable = lines.indices.filter { Self.isInstruction(lines[$0]) }
        var granularity = 2
        var removedTotal = 0
        while removable.count >= 1 && Date().timeIntervalSince(start) < timeBudget {
            let chunk = max(1, removable.count / granularity)
            var progress = false
            var i = 0
            while i < removable.count && Date().timeIntervalSince(start) < timeBudget {
                let drop = Set(removable[i..<min(i + chunk, removable.count)])
                let candidate = lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                tests += 1
                if try check(candidate.joined(separator: "\n")) {
                    // Keep indices consistent: rebuild from the candidate.
                    lines = candidate
                    removedTotal += drop.count
                    removable = lines.indices.filter { Self.isInstruction(lines[$0]) }
                    progress = true
                } else {
                    i += chunk
                }
            }
            if !progress {
                if chunk == 1 { break }
                granularity = min(granularity * 2, removable.count)
            }
        }
        return (lines.joined(separator: "\n"), removedTotal, tests)
    }

    /// A line inside a method body that is an instruction (not a directive, label alone, brace or comment).
    static func isInstruction(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.hasPrefix("."), !t.hasPrefix("//"), t != "{", t != "}", !t.hasSuffix(":") else { return false }
        guard let first = t.first, first.isLetter else { return false }
        return !["catch", "finally", "fault", "filter"].contains(where: { t.hasPrefix($0) })
    }
}
