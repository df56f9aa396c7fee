import PlatformDiagnostics

/// A replica must fit its GPUs: weights + KV cache + overhead ≤ GPUs × memory × utilisation
/// (or the MIG slice's memory). See `MemoryEstimate` for the formula.
struct MemoryFitRule: PlatformRule {
    let id = "memory-fit"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for m in p.models {
            guard let gpu = p.gpuCatalog.model(named: m.gpuModel) else { continue }
            if m.kvShape == nil, m.shape == nil {   // a declared but incomplete shape is E2504
                diagnostics.warning(HardwareCodes.kvCacheUnsized,
                                    "model `\(m.name)`: the KV cache is not sized (architecture "
                                        + "\(m.architecture.map { "`\($0)` is unknown" } ?? "not given"))",
                                    at: m.locations[.architecture] ?? m.locations[.parameters],
                                    help: "set `architecture:` to one of "
                                        + ModelArchitecture.known.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
                                        + ", or declare the shape from the checkpoint's `config.json`: `shape: { layers: "
                                        + "<num_hidden_layers>, attentionHeads: <num_attention_heads>, kvHeads: <num_key_value_heads>, "
                                        + "headDim: <head_dim> }`")
            }
            let gpus = m.migProfile == nil ? m.gpusPerReplicaTotal : 1
            let need = MemoryEstimate.of(m, gpus: gpus)
            let perDevice: Double
            let device: String
            if let profile = m.migProfile {
                guard let slice = gpu.migProfile(named: profile) else { continue }   // MIGProfileRule reports it
                perDevice = Double(slice.memoryMiB) * 1_048_576
                device = "one \(profile) slice of \(gpu.name)"
            } else {
                perDevice = Double(gpu.memoryMiB) * 1_048_576
                device = "\(gpus)× \(gpu.name)"
            }
            let have = perDevice * Double(gpus) * m.gpuMemoryUtilization
            guard need.totalBytes > have else { continue }
            let percent = Int((m.gpuMemoryUtilization * 100).rounded())
            diagnostics.error(HardwareCodes.memoryFit,
                              "model `\(m.name)` needs \(need.totalBytes.gbText) per replica (weights \(need.weightsBytes.gbText) + KV "
                                  + "cache \(need.kvCacheBytes.gbText) + overhead \(need.overheadBytes.gbText)), but \(device) at "
                                  + "\(percent)% hold \(have.gbText)",
                              at: m.locations[.gpu], help: fix(for: m, gpu: gpu))
        }
    }

    /// The smallest change that fits: more GPUs in one island, or a smaller dtype.
    private func fix(for m: Model, gpu: GPUModel) -> String {
        let perGPU = Double(gpu.memoryMiB) * 1_048_576 * m.gpuMemoryUtilization
        var options: [String] = []
        for count in [1, 2, 4, 8] where count > m.gpusPerReplica || m.migProfile != nil {
            let need = MemoryEstimate.of(m, gpus: count).totalBytes
            if need <= perGPU * Double(count) {
                options.append("`count: \(count)` (needs \(need.gbText), fits \(count) \(gpu.name))")
                break
            }
        }
        if m.dtype != .fp8, gpu.fp8 {
            var smaller = m
            smaller.dtype = .fp8
            let need = MemoryEstimate.of(smaller, gpus: 1).totalBytes
            options.append("`dtype: fp8` (needs \(need.gbText) and \(MemoryEstimate.fitText(need, perGPUBytes: perGPU, gpu: gpu.name)))")
        }
        if m.maxSequences > 1 { options.append("fewer `maxSequences` or a shorter `contextLength`") }
        return "use " + options.joined(separator: ", or ")
    }
}
