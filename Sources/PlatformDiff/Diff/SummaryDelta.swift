/// The platform summary a reviewer reads first: how the facts of base and head differ.
/// Every list holds only rows that changed, in a fixed order.
package struct SummaryDelta: Hashable, Sendable {
    /// Replicas of a model on one pool, before and after.
    package struct ReplicaShift: Hashable, Sendable {
        package var model: String
        package var cluster: String
        package var pool: String
        package var old: Int
        package var new: Int

        package init(model: String, cluster: String, pool: String, old: Int, new: Int) {
            (self.model, self.cluster, self.pool, self.old, self.new) = (model, cluster, pool, old, new)
        }
    }

    /// A before/after pair; nil where a side has no value.
    package struct Change<Value: Hashable & Sendable>: Hashable, Sendable {
        package var name: String
        package var old: Value?
        package var new: Value?

        package init(name: String, old: Value?, new: Value?) {
            (self.name, self.old, self.new) = (name, old, new)
        }
    }

    package var replicas: [ReplicaShift] = []
    /// Nodes per `cluster/pool`, from the lock files.
    package var nodes: [Change<Int>] = []
    /// GPUs held per team, from each side's lock placement (every placed replica and training
    /// gang, MIG slices as fractions); a side without such a lock counts its serving manifests.
    package var gpus: [Change<GPUCount>] = []
    package var gpuTotal: Change<GPUCount>
    /// Monthly cost per team; empty unless both sides have a lock file with costs.
    package var cost: [Change<Double>] = []
    package var costTotal: Change<Double>
    package var currency: String?
    /// ResourceQuota `spec.hard` entries that changed.
    package var quotas: [QuotaChange] = []
    /// Pod Security exceptions (the `platformc.dev/security-exception` annotation) that changed,
    /// named `cluster: Kind namespace/name`: what the spec's `security.exceptions` grants shows here.
    package var securityExceptions: [Change<String>] = []

    package struct QuotaChange: Hashable, Sendable {
        package var key: PlatformFacts.QuotaKey
        package var old: String?
        package var new: String?
        /// `cluster namespace/quota resource`.
        package var name: String { "\(key.cluster) \(key.namespace)/\(key.name) \(key.resource)" }
    }

    package init(base: PlatformFacts, head: PlatformFacts) {
        replicas = Self.shifts(Self.replicaPlacements(base), Self.replicaPlacements(head))
        let oldGPUs = Self.gpusByTeam(base), newGPUs = Self.gpusByTeam(head)
        gpus = Self.changes(oldGPUs, newGPUs, default: .zero)
        gpuTotal = Change(name: "total", old: oldGPUs.values.reduce(.zero, +), new: newGPUs.values.reduce(.zero, +))
        let oldCost = base.lock?.monthlyByTeam ?? [:], newCost = head.lock?.monthlyByTeam ?? [:]
        cost = Self.changes(oldCost, newCost, default: nil)
        costTotal = Change(name: "total", old: base.lock?.monthlyTotal, new: head.lock?.monthlyTotal)
        currency = head.lock?.currency ?? base.lock?.currency
        let oldNodes = base.lock?.nodesByPool ?? [:], newNodes = head.lock?.nodesByPool ?? [:]
        nodes = Set(oldNodes.keys).union(newNodes.keys).sorted().compactMap { key in
            oldNodes[key] == newNodes[key] ? nil : Change(name: "\(key.cluster)/\(key.pool)", old: oldNodes[key], new: newNodes[key])
        }
        quotas = Set(base.quotas.keys).union(head.quotas.keys).sorted().compactMap { key in
            base.quotas[key] == head.quotas[key] ? nil : QuotaChange(key: key, old: base.quotas[key], new: head.quotas[key])
        }
        securityExceptions = Set(base.securityExceptions.keys).union(head.securityExceptions.keys).sorted().compactMap { key in
            let old = base.securityExceptions[key], new = head.securityExceptions[key]
            return old == new ? nil : Change(name: key.description, old: old, new: new)
        }
    }

    /// True when nothing a reviewer weighs moved.
    package var isEmpty: Bool {
        replicas.isEmpty && nodes.isEmpty && gpus.isEmpty && cost.isEmpty && quotas.isEmpty && securityExceptions.isEmpty
            && costTotal.old == costTotal.new
    }

    /// GPUs per team: the lock's when it counts them, else the manifests'.
    static func gpusByTeam(_ facts: PlatformFacts) -> [String: GPUCount] {
        facts.lock?.gpusByTeam ?? facts.gpusByTeam.mapValues { GPUCount(Int64($0)) }
    }

    /// Where model replicas run: the lock's placement (the pool as placed, replicas as placed,
    /// autoscaled models included) when the side has one, else the manifests'.
    static func replicaPlacements(_ facts: PlatformFacts) -> [PlatformFacts.PoolReplicas] {
        guard let placement = facts.lock?.placement else { return facts.placements }
        return placement.models.flatMap { name, list in
            list.map { PlatformFacts.PoolReplicas(model: name, team: $0.team ?? "-", cluster: $0.cluster, pool: $0.pool,
                                               replicas: $0.replicas, gpusPerReplica: 0) }
        }
    }

    private static func shifts(_ base: [PlatformFacts.PoolReplicas], _ head: [PlatformFacts.PoolReplicas]) -> [ReplicaShift] {
        struct Where: Hashable { var model, cluster, pool: String }
        func tally(_ placements: [PlatformFacts.PoolReplicas]) -> [Where: Int] {
            placements.reduce(into: [:]) { $0[Where(model: $1.model, cluster: $1.cluster, pool: $1.pool), default: 0] += $1.replicas }
        }
        let old = tally(base), new = tally(head)
        let keys = Set(old.keys).union(new.keys).sorted {
            [$0.model, $0.cluster, $0.pool].lexicographicallyPrecedes([$1.model, $1.cluster, $1.pool]) { $0.precedesInByteOrder($1) }
        }
        return keys.compactMap { key in
            let a = old[key] ?? 0, b = new[key] ?? 0
            return a == b ? nil : ReplicaShift(model: key.model, cluster: key.cluster, pool: key.pool, old: a, new: b)
        }
    }

    private static func changes<V: Hashable & Sendable>(_ old: [String: V], _ new: [String: V], default fallback: V?) -> [Change<V>] {
        Set(old.keys).union(new.keys).sorted { $0.precedesInByteOrder($1) }.compactMap { name in
            let a = old[name] ?? fallback, b = new[name] ?? fallback
            return a == b ? nil : Change(name: name, old: a, new: b)
        }
    }
}
