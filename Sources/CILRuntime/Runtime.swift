import CILMetadata

/// Limits on a guest run (DESIGN decision 7). A run that reaches one stops cleanly and says which.
public struct RuntimeOptions: Sendable {
    public var bclDirectory: String
    public var maxInstructions: UInt64 = .max
    public var timeoutSeconds: Double = .infinity
    public var heapBytes: Int = 512 << 20
    public var stackBytes: Int = 64 << 20
    public var maxCallDepth: Int = 200_000
    public var maxOutputBytes: Int = 64 << 20
    public var trace: Bool = false
    /// Report every exception when it is thrown (type and guest stack), caught or not.
    public var traceExceptions: Bool = false
    /// Test-only: an IL mnemonic whose semantics the transform deliberately breaks, so that the
    /// differential fuzzer's own test can prove it finds and reduces a wrong opcode. Supported:
    /// `xor` (computes `or`) and `add` (computes `sub`), in the program's own methods only (the
    /// class libraries keep working). Never set outside that test.
    public var injectedFault: String?

    public init(bclDirectory: String) { self.bclDirectory = bclDirectory }
}

/// One emulated .NET runtime instance: the address space, the loaded assemblies and types,
/// the heap, and the natives. Nothing in it touches the host beyond reading assemblies.
public final class Runtime {
    public let options: RuntimeOptions
    public let space: AddressSpace
    public let heap: GCHeap
    let unmanaged: UnmanagedHeap
    let resolver: AssemblyResolver
    /// Every loaded type by id; index 0 is unused so that a zero header means "no object".
    var types: [RuntimeType?] = [nil]
    var genericInstances: [GenericKey: RuntimeType] = [:]
    var genericParameterPlaceholders: [Int: RuntimeType] = [:]
    private var staticsRegion: Region
    private var staticsNext: UInt64
    var corlib: RuntimeModule!
    var coreCache: [String: RuntimeType] = [:]
    public internal(set) var program: RuntimeModule?
    let natives: NativeRegistry
    let methodHandles = HandleTable<RuntimeMethod>()
    let fieldHandles = HandleTable<RuntimeField>()
    var virtualCache: [VirtualKey: RuntimeMethod] = [:]
    /// Instructions left before the next budget check (see Budget.swift).
    var instructionBudget: Int = 0
    var grantedInstructions: Int = 0
    var executedInstructions: UInt64 = 0
    var startTime: Double = 0
    var tracing: Bool { options.trace }
    var traceSink: ((String) -> Void)?
    var mainThread: GuestThread!
    /// Objects kept alive for the whole run (failed type initializers' exceptions, …).
    var pinnedObjects: [UInt64] = []
    /// Objects a native holds while it allocates more (pushed and popped by the native).
    var nativeRoots: [UInt64] = []
    /// What Mono prints for the exception that ended the run: its ToString() (UnhandledReport.swift).
    var unhandledReport: String?
    var typeObjects: [UInt32: UInt64] = [:]
    var cachedDelegateFields: DelegateFields?
    var ephemeronTombstone: UInt64 = 0
    /// GC handles, ephemerons and finalization (WeakReferences.swift, Finalization.swift).
    let gcReferences = GCReferences()
    /// Guest threads, monitors and thread-static values (Scheduler.swift).
    let scheduler = Scheduler()
    /// Types of the extra arguments of each vararg call site (index = cookie; 0 unused).
    var varargCookies: [[RuntimeType]] = [[]]
    /// Receives guest console output as it is written (the CLI streams it; tests collect it).
    public var outputSink: (([UInt8], Bool) -> Void)?
    /// Environment.ExitCode as the guest set it.
    var exitCode: Int32 = 0
    /// The profile's clock: starts at a fixed instant and advances with executed instructions,
    /// and jumps forward when every guest thread sleeps.
    var virtualClockMilliseconds: Int64 { 1_000_000 + Int64(instructionCount / 100_000) + scheduler.clockSkew }
    var nextHash: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// What the guest wrote to its standard streams (DESIGN decision 2: nothing reaches the host directly).
    public internal(set) var standardOutput: [UInt8] = []
    public internal(set) var standardError: [UInt8] = []
    /// Strings interned by content (II.24.2.4 literals and String.Intern).
    var internTable: [[UInt16]: UInt64] = [:]

    struct GenericKey: Hashable {
        var definition: ObjectIdentifier
        var arguments: [ObjectIdentifier]
    }

    public init(options: RuntimeOptions, programDirectory: String?) throws(RuntimeError) {
        self.options = options
        space = try AddressSpace(capacity: 64 << 30)
        let heapRegion = try space.reserveRegion(max(options.heapBytes * 2, 64 << 20), "heap")
        heap = try GCHeap(space: space, region: heapRegion, budget: options.heapBytes)
        staticsRegion = try space.reserveRegion(256 << 20, "statics")
        unmanaged = try UnmanagedHeap(space: space, size: 256 << 20)
        staticsNext = staticsRegion.start
        resolver = AssemblyResolver(programDirectory: programDirectory, bclDirectory: options.bclDirectory)
        natives = NativeRegistry()
        corlib = try resolver.resolve("mscorlib", runtime: self)
    }

    /// Loads the program whose entry point `run` will call.
    public func loadProgram(path: String) throws(RuntimeError) -> RuntimeModule {
        let module = try RuntimeModule.load(path: path, runtime: self)
        resolver.register(module)
        program = module
        return module
    }

    func register(_ type: RuntimeType) {
        type.id = UInt32(types.count)
        types.append(type)
    }

    @inline(__always)
    func type(id: UInt32) -> RuntimeType? {
        Int(id) < types.count ? types[Int(id)] : nil
    }

    /// Zeroed, 8-aligned bytes for a type's statics (never moved, never freed).
    func allocateStatics(_ size: Int) throws(RuntimeError) -> UInt64 {
        let aligned = UInt64((max(size, 8) + 7) & ~7)
        guard staticsNext + aligned <= staticsRegion.end else {
            throw RuntimeError(.budgetExhausted, "static data exceeds \(staticsRegion.size >> 20) MiB")
        }
        defer { staticsNext += aligned }
        return staticsNext
    }

    var staticsRange: Range<UInt64> { staticsRegion.start ..< staticsNext }
}
