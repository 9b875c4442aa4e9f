/// Round trips of a value through memory (objects and byref tiers): the value is stored in a
/// field, an array element, a local reached through its address, a box, or passed through a
/// call or a delegate, and loaded back. The IL of each trip comes from `StorageCode`, which both
/// the printer and the value model read, so the counted instructions are the printed ones.

/// The declared type of the storage location (ECMA-335 III.1.1.1: small integer types are
/// truncated on store and sign- or zero-extended on load).
public enum StorageType: String, CaseIterable, Sendable {
    case i1, u1, i2, u2, i4, u4, i8, ni, r4, r8
    /// An `object` location: the value travels boxed as its own primitive type.
    case obj

    public var ilType: String {
        switch self {
        case .i1: "int8"
        case .u1: "uint8"
        case .i2: "int16"
        case .u2: "uint16"
        case .i4: "int32"
        case .u4: "uint32"
        case .i8: "int64"
        case .ni: "native int"
        case .r4: "float32"
        case .r8: "float64"
        case .obj: "object"
        }
    }

    /// Suffix of `ldind.*`/`ldelem.*` (III.3.42, III.4.8).
    var loadSuffix: String {
        switch self {
        case .ni: "i"
        case .obj: "ref"
        default: rawValue
        }
    }

    /// Suffix of `stind.*`/`stelem.*`: stores have no unsigned forms (III.3.62, III.4.27).
    var storeSuffix: String {
        switch self {
        case .u1: "i1"
        case .u2: "i2"
        case .u4: "i4"
        default: loadSuffix
        }
    }

    /// Field, static and local name suffix for a location of this type.
    var name: String { rawValue }

    /// Storage types a value of `kind` may be stored in.
    static func accepting(_ kind: ValueKind) -> [StorageType] {
        switch kind {
        case .i4: [.i1, .u1, .i2, .u2, .i4, .u4, .obj]
        case .i8: [.i8, .obj]
        case .ni: [.ni, .obj]
        case .r4: [.r4, .obj]
        case .r8: [.r8, .obj]
        }
    }

    /// The storage type of a value's own kind (boxes, call arguments).
    static func own(_ kind: ValueKind) -> StorageType {
        switch kind {
        case .i4: .i4
        case .i8: .i8
        case .ni: .ni
        case .r4: .r4
        case .r8: .r8
        }
    }

    /// What loading back a stored `value` gives: truncation then extension for the small types.
    func roundTrip(_ value: FuzzValue) -> FuzzValue {
        let x = value.integer
        switch self {
        case .i1: return .i4(Int32(Int8(truncatingIfNeeded: x)))
        case .u1: return .i4(Int32(UInt8(truncatingIfNeeded: x)))
        case .i2: return .i4(Int32(Int16(truncatingIfNeeded: x)))
        case .u2: return .i4(Int32(UInt16(truncatingIfNeeded: x)))
        default: return value
        }
    }

    /// `sizeof` (III.4.25): the size of the type; for `object`, of a reference (64-bit).
    var size: Int32 {
        switch self {
        case .i1, .u1: 1
        case .i2, .u2: 2
        case .i4, .u4, .r4: 4
        case .i8, .ni, .r8, .obj: 8
        }
    }
}

/// One round trip: where the value goes and which encodings carry it.
public struct Storage: Equatable, Sendable {
    public enum Place: String, CaseIterable, Sendable {
        case staticField, staticFieldAddress
        case instanceField, instanceFieldAddress
        case structField, structFieldAddress, structCopy
        case arrayElement, arrayElementAddress
        case localAddress
        case boxed, boxedAddress
        case call, virtualCall, delegateCall, virtualDelegateCall
        /// Unverifiable tier: a `localloc` block, a `cpblk` from such a block into a scratch
        /// local, a typed reference (`mkrefany`/`refanyval`), `calli` through `ldftn`, and a
        /// vararg call whose callee reads the value back with `arglist` and `ArgIterator`.
        case localAlloc, blockCopy, typedReference, indirectCall, varargCall

        var isArray: Bool { self == .arrayElement || self == .arrayElementAddress }
        /// Places that carry the value as its own type (boxes and calls).
        var ownTypeOnly: Bool {
            [.boxed, .boxedAddress, .call, .virtualCall, .delegateCall, .virtualDelegateCall, .indirectCall, .varargCall].contains(self)
        }
        /// Unmanaged memory holds no object references (the collector does not see it).
        var takesObjects: Bool { self != .localAlloc && self != .blockCopy }
        /// `localloc` is not allowed in handler blocks and wants an otherwise empty stack
        /// (III.3.47): these trips are only the root of an assignment outside handlers.
        var allocatesOnStack: Bool { self == .localAlloc || self == .blockCopy }
    }

