/// What a reviewer weighs, read from one side's objects: where model replicas run, the GPUs
/// they hold per team, and the quotas. Read from the manifests themselves, so a base from any
/// git ref or folder has them; cost comes from `platform.lock.json` (see `LockFacts`).
package struct PlatformFacts: Hashable, Sendable {
    /// Replicas of one serving workload on one pool.
    package struct PoolReplicas: Hashable, Sendable {
        package var model: String
        package var team: String
        package var cluster: String
        /// The node pool from the pod's nodeSelector (the compiler's own `platformc.dev/node-pool`
    /// first), "-" when it names none.
        package var pool: String
        package var replicas: Int
        /// GPUs one replica holds (every pod of a LeaderWorkerSet group).
        package var gpusPerReplica: Int
    }

    /// One `spec.hard` entry of a ResourceQuota.
    package struct QuotaKey: Hashable, Comparable, Sendable {
        package var cluster: String
        package var namespace: String
        package var name: String
        package var resource: String

        package static func < (a: QuotaKey, b: QuotaKey) -> Bool {
            [a.cluster, a.namespace, a.name, a.resource].lexicographicallyPrecedes([b.cluster, b.namespace, b.name, b.resource]) {
                $0.precedesInByteOrder($1)
            }
        }
    }

    package var placements: [PoolReplicas] = []
    package var quotas: [QuotaKey: String] = [:]
    /// `Conventions.securityExceptionAnnotation` of every object that has one: why its pods (or a
    /// namespace) run below `restricted`, including what `security.exceptions` of the spec allows.
    package var securityExceptions: [ResourceKey: String] = [:]
    package var lock: LockFacts?

    /// Node selector keys naming a pool, most specific first.
    static let poolKeys = [Conventions.nodePoolLabel, "karpenter.sh/nodepool", "platformc.dev/pool", "cloud.google.com/gke-nodepool",
        "eks.amazonaws.com/nodegroup"]
    static let gpuResource = "nvidia.com/gpu"

    package init(_ snapshot: PlatformSnapshot) {
        self.init(Self.entries(snapshot), lock: snapshot.lock)
    }

    /// What one object adds to the facts: a placement (a serving workload) or quota entries.
    struct Entry: Sendable {
        var key: ResourceKey
        var placement: PoolReplicas?
        var quotas: [(key: QuotaKey, value: String)] = []
        var securityException: String? = nil
    }

    /// The facts of `entries`, given in key order.
    init(_ entries: [Entry], lock: LockFile?) {
        for entry in entries {
            if let placement = entry.placement { placements.append(placement) }
            for quota in entry.quotas { quotas[quota.key] = quota.value }
            if let exception = entry.securityException { securityExceptions[entry.key] = exception }
        }
        self.lock = lock.map(LockFacts.init)
    }

    /// The entries of the objects of `snapshot` the facts read, in key order.
    static func entries(_ snapshot: PlatformSnapshot) -> [Entry] {
        snapshot.sortedKeys.compactMap { entry(snapshot.resources[$0]!, key: $0) }
    }

    /// The facts `manifest` adds; nil for a kind the facts do not read.
    static func entry(_ manifest: Manifest, key: ResourceKey) -> Entry? {
        var entry = kindEntry(manifest, key: key)
        if let exception = manifest.annotations[Conventions.securityExceptionAnnotation]?.stringValue {
            entry = entry ?? Entry(key: key, placement: nil)
            entry?.securityException = exception
        }
        return entry
    }

    private static func kindEntry(_ manifest: Manifest, key: ResourceKey) -> Entry? {
        switch (manifest.group, manifest.kind) {
        case ("apps", "Deployment"), ("apps", "StatefulSet"):
            let template = manifest.object["spec"]?["template"]
            return Entry(key: key, placement: placement(manifest, key, templates: [(template, 1)]))
        case ("leaderworkerset.x-k8s.io", "LeaderWorkerSet"):
            let group = manifest.object["spec"]?["leaderWorkerTemplate"]
            let size = Int(group?["size"]?.intValue ?? 1)
            let worker = group?["workerTemplate"]
            let leader = group?["leaderTemplate"] ?? worker
            return Entry(key: key, placement: placement(manifest, key, templates: [(leader, 1), (worker, max(size - 1, 0))]))
        case ("", "ResourceQuota"):
            let hard = manifest.object["spec"]?["hard"]?.mapValue ?? ManifestMap()
            return Entry(key: key, placement: nil, quotas: hard.map { entry in
                (QuotaKey(cluster: key.cluster, namespace: key.id.namespace ?? "", name: key.id.name, resource: entry.key),
                    Self.text(entry.value))
            })
        default: return nil
        }
    }

    /// GPUs held per team at the declared replica counts.
    package var gpusByTeam: [String: Int] {
        placements.reduce(into: [:]) { $0[$1.team, default: 0] += $1.replicas * $1.gpusPerReplica }
    }

    private static func placement(_ manifest: Manifest, _ key: ResourceKey, templates: [(ManifestValue?, Int)]) -> PoolReplicas {
        let pod = templates.first?.0?["spec"]
        let selector = pod?["nodeSelector"]?.mapValue ?? ManifestMap()
        let pool = Self.poolKeys.lazy.compactMap { selector[$0]?.stringValue }.first ?? "-"
        let labels = manifest.labels
        let podLabels = templates.first?.0?["metadata"]?["labels"]?.mapValue ?? ManifestMap()
        let team = labels[PlatformLabels.team]?.stringValue ?? podLabels[PlatformLabels.team]?.stringValue ?? key.id.namespace ?? "-"
        let model = labels[PlatformLabels.model]?.stringValue ?? podLabels[PlatformLabels.model]?.stringValue ?? key.id.name
        let gpus = templates.reduce(0) { $0 + Self.gpus(inPod: $1.0?["spec"]) * $1.1 }
        let replicas = Int(manifest.object["spec"]?["replicas"]?.intValue ?? 1)
        return PoolReplicas(model: model, team: team, cluster: key.cluster, pool: pool, replicas: replicas, gpusPerReplica: gpus)
    }

    /// `nvidia.com/gpu` limits (requests when no limit) summed over a pod's containers.
    static func gpus(inPod pod: ManifestValue?) -> Int {
        let containers = pod?["containers"]?.listValue ?? []
        return containers.reduce(0) { total, container in
            let resources = container["resources"]
            let value = resources?["limits"]?[gpuResource] ?? resources?["requests"]?[gpuResource]
            return total + (value.flatMap { Int(text($0)) } ?? 0)
        }
    }

    static func text(_ value: ManifestValue) -> String { value.plainText }
}
