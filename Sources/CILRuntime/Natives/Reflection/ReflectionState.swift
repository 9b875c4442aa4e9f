import CILMetadata

/// What the reflection natives keep for one runtime: one guest object per reflected member
/// (Mono caches them, so identity holds), handle tables for properties and events (Mono's
/// MonoProperty* / MonoEvent*), the GPtrArrays handed to managed code, and the unmanaged copies
/// of attribute blobs and resources. The natives' closures capture one instance; every object it
/// remembers is pinned in the runtime so the collector keeps it.
final class ReflectionState {
    /// A member seen through a reflected type (Mono's `ReflectedEntry`: item + refclass).
    struct MemberKey: Hashable {
        var handle: Int64
        var reflected: UInt32
    }

    var methodObjects: [MemberKey: UInt64] = [:]
    var fieldObjects: [MemberKey: UInt64] = [:]
    var propertyObjects: [MemberKey: UInt64] = [:]
    var eventObjects: [MemberKey: UInt64] = [:]
    var parameterArrays: [MemberKey: UInt64] = [:]

    /// Properties and events by handle (index 0 unused, so a zero handle is invalid).
    var properties: [PropertyRecord?] = [nil]
    var events: [EventRecord?] = [nil]
    /// Handles of the properties/events declared by a type (by type id), in metadata order.
    var declaredProperties: [UInt32: [Int64]] = [:]
    var declaredEvents: [UInt32: [Int64]] = [:]

    /// Assemblies (one per loaded module) by handle, 1-based; their guest objects.
    var assemblies: [RuntimeModule] = []
    var assemblyObjects: [Int: UInt64] = [:]
    var moduleObjects: [Int: UInt64] = [:]
    /// Mono's MonoAssemblyName of each assembly, in the unmanaged heap.
    var nativeNames: [Int: UInt64] = [:]
    /// MonoAssemblyNames handed out to be freed (GetReferencedAssemblies), with their string blocks.
    var freeableNames: [UInt64: [UInt64]] = [:]

    /// GPtrArrays handed out and not yet freed (only these may be freed).
    var liveArrays: Set<UInt64> = []
    /// Unmanaged copies of custom attribute blobs, by (module, CustomAttribute row), and back.
    var attributeBlobs: [BlobKey: (address: UInt64, length: Int)] = [:]
    var blobOwners: [UInt64: BlobKey] = [:]
    /// Unmanaged copies of manifest resources, by module and name.
    var resources: [ResourceKey: (address: UInt64, length: Int)] = [:]

    /// Types made for the generic parameters of generic method definitions (Mono gives each its
    /// own Type; the type system shares placeholders), and what they stand for.
    var methodGenericParameters: [MemberKey: RuntimeType] = [:]
    var genericParameterOwners: [UInt32: (method: RuntimeMethod, row: UInt32)] = [:]
    var typeGenericParameterOwners: [UInt32: (type: RuntimeType, row: UInt32)] = [:]
    /// Unmanaged GenericParamInfo structs of generic parameter types, by type id.
    var parameterInfos: [UInt32: UInt64] = [:]

    /// How many guest runs the reflection natives have nested on the host stack (Invoke calling
    /// Invoke…); bounded so that guest recursion through reflection cannot exhaust the host stack.
    var nesting = 0
    static let maxNesting = 200

    /// Field offsets of corlib classes the natives fill, by "Type::field".
    var offsets: [String: Int] = [:]

    struct BlobKey: Hashable {
        var module: ObjectIdentifier
        var row: UInt32
    }

    struct ResourceKey: Hashable {
        var module: ObjectIdentifier
        var name: String
    }
}

/// Mono's MonoProperty: a Property row seen on one (possibly instantiated) declaring type.
final class PropertyRecord {
    let owner: RuntimeType
    let module: RuntimeModule
    let row: UInt32
    let name: String
    let flags: UInt16
    let getter: RuntimeMethod?
    let setter: RuntimeMethod?

    init(owner: RuntimeType, module: RuntimeModule, row: UInt32, name: String, flags: UInt16, getter: RuntimeMethod?, setter: RuntimeMethod?) {
        self.owner = owner
        self.module = module
        self.row = row
        self.name = name
        self.flags = flags
        self.getter = getter
        self.setter = setter
    }
}

