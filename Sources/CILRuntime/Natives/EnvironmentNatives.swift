/// The guest's view of its environment: a fixed, deterministic profile (DESIGN decision 6),
/// never the host's real values.
extension NativeRegistry {
    func registerEnvironmentNatives() {
        // PlatformID.Unix (4): the class libraries then take their Unix paths.
        register("System.Environment::get_Platform") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(4) }
        register("System.Environment::GetNewLine") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(try c.runtime.intern(Array("\n".utf16)))
        }
        register("System.Environment::get_ProcessorCount") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(1) }
        register("System.Environment::get_TickCount") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt32(Int32(truncatingIfNeeded: c.runtime.virtualClockMilliseconds))
        }
        // Stopwatch.Frequency is 10 MHz in Mono's System.dll: ticks of 100 ns on the virtual clock.
        register("System.Diagnostics.Stopwatch::GetTimestamp") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnInt64(c.runtime.virtualClockMilliseconds * 10_000)
        }
        register("System.Environment::internalGetEnvironmentVariable_native") { (c: inout NativeContext) throws(RuntimeError) in
            c.returnUInt64(0)  // the profile defines no environment variables
        }
        // True while the program's end finalizes what is left (Finalization.swift), as on Mono.
        register("System.Environment::get_HasShutdownStarted") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(c.runtime.gcReferences.shutDown) }
        register("System.Environment::GetIs64BitOperatingSystem") { (c: inout NativeContext) throws(RuntimeError) in c.returnBool(true) }
        register("System.Environment::get_ExitCode") { (c: inout NativeContext) throws(RuntimeError) in c.returnInt32(c.runtime.exitCode) }
        register("System.Environment::set_ExitCode") { (c: inout NativeContext) throws(RuntimeError) in c.runtime.exitCode = c.int32(0) }
    }
}

extension NativeRegistry {
    func registerTextNatives() {
        // The profile's culture is the invariant one (no locale name).
        register("System.Globalization.CultureInfo::get_current_locale_name") { (c: inout NativeContext) throws(RuntimeError) in c.returnUInt64(0) }
        // The profile's locale charset is UTF-8: code page 3 makes Console use UTF8Unmarked.
        register("System.Text.EncodingHelper::InternalCodePage") { (c: inout NativeContext) throws(RuntimeError) in
            guard let p = c.runtime.space.pointer(c.uint64(0), 4) else { try c.raise(.nullReference); return }
            p.storeBytes(of: Int32(3), as: Int32.self)
            c.returnUInt64(0)
        }
    }
}
