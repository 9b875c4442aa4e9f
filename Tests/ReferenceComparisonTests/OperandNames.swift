import CILMetadata

/// The simple name (no namespace, no signature) of what a token names, to check against the
/// text monodis prints. TypeSpecs have no single name and return nil.
struct OperandNames {
    let file: CLIFile

    init(file: CLIFile) { self.file = file }

    mutating func simpleName(_ token: MetadataToken) throws -> String? {
        switch token.table {
        case .typeDef?: return try file.string(file.typeDef(token.row).name)
        case .typeRef?: return try file.string(file.typeRef(token.row).name)
        case .methodDef?: return try file.string(file.methodDef(token.row).name)
        case .field?: return try file.string(file.field(token.row).name)
        case .memberRef?: return try file.string(file.memberRef(token.row).name)
        case .methodSpec?: return try simpleName(file.methodSpec(token.row).method)
        case .typeSpec?, .standAloneSig?: return nil
        default: throw MetadataError(.invalidValue, "unexpected token \(token) as an operand")
        }
    }
}
