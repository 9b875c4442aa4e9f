import Foundation

/// Builds the corpus: every mutation class, `quota` times, from every seed.
enum Corpus {
    static func generate(from seeds: [SeedAssemblies.Seed], master: UInt64) throws -> [Mutant] {
        var mutants: [Mutant] = []
        var n = 0
        for seed in seeds {
            let layout = try SeedLayout(seed.bytes)
            for mutation in MutationClass.allCases {
                for _ in 0 ..< mutation.quota {
                    let prngSeed = SplitMix64.derive(master, n)
                    n += 1
                    var mutator = Mutator(layout: layout, rng: SplitMix64(seed: prngSeed))
                    guard let (bytes, detail) = mutator.mutate(mutation), bytes != seed.bytes else { continue }
                    mutants.append(Mutant(index: mutants.count, seedName: seed.name, mutation: mutation,
                                          prngSeed: prngSeed, detail: detail, bytes: bytes))
                }
            }
        }
        return mutants
    }

    static func write(_ mutants: [Mutant], to dir: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try mutants.map { m in
            let name = String(format: "%04d-%@-%@", m.index, m.mutation.rawValue, (m.seedName as NSString).deletingPathExtension)
            let url = dir.appendingPathComponent(name + ".dll")
            try Data(m.bytes).write(to: url)
            return url.path
        }
    }
}
