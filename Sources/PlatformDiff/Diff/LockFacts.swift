/// The cost and node counts a side's `platform.lock.json` records (read by `LockFile`; the
/// shape is documented in docs/diff-json.md; other keys are ignored):
/// ```json
/// { "cost": { "currency": "USD", "monthly": "1000.00",
///             "teams": { "search": { "monthly": "600.00", … } } },
///   "placement": { "models":   { "llama": [ { "cluster": "prod", "pool": "h100", "nodes": ["prod/h100/node-0"] } ] },
///                  "training": { "sft": { "cluster": "prod", "pool": "h100", "nodes": [ … ] } } } }
/// ```
/// Amounts are decimal strings (exact cents; plain numbers are read too). A field the lock
/// lacks is nil and prints as "n/a".
package struct LockFacts: Hashable, Sendable {
    package var currency: String?
    package var monthlyTotal: Double?
    package var monthlyByTeam: [String: Double]
    /// Nodes per (cluster, pool) that hold at least one placed replica or training gang.
    package var nodesByPool: [PoolKey: Int]

    package struct PoolKey: Hashable, Comparable, Sendable {
        package var cluster: String
        package var pool: String
        package static func < (a: PoolKey, b: PoolKey) -> Bool {
            a.cluster != b.cluster ? a.cluster.precedesInByteOrder(b.cluster) : a.pool.precedesInByteOrder(b.pool)
        }
    }

    /// The lock's placement (`LockPlacement`), when it has one.
    package var placement: LockPlacement?
    /// GPUs held per team: from the placement's per-assignment counts (lock version 2), else the
    /// cost section's per-team counts; nil when the lock has neither (read from the manifests then).
    package var gpusByTeam: [String: GPUCount]?

    package init(_ lock: LockFile) {
        let cost = lock.cost
        currency = cost?.currency
        monthlyTotal = cost?.monthly.flatMap { Double($0) }
        var teams: [String: Double] = [:]
        var teamGPUs: [String: GPUCount] = [:]
        var everyTeamCounted = cost?.teams != nil
        for (name, team) in cost?.teams ?? [:] {
            if let amount = team.monthly.flatMap({ Double($0) }) { teams[name] = amount }
            if let gpus = team.gpus { teamGPUs[name] = gpus } else { everyTeamCounted = false }
        }
        monthlyByTeam = teams
        placement = lock.placement
        let assignments = placement?.allAssignments ?? []
        if let placement, assignments.allSatisfy({ $0.team != nil && $0.gpus != nil }) {
            var held: [String: GPUCount] = [:]
            for a in placement.allAssignments { held[a.team!, default: .zero] = held[a.team!, default: .zero] + a.gpus! }
            gpusByTeam = held
        } else {
            gpusByTeam = everyTeamCounted ? teamGPUs.filter { $0.value != .zero } : nil
        }
        // A node serving several models (or a model and a gang) counts once.
        var nodes: [PoolKey: Set<String>] = [:]
        for a in assignments {
            nodes[PoolKey(cluster: a.cluster, pool: a.pool), default: []].formUnion(a.nodes)
        }
        nodesByPool = nodes.mapValues(\.count)
    }
}
