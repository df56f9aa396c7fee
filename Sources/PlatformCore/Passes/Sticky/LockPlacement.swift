/// The `placement` section of `platform.lock.json`, typed: the one codec that writes it (the lock
/// emitter), and reads it back (the diff's facts, and the next compile's previous placement).
///
/// ```json
/// "placement": {
///   "models":   { "llama": [ { "cluster": "prod", "pool": "h100", "replicas": 2, "team": "search",
///                              "gpus": 8, "nodes": ["prod/h100/node-0", "prod/h100/node-1"] } ] },
///   "training": { "sft": { "cluster": "prod", "pool": "h100", "replicas": 1, "team": "research", "gpus": 16, "nodes": [ … ] } },
///   "agents":   { "ops": { "cluster": "prod" } } }
/// ```
/// Reading is lenient, so older locks still read: lock version 1 has no `team`, `gpus` or
/// `agents` (nil and empty here), and an entry without a cluster or pool is skipped.
package struct LockPlacement: Hashable, Sendable {
    /// Where one workload's replicas (or gang) run.
    package struct Assignment: Hashable, Sendable {
        package var cluster: String
        package var pool: String
        package var replicas: Int
        package var nodes: [String]
        /// The owning team; nil in a version 1 lock.
        package var team: String?
        /// GPUs the assignment holds (MIG slices as their fraction of a GPU); nil in a version 1 lock.
        package var gpus: GPUCount?

        package init(cluster: String, pool: String, replicas: Int, nodes: [String], team: String? = nil, gpus: GPUCount? = nil) {
            (self.cluster, self.pool, self.replicas, self.nodes, self.team, self.gpus) = (cluster, pool, replicas, nodes, team, gpus)
        }

        /// `cluster/pool`, the placement's pool id.
        package var poolID: String { "\(cluster)/\(pool)" }
    }

    package var models: [String: [Assignment]] = [:]
    package var training: [String: Assignment] = [:]
    /// Agent name → its cluster.
    package var agents: [String: String] = [:]

    package init(models: [String: [Assignment]] = [:], training: [String: Assignment] = [:], agents: [String: String] = [:]) {
        self.models = models
        self.training = training
        self.agents = agents
    }

    /// The lock version this codec writes: 2 added `team` and `gpus` per assignment, and `agents`.
    package static let version = 2

    /// The placement of a whole lock file (`{ "placement": … }`); nil when it has none.
    package init?(lock: ManifestValue) {
        guard let placement = lock["placement"], placement.mapValue != nil else { return nil }
        for entry in placement["models"]?.mapValue ?? ManifestMap() {
            models[entry.key] = (entry.value.listValue ?? []).compactMap(Self.assignment)
        }
        for entry in placement["training"]?.mapValue ?? ManifestMap() {
            if let a = Self.assignment(entry.value) { training[entry.key] = a }
        }
        for entry in placement["agents"]?.mapValue ?? ManifestMap() {
            if let cluster = entry.value["cluster"]?.stringValue { agents[entry.key] = cluster }
        }
    }

    /// The `placement` value the lock holds.
    package var value: ManifestValue {
        var modelMap = ManifestMap(), jobMap = ManifestMap(), agentMap = ManifestMap()
        for (name, list) in models { modelMap[name] = .list(list.map(Self.value)) }
        for (name, a) in training { jobMap[name] = Self.value(a) }
        for (name, cluster) in agents { agentMap[name] = ["cluster": .string(cluster)] }
        return ["models": .map(modelMap), "training": .map(jobMap), "agents": .map(agentMap)]
    }

    /// Every assignment, models' and training jobs'.
    package var allAssignments: [Assignment] { models.values.flatMap { $0 } + Array(training.values) }

    private static func value(_ a: Assignment) -> ManifestValue {
        var map: ManifestMap = ["cluster": .string(a.cluster), "pool": .string(a.pool), "replicas": .int(Int64(a.replicas)),
                                "nodes": .list(a.nodes.map(ManifestValue.string))]
        if let team = a.team { map["team"] = .string(team) }
        if let gpus = a.gpus { map["gpus"] = gpuValue(gpus) }
        return .map(map)
    }

    private static func assignment(_ value: ManifestValue) -> Assignment? {
        guard let cluster = value["cluster"]?.stringValue, let pool = value["pool"]?.stringValue else { return nil }
        let replicas = Int(value["replicas"]?.intValue ?? 1)
        let nodes = (value["nodes"]?.listValue ?? []).compactMap(\.stringValue)
        return Assignment(cluster: cluster, pool: pool, replicas: replicas, nodes: nodes,
                          team: value["team"]?.stringValue, gpus: gpuCount(value["gpus"]))
    }

    /// A GPU count as the lock writes it: an integer, or a decimal for MIG fractions.
    static func gpuValue(_ g: GPUCount) -> ManifestValue { g.denominator == 1 ? .int(g.numerator) : .double(g.value) }

    /// A GPU count as JSON writes it: an integer, or a decimal for MIG fractions (read to 1/1000).
    package static func gpuCount(_ value: ManifestValue?) -> GPUCount? {
        switch value {
        case .int(let i)?: return GPUCount(i)
        case .double(let d)? where d.isFinite && d >= 0: return GPUCount(Int64((d * 1000).rounded()), over: 1000)
        case .string(let s)?: return Double(s).flatMap { gpuCount(.double($0)) }
        default: return nil
        }
    }
}
