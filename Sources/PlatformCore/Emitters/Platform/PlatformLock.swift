/// `platform.lock.json` at the tree root: what was compiled, by which compiler, and where every
/// workload was placed. Deterministic: keys sorted, no timestamps; cost is filled in by the cost pass.
/// Not a Kubernetes object, so not in the `ManifestSet`: the render stage writes it beside the
/// tree, the one place that does (`LockFile` is its one codec; `LockFile.path` its one path).
package enum PlatformLockEmitter {
    /// `objects` counts each workload cluster's objects (the fleet folders are not clusters).
    package static func lock(_ plan: PlannedPlatform, manifests: ManifestSet) -> LockFile {
        let p = plan.platform
        // GPUs each workload holds, as the cost pass counted them from the placement.
        var held: [String: GPUCount] = [:]
        for w in plan.cost?.workloads ?? [] { held[w.demand, default: .zero] = held[w.demand, default: .zero] + w.gpus }
        func assignment(_ a: PoolAssignment, demand: String, team: String?) -> LockPlacement.Assignment {
            LockPlacement
                .Assignment(cluster: a.cluster, pool: a.pool, replicas: a.replicas, nodes: a.nodes, team: team, gpus: held[demand] ?? .zero)
        }
        var placement = LockPlacement(agents: plan.agentClusters)
        for (name, list) in plan.modelAssignments {
            placement.models[name] = list.map { assignment($0, demand: PlacementPass.modelDemandID(name), team: p.model(name)?.team) }
        }
        for (name, a) in plan.jobAssignments {
            placement
                .training[name] = assignment(a, demand: PlacementPass.jobDemandID(name), team: p.training.first { $0.name == name }?.team)
        }
        var objects: [String: Int] = [:]
        for cluster in manifests.clusters { objects[cluster.name] = cluster.manifests.count }
        return LockFile(lockVersion: LockPlacement.version, platform: p.name, specDigest: "sha256:\(p.specDigest)",
                        compiler: LockFile.Compiler(name: LockFile.compilerName, version: PlatformcVersion.string),
                        placement: placement, objects: objects, cost: plan.cost.map(LockFile.Cost.init(summary:)))
    }
}
