import PlatformDiagnostics

/// `gpu-allow-list`: only GPU models the organisation has qualified (drivers, images, prices)
/// may appear. Active when `policy.allowedGPUs` is set.
package struct GPUAllowListRule: PolicyRule {
    package let id = "gpu-allow-list"
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        let p = input.platform
        guard let allowed = p.policyConfiguration.allowedGPUs else { return [] }
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        let help = allowed.isEmpty ? "add GPU models to `policy.allowedGPUs`" : "use one of \(list), or add the GPU to `policy.allowedGPUs`"
        var found: [PolicyViolation] = []
        for pool in p.clusters.flatMap(\.nodePools) where !allowed.contains(pool.gpu) {
            found
                .append(PolicyViolation("GPU `\(pool.gpu)` of node pool `\(pool.id)` is not on the allow-list",
                    at: pool.locations[.gpu] ?? pool.location,
                                         help: help, cluster: pool.cluster))
        }
        for m in p.models where !allowed.contains(m.gpuModel) {
            found
                .append(PolicyViolation("GPU `\(m.gpuModel)` of model `\(m.name)` is not on the allow-list",
                    at: m.locations[.gpuModel] ?? m.location,
                                         help: help, cluster: m.cluster, team: m.team))
        }
        for j in p.training where !allowed.contains(j.gpuModel) {
            found
                .append(PolicyViolation("GPU `\(j.gpuModel)` of training job `\(j.name)` is not on the allow-list",
                    at: j.locations[.gpu] ?? j.location,
                                         help: help, cluster: j.cluster, team: j.team))
        }
        return found
    }
}