/// Mono's MonoEvent: an Event row seen on one (possibly instantiated) declaring type.
final class EventRecord {
    let owner: RuntimeType
    let module: RuntimeModule
    let row: UInt32
    let name: String
    let flags: UInt16
    let add: RuntimeMethod?
    let remove: RuntimeMethod?
    let raise: RuntimeMethod?
    let others: [RuntimeMethod]

    init(owner: RuntimeType, module: RuntimeModule, row: UInt32, name: String, flags: UInt16,
         add: RuntimeMethod?, remove: RuntimeMethod?, raise: RuntimeMethod?, others: [RuntimeMethod]) {
        self.owner = owner
        self.module = module
        self.row = row
        self.name = name
        self.flags = flags
        self.add = add
        self.remove = remove
        self.raise = raise
        self.others = others
    }
}

// MARK: guest memory helpers

extension ReflectionState {
    /// Runs `body`, which may run guest code in a nested run, counting the nesting.
    func nested<T>(_ body: () throws(RuntimeError) -> T) throws(RuntimeError) -> T {
        guard nesting < Self.maxNesting else {
            throw RuntimeError(.budgetExhausted, "reflection calls nested deeper than \(Self.maxNesting) (guest recursion through reflection)")
        }
        nesting += 1
        defer { nesting -= 1 }
        return try body()
    }

    /// The offset of instance field `field` of corlib type `typeName` (from the object start for
    /// classes, from the value start for value types).
    func offset(_ r: Runtime, _ typeName: String, _ field: String) throws(RuntimeError) -> Int {
        let key = typeName + "::" + field
        if let o = offsets[key] { return o }
        let f = try r.field(named: field, in: try r.coreType(typeName))
        guard !f.isStatic else { throw RuntimeError(.missingMember, "\(key) is static") }
        offsets[key] = f.offset
        return f.offset
    }

    /// Stores an 8-byte value (a reference or a native int) in a field of a guest object.
    func store(_ r: Runtime, _ object: UInt64, _ typeName: String, _ field: String, _ value: UInt64) throws(RuntimeError) {
        let o = try offset(r, typeName, field)
        guard let p = r.space.pointer(object + UInt64(o), 8) else { throw RuntimeError(.invalidProgram, "bad object storing \(field)") }
        p.storeBytes(of: value, as: UInt64.self)
    }

    func store32(_ r: Runtime, _ object: UInt64, _ typeName: String, _ field: String, _ value: UInt32) throws(RuntimeError) {
        let o = try offset(r, typeName, field)
        guard let p = r.space.pointer(object + UInt64(o), 4) else { throw RuntimeError(.invalidProgram, "bad object storing \(field)") }
        p.storeBytes(of: value, as: UInt32.self)
    }

    func load(_ r: Runtime, _ object: UInt64, _ typeName: String, _ field: String) throws(RuntimeError) -> UInt64 {
        let o = try offset(r, typeName, field)
        guard object != 0, let p = r.space.pointer(object + UInt64(o), 8) else { return 0 }
        return p.loadUnaligned(as: UInt64.self)
    }

    func load32(_ r: Runtime, _ object: UInt64, _ typeName: String, _ field: String) throws(RuntimeError) -> UInt32 {
        let o = try offset(r, typeName, field)
        guard object != 0, let p = r.space.pointer(object + UInt64(o), 4) else { return 0 }
        return p.loadUnaligned(as: UInt32.self)
    }

    /// Stores into a field of a struct the guest passed by reference (`out`/`ref`).
    func storeInStruct(_ r: Runtime, _ address: UInt64, _ typeName: String, _ field: String, _ value: UInt64, size: Int = 8) throws(RuntimeError) {
        let o = try offset(r, typeName, field)
        guard let p = r.space.pointer(address + UInt64(o), size) else { throw RuntimeError(.invalidProgram, "bad struct address storing \(field)") }
        switch size {
        case 4: p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
        default: p.storeBytes(of: value, as: UInt64.self)
        }
    }

