import PlatformDiagnostics

/// A ConfigMap holding `topology.xml` for each pool whose pods get a topology file
/// (`NCCLTopologySource`), in every namespace whose pods mount it: multi-GPU model servers pinned
/// to that one pool and training jobs placed on it. Nothing else is emitted, so every ConfigMap has
/// a pod that mounts it at `NCCL_TOPO_FILE`.
package struct NCCLTopologyEmitter: Emitter {
    package init() {}
    package var relativeCost: Int { 15 }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        // A `topologyFile` that was not read is an error wherever it is used, EFA pools included.
        for pool in p.clusters.flatMap(\.nodePools) where pool.topologyFile != nil {
            if let d = NCCLTopologySource.text(pool, plan: plan).1 {
                context.diagnostics.error(d.code, d.message, at: d.location, help: d.help)
            }
        }
        for use in Self.uses(plan) {
            guard let pool = p.cluster(use.cluster)?.pool(use.pool), let xml = NCCLTopologySource.text(pool, plan: plan).0 else { continue }
            var labels = PlatformLabels.common(p)
            labels[PlatformLabels.component] = "nccl-topology"
            labels[Conventions.nodePoolLabel] = .string(pool.name)
            context.add(Manifest(apiVersion: "v1", kind: "ConfigMap", name: Conventions.ncclTopologyConfigMapName(pool: pool.name),
                                 namespace: use.namespace, labels: labels,
                                 body: ["data": [Conventions.ncclTopologyFileName: .string(xml)]]),
                        to: use.cluster, template: "training/nccl-topology-configmap")
        }
    }

    /// One (cluster, namespace, pool) per ConfigMap some pod mounts, sorted, no repeats.
    package static func uses(_ plan: PlannedPlatform) -> [(cluster: String, namespace: String, pool: String)] {
        let p = plan.platform
        var keys = Set<[String]>()
        for d in ModelDeployment.all(in: plan) {
            if let pool = mountedPool(d, plan: plan) { keys.insert([d.cluster, d.namespace, pool.name]) }
        }
        for job in p.training {
            guard let namespace = p.team(job.team)?.namespace, let a = plan.jobAssignments[job.name],
                  let pool = p.cluster(a.cluster)?.pool(a.pool), NCCLTopologySource.isGiven(pool, plan: plan) else { continue }
            keys.insert([a.cluster, namespace, a.pool])
        }
        return keys.sorted { $0.lexicographicallyPrecedes($1) { $0.precedesInByteOrder($1) } }
            .map { ($0[0], $0[1], $0[2]) }
    }

    /// The pool whose topology a model's servers mount: NCCL runs between a replica's GPUs only
    /// when it has several, and one pod template can mount one pool's file only when every replica
    /// in the cluster sits on that pool.
    package static func mountedPool(_ d: ModelDeployment, plan: PlannedPlatform) -> NodePool? {
        guard d.model.gpusPerReplicaTotal > 1, d.pools.count == 1, NCCLTopologySource.isGiven(d.primaryPool, plan: plan) else { return nil }
        return d.primaryPool
    }
}

/// Codes of the platform emitters (E51xx).
package enum PlatformEmitCodes {
    package static let topologyFileUnread: DiagnosticCode = "E5101"
}
