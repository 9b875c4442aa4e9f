import CILDisassembler
import CILInstructions
import CILMetadata

// Shared by the hostile-corpus test and the libFuzzer target (Fuzz/ReaderFuzzer), which
// compiles this file too: keep it free of Foundation and of Testing.

/// Everything the reader offers, run on one untrusted input: the PE/metadata loader in both
/// modes, the reverse index, every table column and heap reference, every signature blob,
/// every method body and its IL, and the whole disassembly (text and JSON) into a sink that
/// only counts bytes.
/// Malformed input must come out as `MetadataError`, `ILDecodingError` or disassembler
/// diagnostics (DESIGN.md decision 8); a trap, a hang or a huge allocation is a bug, which the
/// callers detect from outside (signal, clock, peak RSS).
struct ReaderPipeline {
    /// What one run saw: how far it got and which typed errors it met, by kind.
    struct Outcome: Sendable {
        /// `nil` when strict loading succeeded.
        var strictError: MetadataError?
        /// `nil` when lenient loading succeeded (then the deeper stages ran).
        var lenientError: MetadataError?
        var loadDiagnostics = 0
        var indexDiagnostics = 0
        var rowsRead = 0
        var signaturesDecoded = 0
        var bodiesRead = 0
        var instructionsDecoded = 0
        var disassemblyBytes = 0
        var disassemblyDiagnostics = 0
        /// Typed errors met by the deeper stages, keyed "MetadataError.<kind>" or
        /// "ILDecodingError.<kind>".
        var errors: [String: Int] = [:]

        mutating func note(_ e: MetadataError) { errors["MetadataError.\(e.kind.rawValue)", default: 0] += 1 }
        mutating func note(_ e: ILDecodingError) { errors["ILDecodingError.\(ReaderPipeline.caseName(e.kind))", default: 0] += 1 }
    }

    static func run(_ bytes: [UInt8]) -> Outcome {
        var outcome = Outcome()
        do {
            _ = try CLIFile(bytes: bytes, mode: .strict)
        } catch {
            outcome.strictError = error
        }
        let file: CLIFile
        do {
            file = try CLIFile(bytes: bytes, mode: .lenient)
        } catch {
            outcome.lenientError = error
            return outcome
        }
        outcome.loadDiagnostics = file.diagnostics.count
        let index = MetadataIndex(file)
        outcome.indexDiagnostics = index.diagnostics.count
        walkIndex(index)
        readEveryColumn(file, &outcome)
        var decoder = SignatureDecoder(provider: NodeCountingProvider(), file: file)
        decodeEverySignature(file, &decoder, &outcome)
        readEveryBody(file, &decoder, &outcome)
        _ = file.entryPoint
        disassemble(file, &outcome)
        return outcome
    }

    /// The case name of an enum value, without its payload ("truncatedOperand").
    static func caseName<K>(_ kind: K) -> String {
        let text = String(describing: kind)
        return String(text.prefix { $0 != "(" })
    }

    // MARK: stages

    /// The index's per-type queries, as `info` and the disassembler walk them.
    private static func walkIndex(_ index: MetadataIndex) {
        let types = index.file.rowCount(.typeDef)
        guard types > 0 else { return }
        for type in 1 ... types {
            _ = index.fields(of: type)
            for method in index.methods(of: type) { _ = index.params(of: method) }
            _ = index.propertyRows(of: type)
            _ = index.eventRows(of: type)
            _ = index.nestedTypes(of: type)
            _ = index.enclosingType(of: type)
            _ = index.genericParameters(of: MetadataToken(.typeDef, type))
            _ = index.attributes(of: MetadataToken(.typeDef, type))
        }
    }

    /// Every column of every row through the schema, with heap indices resolved and coded
    /// indices decoded, then every row through its typed reader.
    private static func readEveryColumn(_ file: CLIFile, _ outcome: inout Outcome) {
        for table in TableID.allCases {
            let rows = file.rowCount(table)
            guard rows > 0 else { continue }
            let columns = TableSchema.columns(table)
            for row in 1 ... rows {
                outcome.rowsRead += 1
                for (column, (_, kind)) in columns.enumerated() {
                    do {
                        let value = try file.tables.value(table, row, column)
                        switch kind {
                        case .fixed, .table: break
                        case .string: _ = try file.strings.string(value)
                        case .guid: if let g = try file.guids.guid(value) { _ = GuidHeap.format(g) }
                        case .blob: _ = try file.blobs.bytes(value)
                        case .coded(let coded): _ = try coded.decode(value)
                        }
                    } catch {
                        outcome.note(error)
                    }
                }
                do { try readTypedRow(file, table, row) } catch { outcome.note(error) }
            }
        }
    }

