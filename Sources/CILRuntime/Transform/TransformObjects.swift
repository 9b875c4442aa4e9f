import CILInstructions
import CILMetadata

/// Fields, statics, indirections, arrays, boxing, casts and tokens.
extension Transformer {
    // MARK: fields (III.4.10 ldfld, III.4.28 stfld, III.4.14 ldsfld)

    mutating func loadField(_ ins: Instruction) throws(RuntimeError) {
        let f = try runtime.field(module, try token(ins), context)
        if f.isStatic { _ = try pop(); try loadStatic(f); return }
        let obj = try pop()
        try runtime.ensureLayout(f.type)
        if obj.kind == .valueType {
            // A struct on the stack: copy the field out of it (III.4.10 allows a value type operand).
            let fieldFrameOffset = obj.offset + Int32(f.offset)
            let e = try push(f.type)
            let op = try Self.frameLoadOp(f.type)
            if op == .movN {
                emit(.movN, a: e.offset, b: fieldFrameOffset, imm: Int64(f.type.storageSize))
            } else {
                emit(op, a: e.offset, b: fieldFrameOffset)
            }
            return
        }
        let e = try push(f.type)
        emit(Self.memoryLoadOp(f.type), a: e.offset, b: obj.offset, c: Int32(f.offset), imm: Int64(f.type.storageSize))
    }

    mutating func loadFieldAddress(_ ins: Instruction) throws(RuntimeError) {
        let f = try runtime.field(module, try token(ins), context)
        if f.isStatic { _ = try pop(); try loadStaticAddress(f); return }
        let obj = try pop()
        let e = push(.managedPointer, try runtime.byReferenceType(to: f.type))
        emit(.fieldAddress, a: e.offset, b: obj.offset, c: Int32(f.offset))
    }

    mutating func storeField(_ ins: Instruction) throws(RuntimeError) {
        let f = try runtime.field(module, try token(ins), context)
        let value = try pop()
        let obj = try pop()
        try runtime.ensureLayout(f.type)
        if f.isStatic { stack.append(value); try storeStatic(f); return }
        _ = try coerce(value, to: f.type)
        emit(Self.memoryStoreOp(f.type), a: obj.offset, b: value.offset, c: Int32(f.offset), imm: Int64(f.type.storageSize))
    }

    mutating func staticAddress(_ f: RuntimeField) throws(RuntimeError) -> Int64 {
        try runtime.ensureLayout(f.type)
        try runtime.ensureStatics(f.owner)
        try emitTypeInitialization(f.owner)
        if f.isLiteral { throw RuntimeError(.invalidProgram, "access to literal field \(f)") }
        return Int64(bitPattern: f.owner.staticsAddress + UInt64(f.offset))
    }

    mutating func loadStatic(_ f: RuntimeField) throws(RuntimeError) {
        let address = try staticAddress(f)
        let e = try push(f.type)
        let op: Op = switch Self.memoryLoadOp(f.type) {
        case .ldMemI1: .ldAbsI1
        case .ldMemU1: .ldAbsU1
        case .ldMemI2: .ldAbsI2
        case .ldMemU2: .ldAbsU2
        case .ldMemI4: .ldAbsI4
        case .ldMem4: .ldAbs4
        case .ldMemN: .ldAbsN
        default: .ldAbs8
        }
        emit(op, a: e.offset, c: Int32(f.type.storageSize), imm: address)
    }

    mutating func loadStaticField(_ ins: Instruction) throws(RuntimeError) {
        try loadStatic(try runtime.field(module, try token(ins), context))
    }

    mutating func loadStaticAddress(_ f: RuntimeField) throws(RuntimeError) {
        let address = try staticAddress(f)
        let e = push(.managedPointer, try runtime.byReferenceType(to: f.type))
        emit(.ldImm, a: e.offset, imm: address)
    }

    mutating func loadStaticFieldAddress(_ ins: Instruction) throws(RuntimeError) {
        try loadStaticAddress(try runtime.field(module, try token(ins), context))
    }

    mutating func storeStatic(_ f: RuntimeField) throws(RuntimeError) {
        let address = try staticAddress(f)
        let value = try pop()
        _ = try coerce(value, to: f.type)
        let op: Op = switch Self.memoryStoreOp(f.type) {
        case .stMem1: .stAbs1
        case .stMem2: .stAbs2
        case .stMem4: .stAbs4
        case .stMemN: .stAbsN
        default: .stAbs8
        }
        emit(op, b: value.offset, c: Int32(f.type.storageSize), imm: address)
    }

    mutating func storeStaticField(_ ins: Instruction) throws(RuntimeError) {
        try storeStatic(try runtime.field(module, try token(ins), context))
    }

    // MARK: indirection (III.3.42 ldind, III.3.62 stind, III.4.13 ldobj, III.4.29 stobj)

