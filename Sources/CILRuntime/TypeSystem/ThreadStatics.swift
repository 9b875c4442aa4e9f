import CILMetadata

/// Thread-static fields ([ThreadStatic], II.22.15 custom attribute on a static field): one
/// value per thread.
///
/// They live in their type's statics block like any static field, so the transform keeps
/// compiling their accesses to absolute addresses and the running thread pays nothing. When the
/// scheduler switches threads, the values of every thread-static field move out to the
/// outgoing thread's save area and the incoming thread's come back (a thread that never ran
/// with a field sees zero, its default). A thread switch happens every few ten thousand
/// instructions at most and programs have a handful of such fields, so this costs little.
///
/// Limit: a managed pointer to a thread-static field (`ref` to it, `ldsflda`) taken by one
/// thread and used after a switch reads whichever thread's value is in place.
struct ThreadStaticSlot {
    let address: UInt64
    let size: Int
    /// First 8-byte word of the field in a thread's save area.
    let word: Int
}

extension Runtime {
    /// Whether the field at `row` carries System.ThreadStaticAttribute.
    func isThreadStaticField(_ module: RuntimeModule, row: UInt32) -> Bool {
        let rows = module.index.attributes(of: MetadataToken(.field, row))
        guard !rows.isEmpty else { return false }
        let file = module.file
        for r in rows {
            let name = try? module.read { () throws(MetadataError) -> String in
                let constructor = try file.customAttribute(r).constructor
                switch constructor.table {
                case .memberRef?: return try file.typeName(of: try file.memberRef(constructor.row).parent)
                case .methodDef?:
                    guard let owner = try file.owningTypeDef(ofMethod: constructor.row) else { return "" }
                    return try file.typeName(of: MetadataToken(.typeDef, owner))
                default: return ""
                }
            }
            if name == "System.ThreadStaticAttribute" { return true }
        }
        return false
    }

    /// Records the thread-static fields of `t`, whose statics block was just allocated.
    func registerThreadStatics(_ t: RuntimeType) {
        for f in t.staticFields where f.isThreadStatic && !f.isLiteral {
            let size = f.type.storageSize
            scheduler.threadStaticSlots.append(ThreadStaticSlot(address: t.staticsAddress + UInt64(f.offset), size: size, word: scheduler.threadStaticWords))
            scheduler.threadStaticWords += (size + 7) / 8
        }
    }

    /// Copies the thread-static values in place into `thread`'s save area.
    func saveThreadStatics(_ thread: GuestThread) {
        let slots = scheduler.threadStaticSlots
        guard !slots.isEmpty else { return }
        if thread.threadStatics.count < scheduler.threadStaticWords {
            thread.threadStatics += [UInt64](repeating: 0, count: scheduler.threadStaticWords - thread.threadStatics.count)
        }
        thread.threadStatics.withUnsafeMutableBytes { area in
            for s in slots {
                (area.baseAddress! + 8 * s.word).copyMemory(from: space.unchecked(s.address), byteCount: s.size)
            }
        }
    }

    /// Puts `thread`'s thread-static values in place (zero for fields it never saved).
    func loadThreadStatics(_ thread: GuestThread) {
        let slots = scheduler.threadStaticSlots
        guard !slots.isEmpty else { return }
        let saved = thread.threadStatics.count
        thread.threadStatics.withUnsafeBytes { area in
            for s in slots {
                let p = space.unchecked(s.address)
                if s.word + (s.size + 7) / 8 <= saved {
                    p.copyMemory(from: area.baseAddress! + 8 * s.word, byteCount: s.size)
                } else {
                    p.initializeMemory(as: UInt8.self, repeating: 0, count: s.size)
                }
            }
        }
    }
}
