import Testing
import CILFuzzer

/// The value model's rules come from ECMA-335 and observed Mono behaviour (FUZZING.md §1); these
/// checks pin the ones the generator relies on to stay well-defined.
@Suite struct ValueModelTests {
    func evaluate(_ e: Expression) -> Result<FuzzValue, ValueModel.Stop> {
        do {
            switch e {
            case .unary(let op, .constant(let x), let r): return .success(try Semantics.unary(op, x, result: r))
            case .binary(let op, .constant(let x), .constant(let y), let r): return .success(try Semantics.binary(op, x, y, result: r))
            default: return .failure(.undefined("test helper takes constant operands"))
            }
        } catch { return .failure(error) }
    }

    @Test func remainderOfMinValueByMinusOneIsUndefined() {
        let e = Expression.binary("rem", .constant(.i4(.min)), .constant(.i4(-1)), result: .i4)
        #expect(evaluate(e) == .failure(.undefined("rem MinValue,-1")))
    }

    @Test func divisionOfMinValueByMinusOneIsOverflow() {
        // III.3.31; Mono x64 throws OverflowException.
        let e = Expression.binary("div", .constant(.i8(.min)), .constant(.i8(-1)), result: .i8)
        #expect(evaluate(e) == .failure(.exception("System.OverflowException")))
    }

    @Test func shiftCountsAtOrPastTheWidthAreUndefined() {
        let e = Expression.binary("shl", .constant(.i4(1)), .constant(.i4(32)), result: .i4)
        guard case .failure(.undefined) = evaluate(e) else { Issue.record("expected undefined"); return }
    }

    @Test func uncheckedConversionOfNaNIsUndefinedAndCheckedOverflows() {
        guard case .failure(.undefined) = evaluate(.unary("conv.i4", .constant(.r8(.nan)), result: .i4)) else { Issue.record("conv.i4 NaN"); return }
        #expect(evaluate(.unary("conv.ovf.i4", .constant(.r8(.nan)), result: .i4)) == .failure(.exception("System.OverflowException")))
        #expect(evaluate(.unary("conv.ovf.u1", .constant(.r8(255.9)), result: .i4)) == .success(.i4(255)))
        #expect(evaluate(.unary("conv.ovf.u1", .constant(.r8(256)), result: .i4)) == .failure(.exception("System.OverflowException")))
    }

    @Test func int32SourcesSignOrZeroExtend() {
        // III.3.27: conv.i8 sign-extends, conv.u8 zero-extends an int32.
        #expect(evaluate(.unary("conv.i8", .constant(.i4(-1)), result: .i8)) == .success(.i8(-1)))
        #expect(evaluate(.unary("conv.u8", .constant(.i4(-1)), result: .i8)) == .success(.i8(0xFFFF_FFFF)))
        #expect(evaluate(.unary("conv.ovf.u4.un", .constant(.i4(-1)), result: .i4)) == .success(.i4(-1)))
        #expect(evaluate(.unary("conv.ovf.i4.un", .constant(.i4(-1)), result: .i4)) == .failure(.exception("System.OverflowException")))
    }

    @Test func unorderedBranchesTakeNaN() {
        #expect(Semantics.branchHolds("bge.un", .r8(.nan), .r8(1)))
        #expect(!Semantics.branchHolds("bge", .r8(.nan), .r8(1)))
        #expect(Semantics.branchHolds("blt.un", .i4(-1), .i4(1)) == false)  // 0xFFFFFFFF > 1 unsigned
    }

    @Test func generationIsDeterministicAndWellDefined() throws {
        let pool = try InstructionPool.pool(tier: "control", ops: nil)
        for seed in UInt64(1)...50 {
            let a = Generator.method(seed: seed, options: .init(pool: pool))
            let b = Generator.method(seed: seed, options: .init(pool: pool))
            #expect(a == b)
            #expect(ILPrinter.batch([a]) == ILPrinter.batch([b]))
            if case .failure(let stop) = ValueModel.run(a).0 { Issue.record("seed \(seed): \(stop)") }
        }
    }

    @Test func reductionCandidatesAreSmaller() throws {
        let pool = try InstructionPool.pool(tier: "control", ops: nil)
        let m = Generator.method(seed: 7, options: .init(pool: pool))
        let candidates = Reducer.candidates(m)
        #expect(!candidates.isEmpty)
        #expect(candidates.contains { $0.instructionCount < m.instructionCount })
    }
}
