import PlatformDiagnostics

/// Some pool of the pod's cluster must have nodes that satisfy its nodeSelector, required node
/// affinity, tolerations and per-node requests (`NodeModel`), and a DRA pod needs nodes the
/// provisioner will create for it. Pods that neither select nodes nor request accelerators run on
/// the cluster's general nodes, which the spec does not describe: they are not checked here.
enum NodeMatchCheck {
    static func check(_ pod: DerivedPod, _ facts: ClusterFacts) -> [Diagnostic] {
        guard let cluster = facts.cluster else { return [] }
        let spec = pod.podSpec
        let requested = PodResources.requested(spec)
        let claims = !(spec["resourceClaims"]?.listValue ?? []).isEmpty
        let selects = !(spec["nodeSelector"]?.mapValue?.isEmpty ?? true) || spec["affinity"]?["nodeAffinity"] != nil
        let accelerated = requested.keys.contains { NodeModel.knownExtended($0) }
        guard selects || accelerated || claims else { return [] }
        var refusals: [DiagnosticNote] = []
        var fitting: [NodeModel] = []
        for node in facts.nodes {
            if let reason = node.refusal(spec, requested: requested) {
                refusals.append(DiagnosticNote("pool `\(node.pool.name)`: \(reason)", at: node.pool.location))
            } else {
                fitting.append(node)
            }
        }
        guard !fitting.isEmpty else {
            return [Diagnostic(.error, WillItRun.noNodePool,
                               "no node pool of cluster `\(cluster.name)` can run \(WillItRun.describe(pod)): they stay pending",
                               at: pod.declaredAt, notes: refusals,
                               help: "select labels the pool's nodes carry (its `labels:`, or the cloud's pool label) and request what one "
                                   + "node offers")]
        }
        if let tooBig = NodeFitCheck.check(pod, requested: requested, pools: fitting, facts) { return [tooBig] }
        // kubernetes-sigs/karpenter v1.14.1: `--ignore-dra-requests` defaults to true
        // (`pkg/operator/options/options.go`) and then a pod with ResourceClaims is a DRA error in
        // the provisioning simulation: "pod has Dynamic Resource Allocation requirements that are
        // not yet supported by Karpenter" (`pkg/controllers/provisioning/scheduling/scheduler.go`, add).
        if claims, fitting.allSatisfy({ $0.karpenter != nil && !$0.pool.staticNodes }) {
            return [Diagnostic(.error, WillItRun.draWithoutProvisioning,
                               "\(WillItRun.describe(pod)) claim devices through DRA, but Karpenter launches no node for a pod with "
                                   + "ResourceClaims (`--ignore-dra-requests` defaults to true): they stay pending",
                               at: pod.declaredAt,
                               notes: fitting
                                   .map { DiagnosticNote("pool `\($0.pool.name)` is provisioned by Karpenter", at: $0.pool.location) },
                               help: "provision the pool's nodes statically (a managed node group), or use the device plugin instead of "
                                   + "DRA on it")]
        }
        return []
    }
}

extension NodeModel {
    /// Extended resources whose offer `perNode` knows.
    static func knownExtended(_ resource: String) -> Bool {
        resource == "nvidia.com/gpu" || resource == "vpc.amazonaws.com/efa" || resource.hasPrefix("nvidia.com/mig-")
    }
}
