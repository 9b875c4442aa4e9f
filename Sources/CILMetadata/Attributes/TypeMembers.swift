/// Member ownership without building a `MetadataIndex`: which TypeDef owns a MethodDef, which
/// Field rows a TypeDef owns (II.22.37: FieldList and MethodList start runs that end where the
/// next type's run starts). Used to name an attribute's type and to find an enum's `value__`.
extension CLIFile {
    /// The TypeDef whose MethodList run contains MethodDef `method`, or `nil`.
    public func owningTypeDef(ofMethod method: UInt32) throws(MetadataError) -> UInt32? {
        try owningTypeDef(ofMember: method, table: .methodDef, pointerTable: .methodPtr, listColumn: 5)
    }

    /// The TypeDef whose FieldList run contains Field `field`, or `nil`.
    public func owningTypeDef(ofField field: UInt32) throws(MetadataError) -> UInt32? {
        try owningTypeDef(ofMember: field, table: .field, pointerTable: .fieldPtr, listColumn: 4)
    }

    /// The Field rows of TypeDef `type`, in declaration order (after FieldPtr indirection).
    public func fieldRows(ofTypeDef type: UInt32) throws(MetadataError) -> [UInt32] {
        let run = try memberRun(ofTypeDef: type, table: .field, pointerTable: .fieldPtr, listColumn: 4)
        var out: [UInt32] = []
        for i in run {
            let row = try memberRow(listIndex: i, table: .field, pointerTable: .fieldPtr)
            if row >= 1 && row <= rowCount(.field) { out.append(row) }
        }
        return out
    }

    /// List indices (into the member table, or its *Ptr table) of a type's run, clamped.
    func memberRun(ofTypeDef type: UInt32, table: TableID, pointerTable: TableID, listColumn: Int) throws(MetadataError) -> Range<UInt32> {
        let listEnd = rowCount(pointerTable) > 0 ? rowCount(pointerTable) : rowCount(table)
        let start = min(max(try tables.value(.typeDef, type, listColumn), 1), listEnd + 1)
        let next = type < rowCount(.typeDef) ? try tables.value(.typeDef, type + 1, listColumn) : listEnd + 1
        let end = min(max(next, start), listEnd + 1)
        return start ..< end
    }

    func memberRow(listIndex i: UInt32, table: TableID, pointerTable: TableID) throws(MetadataError) -> UInt32 {
        rowCount(pointerTable) > 0 ? try tables.value(pointerTable, i, 0) : i
    }

    private func owningTypeDef(ofMember member: UInt32, table: TableID, pointerTable: TableID, listColumn: Int) throws(MetadataError) -> UInt32? {
        let types = rowCount(.typeDef)
        guard types > 0, member >= 1, member <= rowCount(table) else { return nil }
        // With a *Ptr table (uncompressed `#-` streams), runs hold positions in that table.
        var listIndex = member
        if rowCount(pointerTable) > 0 {
            var found: UInt32? = nil
            for i in 1 ... rowCount(pointerTable) where try tables.value(pointerTable, i, 0) == member { found = i; break }
            guard let found else { return nil }
            listIndex = found
        }
        // Runs are in ascending order in valid files: the owner is the last type starting at or
        // before the member. Check the guess, since a hostile file may order them otherwise.
        var lo: UInt32 = 1, hi = types, best: UInt32 = 0
        while lo <= hi {
            let mid = lo + (hi - lo) / 2
            if try tables.value(.typeDef, mid, listColumn) <= listIndex { best = mid; lo = mid + 1 } else { if mid == 1 { break }; hi = mid - 1 }
        }
        if best != 0, try memberRun(ofTypeDef: best, table: table, pointerTable: pointerTable, listColumn: listColumn).contains(listIndex) {
            return best
        }
        for t in 1 ... types where try memberRun(ofTypeDef: t, table: table, pointerTable: pointerTable, listColumn: listColumn).contains(listIndex) {
            return t
        }
        return nil
    }
}
