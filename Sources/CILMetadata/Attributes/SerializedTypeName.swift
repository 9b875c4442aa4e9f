/// A serialized type name as stored in attribute blobs (II.23.3: `System.Type` values and enum
/// FieldOrPropTypes): `Ns.Outer+Inner[[Arg, Asm]], Assembly, Version=…, Culture=…, PublicKeyToken=…`.
/// Only the split between the type part and the assembly part is needed here.
public struct SerializedTypeName: Sendable, Equatable {
    /// Everything before the assembly part (generic arguments and array suffixes included).
    public var typeName: String
    /// The assembly display name after the first top-level comma, if any.
    public var assemblyDisplayName: String?

    /// The simple name of the assembly (`mscorlib` in `mscorlib, Version=4.0.0.0, …`).
    public var assemblySimpleName: String? {
        guard let assemblyDisplayName else { return nil }
        let simple = assemblyDisplayName.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return simple.trimmingSpaces()
    }

    public init(parsing text: String) {
        // The first comma outside brackets and not escaped with a backslash ends the type name.
        var depth = 0
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "[" {
                depth += 1
            } else if ch == "]" {
                depth = max(0, depth - 1)
            } else if ch == "," && depth == 0 {
                typeName = String(text[..<index]).trimmingSpaces()
                let rest = String(text[text.index(after: index)...]).trimmingSpaces()
                assemblyDisplayName = rest.isEmpty ? nil : rest
                return
            }
            index = text.index(after: index)
        }
        typeName = text.trimmingSpaces()
        assemblyDisplayName = nil
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