    mutating func loadIndirect(_ typeName: String) throws(RuntimeError) {
        let t = try runtime.coreType(typeName)
        try runtime.ensureLayout(t)
        try loadThroughPointer(t)
    }

    mutating func loadThroughPointer(_ type: RuntimeType) throws(RuntimeError) {
        let address = try pop()
        var t = type
        if type.fullName == "System.Object", let pointee = address.type?.elementType, pointee.isReferenceType { t = pointee }
        let e = try push(t)
        emit(Self.memoryLoadOp(t), a: e.offset, b: address.offset, c: 0, imm: Int64(t.storageSize))
    }

    mutating func storeIndirect(_ typeName: String) throws(RuntimeError) {
        let t = try runtime.coreType(typeName)
        try runtime.ensureLayout(t)
        try storeThroughPointer(t)
    }

    mutating func storeThroughPointer(_ type: RuntimeType) throws(RuntimeError) {
        let value = try pop()
        let address = try pop()
        _ = try coerce(value, to: type)
        emit(Self.memoryStoreOp(type), a: address.offset, b: value.offset, c: 0, imm: Int64(type.storageSize))
    }

    mutating func loadObject(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        try loadThroughPointer(t)
    }

    mutating func storeObject(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        try storeThroughPointer(t)
    }

    mutating func copyObject(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        let source = try pop(), dest = try pop()
        emit(.copyObject, a: dest.offset, b: source.offset, imm: Int64(t.storageSize))
    }

    mutating func initObject(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        let address = try pop()
        emit(.initBlock, a: address.offset, b: -1, imm: Int64(t.storageSize))
    }

    // MARK: arrays (III.4.20 newarr, III.4.7 ldelem, III.4.26 stelem)

    mutating func newArray(_ ins: Instruction) throws(RuntimeError) {
        let element = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(element)
        let arrayType = try runtime.szArrayType(of: element)
        let length = try pop()
        let e = push(.object, arrayType)
        emit(.newArray, a: e.offset, b: length.offset, c: length.kind == .i4 ? 0 : 1, imm: Int64(arrayType.id))
    }

    /// Element instructions take an int32 or a native int index (III.4.7); `Inst.int32Index` in
    /// imm says which, so an int32 index is read in 32 bits (and a folded int32 local works).
    static func indexWidthFlag(_ index: StackEntry) -> Int64 {
        index.kind == .i4 ? Inst.int32Index : 0
    }

    mutating func loadElement(_ typeName: String?) throws(RuntimeError) {
        let index = try pop(), array = try pop()
        let element: RuntimeType
        if let typeName { element = try runtime.coreType(typeName); try runtime.ensureLayout(element) } else {
            if let e = array.type?.elementType { element = e } else { element = try runtime.coreType("System.Object") }
        }
        try emitLoadElement(element, array: array, index: index)
    }

    mutating func loadElement(token ins: Instruction) throws(RuntimeError) {
        let element = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(element)
        let index = try pop(), array = try pop()
        try emitLoadElement(element, array: array, index: index)
    }

    mutating func emitLoadElement(_ element: RuntimeType, array: StackEntry, index: StackEntry) throws(RuntimeError) {
        let op: Op = switch Self.memoryLoadOp(element) {
        case .ldMemI1: .ldElemI1
        case .ldMemU1: .ldElemU1
        case .ldMemI2: .ldElemI2
        case .ldMemU2: .ldElemU2
        case .ldMemI4: .ldElemI4
        case .ldMem4: .ldElem4
        case .ldMemN: .ldElemN
        default: .ldElem8
        }
        let e = try push(element)
        emit(op, a: e.offset, b: array.offset, c: index.offset, imm: Int64(element.storageSize) | Self.indexWidthFlag(index))
    }

    mutating func storeElement(_ typeName: String?) throws(RuntimeError) {
        let value = try pop(), index = try pop(), array = try pop()
        if let typeName {
            let element = try runtime.coreType(typeName)
            try runtime.ensureLayout(element)
            try emitStoreElement(element, array: array, index: index, value: value)
        } else {
            emit(.stElemRef, a: array.offset, b: index.offset, c: value.offset, imm: Self.indexWidthFlag(index))
        }
    }

    mutating func storeElement(token ins: Instruction) throws(RuntimeError) {
        let element = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(element)
        let value = try pop(), index = try pop(), array = try pop()
        if element.isReferenceType {
            emit(.stElemRef, a: array.offset, b: index.offset, c: value.offset, imm: Self.indexWidthFlag(index))
        } else {
            try emitStoreElement(element, array: array, index: index, value: value)
        }
    }