    private static func readTypedRow(_ f: CLIFile, _ table: TableID, _ r: UInt32) throws(MetadataError) {
        switch table {
        case .module: _ = try f.module(r)
        case .typeRef: _ = try f.typeRef(r)
        case .typeDef: _ = try f.typeDef(r)
        case .field: _ = try f.field(r)
        case .methodDef: _ = try f.methodDef(r)
        case .param: _ = try f.param(r)
        case .interfaceImpl: _ = try f.interfaceImpl(r)
        case .memberRef: _ = try f.memberRef(r)
        case .constant: _ = try f.constant(r)
        case .customAttribute: _ = try f.customAttribute(r)
        case .fieldMarshal: _ = try f.fieldMarshal(r)
        case .declSecurity: _ = try f.declSecurity(r)
        case .classLayout: _ = try f.classLayout(r)
        case .fieldLayout: _ = try f.fieldLayout(r)
        case .standAloneSig: _ = try f.standAloneSig(r)
        case .eventMap: _ = try f.eventMap(r)
        case .event: _ = try f.event(r)
        case .propertyMap: _ = try f.propertyMap(r)
        case .property: _ = try f.property(r)
        case .methodSemantics: _ = try f.methodSemantics(r)
        case .methodImpl: _ = try f.methodImpl(r)
        case .moduleRef: _ = try f.moduleRef(r)
        case .typeSpec: _ = try f.typeSpec(r)
        case .implMap: _ = try f.implMap(r)
        case .fieldRVA: _ = try f.fieldRVA(r)
        case .assembly: _ = try f.assembly(r)
        case .assemblyRef: _ = try f.assemblyRef(r)
        case .file: _ = try f.file(r)
        case .exportedType: _ = try f.exportedType(r)
        case .manifestResource: _ = try f.manifestResource(r)
        case .nestedClass: _ = try f.nestedClass(r)
        case .genericParam: _ = try f.genericParam(r)
        case .methodSpec: _ = try f.methodSpec(r)
        case .genericParamConstraint: _ = try f.genericParamConstraint(r)
        default: break  // *Ptr, ENC and OS/processor tables have no typed reader
        }
    }

    /// One call per signature-bearing column (II.23.2): methods, fields, properties, member
    /// references, stand-alone signatures (locals and `calli`), TypeSpecs and MethodSpecs.
    private static func decodeEverySignature(
        _ file: CLIFile, _ d: inout SignatureDecoder<NodeCountingProvider>, _ outcome: inout Outcome
    ) {
        func each(_ table: TableID, _ body: (UInt32) throws(MetadataError) -> Void) {
            let rows = file.rowCount(table)
            guard rows > 0 else { return }
            for row in 1 ... rows {
                do {
                    try body(row)
                    outcome.signaturesDecoded += 1
                } catch {
                    outcome.note(error)
                }
            }
        }
        each(.methodDef) { (r) throws(MetadataError) in _ = try d.methodSignature(blob: try file.methodDef(r).signature) }
        each(.field) { (r) throws(MetadataError) in _ = try d.fieldSignature(blob: try file.field(r).signature) }
        each(.property) { (r) throws(MetadataError) in _ = try d.propertySignature(blob: try file.property(r).signature) }
        each(.memberRef) { (r) throws(MetadataError) in try decodeBySignatureHeader(file, &d, try file.memberRef(r).signature) }
        each(.standAloneSig) { (r) throws(MetadataError) in try decodeBySignatureHeader(file, &d, try file.standAloneSig(r).signature) }
        each(.typeSpec) { (r) throws(MetadataError) in _ = try d.typeSpecSignature(row: r) }
        each(.methodSpec) { (r) throws(MetadataError) in _ = try d.methodSpecArguments(blob: try file.methodSpec(r).instantiation) }
        each(.typeDef) { (r) throws(MetadataError) in
            let extends = try file.typeDef(r).extends
            if !extends.isNil { _ = try d.type(token: extends) }
        }
        each(.genericParamConstraint) { (r) throws(MetadataError) in _ = try d.type(token: try file.genericParamConstraint(r).constraint) }
        each(.interfaceImpl) { (r) throws(MetadataError) in _ = try d.type(token: try file.interfaceImpl(r).interface) }
    }

    /// Blobs that may hold several kinds of signature are told apart by their first byte.
    private static func decodeBySignatureHeader(
        _ file: CLIFile, _ d: inout SignatureDecoder<NodeCountingProvider>, _ blob: UInt32
    ) throws(MetadataError) {
        var r = try file.blobs.reader(blob)
        switch SignatureHeader(try r.u8()).kind {
        case .field?: _ = try d.fieldSignature(blob: blob)
        case .localSignature?: _ = try d.localSignature(blob: blob)
        case .property?: _ = try d.propertySignature(blob: blob)
        case .methodSpec?: _ = try d.methodSpecArguments(blob: blob)
        default: _ = try d.methodSignature(blob: blob)
        }
    }

