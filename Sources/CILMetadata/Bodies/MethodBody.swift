/// A method body (II.25.4): header, IL code and exception-handling clauses.
public struct MethodBody: Sendable {
    public enum HeaderFormat: Sendable { case tiny, fat }

    public var format: HeaderFormat
    public var maxStack: Int
    /// `true` when the fat header's CorILMethod_InitLocals flag is set (`.locals init`).
    public var initLocals: Bool
    /// StandAloneSig token of the locals, or nil (0).
    public var localSignature: MetadataToken
    /// Absolute range of the IL code in the file's bytes.
    public var codeRange: Range<Int>
    public var exceptionClauses: [ExceptionClause]
    /// File offset of the header.
    public var fileOffset: Int
    /// Header size + code size + sections, for `info` and the disassembler's comments.
    public var totalSize: Int

    public var codeSize: Int { codeRange.count }
}

/// One exception-handling clause (II.25.4.6). Offsets are relative to the start of the IL code.
public struct ExceptionClause: Sendable, Equatable {
    public enum Kind: UInt32, Sendable {
        case exception = 0, filter = 1, finally = 2, fault = 4
    }
    public var kind: Kind
    public var tryOffset: Int
    public var tryLength: Int
    public var handlerOffset: Int
    public var handlerLength: Int
    /// For `.exception`: the caught type's token. For `.filter`: the filter code's IL offset (in `filterOffset`).
    public var catchType: MetadataToken
    public var filterOffset: Int

    public var tryEnd: Int { tryOffset + tryLength }
    public var handlerEnd: Int { handlerOffset + handlerLength }
}

extension CLIFile {
    /// Upper bound on a method's IL size; real bodies are far smaller, and a bigger claim is hostile.
    public static let maxCodeSize = 64 << 20
    /// Upper bound on EH clauses per method.
    public static let maxExceptionClauses = 1 << 16

    /// Reads the body of MethodDef `row`, or returns nil if it has none (RVA 0: abstract,
    /// runtime, internal call or P/Invoke).
    public func methodBody(_ row: UInt32) throws(MetadataError) -> MethodBody? {
        let method = try methodDef(row)
        guard method.rva != 0 else { return nil }
        do { return try methodBody(atRVA: method.rva) } catch {
            throw error.located(.method(token: MetadataToken(.methodDef, row).value, ilOffset: nil))
        }
    }

    public func methodBody(atRVA rva: UInt32) throws(MetadataError) -> MethodBody {
        var r = try pe.reader(atRVA: rva, what: "method body")
        let start = r.position
        let first = try r.u8()
        // II.25.4.2: tiny header, 2 low bits 0b10, code size in the upper 6 bits.
        if first & 0x3 == 0x2 {
            let size = Int(first >> 2)
            let code = try r.range(size)
            return MethodBody(format: .tiny, maxStack: 8, initLocals: false, localSignature: MetadataToken(0),
                              codeRange: code, exceptionClauses: [], fileOffset: start, totalSize: 1 + size)
        }
        // II.25.4.3: fat header, 12 bits of flags and 4 bits of header size in dwords.
        guard first & 0x3 == 0x3 else {
            throw MetadataError(.invalidValue, "method header byte 0x\(String(first, radix: 16)) is neither tiny nor fat", at: .fileOffset(start))
        }
        try r.seek(relative: 0)
        let flagsAndSize = try r.u16()
        let headerSize = Int(flagsAndSize >> 12) * 4
        guard headerSize >= 12 else {
            throw MetadataError(.invalidValue, "fat header size \(headerSize) bytes", at: .fileOffset(start))
        }
        let maxStack = Int(try r.u16())
        let codeSize = Int(try r.u32())
        let localSig = try r.u32()
        guard codeSize <= CLIFile.maxCodeSize else {
            throw MetadataError(.tooLarge, "code size \(codeSize)", at: .fileOffset(start + 4))
        }
        try r.seek(relative: headerSize)
        let code = try r.range(codeSize)
        var clauses: [ExceptionClause] = []
        var more = flagsAndSize & 0x8 != 0  // CorILMethod_MoreSects
        while more {
            // II.25.4.5: sections start on a 4-byte boundary after the code.
            try r.align(to: 4)
            let sectionStart = r.position
            let kind = try r.u8()
            more = kind & 0x80 != 0
            let fat = kind & 0x40 != 0
            let dataSize: Int
            if fat {
                let b0 = try r.u8(), b1 = try r.u8(), b2 = try r.u8()
                dataSize = Int(b0) | Int(b1) << 8 | Int(b2) << 16
            } else {
                dataSize = Int(try r.u8())
                try r.skip(2)
            }
            guard dataSize >= 4 else {
                throw MetadataError(.invalidValue, "method data section of \(dataSize) bytes", at: .fileOffset(sectionStart))
            }
            guard kind & 0x3F == 0x1 else {
                // Not an EH table (II.25.4.5 defines no other kind): skip its data.
                try r.seek(relative: sectionStart - r.start + dataSize)
                continue
            }
            let clauseSize = fat ? 24 : 12
            let count = (dataSize - 4) / clauseSize
            guard count <= CLIFile.maxExceptionClauses, count * clauseSize <= r.remaining else {
                throw MetadataError(.truncated, "\(count) exception clauses leave the section", at: .fileOffset(sectionStart))
            }
            clauses.reserveCapacity(clauses.count + count)
            for _ in 0 ..< count {
                let clauseAt = r.position
                let flags: UInt32, tryOffset: Int, tryLength: Int, handlerOffset: Int, handlerLength: Int
                if fat {
                    flags = try r.u32()
                    tryOffset = Int(try r.u32()); tryLength = Int(try r.u32())
                    handlerOffset = Int(try r.u32()); handlerLength = Int(try r.u32())
                } else {
                    flags = UInt32(try r.u16())
                    tryOffset = Int(try r.u16()); tryLength = Int(try r.u8())
                    handlerOffset = Int(try r.u16()); handlerLength = Int(try r.u8())
                }
                let extra = try r.u32()
                guard let clauseKind = ExceptionClause.Kind(rawValue: flags & 0x7) else {
                    throw MetadataError(.invalidValue, "exception clause flags 0x\(String(flags, radix: 16))", at: .fileOffset(clauseAt))
                }
                clauses.append(ExceptionClause(
                    kind: clauseKind, tryOffset: tryOffset, tryLength: tryLength,
                    handlerOffset: handlerOffset, handlerLength: handlerLength,
                    catchType: clauseKind == .exception ? MetadataToken(extra) : MetadataToken(0),
                    filterOffset: clauseKind == .filter ? Int(extra) : 0))
            }
            try r.seek(relative: sectionStart - r.start + dataSize)
        }
        return MethodBody(format: .fat, maxStack: maxStack, initLocals: flagsAndSize & 0x10 != 0,
                          localSignature: MetadataToken(localSig), codeRange: code, exceptionClauses: clauses,
                          fileOffset: start, totalSize: r.position - start)
    }

    /// Checks that every clause lies inside the code (II.25.4.6); the disassembler and the
    /// runtime call this before trusting the offsets.
    public func validate(_ body: MethodBody) throws(MetadataError) {
        for c in body.exceptionClauses {
            guard c.tryEnd <= body.codeSize, c.handlerEnd <= body.codeSize, c.filterOffset <= body.codeSize else {
                throw MetadataError(.outOfRange, "exception clause leaves the \(body.codeSize)-byte body", at: .fileOffset(body.fileOffset))
            }
        }
    }
}