    public var place: Place
    public var type: StorageType
    /// The alternative encoding: `ldelem T`/`stelem T`/`ldobj T`/`stobj T` instead of the typed
    /// forms, `ldobj`+`stobj` instead of `cpobj`, the derived class for virtual calls.
    public var alternative: Bool
    /// Array length and the element used (an index ≥ length is an exception probe).
    public var length: Int32
    public var index: Int32
    /// Unverifiable tier: `volatile.` on stores, `unaligned. 1` on indirect loads, `readonly.`
    /// on a loading `ldelema`, `no. rangecheck` on `ldelem` (index always in range then).
    public var prefixed: Bool

    public init(place: Place, type: StorageType, alternative: Bool, length: Int32 = 0, index: Int32 = 0, prefixed: Bool = false) {
        self.place = place
        self.type = type
        self.alternative = alternative
        self.length = length
        self.index = index
        self.prefixed = prefixed
    }

    /// Loading back `value` (of `kind`): the storage type's truncation; the derived class's
    /// override of `Pass` negates (`not` for integers, `neg` for floats) so dispatch shows.
    func loadBack(_ value: FuzzValue) -> FuzzValue {
        let stored = type.roundTrip(value)
        guard (place == .virtualCall || place == .virtualDelegateCall) && alternative else { return stored }
        switch stored {
        case .int(let k, let x): return .int(k, k == .i4 ? Int64(~Int32(truncatingIfNeeded: x)) : ~x)
        case .r4(let f): return .r4(-f)
        case .r8(let d): return .r8(-d)
        }
    }
}

/// Names of the types and members the batch declares for round trips (see `ILPrinter.support`).
enum FuzzTypes {
    static let holder = "FuzzHolder"
    static let derived = "FuzzDerived"
    static let structure = "FuzzStruct"

    static func boxType(_ kind: ValueKind) -> String { kind.ilType }
    static func pass(_ kind: ValueKind) -> String { "Pass_\(kind.rawValue)" }
    static func first(_ kind: ValueKind) -> String { "First_\(kind.rawValue)" }
    static let getType = "call class [mscorlib]System.Type [mscorlib]System.Type::GetTypeFromHandle(valuetype [mscorlib]System.RuntimeTypeHandle)"
    static func function(_ kind: ValueKind) -> String { "class [mscorlib]System.Func`2<\(kind.ilType),\(kind.ilType)>" }
}

/// The instructions of a round trip: `before` the stored expression, `after` it.
enum StorageCode {
    /// Extra locals every method declares after its own: two structs, then one scratch local per
    /// storage type (`localAddress`).
    static var extraLocals: [String] {
        ["valuetype \(FuzzTypes.structure) s0", "valuetype \(FuzzTypes.structure) s1"]
            + StorageType.allCases.map { "\($0.ilType) x_\($0.name)" }
    }

