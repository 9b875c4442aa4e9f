/// The CLI header (II.25.3.3): where the metadata, resources and entry point are.
public struct CLIHeader: Sendable {
    public var size: UInt32
    public var majorRuntimeVersion: UInt16
    public var minorRuntimeVersion: UInt16
    public var metadata: PEImage.DataDirectory
    public var flags: UInt32
    /// A MethodDef or File token (II.25.3.3.2), or an RVA when `flags` has NATIVE_ENTRYPOINT.
    public var entryPointToken: UInt32
    public var resources: PEImage.DataDirectory
    public var strongNameSignature: PEImage.DataDirectory
    public var codeManagerTable: PEImage.DataDirectory
    public var vtableFixups: PEImage.DataDirectory
    public var exportAddressTableJumps: PEImage.DataDirectory
    public var managedNativeHeader: PEImage.DataDirectory

    /// II.25.3.3.1 runtime flags.
    public static let ilOnly: UInt32 = 0x1
    public static let requires32Bit: UInt32 = 0x2
    public static let strongNameSigned: UInt32 = 0x8
    public static let nativeEntryPoint: UInt32 = 0x10
    public static let trackDebugData: UInt32 = 0x10000
    public static let prefers32Bit: UInt32 = 0x20000

    init(reading r: inout ByteReader) throws(MetadataError) {
        func directory(_ r: inout ByteReader) throws(MetadataError) -> PEImage.DataDirectory {
            PEImage.DataDirectory(rva: try r.u32(), size: try r.u32())
        }
        size = try r.u32()
        majorRuntimeVersion = try r.u16()
        minorRuntimeVersion = try r.u16()
        metadata = try directory(&r)
        flags = try r.u32()
        entryPointToken = try r.u32()
        resources = try directory(&r)
        strongNameSignature = try directory(&r)
        codeManagerTable = try directory(&r)
        vtableFixups = try directory(&r)
        exportAddressTableJumps = try directory(&r)
        managedNativeHeader = try directory(&r)
    }
}
