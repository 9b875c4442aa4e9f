import CILMetadata

/// Member lists read straight from `MetadataIndex`'s ranges, in plain loops.
///
/// `MetadataIndex.params(of:)` and its siblings map with a method reference
/// (`map(paramRow)`), which captures a copy of the whole index — some twenty arrays and
/// dictionaries retained and released per call. Called once per method, that was a fifth of
/// the time of disassembling mscorlib, so the disassembler walks the ranges itself.
extension MetadataIndex {
    /// Rows of `ranges[owner]` after *Ptr indirection, in order, dropping rows outside `table`.
    @inline(__always)
    func rows(_ ranges: [Range<UInt32>], _ owner: UInt32, _ table: TableID, _ ptr: TableID) -> [UInt32] {
        guard owner >= 1, Int(owner) < ranges.count else { return [] }
        let range = ranges[Int(owner)]
        if range.isEmpty { return [] }
        let count = file.rowCount(table)
        let indirect = file.rowCount(ptr) > 0
        var out: [UInt32] = []
        out.reserveCapacity(range.count)
        for i in range {
            let row = indirect ? ((try? file.tables.value(ptr, i, 0)) ?? 0) : i
            if row >= 1 && row <= count { out.append(row) }
        }
        return out
    }

    func fieldRows(of type: UInt32) -> [UInt32] { rows(fieldRanges, type, .field, .fieldPtr) }
    func methodRows(of type: UInt32) -> [UInt32] { rows(methodRanges, type, .methodDef, .methodPtr) }
    func paramRows(of method: UInt32) -> [UInt32] { rows(paramRanges, method, .param, .paramPtr) }

    func propertyRowList(of type: UInt32) -> [UInt32] {
        guard let range = properties[type] else { return [] }
        return rows([0 ..< 0, range], 1, .property, .propertyPtr)
    }

    func eventRowList(of type: UInt32) -> [UInt32] {
        guard let range = events[type] else { return [] }
        return rows([0 ..< 0, range], 1, .event, .eventPtr)
    }

    /// GenericParam rows of `owner` ordered by number (II.22.20; a hostile file may not be).
    func genericParameterRows(of owner: MetadataToken) -> [UInt32] {
        guard let rows = genericParams[owner], !rows.isEmpty else { return [] }
        if rows.count == 1 { return rows }
        var keyed: [(UInt16, UInt32)] = []
        keyed.reserveCapacity(rows.count)
        for r in rows { keyed.append(((try? file.genericParam(r).number) ?? 0, r)) }
        keyed.sort { $0 < $1 }
        var out: [UInt32] = []
        out.reserveCapacity(rows.count)
        for (_, r) in keyed { out.append(r) }
        return out
    }
}