    /// A GPtrArray (Mono.RuntimeStructs.GPtrArray: `native int* data; int32 len`) holding `items`,
    /// in the unmanaged heap. Managed code reads it and frees it with GPtrArrayFree.
    func pointerArray(_ r: Runtime, _ items: [UInt64]) throws(RuntimeError) -> UInt64 {
        guard items.count < 1 << 24 else { throw RuntimeError(.budgetExhausted, "member list of \(items.count) entries") }
        guard let a = r.unmanaged.allocate(16 + 8 * items.count) else { throw RuntimeError(.budgetExhausted, "unmanaged heap exhausted") }
        let p = r.space.unchecked(a)
        p.storeBytes(of: a + 16, as: UInt64.self)
        p.storeBytes(of: Int32(items.count), toByteOffset: 8, as: Int32.self)
        for (k, v) in items.enumerated() { p.storeBytes(of: v, toByteOffset: 16 + 8 * k, as: UInt64.self) }
        liveArrays.insert(a)
        return a
    }

    func freePointerArray(_ r: Runtime, _ a: UInt64) {
        // Only arrays this state made are released; anything else is ignored (never the host).
        guard liveArrays.remove(a) != nil else { return }
        r.unmanaged.release(a)
    }
}

extension Runtime {
    /// A NUL-terminated UTF-8 string in guest memory (SafeStringMarshal), nil for a null pointer.
    func utf8String(at address: UInt64, limit: Int = 1 << 20) throws(RuntimeError) -> String? {
        guard address != 0 else { return nil }
        var bytes: [UInt8] = []
        var a = address
        while true {
            guard let p = space.pointer(a, 1) else { throw RuntimeError(.invalidProgram, "string pointer 0x\(String(address, radix: 16)) leaves guest memory") }
            let b = p.loadUnaligned(as: UInt8.self)
            if b == 0 { break }
            bytes.append(b)
            guard bytes.count < limit else { throw RuntimeError(.budgetExhausted, "unterminated native string") }
            a += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A guest string for `text` (interned: reflection names are reused a lot).
    func guestString(_ text: String) throws(RuntimeError) -> UInt64 {
        try intern(Array(text.utf16))
    }

    /// An exception of corlib type `typeName` built with its `(string message)` constructor, or
    /// the parameterless one when `message` is nil.
    func guestException(_ typeName: String, message: String?, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let t = try coreType(typeName)
        guard let message else { return try construct(t, arguments: [], thread: thread) }
        try ensureMethods(t)
        let stringType = try coreType("System.String")
        var found: RuntimeMethod?
        for m in t.methods where m.name == ".ctor" && !m.isStatic {
            let s = try signature(m)
            if s.parameters.count == 1 && s.parameters[0] === stringType { found = m; break }
        }
        guard let ctor = found else { return try construct(t, arguments: [], thread: thread) }
        let text = try guestString(message)
        return try runConstructor(ctor, arguments: [text], thread: thread)
    }

    /// Allocates an object of `ctor`'s class and runs `ctor` on 8-byte arguments. The result is
    /// the new object, or the exception the constructor threw (check its type against Exception
    /// with `raisedBy`).
    func runConstructor(_ ctor: RuntimeMethod, arguments: [UInt64], thread: GuestThread) throws(RuntimeError) -> UInt64 {
        guard let object = try newObject(ctor.owner) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating \(ctor.owner.fullName)") }
        nativeRoots.append(object)
        defer { nativeRoots.removeLast() }
        let frame = thread.stackTop
        guard frame + 8 * (arguments.count + 1) <= thread.stackEnd else { throw RuntimeError(.budgetExhausted, "stack overflow constructing \(ctor.owner.fullName)") }
        frame.storeBytes(of: object, as: UInt64.self)
        for (k, a) in arguments.enumerated() { frame.storeBytes(of: a, toByteOffset: 8 * (k + 1), as: UInt64.self) }
        if case .threw(let ex) = try invoke(ctor, frame: frame, thread: thread) { return ex }
        return object
    }

    /// A type nested in a top-level corlib type (`Mono.RuntimeStructs` / `GenericParamInfo`).
    func nestedCoreType(_ outer: String, _ name: String) throws(RuntimeError) -> RuntimeType {
        let o = try coreType(outer)
        guard let module = o.module, let row = module.findNestedType(in: o.typeDefRow, name: name) else {
            throw RuntimeError(.missingMember, "mscorlib has no type \(outer)+\(name)")
        }
        return try typeDef(module, row)
    }

    /// A zeroed box of value type `t` (header, then the value).
    func newBox(_ t: RuntimeType) throws(RuntimeError) -> UInt64 {
        try ensureLayout(t)
        guard let b = allocate(t, size: ObjectLayout.headerSize + ((max(t.instanceSize, 8) + 7) & ~7)) else {
            throw RuntimeError(.budgetExhausted, "heap exhausted boxing \(t.fullName)")
        }
        return b
    }

    /// Runs an instance constructor of a value type on the value inside box `box`.
    func runValueConstructor(_ ctor: RuntimeMethod, box: UInt64, arguments: [UInt64], thread: GuestThread) throws(RuntimeError) -> UInt64? {
        let frame = thread.stackTop
        guard frame + 8 * (arguments.count + 1) <= thread.stackEnd else { throw RuntimeError(.budgetExhausted, "stack overflow constructing \(ctor.owner.fullName)") }
        frame.storeBytes(of: box + UInt64(ObjectLayout.headerSize), as: UInt64.self)
        for (k, a) in arguments.enumerated() { frame.storeBytes(of: a, toByteOffset: 8 * (k + 1), as: UInt64.self) }
        if case .threw(let ex) = try invoke(ctor, frame: frame, thread: thread) { return ex }
        return nil
    }

    /// The constructor of `t` whose parameter types are exactly `parameters` (by full name).
    func constructor(of t: RuntimeType, parameters: [String]) throws(RuntimeError) -> RuntimeMethod {
        try ensureMethods(t)
        for m in t.methods where m.name == ".ctor" && !m.isStatic {
            let s = try signature(m)
            if s.parameters.map(\.fullName) == parameters { return m }
        }
        throw RuntimeError(.missingMember, "\(t.fullName) has no constructor (\(parameters.joined(separator: ", ")))")
    }

    /// Whether `object` is a guest exception (what a constructor run returns when it threw).
    func isException(_ object: UInt64) throws(RuntimeError) -> Bool {
        guard let t = objectType(object) else { return false }
        return try isAssignable(t, to: try coreType("System.Exception"))
    }

    /// The value of static field `name` of corlib type `typeName`, running its initializer first.
    func staticReference(_ typeName: String, _ name: String, thread: GuestThread) throws(RuntimeError) -> UInt64 {
        let t = try coreType(typeName)
        if let ex = try initializeType(t.id, thread: thread) {
            _ = ex
            throw RuntimeError(.invalidProgram, "type initializer of \(typeName) failed")
        }
        try ensureStatics(t)
        guard let f = t.staticFields.first(where: { $0.name == name && !$0.isLiteral }) else {
            throw RuntimeError(.missingMember, "static field \(typeName)::\(name) not found")
        }
        return space.unchecked(t.staticsAddress + UInt64(f.offset)).loadUnaligned(as: UInt64.self)
    }

    /// The references in array `array` (empty for null), checked against guest memory however
    /// its header was forged.
    func references(in array: UInt64) -> [UInt64] {
        guard array != 0, let p = space.pointer(array, ObjectLayout.arrayElementsOffset) else { return [] }
        let length = p.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self)
        guard length <= 1 << 28, let d = space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), Int(length) * 8) else { return [] }
        return (0 ..< Int(length)).map { d.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self) }
    }

    /// Allocates `count` references' worth of an array of `elementType` and fills it.
    func referenceArray(of elementType: RuntimeType, _ items: [UInt64]) throws(RuntimeError) -> UInt64 {
        guard let a = try newArray(try szArrayType(of: elementType), length: items.count) else {
            throw RuntimeError(.budgetExhausted, "heap exhausted")
        }
        for (k, o) in items.enumerated() {
            space.unchecked(a + UInt64(ObjectLayout.arrayElementsOffset + 8 * k)).storeBytes(of: o, as: UInt64.self)
        }
        return a
    }
}
