/// The identity of an assembly, from its Assembly row (II.22.2) or an AssemblyRef row (II.22.5):
/// what a loader matches on (name, version, culture, public key token).
public struct AssemblyReferenceInfo: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var version: AssemblyVersion
    /// The culture name; empty means culture-neutral.
    public var culture: String
    /// II.23.1.2 AssemblyFlags as stored.
    public var flags: UInt32
    /// The full public key, when the row stores one (always for an Assembly row that has a key;
    /// for an AssemblyRef only with flag `publicKey`).
    public var publicKey: [UInt8]?
    /// The 8-byte token: stored (AssemblyRef without `publicKey`) or computed from the full key.
    /// `nil` when the assembly has no strong name.
    public var publicKeyToken: [UInt8]?
    /// AssemblyRef.HashValue (II.22.5), when present.
    public var hashValue: [UInt8]?

    /// II.23.1.2: the PublicKeyOrToken column holds a full key, not a token.
    public static let publicKeyFlag: UInt32 = 0x0001
    public static let retargetableFlag: UInt32 = 0x0100

    /// `null` or 16 lowercase hex digits, as in display names.
    public var publicKeyTokenText: String {
        guard let publicKeyToken else { return "null" }
        return publicKeyToken.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// The display name, `Name, Version=a.b.c.d, Culture=neutral, PublicKeyToken=…` (II.6.2.1.3).
    public var description: String {
        "\(name), Version=\(version.dotted), Culture=\(culture.isEmpty ? "neutral" : culture), PublicKeyToken=\(publicKeyTokenText)"
    }

    /// II.6.2.1.3: the token is the low 8 bytes of SHA-1 of the public key, in reverse order.
    public static func publicKeyToken(fromPublicKey key: [UInt8]) -> [UInt8] {
        Array(SHA1.hash(key).suffix(8).reversed())
    }
}

extension CLIFile {
    /// The identity of this assembly (its Assembly row), or `nil` for a module without one.
    public func assemblyIdentity() throws(MetadataError) -> AssemblyReferenceInfo? {
        guard rowCount(.assembly) > 0 else { return nil }
        let row = try assembly(1)
        do throws(MetadataError) {
            let key = try blobs.bytes(row.publicKey)
            // II.22.2: the Assembly row always stores the full key (never a token), whatever its flags.
            return AssemblyReferenceInfo(
                name: try string(row.name), version: row.version, culture: try string(row.culture), flags: row.flags,
                publicKey: key.isEmpty ? nil : key,
                publicKeyToken: key.isEmpty ? nil : AssemblyReferenceInfo.publicKeyToken(fromPublicKey: key),
                hashValue: nil)
        } catch { throw error.located(.tableRow(.assembly, 1)) }
    }

    public func assemblyReference(_ r: UInt32) throws(MetadataError) -> AssemblyReferenceInfo {
        let row = try assemblyRef(r)
        do throws(MetadataError) {
            let stored = try blobs.bytes(row.publicKeyOrToken)
            let hash = try blobs.bytes(row.hashValue)
            var key: [UInt8]? = nil
            var token: [UInt8]? = nil
            if !stored.isEmpty {
                if row.flags & AssemblyReferenceInfo.publicKeyFlag != 0 {
                    key = stored
                    token = AssemblyReferenceInfo.publicKeyToken(fromPublicKey: stored)
                } else {
                    // II.22.5: otherwise the column holds the 8-byte token itself.
                    if stored.count != 8 && mode == .strict {
                        throw MetadataError(.invalidValue, "public key token of \(stored.count) bytes (8 expected)", at: .tableRow(.assemblyRef, r))
                    }
                    token = stored
                }
            }
            return AssemblyReferenceInfo(name: try string(row.name), version: row.version, culture: try string(row.culture),
                                         flags: row.flags, publicKey: key, publicKeyToken: token,
                                         hashValue: hash.isEmpty ? nil : hash)
        } catch { throw error.located(.tableRow(.assemblyRef, r)) }
    }

    /// Every AssemblyRef row, in table order.
    public func assemblyReferences() throws(MetadataError) -> [AssemblyReferenceInfo] {
        var out: [AssemblyReferenceInfo] = []
        for r in stride(from: UInt32(1), through: rowCount(.assemblyRef), by: 1) { out.append(try assemblyReference(r)) }
        return out
    }
}