    static func sequence(_ s: Storage, kind: ValueKind, short: Bool, localBase: Int) -> (before: [String], after: [String]) {
        let t = s.type, ty = s.type.ilType
        let ldloca = short ? "ldloca.s" : "ldloca"
        let (s0, s1) = (localBase, localBase + 1)
        let box = t == .obj ? ["box \(FuzzTypes.boxType(kind))"] : []
        let unbox = t == .obj ? ["unbox.any \(FuzzTypes.boxType(kind))"] : []
        let volatile = s.prefixed ? ["volatile."] : []
        let unaligned = s.prefixed ? ["unaligned. 1"] : []
        let storeIndirect = volatile + [s.alternative ? "stobj \(ty)" : "stind.\(t.storeSuffix)"]
        let loadIndirect = unaligned + [s.alternative ? "ldobj \(ty)" : "ldind.\(t.loadSuffix)"]
        let scratch = localBase + 2 + StorageType.allCases.firstIndex(of: t)!
        let staticField = "\(ty) Fuzz::g_\(t.name)"
        let instanceField = "\(ty) \(FuzzTypes.holder)::f_\(t.name)"
        let structField = "\(ty) \(FuzzTypes.structure)::f_\(t.name)"
        let newStruct = ["\(ldloca) \(s0)", "initobj \(FuzzTypes.structure)", "\(ldloca) \(s0)"]
        let newArray = ["ldc.i4 \(s.length)", "newarr \(ty)", "dup", "ldc.i4 \(s.index)"]
        let receiver = "newobj instance void \(s.alternative ? FuzzTypes.derived : FuzzTypes.holder)::.ctor()"
        let own = kind.ilType
        let passSignature = "\(own) \(FuzzTypes.holder)::\(FuzzTypes.pass(kind))(\(own))"
        let delegateCtor = "newobj instance void \(FuzzTypes.function(kind))::.ctor(object, native int)"
        let invoke = "callvirt instance !1 \(FuzzTypes.function(kind))::Invoke(!0)"
        switch s.place {
        case .staticField:
            return ([], box + volatile + ["stsfld \(staticField)"] + volatile + ["ldsfld \(staticField)"] + unbox)
        case .staticFieldAddress:
            return (["ldsflda \(staticField)"], box + storeIndirect + ["ldsflda \(staticField)"] + loadIndirect + unbox)
        case .instanceField:
            return ([receiver, "dup"], box + volatile + ["stfld \(instanceField)"] + volatile + ["ldfld \(instanceField)"] + unbox)
        case .instanceFieldAddress:
            return ([receiver, "dup", "ldflda \(instanceField)"], box + storeIndirect + ["ldflda \(instanceField)"] + loadIndirect + unbox)
        case .structField:
            return (newStruct, box + volatile + ["stfld \(structField)", "\(ldloca) \(s0)", "ldfld \(structField)"] + unbox)
        case .structFieldAddress:
            return (newStruct + ["ldflda \(structField)"],
                    box + storeIndirect + ["\(ldloca) \(s0)", "ldflda \(structField)"] + loadIndirect + unbox)
        case .structCopy:
            let copy = s.alternative
                ? ["\(ldloca) \(s1)", "\(ldloca) \(s0)", "ldobj \(FuzzTypes.structure)", "stobj \(FuzzTypes.structure)"]
                : ["\(ldloca) \(s1)", "\(ldloca) \(s0)", "cpobj \(FuzzTypes.structure)"]
            return (newStruct, box + ["stfld \(structField)"] + copy + ["\(ldloca) \(s1)", "ldfld \(structField)"] + unbox)
        case .arrayElement:
            let store = s.alternative ? "stelem \(ty)" : "stelem.\(t.storeSuffix)"
            let load = s.alternative ? "ldelem \(ty)" : "ldelem.\(t.loadSuffix)"
            return (newArray, box + [store, "ldc.i4 \(s.index)"] + (s.prefixed ? [noRangeCheck] : []) + [load] + unbox)
        case .arrayElementAddress:
            return (newArray + ["ldelema \(ty)"],
                    box + storeIndirect + ["ldc.i4 \(s.index)"] + (s.prefixed ? ["readonly."] : []) + ["ldelema \(ty)"] + loadIndirect + unbox)
        case .localAddress:
            return (["\(ldloca) \(scratch)"], box + storeIndirect + ["\(ldloca) \(scratch)"] + loadIndirect + unbox)
        case .localAlloc:
            return (["ldc.i4 16", "localloc", "dup"], storeIndirect + loadIndirect)
        case .blockCopy:
            // localloc wants an otherwise empty stack (III.3.47), so the block comes first and
            // is the destination; the scratch local is the source.
            let plainStore = s.alternative ? "stobj \(ty)" : "stind.\(t.storeSuffix)"
            let plainLoad = s.alternative ? "ldobj \(ty)" : "ldind.\(t.loadSuffix)"
            return (["ldc.i4 16", "localloc", "dup", "\(ldloca) \(scratch)", "dup"],
                    [plainStore, "ldc.i4 \(t.size)"] + unaligned + ["cpblk", plainLoad])
        case .typedReference:
            return (["\(ldloca) \(scratch)", "dup"], box + storeIndirect + ["mkrefany \(ty)", "refanyval \(ty)"] + loadIndirect + unbox)
        case .boxed:
            return ([], ["box \(own)", "unbox.any \(own)"])
        case .boxedAddress:
            return ([], ["box \(own)", "unbox \(own)", s.alternative ? "ldobj \(own)" : "ldind.\(StorageType.own(kind).loadSuffix)"])
        case .call:
            return ([], ["call \(own) Fuzz::\(FuzzTypes.pass(kind))(\(own))"])
        case .virtualCall:
            return ([receiver], ["callvirt instance \(passSignature)"])
        case .delegateCall:
            return (["ldnull", "ldftn \(own) Fuzz::\(FuzzTypes.pass(kind))(\(own))", delegateCtor], [invoke])
        case .virtualDelegateCall:
            return ([receiver, "dup", "ldvirtftn instance \(passSignature)", delegateCtor], [invoke])
        case .indirectCall:
            return ([], ["ldftn \(own) Fuzz::\(FuzzTypes.pass(kind))(\(own))", "calli \(own)(\(own))"])
        case .varargCall:
            return ([], ["call vararg \(own) Fuzz::\(FuzzTypes.first(kind))(..., \(own))"])
        }
    }

