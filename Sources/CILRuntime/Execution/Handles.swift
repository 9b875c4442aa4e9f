/// Tables that turn runtime objects into plain integers for internal code and guest handles
/// (RuntimeMethodHandle, RuntimeFieldHandle, function pointers). Index 0 is never used, so a
/// zero handle is always invalid.
final class HandleTable<T: AnyObject> {
    private(set) var items: [T?] = [nil]
    private var indices: [ObjectIdentifier: Int] = [:]

    func handle(of item: T) -> Int64 {
        let key = ObjectIdentifier(item)
        if let i = indices[key] { return Int64(i) }
        items.append(item)
        indices[key] = items.count - 1
        return Int64(items.count - 1)
    }

    @inline(__always)
    func item(_ handle: Int64) -> T? {
        handle > 0 && handle < Int64(items.count) ? items[Int(handle)] : nil
    }
}

extension Runtime {
    func handle(of method: RuntimeMethod) -> Int64 { methodHandles.handle(of: method) }
    func handle(of field: RuntimeField) -> Int64 { fieldHandles.handle(of: field) }

    /// The value of a RuntimeTypeHandle for `t`: its type id (never 0).
    func typeHandleValue(_ t: RuntimeType) throws(RuntimeError) -> UInt64 {
        UInt64(t.id)
    }

    /// The static constructor of `t` (II.10.5.3), if it has one.
    func typeInitializer(of t: RuntimeType) throws(RuntimeError) -> RuntimeMethod? {
        guard t.module != nil, !t.isInterface || true else { return nil }
        try ensureMethods(t)
        return t.methods.first { $0.name == ".cctor" && $0.isStatic }
    }

    /// Mono builds strings through static `Ctor` methods whose parameters match the
    /// constructor's; `newobj string::.ctor(…)` calls the matching one.
    func stringFactory(for ctor: RuntimeMethod) throws(RuntimeError) -> RuntimeMethod {
        let stringType = try coreType("System.String")
        try ensureMethods(stringType)
        let wanted = try signature(ctor).parameters
        for m in stringType.methods where m.name == "Ctor" && m.isStatic {
            let s = try signature(m)
            if s.parameters.count == wanted.count && zip(s.parameters, wanted).allSatisfy({ $0 === $1 }) { return m }
        }
        throw RuntimeError(.missingMember, "no String.CreateString(\(wanted.map(\.fullName).joined(separator: ", "))) for \(ctor)")
    }
}
