/// Assignment compatibility for casts, `isinst` and array stores (I.8.7, II.9.11 variance).
extension Runtime {
    /// Whether a value of type `source` (an object's exact type) may be viewed as `target`.
    public func isAssignable(_ source: RuntimeType, to target: RuntimeType) throws(RuntimeError) -> Bool {
        if source === target { return true }
        if target.isInterface { return try implements(source, target) }
        if source.isArray, target.isArray {
            guard source.rank == target.rank, source.isSZArray == target.isSZArray,
                  let se = source.elementType, let te = target.elementType else { return false }
            try ensureLayout(se); try ensureLayout(te)
            if se.isReferenceType && te.isReferenceType { return try isAssignable(se, to: te) }
            // I.8.7.1: arrays of same-sized integers and enums are interchangeable.
            if let a = se.primitive, let b = te.primitive, se.isValueType, te.isValueType {
                return reduced(a) == reduced(b)
            }
            return se === te
        }
        // II.9.11: generic delegates are variant like generic interfaces (Func<string> is a Func<object>).
        if source.isGenericInstance, target.isGenericInstance, source.typeDefinition === target.typeDefinition {
            try ensureHierarchy(target)
            if isDelegateType(target), try isVariantCompatible(source, target) { return true }
        }
        var c: RuntimeType? = source
        var steps = 0
        while let t = c, steps < 1000 {
            if t === target { return true }
            try ensureHierarchy(t)
            c = t.baseType
            steps += 1
        }
        return false
    }

    private func reduced(_ p: Primitive) -> Int {
        switch p {
        case .boolean, .int8, .uint8: 1
        case .char, .int16, .uint16: 2
        case .int32, .uint32: 4
        case .int64, .uint64: 8
        case .intPtr, .uintPtr: 9
        case .float32: 10
        case .float64: 11
        }
    }

    func implements(_ source: RuntimeType, _ interface: RuntimeType) throws(RuntimeError) -> Bool {
        if source === interface { return true }
        if source.isArray, let e = source.elementType, interface.isGenericInstance, interface.genericArguments.count == 1 {
            // II.14.2 / I.8.7: T[] implements IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T>
            // (and for reference T those of T's bases).
            let generic = interface.typeDefinition.fullName
            if ["System.Collections.Generic.IList`1", "System.Collections.Generic.ICollection`1",
                "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyList`1",
                "System.Collections.Generic.IReadOnlyCollection`1"].contains(generic), source.isSZArray {
                let arg = interface.genericArguments[0]
                if arg === e { return true }
                if e.isReferenceType && arg.isReferenceType { return try isAssignable(e, to: arg) }
                return false
            }
        }
        for i in try allInterfaces(source) {
            if i === interface { return true }
            if try isVariantCompatible(i, interface) { return true }
        }
        return false
    }

    /// II.9.11: `I<A>` is compatible with `I<B>` when each variant parameter allows it.
    func isVariantCompatible(_ source: RuntimeType, _ target: RuntimeType) throws(RuntimeError) -> Bool {
        guard source.typeDefinition === target.typeDefinition, source.isGenericInstance, target.isGenericInstance,
              let module = target.typeDefinition.module else { return false }
        let params = module.index.genericParameters(of: .init(.typeDef, target.typeDefinition.typeDefRow))
        for (i, (a, b)) in zip(source.genericArguments, target.genericArguments).enumerated() where a !== b {
            guard i < params.count, let gp = try? module.file.genericParam(params[i]) else { return false }
            switch gp.flags & 0x3 {
            case 1: // covariant: A must be a reference type assignable to B
                guard a.isReferenceType, try isAssignable(a, to: b) else { return false }
            case 2: // contravariant
                guard b.isReferenceType, try isAssignable(b, to: a) else { return false }
            default: return false
            }
        }
        return true
    }
}
