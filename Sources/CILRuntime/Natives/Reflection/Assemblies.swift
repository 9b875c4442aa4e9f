import CILMetadata

/// Assemblies and modules as guest objects: one System.Reflection.RuntimeAssembly and one
/// RuntimeModule per loaded module (cilbox loads single-module assemblies). `_mono_assembly` and
/// `_impl` hold the assembly's handle in this state (1-based), not a host pointer.
extension ReflectionState {
    static let assemblyClass = "System.Reflection.RuntimeAssembly"
    static let moduleClass = "System.Reflection.RuntimeModule"

    func assemblyHandle(_ module: RuntimeModule) -> Int {
        if let i = assemblies.firstIndex(where: { $0 === module }) { return i + 1 }
        assemblies.append(module)
        return assemblies.count
    }

    func assembly(_ handle: UInt64) -> RuntimeModule? {
        handle >= 1 && handle <= UInt64(assemblies.count) ? assemblies[Int(handle - 1)] : nil
    }

    func assemblyObject(_ r: Runtime, _ module: RuntimeModule) throws(RuntimeError) -> UInt64 {
        let h = assemblyHandle(module)
        if let o = assemblyObjects[h] { return o }
        guard let o = try r.newObject(try r.coreType(Self.assemblyClass)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating an Assembly") }
        r.pinnedObjects.append(o)
        try store(r, o, Self.assemblyClass, "_mono_assembly", UInt64(h))
        assemblyObjects[h] = o
        return o
    }

    func moduleObject(_ r: Runtime, _ module: RuntimeModule) throws(RuntimeError) -> UInt64 {
        let h = assemblyHandle(module)
        if let o = moduleObjects[h] { return o }
        let c = Self.moduleClass
        let assembly = try assemblyObject(r, module)
        let fqname = try r.guestString(module.path)
        let name = try r.guestString(String(module.path.split(separator: "/").last ?? Substring(module.path)))
        let moduleRow = try module.read { () throws(MetadataError) in try module.file.module(1) }
        let scopeName = try r.guestString(try module.string(moduleRow.name))
        guard let o = try r.newObject(try r.coreType(c)) else { throw RuntimeError(.budgetExhausted, "heap exhausted creating a Module") }
        r.pinnedObjects.append(o)
        try store(r, o, c, "_impl", UInt64(h))
        try store(r, o, c, "assembly", assembly)
        try store(r, o, c, "fqname", fqname)
        try store(r, o, c, "name", name)
        try store(r, o, c, "scopename", scopeName)
        try store32(r, o, c, "token", 0x0000_0001)  // Module table, row 1
        moduleObjects[h] = o
        return o
    }

    /// The module an Assembly object stands for.
    func module(_ r: Runtime, ofAssemblyObject o: UInt64) throws(RuntimeError) -> RuntimeModule? {
        guard let t = r.objectType(o) else { return nil }
        guard t.fullName == Self.assemblyClass else { throw RuntimeError(.notImplemented, "reflection on an assembly object of type \(t.fullName)") }
        return assembly(try load(r, o, Self.assemblyClass, "_mono_assembly"))
    }

    func module(_ r: Runtime, ofModuleObject o: UInt64) throws(RuntimeError) -> RuntimeModule? {
        guard let t = r.objectType(o) else { return nil }
        guard t.fullName == Self.moduleClass else { throw RuntimeError(.notImplemented, "reflection on a module object of type \(t.fullName)") }
        return assembly(try load(r, o, Self.moduleClass, "_impl"))
    }

    /// The module that defines `t` (arrays, pointers and by-refs: their element type's).
    func definingModule(_ r: Runtime, _ t: RuntimeType) -> RuntimeModule {
        var e = t
        var steps = 0
        while let inner = e.elementType, steps < 64 { e = inner; steps += 1 }
        if let m = e.module { return m }
        if let owner = genericParameterRow(e) { return owner.module }
        return r.corlib
    }
}

extension ReflectionState {
    /// Mono's MonoAssemblyName for an assembly, in the unmanaged heap (AssemblyName.FillName reads
    /// it field by field), made once and kept.
    func nativeAssemblyName(_ r: Runtime, _ module: RuntimeModule) throws(RuntimeError) -> UInt64 {
        let h = assemblyHandle(module)
        if let a = nativeNames[h] { return a }
        guard let identity = try module.read({ () throws(MetadataError) in try module.file.assemblyIdentity() }) else {
            throw RuntimeError(.notImplemented, "assembly name of module \(module.path) without an Assembly row")
        }
        let row = try module.read { () throws(MetadataError) in try module.file.assembly(1) }
        // Mono's processor architecture: MSIL for IL-only images that do not require 32 bits.
        let cliFlags = module.file.cliHeader.flags & 0x3
        var arch: UInt16 = 0
        switch module.file.pe.machine {
        case 0x014C: arch = cliFlags == 0x1 ? 1 : (cliFlags == 0x3 ? 2 : 0)
        case 0x8664: arch = 4
        case 0x0200: arch = 3
        default: arch = 0
        }
        let a = try makeAssemblyName(r, identity, withKey: true, hashAlgorithm: row.hashAlgorithm, arch: arch).address
        nativeNames[h] = a
        return a
    }