    mutating func emitStoreElement(_ element: RuntimeType, array: StackEntry, index: StackEntry, value: StackEntry) throws(RuntimeError) {
        _ = try coerce(value, to: element)
        let op: Op = switch Self.memoryStoreOp(element) {
        case .stMem1: .stElem1
        case .stMem2: .stElem2
        case .stMem4: .stElem4
        case .stMemN: .stElemN
        default: .stElem8
        }
        emit(op, a: array.offset, b: index.offset, c: value.offset, imm: Int64(element.storageSize) | Self.indexWidthFlag(index))
    }

    mutating func loadElementAddress(_ ins: Instruction) throws(RuntimeError) {
        let element = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(element)
        let index = try pop(), array = try pop()
        let e = push(.managedPointer, try runtime.byReferenceType(to: element))
        // III.4.9: without readonly., a reference-type element address needs an exact type match.
        let checked = element.isReferenceType && !readonlyPrefix
        emit(checked ? .elementAddressChecked : .elementAddress, a: e.offset, b: array.offset, c: index.offset,
             imm: (checked ? Int64(element.id) << 32 | 8 : Int64(element.storageSize)) | Self.indexWidthFlag(index))
    }

    // MARK: boxing and casts (III.4.1 box, III.4.32 unbox, III.4.33 unbox.any, III.4.3 castclass)

    mutating func box(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        let value = try pop()
        if t.isReferenceType {
            _ = push(.object, t, size: 8)
            if value.offset != top - 8 { emit(.mov8, a: top - 8, b: value.offset) }
            return
        }
        _ = try coerce(value, to: t)
        let e = push(.object, t)
        emit(.box, a: e.offset, b: value.offset, imm: Int64(t.id))
    }

    mutating func unbox(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        let obj = try pop()
        let e = push(.managedPointer, try runtime.byReferenceType(to: t))
        emit(.unbox, a: e.offset, b: obj.offset, imm: Int64(t.id))
    }

    mutating func unboxAny(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        if t.isReferenceType {
            // III.4.33: on a reference type, unbox.any is castclass.
            let obj = try pop()
            let e = push(.object, t)
            emit(.castClass, a: e.offset, b: obj.offset, imm: Int64(t.id))
            return
        }
        let obj = try pop()
        let e = try push(t)
        emit(.unboxAny, a: e.offset, b: obj.offset, c: e.size, imm: Int64(t.id))
    }

    mutating func castClass(_ ins: Instruction, isInstance: Bool) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        try runtime.ensureLayout(t)
        let obj = try pop()
        let e = push(.object, t)
        emit(isInstance ? .isInstance : .castClass, a: e.offset, b: obj.offset, imm: Int64(t.id))
    }

    // MARK: literals and tokens

    mutating func loadString(_ ins: Instruction) throws(RuntimeError) {
        let tok = try token(ins)
        let address = try runtime.literal(module, tok.row)
        let e = push(.object, try runtime.coreType("System.String"))
        emit(.ldImm, a: e.offset, imm: Int64(bitPattern: address))
    }

    mutating func loadToken(_ ins: Instruction) throws(RuntimeError) {
        let tok = try token(ins)
        // III.4.17: a type, method or field handle (a struct holding one native-int value).
        switch tok.table {
        case .typeDef?, .typeRef?, .typeSpec?:
            let t = try runtime.type(module, tok, context)
            let e = push(.valueType, try runtime.coreType("System.RuntimeTypeHandle"), size: 8)
            emit(.ldImm, a: e.offset, imm: Int64(bitPattern: try runtime.typeHandleValue(t)))
        case .field?:
            let f = try runtime.field(module, tok, context)
            let e = push(.valueType, try runtime.coreType("System.RuntimeFieldHandle"), size: 8)
            emit(.ldImm, a: e.offset, imm: runtime.handle(of: f))
        default:
            let m = try runtime.method(module, tok, context)
            let e = push(.valueType, try runtime.coreType("System.RuntimeMethodHandle"), size: 8)
            emit(.ldImm, a: e.offset, imm: runtime.handle(of: m))
        }
    }

    // MARK: typed references (III.4.19 mkrefany, III.4.23 refanyval)

    mutating func makeRefAny(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        let pointer = try pop()
        let typedRef = try runtime.coreType("System.TypedReference")
        try runtime.ensureLayout(typedRef)
        let e = push(.valueType, typedRef, size: Self.slotBytes(typedRef))
        emit(.makeRefAny, a: e.offset, b: pointer.offset, imm: Int64(bitPattern: try runtime.typeHandleValue(t)))
    }

    mutating func refAnyValue(_ ins: Instruction) throws(RuntimeError) {
        let t = try runtime.type(module, try token(ins), context)
        let r = try pop()
        let e = push(.managedPointer, try runtime.byReferenceType(to: t))
        emit(.refAnyValue, a: e.offset, b: r.offset, imm: Int64(bitPattern: try runtime.typeHandleValue(t)))
    }
}
