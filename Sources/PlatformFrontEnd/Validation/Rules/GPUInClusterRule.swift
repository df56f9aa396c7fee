import PlatformDiagnostics

/// A model or job whose GPU model exists in no pool it may use can never be scheduled.
struct GPUInClusterRule: PlatformRule {
    let id = "gpu-in-cluster"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for m in p.models where p.gpuCatalog.model(named: m.gpuModel) != nil {
            guard p.candidatePools(gpu: m.gpuModel, cluster: m.cluster, pool: m.pool).isEmpty else { continue }
            report(what: "model `\(m.name)`", gpu: m.gpuModel, cluster: m.cluster, pool: m.pool, platform: p, at: m.locations[.gpuModel],
                into: &diagnostics)
        }
        for j in p.training where p.gpuCatalog.model(named: j.gpuModel) != nil {
            guard p.candidatePools(gpu: j.gpuModel, cluster: j.cluster, pool: j.pool).isEmpty else { continue }
            report(what: "training job `\(j.name)`", gpu: j.gpuModel, cluster: j.cluster, pool: j.pool, platform: p, at: j.locations[.gpu],
                into: &diagnostics)
        }
    }

    private func report(what: String, gpu: String, cluster: String?, pool: String?, platform p: Platform, at location: SourceLocation?,
        into diagnostics: inout DiagnosticBag) {
        let scope = pool.map { "node pool `\($0)` has" } ?? cluster.map { "cluster `\($0)` has" } ?? "no cluster has"
        let elsewhere = p.clusters.flatMap(\.nodePools).filter { $0.gpu == gpu }.map { "`\($0.id)`" }
        diagnostics
            .error(HardwareCodes.gpuNotInCluster,
                "\(what) needs \(gpu) GPUs, but \(scope) \(pool == nil && cluster == nil ? "any" : "none")", at: location,
                          help: elsewhere.isEmpty ? "add a node pool with `gpu: \(gpu)`"
                              : "pools with \(gpu): \(elsewhere.joined(separator: ", "))")
    }
}
