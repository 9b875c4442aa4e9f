/// System.GC: the guest asks the emulated heap, never the host's. Finalization, ephemerons and
/// GC handles: Finalization.swift, WeakReferences.swift, GCHandleNatives.swift.
extension NativeRegistry {
    func registerGCNatives() {
        registerGCHandleNatives()
        register("System.GC::get_ephemeron_tombstone") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(try c.runtime.ephemeronTombstoneObject())
        }
        register("System.GC::register_ephemeron_array") { (c: inout NativeContext) throws(RuntimeError) in
            try c.runtime.enableEphemerons()
        }
        register("System.GC::_SuppressFinalize") { (c: inout NativeContext) throws(RuntimeError) in c.runtime.suppressFinalize(c.uint64(0)) }
        register("System.GC::SuppressFinalize") { (c: inout NativeContext) throws(RuntimeError) in c.runtime.suppressFinalize(c.uint64(0)) }
        register("System.GC::_ReRegisterForFinalize") { (c: inout NativeContext) throws(RuntimeError) in c.runtime.reRegisterForFinalize(c.uint64(0)) }
        register("System.GC::InternalCollect") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.scrubDeadStack(above: c.slot(1), thread: c.thread)
            c.runtime.collectGarbage(explicitly: true)
            try c.runtime.runFinalizersIfNoLockHeld(c.thread)
        }
        register("System.GC::WaitForPendingFinalizers") { (c: inout NativeContext) throws(RuntimeError) in
            c.runtime.scrubDeadStack(above: c.slot(0), thread: c.thread)
            try c.runtime.runPendingFinalizers(c.thread)
        }
        register("System.GC::GetTotalMemory") { (c: inout NativeContext) throws(RuntimeError) in
            if c.int32(0) & 0xFF != 0 {
                c.runtime.scrubDeadStack(above: c.slot(1), thread: c.thread)
                c.runtime.collectGarbage(explicitly: true)
                try c.runtime.runFinalizersIfNoLockHeld(c.thread)
            }
            c.returnInt64(Int64(c.runtime.heap.allocatedBytes))
        }
        // Mono's sgen has two generations; GC.Collect is a major collection (generation 1), the
        // collections allocation triggers count as minor ones here.
        register("System.GC::GetMaxGeneration") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(1) }
        register("System.GC::GetCollectionCount") { (c: inout NativeContext) throws(RuntimeError) in
            let r = c.runtime
            c.returnInt32(Int32(c.int32(0) == 0 ? r.heap.collections - r.gcReferences.explicitCollections : r.heap.collections))
        }
        register("System.GC::GetGeneration") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(0) }
        register("System.GC::GetAllocatedBytesForCurrentThread") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt64(Int64(c.runtime.heap.allocatedBytes))
        }
        register("System.GC::RecordPressure") { (c: inout NativeContext) throws(RuntimeError) in }
        // InternalThread's finalizer (run for every thread at exit, as on Mono): cilbox's guest
        // threads hold no native resources to free.
        register("System.Threading.InternalThread::Thread_free_internal") { (c: inout NativeContext) throws(RuntimeError) in }
    }
}