    /// Every method body: header, EH clauses and their check, locals, the IL stream with its
    /// branch check, and what each token operand names.
    private static func readEveryBody(
        _ file: CLIFile, _ d: inout SignatureDecoder<NodeCountingProvider>, _ outcome: inout Outcome
    ) {
        let methods = file.rowCount(.methodDef)
        guard methods > 0 else { return }
        for row in 1 ... methods {
            let body: MethodBody
            do {
                guard let b = try file.methodBody(row) else { continue }
                body = b
                outcome.bodiesRead += 1
                try file.validate(body)
            } catch {
                outcome.note(error)
                continue
            }
            if !body.localSignature.isNil {
                do throws(MetadataError) {
                    guard body.localSignature.table == .standAloneSig else {
                        throw MetadataError(.invalidValue, "locals token \(body.localSignature) is not a StandAloneSig")
                    }
                    _ = try d.localSignature(blob: try file.standAloneSig(body.localSignature.row).signature)
                } catch {
                    outcome.note(error)
                }
            }
            for clause in body.exceptionClauses where clause.kind == .exception {
                do { _ = try d.type(token: clause.catchType) } catch { outcome.note(error) }
            }
            let instructions: [Instruction]
            do {
                instructions = try ILDecoder(bytes: file.bytes, range: body.codeRange).decodeAll()
                try ILDecoder.validateBranchTargets(instructions, codeSize: body.codeSize)
            } catch {
                outcome.note(error)
                continue
            }
            outcome.instructionsDecoded += instructions.count
            for instruction in instructions {
                guard case .token(let value) = instruction.operand else { continue }
                do { try resolve(MetadataToken(value), file, &d) } catch { outcome.note(error) }
            }
        }
    }

    /// The disassembler reports what it cannot decode as diagnostics (and comments in the text).
    private static func disassemble(_ file: CLIFile, _ outcome: inout Outcome) {
        let disassembler = Disassembler(file: file)
        var bytes = 0
        disassembler.writeText { bytes += $0.count }
        outcome.disassemblyDiagnostics = disassembler.diagnostics.count
        disassembler.writeJSON { bytes += $0.count }
        outcome.disassemblyBytes = bytes
    }

    /// What the disassembler does with an operand token: name its type, member or string.
    private static func resolve(
        _ token: MetadataToken, _ file: CLIFile, _ d: inout SignatureDecoder<NodeCountingProvider>
    ) throws(MetadataError) {
        if token.tableNumber == MetadataToken.userStringTable {
            _ = try file.userStrings.string(token.row)
            return
        }
        guard let table = token.table, file.tables.contains(token) else {
            throw MetadataError(.outOfRange, "token \(token) names no row")
        }
        switch table {
        case .typeDef, .typeRef, .typeSpec: _ = try d.type(token: token)
        case .methodDef: _ = try d.methodSignature(blob: try file.methodDef(token.row).signature)
        case .field: _ = try d.fieldSignature(blob: try file.field(token.row).signature)
        case .memberRef: try decodeBySignatureHeader(file, &d, try file.memberRef(token.row).signature)
        case .methodSpec: _ = try d.methodSpecArguments(blob: try file.methodSpec(token.row).instantiation)
        case .standAloneSig: _ = try d.methodSignature(blob: try file.standAloneSig(token.row).signature)
        default: break
        }
    }
}

/// A provider that builds nothing: it counts type nodes (wrapping, since a hostile blob
/// could make the count overflow), which is enough to walk the whole grammar.
struct NodeCountingProvider: SignatureTypeProvider {
    typealias TypeRepresentation = Int
    func primitive(_ type: ElementType) -> Int { 1 }
    func typeFromDefinitionOrReference(_ token: MetadataToken, isValueType: Bool) -> Int { 1 }
    func szArray(_ element: Int) -> Int { element &+ 1 }
    func array(_ element: Int, shape: ArrayShape) -> Int { element &+ 1 }
    func pointer(_ element: Int) -> Int { element &+ 1 }
    func byReference(_ element: Int) -> Int { element &+ 1 }
    func pinned(_ element: Int) -> Int { element &+ 1 }
    func genericInstance(_ generic: Int, arguments: [Int]) -> Int { arguments.reduce(generic &+ 1, &+) }
    func genericTypeParameter(_ index: Int) -> Int { 1 }
    func genericMethodParameter(_ index: Int) -> Int { 1 }
    func functionPointer(_ signature: MethodSignature<Int>) -> Int { signature.parameterTypes.reduce(signature.returnType &+ 1, &+) }
    func modified(_ type: Int, modifier: Int, isRequired: Bool) -> Int { type &+ modifier }
}
