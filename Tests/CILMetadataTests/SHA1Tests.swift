import CILMetadata
import Testing

/// SHA-1 against the FIPS 180 example vectors (FIPS 180-2 appendix A, and the NIST examples
/// for the empty message), and the public key token rule of II.6.2.1.3 against the ECMA key.
@Suite struct SHA1Tests {
    @Test(arguments: [
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func fipsVectors(message: String, digest: String) {
        #expect(AttrTest.hex(SHA1.hash(Array(message.utf8))) == digest)
    }

    @Test func millionAs() {
        // FIPS 180-2 A.3, fed in uneven pieces to exercise the block buffer.
        var s = SHA1()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            s.update([UInt8](repeating: 0x61, count: n))
            left -= n
            piece = piece * 3 % 1000 + 1
        }
        #expect(AttrTest.hex(s.finalize()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func paddingBoundaries() {
        // 55, 56 and 64 bytes straddle the length field's place in the last block; the digest of
        // each must equal that of the same bytes fed one at a time.
        for n in [55, 56, 63, 64, 65, 119, 120] {
            let message = (0 ..< n).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            var s = SHA1()
            for b in message { s.update([b]) }
            #expect(s.finalize() == SHA1.hash(message), "length \(n)")
        }
    }

    @Test func ecmaKeyToken() {
        // II.6.2.1.3: the ECMA standard public key (16 bytes) has token b77a5c561934e089.
        let ecmaKey: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]
        #expect(AttrTest.hex(AssemblyReferenceInfo.publicKeyToken(fromPublicKey: ecmaKey)) == "b77a5c561934e089")
    }
}
