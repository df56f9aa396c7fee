/// The placement solver's input: GPU supply (node pools), GPU demand (model replicas and training
/// gangs) and team quotas. It is a plain value independent of the IR so the solver can be tested and
/// benchmarked on its own; the IR is lowered into it by the placement pass. Pool ids, demand ids
/// and team names must each be unique (validation's job): list order is ignored by sorting on them.
package struct PlacementProblem: Hashable, Sendable {
    package var pools: [PoolSupply]
    package var demands: [Demand]
    package var teams: [TeamLimit]

    package init(pools: [PoolSupply], demands: [Demand], teams: [TeamLimit] = []) {
        self.pools = pools
        self.demands = demands
        self.teams = teams
    }
}

/// One node pool. Its nodes are named `<id>/node-<k>` (k from 0); node k sits in zone
/// `zones[k % zones.count]`; nodes `0..<minNodes` run (and cost) whatever is placed on them.
package struct PoolSupply: Hashable, Sendable {
    /// `cluster/pool`, unique in the problem.
    package var id: String
    package var cluster: String
    package var gpuModel: String
    /// The fixed node count, or `nodes.max` for an autoscaled pool.
    package var nodeCount: Int
    /// Nodes that run anyway (`nodes.min`); they cost money even when empty.
    package var minNodes: Int
    /// NVLink island sizes of one node, e.g. `[8]` for NVSwitch or `[4, 4]`; their sum is GPUs per node.
    package var islands: [Int]
    /// MIG layout: profile name → slices of that profile one GPU offers. A GPU is partitioned into one
    /// profile when its first slice is taken. A MIG pool serves MIG demands only.
    package var migSlicesPerGPU: [String: Int]?
    /// Zones the nodes are spread over round-robin; empty means one unnamed zone.
    package var zones: [String]
    /// Price of one running node per hour, in millionths of the currency unit.
    package var pricePerHourMicros: Int64
    /// Whether the pool has an RDMA fabric (InfiniBand, EFA, RoCE); training gangs need one.
    package var rdma: Bool
    /// Whether `islands` is one group of the whole node although its GPUs have no NVLink (a PCIe-only
    /// pool that a demand allowing PCIe tensor parallelism may use): multi-GPU demands that do not
    /// allow PCIe may not use it.
    package var pcieNode: Bool

    package init(id: String, cluster: String, gpuModel: String, nodeCount: Int, minNodes: Int = 0,
                islands: [Int], migSlicesPerGPU: [String: Int]? = nil, zones: [String] = [],
                pricePerHourMicros: Int64, rdma: Bool = false, pcieNode: Bool = false) {
        self.id = id
        self.cluster = cluster
        self.gpuModel = gpuModel
        self.nodeCount = nodeCount
        self.minNodes = minNodes
        self.islands = islands
        self.migSlicesPerGPU = migSlicesPerGPU
        self.zones = zones
        self.pricePerHourMicros = pricePerHourMicros
        self.rdma = rdma
        self.pcieNode = pcieNode
    }

    /// GPUs on one node.
    package var gpusPerNode: Int { islands.reduce(0, +) }
    /// The zone of node `k`.
    package func zone(ofNode k: Int) -> String { zones.isEmpty ? "" : zones[k % zones.count] }
}

/// What a demand is: the replicas of a served model, or a training job's all-or-nothing gang.
package enum DemandKind: String, Hashable, Sendable { case replicas, gang }

/// How a model's replicas must spread. `.zones` asks for two nodes, and two zones when the pool has
/// more than one; `.nodes` asks for two nodes only; `.none` relaxes high availability.
package enum SpreadPolicy: String, Hashable, Sendable { case zones, nodes, none }

/// One model's replicas or one training gang. A group is one replica (or the whole gang): either
/// `gpusPerGroup` GPUs inside one NVLink island of one node (`nodesPerGroup == 1`), or
/// `nodesPerGroup` whole nodes using `gpusPerGroup` GPUs each (a LeaderWorkerSet or a gang).
/// All groups of a demand go to one pool, so its manifests select one pool.
package struct Demand: Hashable, Sendable {
    package var id: String
    package var kind: DemandKind
    package var team: String
    /// Higher wins when capacity is short (set from the team's priority, or the demand's own).
    package var priority: Int
    package var gpuModel: String
    /// Pin to a cluster, a pool (`cluster/pool`), both, or neither.
    package var cluster: String?
    package var pool: String?
    /// GPUs per group per node; for a MIG demand, slices of `migProfile` per group. At least 1
    /// (validation rejects less before placement).
    package var gpusPerGroup: Int
    package var migProfile: String?
    /// Groups that must be placed (`replicas.min`; 1 for a gang). All or none are placed.
    package var groups: Int
    /// `replicas.max`: the autoscaling envelope checked as headroom.
    package var maxGroups: Int
    package var nodesPerGroup: Int
    package var spread: SpreadPolicy
    /// `placement.allowPCIe`: a group may take GPUs of one node across NVLink islands (over PCIe).
    package var allowPCIe: Bool

    package init(id: String, kind: DemandKind = .replicas, team: String, priority: Int = 0, gpuModel: String,
                cluster: String? = nil, pool: String? = nil, gpusPerGroup: Int, migProfile: String? = nil,
                groups: Int, maxGroups: Int? = nil, nodesPerGroup: Int = 1, spread: SpreadPolicy = .zones,
                allowPCIe: Bool = false) {
        self.id = id
        self.kind = kind
        self.team = team
        self.priority = priority
        self.gpuModel = gpuModel
        self.cluster = cluster
        self.pool = pool
        self.gpusPerGroup = gpusPerGroup
        self.migProfile = migProfile
        self.groups = groups
        self.maxGroups = max(maxGroups ?? groups, groups)
        self.nodesPerGroup = nodesPerGroup
        self.spread = spread
        self.allowPCIe = allowPCIe
    }

    /// Whether the groups take whole nodes (multi-node serving or a gang).
    package var spansNodes: Bool { nodesPerGroup > 1 || kind == .gang }
    /// Whether high availability applies: two or more replicas and a policy that asks for it.
    var needsSpread: Bool { kind == .replicas && groups >= 2 && spread != .none }
}

/// A team's GPU quota; `nil` means unlimited. MIG slices count as their fraction of a GPU.
package struct TeamLimit: Hashable, Sendable {
    package var name: String
    package var gpuQuota: Int?
    package init(name: String, gpuQuota: Int?) {
        self.name = name
        self.gpuQuota = gpuQuota
    }
}
