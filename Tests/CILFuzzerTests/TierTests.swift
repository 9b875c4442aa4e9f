import Testing
import CILFuzzer

/// The objects, byref and exceptions tiers: every instruction of a tier shows up in generated
/// code, and the value model follows ECMA-335 on the rules those tiers add.
@Suite struct TierTests {
    func run(_ body: [Statement], locals: [ValueKind] = [.i4]) -> ValueModel.Outcome? {
        if case .success(let o) = ValueModel.run(TestMethod(seed: 0, locals: locals, body: body)).0 { return o }
        return nil
    }

    @Test func everyInstructionOfEveryGeneratedTierIsGenerated() throws {
        let pool = try InstructionPool.pool(tier: "unverifiable", ops: nil)
        let options = Generator.Options(pool: pool)
        var methods: [TestMethod] = []
        for seed in UInt64(1)...1500 { methods.append(Generator.method(seed: seed, options: options)) }
        var printed: [String: Int] = [:]
        for m in methods {
            // Method text only: arglist can appear only in a vararg method, which test methods
            // are not (the batch's vararg helper uses it; see Storage.Place.varargCall).
            printed.merge(ILPrinter.mnemonicCounts(ILPrinter.batch([m]).components(separatedBy: ".method public static int64 Fold")[0])) { $0 + $1 }
        }
        #expect(printed["arglist"] == nil)
        let missing = pool.subtracting(["arglist"]).filter { (printed[$0] ?? 0) == 0 }.sorted()
        #expect(missing.isEmpty, "never generated in 1500 methods: \(missing)")
        for m in methods.prefix(200) {
            if case .failure(let stop) = ValueModel.run(m).0 { Issue.record("seed \(m.seed): \(stop)") }
        }
    }

    @Test func generationIsDeterministicInEveryTier() throws {
        for tier in ["objects", "byref", "exceptions", "unverifiable"] {
            let pool = try InstructionPool.pool(tier: tier, ops: nil)
            for seed in UInt64(1)...20 {
                let a = Generator.method(seed: seed, options: .init(pool: pool))
                let b = Generator.method(seed: seed, options: .init(pool: pool))
                #expect(a == b)
                #expect(ILPrinter.batch([a]) == ILPrinter.batch([b]))
            }
        }
    }

    /// III.1.1.1: stores to small integer locations truncate; loads sign- or zero-extend.
    @Test func smallStorageTruncatesAndExtends() {
        let value = Expression.constant(.i4(0x1234_56C8))
        let cases: [(StorageType, Int32)] = [(.i1, -56), (.u1, 200), (.i2, 0x56C8), (.u2, 0x56C8), (.i4, 0x1234_56C8), (.u4, 0x1234_56C8)]
        for (type, expected) in cases {
            let stored = Expression.stored(Storage(place: .arrayElement, type: type, alternative: false, length: 2, index: 1), value)
            #expect(run([.assign(.local(0), .i4, stored), .result(.local(0), .i4)]) == .returned(Int64(expected)), "\(type)")
        }
        let negative = Expression.stored(Storage(place: .staticField, type: .u2, alternative: true), .constant(.i4(-2)))
        #expect(run([.assign(.local(0), .i4, negative), .result(.local(0), .i4)]) == .returned(0xFFFE))
    }

    /// III.4.9/III.4.26: an index at or past the length raises IndexOutOfRangeException.
    @Test func arrayIndexPastTheEndRaises() {
        let stored = Expression.stored(Storage(place: .arrayElementAddress, type: .i4, alternative: false, length: 3, index: 3), .constant(.i4(1)))
        #expect(run([.assign(.local(0), .i4, stored)]) == .threw("System.IndexOutOfRangeException"))
    }

    /// II.19: a catch clause catches its type and the types derived from it; finally runs on
    /// the way out; a rethrow re-raises the caught exception.
    @Test func handlersMatchByTypeAndRunInOrder() {
        let raise = Statement.raise("System.OverflowException")
        let mark = { (n: Int32) in Statement.assign(.local(0), .i4, .constant(.i4(n))) }
        let observe = Statement.result(.local(0), .i4)
        #expect(run([.protected([raise, mark(1)], .catching("System.ArithmeticException", [mark(2)], rethrow: false)), observe]) == .returned(2))
        #expect(run([.protected([raise], .catching("System.InvalidCastException", [mark(2)], rethrow: false)), observe]) == .threw("System.OverflowException"))
        #expect(run([.protected([.protected([raise], .finally([mark(3)]))], .catching("System.Exception", [], rethrow: false)), observe]) == .returned(3))
        #expect(run([.protected([mark(4)], .fault([mark(5)])), observe]) == .returned(4))
        let rethrown = Statement.protected([raise], .catching("System.Exception", [mark(6)], rethrow: true))
        #expect(run([.protected([rethrown], .catching("System.OverflowException", [], rethrow: false)), observe]) == .returned(6))
        let filtered = Statement.protected([raise], .filtering("System.OverflowException", .constant(.i4(0)), [mark(7)], rethrow: false))
        #expect(run([filtered, observe]) == .threw("System.OverflowException"))
    }
}
