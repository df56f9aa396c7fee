/// One model's servers in one cluster: what the vLLM, inference pool, KEDA, gateway and LiteLLM
/// emitters all key on, so that they agree on where a model runs and under which names.
package struct ModelDeployment: Sendable {
    package var model: Model
    package var cluster: String
    /// The team namespace the servers run in.
    package var namespace: String
    /// The pools the placement put replicas on in this cluster, in placement order (never empty).
    package var pools: [NodePool]
    /// Replicas the placement put in this cluster.
    package var replicas: Int

    /// The pool whose GPU allocation (device plugin or DRA, MIG or whole GPUs) the pods use.
    package var primaryPool: NodePool { pools[0] }
    /// A replica spans several nodes: a LeaderWorkerSet instead of a Deployment.
    package var isMultiNode: Bool { model.nodesPerReplica > 1 }
    /// apiVersion and kind of the workload, for KEDA's scale target.
    package var workloadKind: (apiVersion: String, kind: String) {
        isMultiNode ? ("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet") : ("apps/v1", "Deployment")
    }
    package var name: String { Conventions.modelServiceName(model.name) }

    /// Every (model, cluster) with at least one placed pool, sorted by cluster then model name.
    package static func all(in plan: PlannedPlatform) -> [ModelDeployment] {
        let p = plan.platform
        var result: [ModelDeployment] = []
        // First team of each name, as `p.team(_:)` finds it, without a scan per model.
        let teams = Dictionary(p.teams.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for model in p.models {
            guard let team = teams[model.team] else { continue }
            let assignments = plan.modelAssignments[model.name] ?? []
            for cluster in plan.clusters(of: model.name) {
                let here = assignments.filter { $0.cluster == cluster }
                var pools: [NodePool] = []
                for a in here {
                    if let pool = p.cluster(cluster)?.pool(a.pool), !pools.contains(where: { $0.name == pool.name }) {
                        pools.append(pool)
                    }
                }
                guard !pools.isEmpty else { continue }
                result.append(ModelDeployment(model: model, cluster: cluster, namespace: team.namespace, pools: pools,
                                              replicas: here.reduce(0) { $0 + $1.replicas }))
            }
        }
        return result.sorted { ($0.cluster, $0.model.name) < ($1.cluster, $1.model.name) }
    }

    /// `all(in:)` by cluster, each list in model order: for emitters that work cluster by cluster
    /// (computing `all` once per cluster made them quadratic).
    package static func byCluster(in plan: PlannedPlatform) -> [String: [ModelDeployment]] {
        Dictionary(grouping: all(in: plan), by: \.cluster)
    }

    /// One cluster's deployments (from `byCluster`) by model name.
    package static func byModel(_ deployments: [ModelDeployment]) -> [String: ModelDeployment] {
        var map: [String: ModelDeployment] = [:]
        for d in deployments { map[d.model.name] = d }
        return map
    }
}
