/// System.GC: the guest asks the emulated heap, never the host's.
extension NativeRegistry {
    func registerGCNatives() {
        register("System.GC::get_ephemeron_tombstone") { (c: inout NativeContext) throws(RuntimeError) in
            if c.runtime.ephemeronTombstone == 0 {
                guard let o = try c.runtime.newObject(try c.runtime.coreType("System.Object")) else { try c.raise(.outOfMemory); return }
                c.runtime.ephemeronTombstone = o
                c.runtime.pinnedObjects.append(o)
            }
            c.returnUInt64(c.runtime.ephemeronTombstone)
        }
        // Finalizers are not run (yet): registration and suppression have nothing to record.
        register("System.GC::_SuppressFinalize") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.GC::SuppressFinalize") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.GC::_ReRegisterForFinalize") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.GC::InternalCollect") { (c: inout NativeContext) throws(RuntimeError) in c.runtime.collectGarbage() }
        register("System.GC::GetTotalMemory") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt64(Int64(c.runtime.heap.allocatedBytes)) }
        register("System.GC::GetMaxGeneration") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(0) }
        register("System.GC::GetCollectionCount") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(Int32(c.runtime.heap.collections)) }
        register("System.GC::GetGeneration") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(0) }
        register("System.GC::register_ephemeron_array") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.GC::RecordPressure") { (c: inout NativeContext) throws(RuntimeError) in }
        register("System.GC::WaitForPendingFinalizers") { (c: inout NativeContext) throws(RuntimeError) in }
    }
}
