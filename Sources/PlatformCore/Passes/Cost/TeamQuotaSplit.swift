/// How a team's GPU quota (`quota.gpus`, one figure for the whole fleet, as the placement applies
/// it) spans clusters, and how each cluster's GPUs are shared among the teams' Kueue queues.
///
/// Across clusters: `quota.perCluster` when the spec states it (E7605 if it adds up to more than
/// `gpus` or leaves a cluster less than the team's placed workloads hold there); otherwise each
/// cluster first gets what the team's placed workloads hold there, and the rest of the quota is
/// split over clusters in proportion to the GPUs its models may still scale to there
/// (`replicas.max`), else to what it holds, else (nothing placed) to the clusters' GPUs. The parts
/// add up to `gpus` exactly: a team never gets its whole quota again in every cluster.
///
/// Within a cluster, per Kueue flavor (one device-plugin pool): each team asks for its cluster
/// share (or `quota.perModel` for the pool's GPU), at most the pool's GPUs. When the asks add up to
/// more than the pool has, the pool's GPUs are split in proportion to them: nominal quotas never sum
/// above the physical GPUs. What a team asked for beyond its nominal quota it may borrow
/// (`borrowingLimit`) from quota other teams of the cohort leave idle; `lendingLimit` is unset, so
/// all idle nominal quota is lent, and Kueue takes it back by preemption when its owner needs it
/// (`reclaimWithinCohort: Any`). Field semantics: kubernetes-sigs/kueue v0.19.2
/// `apis/kueue/v1beta2/clusterqueue_types.go` (`nominalQuota`, `borrowingLimit`, `lendingLimit`).
package enum TeamQuotaSplit {
    /// Team → cluster → GPUs of its quota in that cluster; teams without `quota.gpus` are absent.
    package static func perCluster(_ plan: PlannedPlatform) -> [String: [String: Int]] {
        let p = plan.platform
        let clusters = p.clusters.map(\.name).sorted()
        var out: [String: [String: Int]] = [:]
        let holdings = Holdings(plan)
        for team in p.teams {
            guard let quota = team.gpuQuota else { continue }
            if !team.gpuQuotaPerCluster.isEmpty {
                out[team.name] = Dictionary(uniqueKeysWithValues: clusters.map { ($0, team.gpuQuotaPerCluster[$0] ?? 0) })
                continue
            }
            let placed = clusters.map { holdings.placed[team.name]?[$0] ?? 0 }
            let grown = clusters.map { holdings.grown[team.name]?[$0] ?? 0 }
            let base = placed.reduce(0, +) <= quota ? placed : clusters.map { _ in 0 }
            let rest = quota - base.reduce(0, +)
            var weights = zip(grown, base).map { max($0 - $1, 0) }
            if weights.allSatisfy({ $0 == 0 }) { weights = placed }
            if weights.allSatisfy({ $0 == 0 }) { weights = clusters.map { c in p.cluster(c).map(gpus) ?? 0 } }
            let extra = apportion(rest, weights: weights)
            out[team.name] = Dictionary(uniqueKeysWithValues: clusters.enumerated().map { ($1, base[$0] + extra[$0]) })
        }
        return out
    }

    /// Whole GPUs the team's placed workloads hold in `cluster` (a MIG replica counts one GPU),
    /// at `replicas.min` or, with `atMax`, with every model at `replicas.max`.
    package static func held(_ team: String, cluster: String, _ plan: PlannedPlatform, atMax: Bool) -> Int {
        let p = plan.platform
        var total = 0
        for model in p.models where model.team == team {
            for assignment in plan.modelAssignments[model.name] ?? [] where assignment.cluster == cluster {
                total += assignment.replicas * max(model.gpusPerReplicaTotal, 1)
            }
            if atMax, plan.primaryCluster(ofModel: model.name) == cluster {
                total += max(model.maxReplicas - model.minReplicas, 0) * max(model.gpusPerReplicaTotal, 1)
            }
        }
        for job in p.training where job.team == team && plan.jobAssignments[job.name]?.cluster == cluster {
            total += job.totalGPUs
        }
        return total
    }

    /// `held` of every team in every cluster, in one pass over the workloads (a fleet has
    /// thousands of models: one pass per team and cluster was teams × clusters × models).
    struct Holdings {
        /// Team → cluster → `held(atMax: false)`.
        var placed: [String: [String: Int]] = [:]
        /// Team → cluster → `held(atMax: true)`.
        var grown: [String: [String: Int]] = [:]

        init(_ plan: PlannedPlatform) {
            let p = plan.platform
            for model in p.models {
                let perReplica = max(model.gpusPerReplicaTotal, 1)
                for assignment in plan.modelAssignments[model.name] ?? [] {
                    placed[model.team, default: [:]][assignment.cluster, default: 0] += assignment.replicas * perReplica
                    grown[model.team, default: [:]][assignment.cluster, default: 0] += assignment.replicas * perReplica
                }
                if let primary = plan.primaryCluster(ofModel: model.name) {
                    grown[model.team, default: [:]][primary, default: 0] += max(model.maxReplicas - model.minReplicas, 0) * perReplica
                }
            }
            for job in p.training {
                guard let cluster = plan.jobAssignments[job.name]?.cluster else { continue }
                placed[job.team, default: [:]][cluster, default: 0] += job.totalGPUs
                grown[job.team, default: [:]][cluster, default: 0] += job.totalGPUs
            }
        }
    }

    /// GPUs of a cluster with every pool at `nodes.max`.
    static func gpus(_ cluster: Cluster) -> Int { cluster.nodePools.reduce(0) { $0 + $1.maxNodes * $1.gpusPerNode } }

    /// A team's nominal quota and borrowing limit on one flavor.
    package struct Share: Hashable, Sendable {
        package var nominal: Int
        package var borrowingLimit: Int
    }

    /// Team name → its share of `pool`'s GPUs, for the teams of one cluster (`clusterShare`: each
    /// team's part of its quota in this cluster, nil when it has no quota).
    package static func flavorShares(_ pool: NodePool, teams: [Team], clusterShare: [String: Int]) -> [String: Share] {
        let capacity = pool.maxNodes * pool.gpusPerNode
        let sorted = teams.sorted { $0.name < $1.name }
        let asks = sorted.map { team -> Int in
            var limit = clusterShare[team.name] ?? capacity
            if let perModel = team.gpuQuotaPerModel[pool.gpu] { limit = min(limit, perModel) }
            return min(limit, capacity)
        }
        let nominal = asks.reduce(0, +) <= capacity ? asks : apportion(capacity, weights: asks)
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { i, team in
            (team.name, Share(nominal: nominal[i], borrowingLimit: asks[i] - nominal[i]))
        })
    }

    /// `total` split in proportion to `weights` by largest remainder (ties to the earlier index);
    /// all zero when the weights are.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { $0 * total / sum }
        let order = weights.indices.sorted { a, b in
            let ra = weights[a] * total % sum, rb = weights[b] * total % sum
            return ra != rb ? ra > rb : a < b
        }
        var left = total - parts.reduce(0, +)
        for i in order where left > 0 && weights[i] > 0 { parts[i] += 1; left -= 1 }
        return parts
    }
}
