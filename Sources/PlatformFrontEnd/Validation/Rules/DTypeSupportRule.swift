import PlatformDiagnostics

/// fp8 weights or KV cache need native fp8 (compute capability 8.9 or later on NVIDIA GPUs).
struct DTypeSupportRule: PlatformRule {
    let id = "dtype-support"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for m in p.models where m.dtype == .fp8 || m.kvCacheDtype == "fp8" {
            guard let gpu = p.gpuCatalog.model(named: m.gpuModel), !gpu.fp8 else { continue }
            var bf16 = m
            bf16.dtype = .bf16
            let need = MemoryEstimate.of(bf16, gpus: 1).totalBytes
            let perGPU = Double(gpu.memoryMiB) * 1_048_576 * m.gpuMemoryUtilization
            let cc = gpu.computeCapability.map { "compute capability \($0)" } ?? "no CUDA compute capability"
            diagnostics.error(HardwareCodes.dtypeUnsupported,
                              "model `\(m.name)` uses fp8, but \(gpu.name) (\(cc)) has no native fp8; it needs 8.9 or later",
                              at: m.locations[m.dtype == .fp8 ? SpecKey.dtype : .gpu] ?? m.location,
                              help: "use `dtype: bf16` (needs \(need.gbText) and "
                                  + "\(MemoryEstimate.fitText(need, perGPUBytes: perGPU, gpu: gpu.name))), or a GPU with fp8 such as "
                                  + "H100-SXM-80GB or L40S")
        }
    }
}