    /// `no. rangecheck` (III.2.2): Mono's ilasm has no syntax for it, so it is written as bytes.
    static let noRangeCheck = ".emitbyte 0xFE .emitbyte 0x19 .emitbyte 0x02"

    /// Loading and storing a variable of `kind` through its address.
    static func indirect(_ kind: ValueKind, alternative: Bool) -> (load: String, store: String) {
        let t = StorageType.own(kind)
        return alternative ? ("ldobj \(t.ilType)", "stobj \(t.ilType)") : ("ldind.\(t.loadSuffix)", "stind.\(t.storeSuffix)")
    }

    /// The mnemonic of one line of IL (`ldind.i4`, `newobj`…).
    static func mnemonic(_ line: String) -> String {
        if line.hasPrefix(".emitbyte 0xFE .emitbyte 0x19") { return "no." }
        return String(line.split(separator: " ", maxSplits: 1)[0])
    }
}

/// The round trips a pool allows, indexed by the instructions they contain, so the generator
/// can pick an instruction first and then a trip that uses it: every encoding gets a similar
/// share however many trips share the common ones (`newobj`, `box`…).
public final class MemoryMenu: Sendable {
    struct Entry: Sendable {
        let storage: Storage
        let mnemonics: Set<String>
    }

    /// Per value kind: the allowed trips and, per instruction, the trips that contain it.
    let entries: [ValueKind: [Entry]]
    let byMnemonic: [ValueKind: [String: [Int]]]
    let mnemonics: [ValueKind: [String]]
    /// Whether the pool allows any round trip at all.
    let hasTrips: Bool

    init(allows: (String) -> Bool) {
        var entries: [ValueKind: [Entry]] = [:], index: [ValueKind: [String: [Int]]] = [:]
        for kind in ValueKind.allCases {
            var list: [Entry] = []
            for place in Storage.Place.allCases {
                for type in place.ownTypeOnly ? [StorageType.own(kind)] : StorageType.accepting(kind) where type != .obj || place.takesObjects {
                    for alternative in [false, true] {
                        let plain = StorageCode.sequence(Storage(place: place, type: type, alternative: alternative, length: 1, index: 0),
                                                         kind: kind, short: true, localBase: 0)
                        for prefixed in [false, true] {
                            let s = Storage(place: place, type: type, alternative: alternative, length: 1, index: 0, prefixed: prefixed)
                            let code = StorageCode.sequence(s, kind: kind, short: true, localBase: 0)
                            if prefixed && code.before + code.after == plain.before + plain.after { continue }  // no prefix applies
                            let ms = Set((code.before + code.after).map(StorageCode.mnemonic))
                            guard ms.allSatisfy({ allows($0) }) else { continue }
                            list.append(Entry(storage: s, mnemonics: ms))
                        }
                    }
                }
            }
            entries[kind] = list
            var byMnemonic: [String: [Int]] = [:]
            for (i, e) in list.enumerated() {
                for m in e.mnemonics where !Generator.structuralHelpers.contains(InstructionPool.family(m)) { byMnemonic[m, default: []].append(i) }
            }
            index[kind] = byMnemonic
        }
        self.entries = entries
        byMnemonic = index
        mnemonics = index.mapValues { $0.keys.sorted() }
        hasTrips = mnemonics.values.contains { !$0.isEmpty }
    }

    /// An instruction uniformly among those the trips of `kind` use, then a trip using it.
    /// A trip that does not allocate on the stack (those come from `pickStackAllocation`).
    func pick(_ kind: ValueKind, _ random: inout SplitMix64) -> Storage? {
        guard let names = mnemonics[kind], !names.isEmpty, let list = entries[kind] else { return nil }
        let m = random.pick(names)
        let choices = byMnemonic[kind]![m]!.filter { !list[$0].storage.place.allocatesOnStack }
        return choices.isEmpty ? nil : list[random.pick(choices)].storage
    }

    /// A `localloc` trip, for the root of an assignment.
    func pickStackAllocation(_ kind: ValueKind, _ random: inout SplitMix64) -> Storage? {
        let choices = (entries[kind] ?? []).filter { $0.storage.place.allocatesOnStack }
        return choices.isEmpty ? nil : random.pick(choices).storage
    }
}
