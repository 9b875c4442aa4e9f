/// The fuzzer's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014), so a seed
/// names a program on every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A sub-seed for item `index` of `seed` (FNV-1a over both), so method k of a batch does
    /// not depend on how many random numbers methods 0…k-1 used.
    public static func derive(_ seed: UInt64, _ index: UInt64) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in [seed, index] {
            for shift in stride(from: 0, to: 64, by: 8) {
                h ^= (word >> UInt64(shift)) & 0xFF
                h &*= 0x0000_0100_0000_01B3
            }
        }
        return h
    }

    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
