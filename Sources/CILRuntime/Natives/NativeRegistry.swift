/// A native implementation: reads its arguments from the frame and writes its result there.
typealias NativeMethod = (inout NativeContext) throws(RuntimeError) -> Void

/// What a native sees: the runtime, the calling thread and the frame holding its arguments
/// (each in an 8-byte-aligned slot, `this` first) where its result goes (at offset 0).
struct NativeContext {
    let runtime: Runtime
    let thread: GuestThread
    let frame: UnsafeMutableRawPointer
    let method: RuntimeMethod
    /// An exception object for the guest, when the native raises one.
    var raised: UInt64 = 0

    /// The 8-byte slot of argument `index` (counting `this`), assuming earlier arguments fit one slot each.
    func slot(_ index: Int) -> UnsafeMutableRawPointer { frame + 8 * index }
    func int64(_ index: Int) -> Int64 { slot(index).loadUnaligned(as: Int64.self) }
    func int32(_ index: Int) -> Int32 { slot(index).loadUnaligned(as: Int32.self) }
    func uint64(_ index: Int) -> UInt64 { slot(index).loadUnaligned(as: UInt64.self) }
    func double(_ index: Int) -> Double { slot(index).loadUnaligned(as: Double.self) }
    func float(_ index: Int) -> Float { slot(index).loadUnaligned(as: Float.self) }

    func returnInt64(_ v: Int64) { frame.storeBytes(of: v, as: Int64.self) }
    func returnInt32(_ v: Int32) { frame.storeBytes(of: Int64(v), as: Int64.self) }
    func returnBool(_ v: Bool) { frame.storeBytes(of: Int64(v ? 1 : 0), as: Int64.self) }
    func returnUInt64(_ v: UInt64) { frame.storeBytes(of: v, as: UInt64.self) }
    func returnDouble(_ v: Double) { frame.storeBytes(of: v, as: Double.self) }
    func returnFloat(_ v: Float) { frame.storeBytes(of: UInt64(v.bitPattern), as: UInt64.self) }

    mutating func raise(_ kind: RuntimeExceptionKind) throws(RuntimeError) {
        raised = try runtime.guestException(kind, thread)
    }
}

/// Natives by Mono's internal-call name (`Namespace.Type::Method`, as in Mono's icall-def.h),
/// optionally with a parameter list for overloads (`System.Math::Abs(double)`).
final class NativeRegistry {
    private var byName: [String: NativeMethod] = [:]
    /// Methods that have IL but are replaced by a native (like Mono's interpreter intrinsics),
    /// usually because their IL depends on Mono's internal data structures.
    private var intrinsicNames: Set<String> = []

    init() {
        registerCoreNatives()
    }

    func register(_ name: String, _ body: @escaping NativeMethod) {
        byName[name] = body
    }

    /// Registers a replacement for a method that has an IL body.
    func intrinsic(_ name: String, _ body: @escaping NativeMethod) {
        byName[name] = body
        intrinsicNames.insert(name)
    }

    func isIntrinsic(_ m: RuntimeMethod) -> Bool {
        (m.isSynchronized && !m.hasNoBody) || intrinsicNames.contains(m.nativeKey) || (m.signatureCache.map { sig in
            intrinsicNames.contains(m.nativeKey + "(" + sig.parameters.map(\.fullName).joined(separator: ",") + ")")
        } ?? false)
    }

    func lookup(_ m: RuntimeMethod) -> NativeMethod? {
        let key = m.nativeKey
        if let sig = m.signatureCache {
            let withSignature = key + "(" + sig.parameters.map(\.fullName).joined(separator: ",") + ")"
            if let n = byName[withSignature] { return n }
        }
        if let n = byName[key] { return n }
        // A synchronized method with IL runs it under its monitor (MonitorNatives.swift).
        return m.isSynchronized && !m.hasNoBody ? { (c: inout NativeContext) throws(RuntimeError) in try c.runtime.synchronizedCall(&c) } : nil
    }

    var registeredNames: [String] { Array(byName.keys) }
}
