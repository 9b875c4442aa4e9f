// libFuzzer entry point for the metadata reader. Built by Scripts/fuzz-reader.sh together
// with Tests/HostileInputTests/ReaderPipeline.swift, so the fuzzer and the hostile-corpus
// test run exactly the same pipeline.

/// Called by libFuzzer once per input. Typed errors are the expected outcome of malformed
/// input; a trap, a sanitizer report, a timeout or the RSS limit is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes: [UInt8] = if let data, size > 0 { Array(UnsafeBufferPointer(start: data, count: size)) } else { [] }
    _ = ReaderPipeline.run(bytes)
    return 0
}
