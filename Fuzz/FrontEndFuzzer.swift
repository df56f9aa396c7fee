// libFuzzer target over the front end of the pipeline: load (YAML → SpecNode), check, lower and
// validate. Any input must produce diagnostics or a Platform — never a crash, a hang or unbounded memory.
// Built and run by `make fuzz` (see Fuzz/run.sh).
import PlatformCore
import PlatformDiagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var diagnostics = DiagnosticBag()
    if let platform = FrontEnd(file: "fuzz.yaml").run(bytes, into: &diagnostics) {
        // A platform that validates must also survive the passes that read it.
        _ = Passes.run(platform, into: &diagnostics)
    }
    // Rendering exercises every diagnostic's message and location.
    _ = DiagnosticRenderer(sources: ["fuzz.yaml": String(decoding: bytes, as: UTF8.self)]).render(diagnostics.sorted, as: .text)
    return 0
}
