import PlatformDiagnostics

/// A training gang is all or nothing: its pool must have enough GPUs per node and enough nodes,
/// and a multi-node gang wants an RDMA fabric (warning: it runs, slowly, over TCP).
struct TrainingGangRule: PlatformRule {
    let id = "training-gang"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for j in p.training {
            let pools = p.candidatePools(gpu: j.gpuModel, cluster: j.cluster, pool: j.pool).filter { $0.migProfiles.isEmpty }
            guard !pools.isEmpty else { continue }
            let fitting = pools.filter { $0.gpusPerNode >= j.gpusPerNode && $0.maxNodes >= j.nodes }
            if fitting.isEmpty {
                let best = pools.max { ($0.maxNodes * $0.gpusPerNode, $0.id) < ($1.maxNodes * $1.gpusPerNode, $1.id) }!
                diagnostics.error(HardwareCodes.gangTooLarge,
                                  "training job `\(j.name)` needs a gang of \(j.nodes) nodes × \(j.gpusPerNode) \(j.gpuModel), but pool "
                                      + "`\(best.id)` can hold at most \(best.maxNodes) nodes × \(best.gpusPerNode) GPUs",
                                  at: j.locations[.nodes] ?? j.location,
                                  notes: [DiagnosticNote("pool `\(best.id)` declared here", at: best.locations[.nodes] ?? best.location)],
                                  help: best.gpusPerNode < j.gpusPerNode ? "use `gpusPerNode: \(best.gpusPerNode)`"
                                                                          : """
                                                                              raise `nodes.max` of `\(best.id)` to \(j.nodes), or use \
                                                                              `nodes: \(best.maxNodes)`
                                                                              """)
                continue
            }
            if j.nodes > 1, !fitting.contains(where: { $0.fabric.isRDMA }) {
                diagnostics.warning(HardwareCodes.gangWithoutRDMA,
                                    "training job `\(j.name)` spans \(j.nodes) nodes on a pool without an RDMA fabric; NCCL falls back to "
                                        + "TCP sockets",
                                    at: j.locations[.nodes] ?? j.location,
                                    notes: fitting
                                        .map { DiagnosticNote("pool `\($0.id)` has fabric `\($0.fabric.rawValue)`",
                                            at: $0.locations[.network] ?? $0.location) },
                                    help: "use a pool with EFA, InfiniBand, RoCE or GPUDirect-TCPX")
            }
        }
    }
}
