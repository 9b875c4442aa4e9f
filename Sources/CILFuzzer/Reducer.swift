import Foundation

/// Reduces a failing test method at the level of the program model (FUZZING.md §2.1): remove
/// statements, unwrap branches, loops and switches, replace expressions by their operands or
/// by constants, simplify literals. A candidate is kept only if the value model finds it
/// well-defined and it still fails the same way. Each round tries every one-step candidate in
/// one batch (one ilasm, one reference run, one cilbox run).
public struct Reducer {
    public struct Figures: Sendable {
        public var initialInstructions: Int
        public var finalInstructions: Int
        public var rounds: Int
        public var candidatesTried: Int
        public var seconds: Double
    }

    /// Runs candidates; true for each one that still fails the way the original does.
    public typealias Check = ([TestMethod]) throws -> [Bool]

    public var maximumCandidatesPerRound = 80
    public var timeBudget: Double = 50

    public init() {}

    public func reduce(_ method: TestMethod, check: Check) throws -> (TestMethod, Figures) {
        let start = Date()
        var current = method
        var rounds = 0, tried = 0
        while Date().timeIntervalSince(start) < timeBudget {
            let candidates = Array(Self.candidates(current)
                .filter { $0.instructionCount < current.instructionCount }
                .filter { if case .success = ValueModel.run($0).0 { return true } else { return false } }
                .sorted { $0.instructionCount < $1.instructionCount }
                .prefix(maximumCandidatesPerRound))
            guard !candidates.isEmpty else { break }
            rounds += 1
            tried += candidates.count
            let failing = try check(candidates)
            guard let index = failing.firstIndex(of: true) else { break }
            current = candidates[index]
        }
        return (current, Figures(initialInstructions: method.instructionCount, finalInstructions: current.instructionCount,
                                 rounds: rounds, candidatesTried: tried, seconds: Date().timeIntervalSince(start)))
    }

    // MARK: one-step candidates

    public static func candidates(_ m: TestMethod) -> [TestMethod] {
        var result: [TestMethod] = []
        // Return an observed variable directly, dropping what follows (the checksum fold goes).
        for (i, s) in m.body.enumerated() {
            if case .observe(let v, let k) = s {
                var c = m
                c.body = Array(m.body[..<i]) + [.result(v, k)]
                result.append(c)
            }
        }
        for body in statementListVariants(m.body) {
            var c = m
            c.body = body
            result.append(c)
        }
        return result
    }

    /// Every list obtainable from `list` by one simplification somewhere inside it.
    static func statementListVariants(_ list: [Statement]) -> [[Statement]] {
        var out: [[Statement]] = []
        // Halves first (ddmin's coarse steps), then single removals.
        if list.count >= 4 {
            out.append(Array(list[(list.count / 2)...]))
            out.append(Array(list[..<(list.count / 2)]))
        }
        for i in list.indices {
            var removed = list
            removed.remove(at: i)
            out.append(removed)
            for replacement in statementVariants(list[i]) {
                var changed = list
                changed.replaceSubrange(i...i, with: replacement)
                out.append(changed)
            }
        }
        return out
    }