    /// A MonoAssemblyName: UTF-8 name and culture, the public key blob (with its length prefix)
    /// when asked, the token as 16 hex digits, version, flags, hash algorithm, architecture.
    func makeAssemblyName(_ r: Runtime, _ identity: AssemblyReferenceInfo, withKey: Bool, hashAlgorithm: UInt32, arch: UInt16) throws(RuntimeError) -> (address: UInt64, blocks: [UInt64]) {
        let s = "Mono.MonoAssemblyName"
        let t = try r.coreType(s)
        try r.ensureLayout(t)
        var blocks: [UInt64] = []
        func copy(_ bytes: [UInt8]) throws(RuntimeError) -> UInt64 {
            guard let a = r.unmanaged.allocate(max(bytes.count, 1)) else { throw RuntimeError(.budgetExhausted, "unmanaged heap exhausted") }
            if !bytes.isEmpty { bytes.withUnsafeBytes { r.space.unchecked(a).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) } }
            blocks.append(a)
            return a
        }
        guard let a = r.unmanaged.allocate(max(t.instanceSize, 80)) else { throw RuntimeError(.budgetExhausted, "unmanaged heap exhausted") }
        try storeInStruct(r, a, s, "name", try copy(Array(identity.name.utf8) + [0]))
        try storeInStruct(r, a, s, "culture", try copy(Array(identity.culture.utf8) + [0]))
        if withKey, let key = identity.publicKey, !key.isEmpty {
            // II.23.2: a blob is preceded by its compressed length.
            var blob: [UInt8]
            if key.count < 0x80 { blob = [UInt8(key.count)] }
            else if key.count < 0x4000 { blob = [UInt8(0x80 | (key.count >> 8)), UInt8(key.count & 0xFF)] }
            else { blob = [UInt8(0xC0 | ((key.count >> 24) & 0x1F)), UInt8((key.count >> 16) & 0xFF), UInt8((key.count >> 8) & 0xFF), UInt8(key.count & 0xFF)] }
            try storeInStruct(r, a, s, "public_key", try copy(blob + key))
        }
        if let token = identity.publicKeyToken {
            let hex = Array(token.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined().utf8)
            let o = try offset(r, s, "public_key_token")
            guard let dest = r.space.pointer(a + UInt64(o), 16) else { throw RuntimeError(.invalidProgram, "MonoAssemblyName layout") }
            for (k, b) in hex.prefix(16).enumerated() { dest.storeBytes(of: b, toByteOffset: k, as: UInt8.self) }
        }
        try storeInStruct(r, a, s, "hash_alg", UInt64(hashAlgorithm), size: 4)
        try storeInStruct(r, a, s, "flags", UInt64(identity.flags), size: 4)
        for (field, value) in [("major", identity.version.major), ("minor", identity.version.minor), ("build", identity.version.build),
                               ("revision", identity.version.revision), ("arch", arch)] {
            guard let dest = r.space.pointer(a + UInt64(try offset(r, s, field)), 2) else { throw RuntimeError(.invalidProgram, "MonoAssemblyName layout") }
            dest.storeBytes(of: value, as: UInt16.self)
        }
        return (a, blocks)
    }
}

