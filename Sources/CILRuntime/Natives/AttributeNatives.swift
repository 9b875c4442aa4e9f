import CILMetadata

/// Custom attribute queries (System.MonoCustomAttrs), answered from the metadata.
extension NativeRegistry {
    func registerAttributeNatives() {
        // IsDefinedInternal(ICustomAttributeProvider obj, Type attributeType): for types only, so far.
        register("System.MonoCustomAttrs::IsDefinedInternal") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            guard let providerType = r.objectType(c.uint64(0)), providerType.fullName == "System.RuntimeType" else {
                throw RuntimeError(.notImplemented, "custom attributes of \(r.objectType(c.uint64(0))?.fullName ?? "null") (only types so far)")
            }
            guard let target = try r.runtimeType(ofTypeObject: c.uint64(0)), let attribute = try r.runtimeType(ofTypeObject: c.uint64(1)) else {
                try c.raise(.argumentNull); return
            }
            c.returnBool(try r.hasAttribute(on: target, assignableTo: attribute))
        }
    }
}

extension Runtime {
    /// Whether TypeDef `t` carries a custom attribute whose type is `attribute` or derives from it.
    func hasAttribute(on t: RuntimeType, assignableTo attribute: RuntimeType) throws(RuntimeError) -> Bool {
        let definition = t.typeDefinition
        guard let module = definition.module, definition.typeDefRow != 0 else { return false }
        for row in module.index.attributes(of: MetadataToken(.typeDef, definition.typeDefRow)) {
            let ca = try module.read { () throws(MetadataError) in try module.file.customAttribute(row) }
            let ctor = try method(module, ca.constructor, GenericContext(type: nil))
            if try isAssignable(ctor.owner, to: attribute) { return true }
        }
        return false
    }
}