    /// Replacements for one statement (each a list, so a statement can become its body).
    static func statementVariants(_ s: Statement) -> [[Statement]] {
        switch s {
        case .assign(let v, let k, let e):
            return expressionVariants(e).map { [.assign(v, k, $0)] }
        case .observe, .result, .raise, .exit:
            return []
        case .storeIndirect(let v, let k, let e, let alternative):
            return [[.assign(v, k, e)]] + expressionVariants(e).map { [.storeIndirect(v, k, $0, alternative: alternative)] }
        case .protected(let body, let handler):
            var out: [[Statement]] = [body]
            for b in statementListVariants(body) { out.append([.protected(b, handler)]) }
            switch handler {
            case .catching(let type, let h, let rethrow):
                if rethrow { out.append([.protected(body, .catching(type, h, rethrow: false))]) }
                if type != "System.Exception" { out.append([.protected(body, .catching("System.Exception", h, rethrow: rethrow))]) }
                for v in statementListVariants(h) { out.append([.protected(body, .catching(type, v, rethrow: rethrow))]) }
            case .filtering(let type, let c, let h, let rethrow):
                out.append([.protected(body, .catching(type, h, rethrow: rethrow))])
                for v in statementListVariants(h) { out.append([.protected(body, .filtering(type, c, v, rethrow: rethrow))]) }
                for v in expressionVariants(c) { out.append([.protected(body, .filtering(type, v, h, rethrow: rethrow))]) }
            case .finally(let h):
                out.append(body + h)
                for v in statementListVariants(h) { out.append([.protected(body, .finally(v))]) }
            case .fault(let h):
                for v in statementListVariants(h) { out.append([.protected(body, .fault(v))]) }
            }
            return out
        case .branch(let c, let then, let otherwise):
            var out: [[Statement]] = [then, otherwise]
            for t in statementListVariants(then) { out.append([.branch(c, then: t, otherwise: otherwise)]) }
            for o in statementListVariants(otherwise) { out.append([.branch(c, then: then, otherwise: o)]) }
            switch c {
            case .truth(let e, let j):
                for v in expressionVariants(e) { out.append([.branch(.truth(v, jumpIfTrue: j), then: then, otherwise: otherwise)]) }
            case .compare(let op, let a, let b):
                for v in expressionVariants(a) { out.append([.branch(.compare(op, v, b), then: then, otherwise: otherwise)]) }
                for v in expressionVariants(b) { out.append([.branch(.compare(op, a, v), then: then, otherwise: otherwise)]) }
            }
            return out
        case .loop(let counter, let bound, let body):
            var out: [[Statement]] = [body]
            if bound > 1 { out.append([.loop(counter: counter, bound: 1, body: body)]) }
            for b in statementListVariants(body) { out.append([.loop(counter: counter, bound: bound, body: b)]) }
            return out
        case .switchOn(let e, let cases):
            var out: [[Statement]] = cases
            for (i, c) in cases.enumerated() {
                for v in statementListVariants(c) {
                    var changed = cases
                    changed[i] = v
                    out.append([.switchOn(e, cases: changed)])
                }
            }
            for v in expressionVariants(e) { out.append([.switchOn(v, cases: cases)]) }
            return out
        }
    }

    /// Simpler expressions of the same kind.
    static func expressionVariants(_ e: Expression) -> [Expression] {
        var out: [Expression] = []
        let k = e.kind
        switch e {
        case .constant(let v):
            for simple in simplerConstants(v) where simple != v { out.append(.constant(simple)) }
            return out
        case .variable:
            return [.constant(.zero(k))]
        case .loadIndirect(let v, let k, _):
            return [.variable(v, k), .constant(.zero(k))]
        case .stored(let storage, let inner):
            // Small storage types truncate: the operand alone is the same value only for the others.
            if ![.i1, .u1, .i2, .u2].contains(storage.type) && !storage.alternative { out.append(inner) }
            if storage.alternative { var plain = storage; plain.alternative = false; out.append(.stored(plain, inner)) }
            out += expressionVariants(inner).map { .stored(storage, $0) }
        case .query(let q):
            if case .typeTest(let cast, let a, let target) = q {
                out += expressionVariants(a).map { .query(.typeTest(cast: cast, $0, target: target)) }
            }
            if case .compareTo(let a, let b) = q {
                out += expressionVariants(a).map { .query(.compareTo($0, b)) }
            }
        case .decorated(_, let inner):
            out.append(inner)
            out += expressionVariants(inner).map { .decorated("nop", $0) }
        case .unary(let op, let a, let r):
            if a.kind == k { out.append(a) }
            out += expressionVariants(a).map { .unary(op, $0, result: r) }
        case .binary(let op, let a, let b, let r):
            if a.kind == k { out.append(a) }
            if b.kind == k && !op.hasPrefix("sh") { out.append(b) }
            out += expressionVariants(a).map { .binary(op, $0, b, result: r) }
            out += expressionVariants(b).map { .binary(op, a, $0, result: r) }
        }
        out.append(.constant(.zero(k)))
        return out
    }

    static func simplerConstants(_ v: FuzzValue) -> [FuzzValue] {
        switch v {
        case .int(let k, _): [.int(k, 0), .int(k, 1), .int(k, -1)].map { k == .i4 ? Semantics.wrap(.i4, $0.integer) : $0 }
        case .r4: [.r4(0), .r4(1)]
        case .r8: [.r8(0), .r8(1)]
        }
    }
}