extension NativeRegistry {
    func registerAssemblyNatives(_ state: ReflectionState) {
        func assemblyArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> RuntimeModule? {
            guard let m = try state.module(c.runtime, ofAssemblyObject: c.uint64(i)) else { try c.raise(.nullReference); return nil }
            return m
        }
        func moduleHandleArg(_ c: inout NativeContext, _ i: Int) throws(RuntimeError) -> RuntimeModule? {
            guard let m = state.assembly(c.uint64(i)) else { try c.raise(.argument); return nil }
            return m
        }
        register("System.RuntimeTypeHandle::GetAssembly") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            c.returnUInt64(try state.assemblyObject(r, state.definingModule(r, t)))
        }
        register("System.RuntimeTypeHandle::GetModule") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let t = try r.runtimeType(ofTypeObject: c.uint64(0)) else { try c.raise(.argumentNull); return }
            c.returnUInt64(try state.moduleObject(r, state.definingModule(r, t)))
        }
        // The method that called the icall is the top activation (natives push none).
        register("System.Reflection.Assembly::GetExecutingAssembly") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = c.thread.records.last?.method.method else { c.returnUInt64(0); return }
            c.returnUInt64(try state.assemblyObject(r, state.definingModule(r, m.owner)))
        }
        register("System.Reflection.Assembly::GetCallingAssembly") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            let records = c.thread.records
            guard let executing = records.last?.method.method else { c.returnUInt64(0); return }
            var caller = executing
            // Mono's get_caller_no_reflection: skip the executing frame and corlib's System.Reflection.
            for record in records.dropLast().reversed() {
                let m = record.method.method
                if m === executing { continue }
                if m.owner.module === r.corlib && m.owner.namespace == "System.Reflection" { continue }
                caller = m
                break
            }
            c.returnUInt64(try state.assemblyObject(r, state.definingModule(r, caller.owner)))
        }
        register("System.Reflection.Assembly::GetEntryAssembly") { (c: inout NativeContext) throws(RuntimeError) in
            guard let program = c.runtime.program else { c.returnUInt64(0); return }
            c.returnUInt64(try state.assemblyObject(c.runtime, program))
        }
        register("System.Reflection.Assembly::GetTypes") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            let exportedOnly = c.int32(1) & 0xFF != 0
            let mark = r.nativeRoots.count
            defer { r.nativeRoots.removeSubrange(mark...) }
            var objects: [UInt64] = []
            // Every TypeDef but <Module> (row 1), in table order; public ones (all the way out) when asked.
            for row in stride(from: UInt32(2), through: m.file.rowCount(.typeDef), by: 1) {
                let t = try r.typeDef(m, row)
                if exportedOnly {
                    var visible = true
                    var x: RuntimeType? = t
                    var steps = 0
                    while let y = x, steps < 64 {
                        let v = y.flags & 0x7
                        if v != 1 && v != 2 { visible = false; break }
                        x = y.declaringType
                        steps += 1
                    }
                    if !visible { continue }
                }
                let o = try r.typeObject(t, thread: c.thread)
                objects.append(o)
            }
            c.returnUInt64(try r.referenceArray(of: try r.coreType("System.Type"), objects))
        }
        register("System.Reflection.Assembly::InternalGetType") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard var m = try assemblyArg(&c, 0) else { return }
            if c.uint64(1) != 0, let module = try state.module(r, ofModuleObject: c.uint64(1)) { m = module }
            guard let name = r.stringValue(c.uint64(2)) else { try c.raise(.argumentNull); return }
            let throwOnError = c.int32(3) & 0xFF != 0
            if c.int32(4) & 0xFF != 0 { throw RuntimeError(.notImplemented, "Assembly.GetType ignoring case") }
            guard let parsed = ParsedTypeName.parse(name) else {
                if throwOnError { c.raised = try r.guestException("System.ArgumentException", message: "failed to parse the type", thread: c.thread) }
                else { c.returnUInt64(0) }
                return
            }
            if parsed.assembly != nil {
                if throwOnError { c.raised = try r.guestException("System.ArgumentException", message: "Type names passed to Assembly.GetType() must not specify an assembly.", thread: c.thread) }
                else { c.returnUInt64(0) }
                return
            }
            guard let t = try r.type(named: parsed, home: m, searchCorlib: false) else {
                if throwOnError {
                    c.raised = try r.guestException("System.TypeLoadException", message: "Could not load type '\(name)' from assembly '\(r.assemblyDisplayName(m))'.", thread: c.thread)
                } else { c.returnUInt64(0) }
                return
            }
            c.returnUInt64(try r.typeObject(t, thread: c.thread))
        }
        // Type.GetType(string): the named assembly, else the calling (non-corlib) assembly, then mscorlib.
        register("System.RuntimeTypeHandle::internal_from_name") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let name = r.stringValue(c.uint64(0)) else { try c.raise(.argumentNull); return }
            let throwOnError = c.int32(3) & 0xFF != 0
            if c.int32(4) & 0xFF != 0 { throw RuntimeError(.notImplemented, "Type.GetType ignoring case") }
            guard let parsed = ParsedTypeName.parse(name) else {
                if throwOnError { c.raised = try r.guestException("System.ArgumentException", message: "Type name \(name) is not valid", thread: c.thread) }
                else { c.returnUInt64(0) }
                return
            }
            var home: RuntimeModule? = nil
            if c.uint64(2) != 0 { home = try state.module(r, ofAssemblyObject: c.uint64(2)) }
            if home == nil {
                home = c.thread.records.reversed().lazy.compactMap { $0.method.method.owner.module }.first { $0 !== r.corlib }
            }
            c.returnUInt64(try r.type(named: parsed, home: home).map { (t: RuntimeType) throws(RuntimeError) -> UInt64 in try r.typeObject(t, thread: c.thread) } ?? 0)
        }
        // Assembly.GetReferencedAssemblies: a GPtrArray of MonoAssemblyName*, freed by FreeAssemblyName.
        register("System.Reflection.Assembly::InternalGetReferencedAssemblies") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            let references = try m.read { () throws(MetadataError) in try m.file.assemblyReferences() }
            var names: [UInt64] = []
            for reference in references {
                let made = try state.makeAssemblyName(r, reference, withKey: false, hashAlgorithm: 0x8004, arch: 0)
                state.freeableNames[made.address] = made.blocks
                names.append(made.address)
            }
            c.returnUInt64(try state.pointerArray(r, names))
        }
        register("Mono.RuntimeMarshal::FreeAssemblyName") { (c: inout NativeContext) throws(RuntimeError) in
            // Only names made for GetReferencedAssemblies are freed; anything else is left alone.
            let r = c.runtime
            let a = c.uint64(0)
            guard let blocks = state.freeableNames[a] else { return }
            for b in blocks { r.unmanaged.release(b) }
            state.freeableNames[a] = []
            if c.int32(1) & 0xFF != 0 {
                state.freeableNames[a] = nil
                r.unmanaged.release(a)
            }
        }
        register("System.Reflection.AssemblyName::GetNativeName") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try moduleHandleArg(&c, 0) else { return }
            c.returnUInt64(try state.nativeAssemblyName(c.runtime, m))
        }
        // Code access security is off, as in Mono.
        register("System.Security.SecurityManager::get_SecurityEnabled") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(false)
        }
        register("System.Reflection.RuntimeAssembly::get_fullname") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try assemblyArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.guestString(c.runtime.assemblyDisplayName(m)))
        }
        register("System.Reflection.RuntimeAssembly::get_location") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try assemblyArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.guestString(m.path))
        }
        register("System.Reflection.RuntimeAssembly::get_code_base") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try assemblyArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.guestString("file://" + m.path))
        }
        register("System.Reflection.RuntimeAssembly::InternalImageRuntimeVersion") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try assemblyArg(&c, 0) else { return }
            c.returnUInt64(try c.runtime.guestString(m.file.root.version))
        }
        register("System.Reflection.RuntimeAssembly::get_global_assembly_cache") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(false)
        }
        register("System.Reflection.RuntimeAssembly::get_ReflectionOnly") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnBool(false)
        }
        register("System.Reflection.RuntimeAssembly::get_EntryPoint") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            guard let token = m.file.entryPoint, token.table == .methodDef else { c.returnUInt64(0); return }
            c.returnUInt64(try state.methodObject(r, try r.methodDef(m, token.row), reflected: nil, thread: c.thread))
        }
        register("System.Reflection.RuntimeAssembly::GetManifestModuleInternal") { (c: inout NativeContext) throws(RuntimeError) in
            guard let m = try assemblyArg(&c, 0) else { return }
            c.returnUInt64(try state.moduleObject(c.runtime, m))
        }
        register("System.Reflection.RuntimeAssembly::GetModulesInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            guard m.file.rowCount(.file) == 0 else { throw RuntimeError(.notImplemented, "multi-file assembly \(m.assemblyName)") }
            let module = try state.moduleObject(r, m)
            c.returnUInt64(try r.referenceArray(of: try r.coreType("System.Reflection.Module"), [module]))
        }
        register("System.Reflection.RuntimeAssembly::GetManifestResourceNames") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            let resources = try m.read { () throws(MetadataError) in try m.file.manifestResources() }
            let mark = r.nativeRoots.count
            defer { r.nativeRoots.removeSubrange(mark...) }
            var names: [UInt64] = []
            for res in resources {
                guard let s = try r.newString(res.name) else { try c.raise(.outOfMemory); return }
                r.nativeRoots.append(s)
                names.append(s)
            }
            c.returnUInt64(try r.referenceArray(of: try r.coreType("System.String"), names))
        }
        // GetManifestResourceInfoInternal(string name, ManifestResourceInfo info): fills the info
        // object's location of an embedded resource (ResourceLocation.Embedded |
        // ContainedInManifestFile = 5, as Mono reports it); false when there is none.
        register("System.Reflection.RuntimeAssembly::GetManifestResourceInfoInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            guard let name = r.stringValue(c.uint64(1)) else { try c.raise(.argumentNull); return }
            let info = c.uint64(2)
            guard let infoType = r.objectType(info) else { try c.raise(.argumentNull); return }
            let resources = try m.read { () throws(MetadataError) in try m.file.manifestResources() }
            guard let res = resources.first(where: { $0.name == name }) else { c.returnBool(false); return }
            guard res.isEmbedded else { throw RuntimeError(.notImplemented, "manifest resource info of \(name) held in another file or assembly") }
            let location = try r.field(named: "<ResourceLocation>k__BackingField", in: infoType)
            guard let p = r.space.pointer(info + UInt64(location.offset), 4) else { try c.raise(.nullReference); return }
            p.storeBytes(of: Int32(5), as: Int32.self)
            c.returnBool(true)
        }
        register("System.Reflection.RuntimeAssembly::GetManifestResourceInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try assemblyArg(&c, 0) else { return }
            guard let name = r.stringValue(c.uint64(1)) else { try c.raise(.argumentNull); return }
            guard let sizeOut = r.space.pointer(c.uint64(2), 4), let moduleOut = r.space.pointer(c.uint64(3), 8) else {
                throw RuntimeError(.invalidProgram, "GetManifestResourceInternal without out slots")
            }
            let resources = try m.read { () throws(MetadataError) in try m.file.manifestResources() }
            guard let res = resources.first(where: { $0.name == name }) else { c.returnUInt64(0); return }
            guard res.isEmbedded else { throw RuntimeError(.notImplemented, "manifest resource \(name) held in another file or assembly") }
            let key = ReflectionState.ResourceKey(module: ObjectIdentifier(m), name: name)
            var copy = state.resources[key]
            if copy == nil {
                guard let data = m.file.resourceData(res) else { throw RuntimeError(.badImage, "\(m.assemblyName): resource \(name) cannot be located") }
                guard let a = r.unmanaged.allocate(max(data.count, 1)) else { try c.raise(.outOfMemory); return }
                data.withUnsafeBytes { r.space.unchecked(a).copyMemory(from: $0.baseAddress!, byteCount: data.count) }
                copy = (a, data.count)
                state.resources[key] = copy
            }
            sizeOut.storeBytes(of: Int32(truncatingIfNeeded: copy!.length), as: Int32.self)
            moduleOut.storeBytes(of: try state.moduleObject(r, m), as: UInt64.self)
            c.returnUInt64(copy!.address)
        }
        register("System.Reflection.RuntimeModule::get_MetadataToken") { (c: inout NativeContext) throws(RuntimeError) in
            guard try state.module(c.runtime, ofModuleObject: c.uint64(0)) != nil else { try c.raise(.nullReference); return }
            c.returnInt32(0x0000_0001)
        }
        register("System.Reflection.RuntimeModule::GetMDStreamVersion") { (c: inout NativeContext) throws(RuntimeError) in
            guard try moduleHandleArg(&c, 0) != nil else { return }
            c.returnInt32(0x0002_0000)  // #~ stream version 2.0
        }
        register("System.Reflection.RuntimeModule::GetGuidInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try moduleHandleArg(&c, 0) else { return }
            let moduleRow = try m.read { () throws(MetadataError) in try m.file.module(1) }
            let guid = (try m.read { () throws(MetadataError) in try m.file.guids.guid(moduleRow.mvid) }) ?? [UInt8](repeating: 0, count: 16)
            let array = c.uint64(1)
            guard let header = r.space.pointer(array, ObjectLayout.arrayElementsOffset),
                  header.loadUnaligned(fromByteOffset: ObjectLayout.arrayLengthOffset, as: UInt64.self) >= 16,
                  let d = r.space.pointer(array + UInt64(ObjectLayout.arrayElementsOffset), 16) else { try c.raise(.argument); return }
            guid.prefix(16).withUnsafeBytes { d.copyMemory(from: $0.baseAddress!, byteCount: min($0.count, 16)) }
        }
        register("System.Reflection.RuntimeModule::GetGlobalType") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let m = try moduleHandleArg(&c, 0) else { return }
            c.returnUInt64(try r.typeObject(try r.typeDef(m, 1), thread: c.thread))
        }
        register("System.Reflection.RuntimeModule::GetHINSTANCE") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt64(-1)
        }
    }
}
