/// A small seeded generator (SplitMix64: a Weyl sequence through a 64-bit finaliser), so the
/// corpus is the same on every machine and every run, and any one mutant can be rebuilt from
/// its seed alone.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of the `index`-th item derived from a master seed (one finaliser step apart,
    /// so neighbouring indices give unrelated streams).
    static func derive(_ master: UInt64, _ index: Int) -> UInt64 {
        var g = SplitMix64(seed: master ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }

    mutating func int(in range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0 ..< items.count)] }
}
