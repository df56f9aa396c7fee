import PlatformDiagnostics

/// A tensor-parallel group must sit inside one NVLink island: across PCIe every all-reduce of
/// every layer crawls. An error, or a warning when the model opts into PCIe.
struct TensorParallelIslandRule: PlatformRule {
    let id = "tensor-parallel-island"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for m in p.models where m.migProfile == nil && m.gpusPerReplica > 1 {
            let pools = p.candidatePools(for: m)
            guard !pools.isEmpty else { continue }
            let fitting = pools.filter { $0.largestIsland >= m.gpusPerReplica }
            guard fitting.isEmpty else { continue }
            let best = pools.max { ($0.largestIsland, $0.id) < ($1.largestIsland, $1.id) }!
            let perNode = pools.filter { $0.gpusPerNode >= m.gpusPerReplica }
            let notes = pools
                .map { DiagnosticNote("pool `\($0.id)`: largest NVLink island \($0.largestIsland) of \($0.gpusPerNode) GPUs "
                    + "(\($0.interconnect.rawValue))",
                    at: $0.locations[.interconnect] ?? $0.location) }
            let message = "model `\(m.name)`: tensor-parallel group of \(m.gpusPerReplica) GPUs is larger than the largest NVLink island "
                + "(\(best.largestIsland) in `\(best.id)`)"
            if m.allowPCIe, !perNode.isEmpty {
                diagnostics
                    .warning(HardwareCodes.tensorParallelPCIe, message + "; it will run across PCIe", at: m.locations[.gpuCount],
                        notes: notes,
                                    help: "use `count: \(best.largestIsland)` or a pool with NVSwitch for full speed")
            } else {
                diagnostics.error(HardwareCodes.tensorParallelIsland, message, at: m.locations[.gpuCount], notes: notes,
                                  help: perNode.isEmpty ? "use `count: \(best.largestIsland)` or a pool with larger NVLink islands"
                                                        : """
                                                            use `count: \(best.largestIsland)`, a pool with larger NVLink islands, or \
                                                            `placement.allowPCIe: true` to accept PCIe speed
                                                            """)
            }
        }
    }
}
