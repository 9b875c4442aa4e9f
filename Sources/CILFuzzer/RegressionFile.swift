import Foundation

/// A reduced divergence as a test: real ILAsm (harness included) with a header that records
/// where it came from and the expectation frozen from the reference runtime. The test suite
/// runs every file in Tests/Regression on cilbox against `// expect:` (and on mono when present).
public enum RegressionFile {
    public static func header(seed: UInt64, kind: String, opcode: String, figures: Reducer.Figures?, expected: Observation, pool: String) -> String {
        var s = "// cilbox fuzz regression: a difference between cilbox and mono, reduced.\n"
        s += "// seed: \(hex(seed))   pool: \(pool)\n"
        s += "// class: \(kind)   opcode: \(opcode)\n"
        if let f = figures {
            s += String(format: "// reduction: %d -> %d instructions in %d rounds, %d candidates, %.1f s\n",
                        f.initialInstructions, f.finalInstructions, f.rounds, f.candidatesTried, f.seconds)
        }
        s += "// expect (mono, frozen): 0 \(expected)\n"
        s += "// run: ilasm /output:T.exe FILE && cilbox run T.exe\n\n"
        return s
    }

    /// The frozen expectation lines (`// expect (...): 0 OK 00…`) as harness output lines.
    public static func expectations(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("// expect"), let colon = line.firstIndex(of: ":") else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}
