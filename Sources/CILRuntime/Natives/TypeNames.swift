/// Reflection names of types, in the forms Mono's getFullName and Type.Name produce.
extension Runtime {
    enum TypeNameFormat {
        /// Type.Name: the simple name with array/pointer/byref suffixes.
        case name
        /// Type.ToString / FullName without assembly qualification of generic arguments.
        case display
        /// Type.FullName: generic arguments assembly-qualified in double brackets.
        case fullName
        /// Type.AssemblyQualifiedName.
        case assemblyQualified
    }

    func reflectionName(_ t: RuntimeType, _ format: TypeNameFormat, depth: Int = 0) -> String {
        guard depth < 32 else { return "…" }
        switch t.kind {
        case .szArray: return reflectionName(t.elementType!, format == .assemblyQualified ? .fullName : format, depth: depth + 1) + "[]" + assemblySuffix(t, format)
        case .array(let rank):
            let inner = rank == 1 ? "*" : String(repeating: ",", count: rank - 1)
            return reflectionName(t.elementType!, format == .assemblyQualified ? .fullName : format, depth: depth + 1) + "[" + inner + "]" + assemblySuffix(t, format)
        case .pointer: return reflectionName(t.elementType!, format == .assemblyQualified ? .fullName : format, depth: depth + 1) + "*" + assemblySuffix(t, format)
        case .byReference: return reflectionName(t.elementType!, format == .assemblyQualified ? .fullName : format, depth: depth + 1) + "&" + assemblySuffix(t, format)
        case .genericParameter: return t.name
        default: break
        }
        if format == .name { return t.name }
        var base = t.name
        var outer = t.declaringType
        var steps = 0
        while let o = outer, steps < 32 {
            base = o.name + "+" + base
            if o.declaringType == nil && !o.namespace.isEmpty { base = o.namespace + "." + base }
            outer = o.declaringType
            steps += 1
        }
        if t.declaringType == nil && !t.namespace.isEmpty { base = t.namespace + "." + base }
        if !t.genericArguments.isEmpty {
            let args = t.genericArguments.map { a -> String in
                switch format {
                case .display: return reflectionName(a, .display, depth: depth + 1)
                default: return "[" + reflectionName(a, .assemblyQualified, depth: depth + 1) + "]"
                }
            }
            base += "[" + args.joined(separator: ",") + "]"
        }
        return base + assemblySuffix(t, format)
    }

    private func assemblySuffix(_ t: RuntimeType, _ format: TypeNameFormat) -> String {
        guard format == .assemblyQualified else { return "" }
        var element = t
        while let e = element.elementType { element = e }
        guard let m = element.module else { return "" }
        return ", " + assemblyDisplayName(m)
    }

    /// "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089".
    func assemblyDisplayName(_ m: RuntimeModule) -> String {
        guard let identity = try? m.file.assemblyIdentity() else { return m.assemblyName }
        return identity.description
    }
}
