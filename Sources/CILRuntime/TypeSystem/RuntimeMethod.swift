import CILMetadata

/// A method of a loaded type, possibly instantiated (generic type and/or generic method).
public final class RuntimeMethod: CustomStringConvertible {
    public let owner: RuntimeType
    public let module: RuntimeModule?
    public let row: UInt32
    public let name: String
    public let flags: UInt16
    public let implFlags: UInt16
    /// Method-level generic arguments (empty for non-generic methods and open definitions).
    public let genericArguments: [RuntimeType]
    public let genericDefinition: RuntimeMethod?
    /// Index in the owner's vtable when virtual.
    public internal(set) var vtableSlot: Int = -1
    var signatureCache: MethodSig?
    /// Transformed code, made on first call.
    var code: TransformedMethod?
    /// The instantiations of this generic method definition.
    var instantiations: [[ObjectIdentifier]: RuntimeMethod] = [:]
    /// Bound native implementation, when the method has no IL body.
    var native: NativeMethod?
    var nativeResolved = false
    var isNativeCache: Bool?

    init(owner: RuntimeType, module: RuntimeModule?, row: UInt32, name: String, flags: UInt16, implFlags: UInt16,
         genericArguments: [RuntimeType] = [], genericDefinition: RuntimeMethod? = nil) {
        self.owner = owner
        self.module = module
        self.row = row
        self.name = name
        self.flags = flags
        self.implFlags = implFlags
        self.genericArguments = genericArguments
        self.genericDefinition = genericDefinition
    }

    // II.23.1.10 method attributes.
    public var isStatic: Bool { flags & 0x10 != 0 }
    public var isVirtual: Bool { flags & 0x40 != 0 }
    public var isFinal: Bool { flags & 0x20 != 0 }
    public var isNewSlot: Bool { flags & 0x100 != 0 }
    public var isAbstract: Bool { flags & 0x400 != 0 }
    public var isPInvoke: Bool { flags & 0x2000 != 0 }
    public var isHideBySig: Bool { flags & 0x80 != 0 }
    public var isSpecialName: Bool { flags & 0x800 != 0 }
    public var accessibility: UInt16 { flags & 0x7 }
    // II.23.1.11 implementation attributes.
    public var isInternalCall: Bool { implFlags & 0x1000 != 0 }
    public var isRuntimeImplemented: Bool { implFlags & 0x3 == 0x3 }
    public var isConstructor: Bool { name == ".ctor" }
    public var isGenericMethodDefinition: Bool { genericDefinition == nil && genericParameterCount > 0 && genericArguments.isEmpty }
    var genericParameterCount: Int = 0

    /// `Namespace.Type::Name`, as in stack traces and icall names.
    public var description: String { owner.fullName + "::" + name }

    /// Mono's internal-call key: `Namespace.Type::Name` with nested types joined by `/`, used
    /// to find a native implementation (Mono's icall-def.h names).
    public var nativeKey: String {
        var t = owner.typeDefinition
        var parts = [t.name]
        while let d = t.declaringType { parts.append(d.name); t = d }
        let ns = t.namespace
        let typeName = parts.reversed().joined(separator: "/")
        return (ns.isEmpty ? typeName : ns + "." + typeName) + "::" + name
    }
}

/// A method signature with every type resolved in its generic context.
public struct MethodSig {
    public var hasThis: Bool
    public var explicitThis: Bool
    public var isVarArg: Bool
    public var returnType: RuntimeType?   // nil for void
    public var parameters: [RuntimeType]
    public var requiredParameterCount: Int
    public var genericParameterCount: Int
}
