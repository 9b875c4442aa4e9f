/// Reflection type names as attribute blobs store `System.Type` values and enum types
/// (II.23.3): `Ns.Outer+Inner`1[[Arg, Asm],[Arg2]][], Assembly, Version=…`, with `\` escaping
/// the delimiters inside names. Parsed with depth and length bounds (hostile input), then
/// resolved like Mono's mono_reflection_type_from_name: in the named assembly, or else in the
/// module that holds the blob and then in mscorlib.
struct ParsedTypeName {
    enum Modifier: Equatable { case szArray, array(rank: Int), pointer, byReference }

    /// The top-level name (with namespace) followed by nested type names.
    var names: [String] = []
    var genericArguments: [ParsedTypeName] = []
    var modifiers: [Modifier] = []
    /// The assembly display name, when the name is assembly-qualified.
    var assembly: String?

    static let maxDepth = 16
    static let maxLength = 64 * 1024

    /// nil when `text` is not a well-formed type name.
    static func parse(_ text: String) -> ParsedTypeName? {
        guard text.utf8.count <= maxLength else { return nil }
        var p = Parser(chars: Array(text.unicodeScalars))
        guard let result = p.typeName(allowAssembly: true, depth: 0) else { return nil }
        p.skipSpaces()
        return p.index == p.chars.count ? result : nil
    }

    private struct Parser {
        let chars: [Unicode.Scalar]
        var index = 0

        var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }

        mutating func skipSpaces() { while let c = current, c == " " { index += 1 } }

        /// A name part up to an unescaped delimiter.
        mutating func identifier() -> String? {
            var s = String.UnicodeScalarView()
            while let c = current {
                if c == "\\" {
                    index += 1
                    guard let e = current else { return nil }
                    s.append(e)
                    index += 1
                    continue
                }
                if c == "+" || c == "," || c == "[" || c == "]" || c == "*" || c == "&" { break }
                s.append(c)
                index += 1
            }
            let name = String(s)
            return name.isEmpty ? nil : name
        }

        mutating func typeName(allowAssembly: Bool, depth: Int) -> ParsedTypeName? {
            guard depth < ParsedTypeName.maxDepth else { return nil }
            var result = ParsedTypeName()
            skipSpaces()
            guard let first = identifier() else { return nil }
            result.names.append(first)
            while current == "+" {
                index += 1
                guard let nested = identifier() else { return nil }
                result.names.append(nested)
            }
            // Generic arguments: '[' not followed by ']', ',' or '*'.
            if current == "[", index + 1 < chars.count, chars[index + 1] != "]", chars[index + 1] != ",", chars[index + 1] != "*" {
                index += 1
                while true {
                    skipSpaces()
                    let argument: ParsedTypeName
                    if current == "[" {
                        index += 1
                        guard let a = typeName(allowAssembly: true, depth: depth + 1) else { return nil }
                        skipSpaces()
                        guard current == "]" else { return nil }
                        index += 1
                        argument = a
                    } else {
                        guard let a = typeName(allowAssembly: false, depth: depth + 1) else { return nil }
                        argument = a
                    }
                    result.genericArguments.append(argument)
                    skipSpaces()
                    if current == "," { index += 1; continue }
                    guard current == "]" else { return nil }
                    index += 1
                    break
                }
            }
            while let c = current {
                if c == "*" { result.modifiers.append(.pointer); index += 1 }
                else if c == "&" { result.modifiers.append(.byReference); index += 1 }
                else if c == "[" {
                    index += 1
                    var rank = 1
                    var bounded = false
                    while let d = current, d != "]" {
                        if d == "," { rank += 1 } else if d == "*" { bounded = true } else { return nil }
                        index += 1
                    }
                    guard current == "]", rank <= 32 else { return nil }
                    index += 1
                    result.modifiers.append(rank == 1 && !bounded ? .szArray : .array(rank: rank))
                } else { break }
                guard result.modifiers.count <= 32 else { return nil }
            }
            skipSpaces()
            if allowAssembly, current == "," {
                index += 1
                var s = String.UnicodeScalarView()
                while let c = current, c != "]" { s.append(c); index += 1 }
                let assembly = String(s).trimmingCharacters(in: " ")
                guard !assembly.isEmpty else { return nil }
                result.assembly = assembly
            }
            return result
        }
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

extension Runtime {
    /// The type a reflection type name denotes, or nil when it names nothing loadable.
    func type(named parsed: ParsedTypeName, home: RuntimeModule?, searchCorlib: Bool = true) throws(RuntimeError) -> RuntimeType? {
        var candidates: [RuntimeModule] = []
        if let assembly = parsed.assembly {
            let simple = assembly.split(separator: ",", maxSplits: 1).first.map { String($0).trimmingCharacters(in: " ") } ?? assembly
            guard let m = try? resolver.resolve(simple, runtime: self) else { return nil }
            candidates = [m]
        } else {
            if let home { candidates.append(home) }
            if searchCorlib && !candidates.contains(where: { $0 === corlib }) { candidates.append(corlib) }
        }
        guard let top = parsed.names.first else { return nil }
        var found: RuntimeType?
        for module in candidates {
            let dot = top.lastIndex(of: ".")
            let ns = dot.map { String(top[..<$0]) } ?? ""
            let name = dot.map { String(top[top.index(after: $0)...]) } ?? top
            if let t = try? findType(in: module, namespace: ns, name: name, depth: 0) { found = t; break }
        }
        guard var t = found else { return nil }
        for nestedName in parsed.names.dropFirst() {
            guard let m = t.module, let row = m.findNestedType(in: t.typeDefRow, name: nestedName) else { return nil }
            t = try typeDef(m, row)
        }
        if !parsed.genericArguments.isEmpty {
            var arguments: [RuntimeType] = []
            for a in parsed.genericArguments {
                guard let at = try type(named: a, home: home) else { return nil }
                arguments.append(at)
            }
            t = try instantiate(t, arguments)
        }
        for modifier in parsed.modifiers {
            switch modifier {
            case .szArray: t = try szArrayType(of: t)
            case .array(let rank): t = try arrayType(of: t, rank: rank)
            case .pointer: t = try pointerType(to: t)
            case .byReference: t = try byReferenceType(to: t)
            }
        }
        return t
    }

    func type(named text: String, home: RuntimeModule?) throws(RuntimeError) -> RuntimeType? {
        guard let parsed = ParsedTypeName.parse(text) else { return nil }
        return try type(named: parsed, home: home)
    }
}
