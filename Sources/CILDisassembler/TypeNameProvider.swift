import CILMetadata

/// A type as ilasm text (II.7.1 `type` grammar), as the signature decoder builds it.
struct TypeText: Sendable {
    var bytes: [UInt8]
    /// For a plain TypeDef/TypeRef (`class [mscorlib]System.Object`), where the bare name starts
    /// after the `class `/`valuetype ` keyword; 0 for every other shape. Modifiers
    /// (`modreq(…)`) and `typeSpec` positions want the bare name.
    var nameStart: Int = 0

    init(_ bytes: [UInt8], nameStart: Int = 0) {
        self.bytes = bytes
        self.nameStart = nameStart
    }

    /// The `typeSpec` form (II.7.3): a bare class name for a TypeDef/TypeRef, the full type otherwise.
    var typeSpecForm: ArraySlice<UInt8> { bytes[nameStart...] }
}

/// Renders signature types in ilasm syntax: `int32`, `class [mscorlib]System.String`,
/// `valuetype N.S`, `!0`, `!!0`, `int32[0...,0...]`, `class G\`1<int32>`, `method void *(int32)`,
/// `int32 modreq([mscorlib]System.Runtime.CompilerServices.IsVolatile)`.
///
/// Generic parameters are written by number (`!0`, `!!0`): that is what a signature stores, and
/// ilasm accepts the number in every position, so no name lookup can go wrong.
struct TypeNameProvider: SignatureTypeProvider {
    typealias TypeRepresentation = TypeText

    let names: TokenNames

    /// II.23.1.16 element types that have a keyword of their own (II.7.1).
    static let primitiveNames: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: 0x20)
        func set(_ e: ElementType, _ s: String) { table[Int(e.rawValue)] = Array(s.utf8) }
        set(.void, "void"); set(.boolean, "bool"); set(.char, "char")
        set(.int8, "int8"); set(.uint8, "uint8"); set(.int16, "int16"); set(.uint16, "uint16")
        set(.int32, "int32"); set(.uint32, "uint32"); set(.int64, "int64"); set(.uint64, "uint64")
        set(.float32, "float32"); set(.float64, "float64"); set(.string, "string")
        set(.typedReference, "typedref"); set(.intPtr, "native int"); set(.uintPtr, "native uint")
        set(.object, "object")
        return table
    }()

    func primitive(_ type: ElementType) -> TypeText {
        let i = Int(type.rawValue)
        if i < Self.primitiveNames.count, !Self.primitiveNames[i].isEmpty { return TypeText(Self.primitiveNames[i]) }
        return TypeText(Array("'<element type \(type.rawValue)>'".utf8))
    }

    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> TypeText {
        let name = names.typeNameOrPlaceholder(token)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.count + 10)
        if isValueType { bytes.append(contentsOf: "valuetype ".utf8) } else { bytes.append(contentsOf: "class ".utf8) }
        let start = bytes.count
        bytes.append(contentsOf: name)
        return TypeText(bytes, nameStart: start)
    }

    func szArray(_ element: TypeText) -> TypeText {
        TypeText(element.bytes + [UInt8(ascii: "["), UInt8(ascii: "]")])
    }

    /// II.23.2.13 ArrayShape as ilasm bounds (II.14.2): `lo...hi`, `lo...`, a size, or nothing.
    func array(_ element: TypeText, shape: ArrayShape) -> TypeText {
        var out = OutputBuffer(scratchCapacity: 64)
        out.write(element.bytes)
        out.byte(UInt8(ascii: "["))
        for i in 0 ..< shape.rank {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            let lower: Int? = i < shape.lowerBounds.count ? shape.lowerBounds[i] : nil
            let size: Int? = i < shape.sizes.count ? shape.sizes[i] : nil
            switch (lower, size) {
            case let (lo?, n?):
                out.decimal(lo); out.write("..."); out.decimal(lo + n - 1)
            case let (lo?, nil):
                out.decimal(lo); out.write("...")
            case let (nil, n?):
                out.decimal(n)
            case (nil, nil):
                // A rank-1 array without bounds must still differ from `[]` (a vector).
                if shape.rank == 1 { out.write("...") }
            }
        }
        out.byte(UInt8(ascii: "]"))
        return TypeText(out.bytes)
    }

    func pointer(_ element: TypeText) -> TypeText { TypeText(element.bytes + [UInt8(ascii: "*")]) }

    func byReference(_ element: TypeText) -> TypeText { TypeText(element.bytes + [UInt8(ascii: "&")]) }

    func pinned(_ element: TypeText) -> TypeText { TypeText(element.bytes + Array(" pinned".utf8)) }

    func genericInstance(_ generic: TypeText, arguments: [TypeText]) -> TypeText {
        var bytes = generic.bytes
        bytes.append(UInt8(ascii: "<"))
        for (i, a) in arguments.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: a.bytes)
        }
        bytes.append(UInt8(ascii: ">"))
        return TypeText(bytes)
    }

    func genericTypeParameter(_ index: Int) -> TypeText { TypeText(Array("!\(index)".utf8)) }

    func genericMethodParameter(_ index: Int) -> TypeText { TypeText(Array("!!\(index)".utf8)) }

    /// II.14.5 method pointers: `method callConv type *(params)`.
    func functionPointer(_ signature: MethodSignature<TypeText>) -> TypeText {
        var out = OutputBuffer(scratchCapacity: 64)
        out.write("method ")
        FlagsText.callingConvention(signature.header.rawValue, to: &out)
        out.write(signature.returnType.bytes)
        out.write(" *")
        SignatureText.parameterList(signature, to: &out)
        return TypeText(out.bytes)
    }

    /// II.7.1.1 custom modifiers follow the type they modify.
    func modified(_ type: TypeText, modifier: TypeText, isRequired: Bool) -> TypeText {
        var bytes = type.bytes
        bytes.append(contentsOf: (isRequired ? " modreq(" : " modopt(").utf8)
        bytes.append(contentsOf: modifier.typeSpecForm)
        bytes.append(UInt8(ascii: ")"))
        return TypeText(bytes)
    }
}

/// Pieces of method signatures shared by definitions, references and `calli`.
enum SignatureText {
    /// `(a, b, ..., c)`: parameter types, with the vararg sentinel (II.23.2.2) as `...`.
    static func parameterList(_ signature: MethodSignature<TypeText>, to out: inout OutputBuffer) {
        out.byte(UInt8(ascii: "("))
        for (i, p) in signature.parameterTypes.enumerated() {
            if i > 0 { out.write(", ") }
            if i == signature.requiredParameterCount && signature.hasSentinel { out.write("..., ") }
            out.write(p.bytes)
        }
        out.byte(UInt8(ascii: ")"))
    }
}
