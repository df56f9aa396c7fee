/// How a pod lands on a platform node pool: the label its provisioner puts on the pool's nodes
/// (`NodeProvisioning.poolLabel`: Karpenter's, GKE's or AKS's pool label, whose value is the pool's
/// name), the pool's own `labels:` (which the spec says its nodes carry; the Karpenter NodePool sets
/// them), and tolerations for every taint the pool's nodes carry. The Karpenter NodePool sets
/// exactly these labels and taints, so workloads and nodes agree by construction (a test checks it
/// across the whole tree).
package enum PoolScheduling {
    /// The taints of a pool's nodes: the GPU taint, then the spec's own taints, without repeats.
    package static func taints(of pool: NodePool) -> [Taint] {
        var result = [Conventions.gpuTaint]
        for taint in pool.taints where !result.contains(taint) { result.append(taint) }
        return result
    }

    /// `nodeSelector` for pods placed on `pool`.
    package static func nodeSelector(_ pool: NodePool) -> ManifestMap {
        var selector: ManifestMap = [pool.provisioning.poolLabel: .string(pool.name)]
        for (key, value) in pool.labels.sorted(by: { $0.key < $1.key }) where selector[key] == nil { selector[key] = .string(value) }
        return selector
    }

    /// A `nodeSelectorTerms` entry that matches exactly the nodes `nodeSelector(pool)` does; the
    /// terms of several pools are ORed (a model spread over pools).
    package static func nodeSelectorTerm(_ pool: NodePool) -> ManifestValue {
        let selector = nodeSelector(pool)
        return ["matchExpressions": .list(selector.keys.sorted().map { key in
            ["key": .string(key), "operator": "In", "values": [selector[key] ?? .null]]
        })]
    }

    /// The well-known node label of a node's zone.
    package static let zoneLabel = "topology.kubernetes.io/zone"

    /// The one zone the placement put `nodes` in (a gang's), or nil when the pool names no zones or
    /// the nodes are not all in one.
    package static func zone(of nodes: [String], plan: PlannedPlatform) -> String? {
        let zones = Set((plan.placement?.nodes ?? []).filter { nodes.contains($0.name) }.map(\.zone))
        guard zones.count == 1, let zone = zones.first, !zone.isEmpty else { return nil }
        return zone
    }

    /// Tolerations for every taint of `pool` (the GPU taint tolerated with `Exists`).
    package static func tolerations(_ pool: NodePool) -> ManifestValue {
        .list(taints(of: pool).map { taint in
            if taint == Conventions.gpuTaint { return Conventions.gpuToleration }
            var toleration: ManifestMap = ["key": .string(taint.key), "effect": .string(taint.effect)]
            if let value = taint.value {
                toleration["operator"] = "Equal"
                toleration["value"] = .string(value)
            } else {
                toleration["operator"] = "Exists"
            }
            return .map(toleration)
        })
    }

    /// A taint as Karpenter and the core API write it.
    static func value(_ taint: Taint) -> ManifestValue {
        var map: ManifestMap = ["key": .string(taint.key), "effect": .string(taint.effect)]
        if let value = taint.value { map["value"] = .string(value) }
        return .map(map)
    }

    /// A byte count as a Kubernetes quantity: whole GiB or MiB when exact, else bytes.
    package static func quantity(_ size: ByteCount) -> String {
        let gib: Int64 = 1 << 30, mib: Int64 = 1 << 20
        if size.bytes > 0, size.bytes % gib == 0 { return "\(size.bytes / gib)Gi" }
        if size.bytes > 0, size.bytes % mib == 0 { return "\(size.bytes / mib)Mi" }
        return String(size.bytes)
    }
}
