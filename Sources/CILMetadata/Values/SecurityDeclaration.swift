/// A DeclSecurity row (II.22.11): a declarative security action and its permission set, kept as
/// the raw blob (the XML of II.22.11, or the binary form that starts with '.').
public struct SecurityDeclaration: Sendable, Equatable {
    public var row: UInt32
    /// The System.Security.Permissions.SecurityAction value (II.22.11).
    public var action: UInt16
    /// The TypeDef, MethodDef or Assembly the declaration applies to.
    public var parent: MetadataToken
    public var permissionSet: [UInt8]

    /// `true` for the binary permission set format ('.', a count, then attribute blobs).
    public var isBinaryFormat: Bool { permissionSet.first == 0x2E }

    /// The action's name as ilasm writes it, or `nil` for a value outside II.22.11's list.
    public var actionName: String? { Self.actionName(action) }

    /// II.22.11 DeclSecurity action names, as ilasm spells them.
    public static func actionName(_ action: UInt16) -> String? {
        switch action {
        case 1: "request"
        case 2: "demand"
        case 3: "assert"
        case 4: "deny"
        case 5: "permitonly"
        case 6: "linkcheck"
        case 7: "inheritcheck"
        case 8: "reqmin"
        case 9: "reqopt"
        case 10: "reqrefuse"
        case 11: "prejitgrant"
        case 12: "prejitdeny"
        case 13: "noncasdemand"
        case 14: "noncaslinkdemand"
        case 15: "noncasinheritance"
        default: nil
        }
    }
}

extension CLIFile {
    public func securityDeclaration(_ r: UInt32) throws(MetadataError) -> SecurityDeclaration {
        let row = try declSecurity(r)
        do throws(MetadataError) {
            return SecurityDeclaration(row: r, action: row.action, parent: row.parent, permissionSet: try blobs.bytes(row.permissionSet))
        } catch { throw error.located(.tableRow(.declSecurity, r)) }
    }

    /// Every DeclSecurity row, in table order.
    public func securityDeclarations() throws(MetadataError) -> [SecurityDeclaration] {
        var out: [SecurityDeclaration] = []
        for r in stride(from: UInt32(1), through: rowCount(.declSecurity), by: 1) { out.append(try securityDeclaration(r)) }
        return out
    }
}
