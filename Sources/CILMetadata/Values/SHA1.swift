/// SHA-1 (FIPS 180-4 §6.1), needed for one thing only: the public key token of a strong name,
/// which is the last 8 bytes of SHA-1(public key), reversed (II.6.2.1.3). Foundation has no
/// SHA-1 on Linux, and this is not a security use (the token is an identifier, not a proof).
public struct SHA1: Sendable {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
    private var block: [UInt8] = []
    private var length: UInt64 = 0

    public init() { block.reserveCapacity(64) }

    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes {
            block.append(b)
            length &+= 1
            if block.count == 64 {
                compress(block)
                block.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The 20-byte digest. The hasher is consumed (padding is appended to a copy of the state).
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = length &* 8
        // §5.1.1: a 1 bit, zeros up to 56 mod 64, then the 64-bit big-endian message length.
        copy.block.append(0x80)
        if copy.block.count > 56 {
            while copy.block.count < 64 { copy.block.append(0) }
            copy.compress(copy.block)
            copy.block.removeAll(keepingCapacity: true)
        }
        while copy.block.count < 56 { copy.block.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { copy.block.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        copy.compress(copy.block)
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for word in [copy.h.0, copy.h.1, copy.h.2, copy.h.3, copy.h.4] {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    public static func hash<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        var s = SHA1()
        s.update(bytes)
        return s.finalize()
    }

    /// §6.1.2: one 512-bit block.
    private mutating func compress(_ chunk: [UInt8]) {
        var w = [UInt32](repeating: 0, count: 80)
        for t in 0 ..< 16 {
            w[t] = UInt32(chunk[4 * t]) << 24 | UInt32(chunk[4 * t + 1]) << 16 | UInt32(chunk[4 * t + 2]) << 8 | UInt32(chunk[4 * t + 3])
        }
        for t in 16 ..< 80 { w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
        var (a, b, c, d, e) = h
        for t in 0 ..< 80 {
            let f: UInt32, k: UInt32
            switch t {
            case 0 ..< 20: f = (b & c) | (~b & d); k = 0x5A82_7999
            case 20 ..< 40: f = b ^ c ^ d; k = 0x6ED9_EBA1
            case 40 ..< 60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
            default: f = b ^ c ^ d; k = 0xCA62_C1D6
            }
            let temp = rotl(a, 5) &+ f &+ e &+ k &+ w[t]
            e = d; d = c; c = rotl(b, 30); b = a; a = temp
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
    }

    @inline(__always) private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
}
