/// How a pod lands on a platform node pool: the pool's node label and the tolerations for every
/// taint the pool's nodes carry. The Karpenter NodePool sets exactly these labels and taints, so
/// workloads and nodes agree by construction (a test checks it across the whole tree).
public enum PoolScheduling {
    /// The taints of a pool's nodes: the GPU taint, then the spec's own taints, without repeats.
    public static func taints(of pool: NodePool) -> [Taint] {
        var result = [Conventions.gpuTaint]
        for taint in pool.taints where !result.contains(taint) { result.append(taint) }
        return result
    }

    /// `nodeSelector` for pods placed on `pool`.
    public static func nodeSelector(_ pool: NodePool) -> ManifestMap {
        [Conventions.nodePoolLabel: .string(pool.name)]
    }

    /// The well-known node label of a node's zone.
    public static let zoneLabel = "topology.kubernetes.io/zone"

    /// The one zone the placement put `nodes` in (a gang's), or nil when the pool names no zones or
    /// the nodes are not all in one.
    public static func zone(of nodes: [String], plan: PlannedPlatform) -> String? {
        let zones = Set((plan.placement?.nodes ?? []).filter { nodes.contains($0.name) }.map(\.zone))
        guard zones.count == 1, let zone = zones.first, !zone.isEmpty else { return nil }
        return zone
    }

    /// Tolerations for every taint of `pool` (the GPU taint tolerated with `Exists`).
    public static func tolerations(_ pool: NodePool) -> ManifestValue {
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
    public static func quantity(_ size: ByteCount) -> String {
        let gib: Int64 = 1 << 30, mib: Int64 = 1 << 20
        if size.bytes > 0, size.bytes % gib == 0 { return "\(size.bytes / gib)Gi" }
        if size.bytes > 0, size.bytes % mib == 0 { return "\(size.bytes / mib)Mi" }
        return String(size.bytes)
    }
}
