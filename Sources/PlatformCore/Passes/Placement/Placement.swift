/// The solver's answer: where every group went, what runs, what it costs, what could not be placed
/// and why, how far the cost can be from optimal, and how far each model can scale out.
/// Every list is sorted by a stable key, so equal problems give equal values.
package struct Placement: Hashable, Sendable {
    /// Running nodes only (sorted by pool id, then index): nodes with work or below `minNodes`.
    package var nodes: [PlacedNode]
    package var pools: [PoolUsage]
    /// Placed demands, sorted by id.
    package var assignments: [DemandPlacement]
    /// Demands left out, sorted by id, each with the constraint that binds.
    package var unplaced: [Unplaced]
    /// Σ running nodes × their price.
    package var costPerHourMicros: Int64
    /// A proven lower bound on the cost of placing the placed demands.
    package var lowerBoundMicros: Int64
    /// `(cost − lowerBound) / lowerBound`; 0 when proved optimal or when both are 0.
    package var gap: Double
    /// The exact search finished within its step budget: nothing places more, or costs less.
    package var provedOptimal: Bool
    /// Free GPUs on running nodes that no demand shape of their pool can use.
    package var strandedGPUs: Int
    /// Σ over placed demands of the distinct nodes their groups use.
    package var spread: Int
    /// Per model (replicas demands with a room to grow), sorted by id.
    package var headroom: [Headroom]
    /// Search steps the exact search took (0 when the instance was too large for it).
    package var searchSteps: Int
}

/// One running node and who holds each of its GPUs.
package struct PlacedNode: Hashable, Sendable {
    package var name: String
    package var pool: String
    package var zone: String
    /// The multi-node demand (LeaderWorkerSet or gang) that holds the whole node, if any; its GPUs
    /// beyond `gpusPerGroup` stay idle but nothing else may use them.
    package var heldWholeBy: String?
    package var gpus: [GPUHolding]
}

/// One GPU: a whole-GPU holder, MIG slices, or free (no holder, no slices).
package struct GPUHolding: Hashable, Sendable {
    package var index: Int
    package var holder: String?
    /// The profile the GPU is partitioned into, when it is.
    package var migProfile: String?
    /// Slices held, sorted by demand id.
    package var slices: [SliceHolding]
}

package struct SliceHolding: Hashable, Sendable {
    package var demand: String
    package var count: Int
    package init(demand: String, count: Int) { self.demand = demand; self.count = count }
}

/// A pool's running nodes, how busy they are and how many GPUs are stranded there.
package struct PoolUsage: Hashable, Sendable {
    package var pool: String
    package var runningNodes: Int
    /// GPUs on running nodes.
    package var gpus: Int
    /// GPUs in use; a MIG slice counts as slices / slices-per-GPU.
    package var usedGPUs: Double
    /// `usedGPUs / gpus` (0 when nothing runs).
    package var utilisation: Double
    package var strandedGPUs: Int
    package var costPerHourMicros: Int64
}

/// Where one demand's groups went.
package struct DemandPlacement: Hashable, Sendable {
    package var demand: String
    package var pool: String
    package var groups: [GroupPlacement]
}

/// One group (a replica or a gang): its share of each node it uses.
package struct GroupPlacement: Hashable, Sendable {
    package var shares: [NodeShare]
}

/// GPU indices a group holds on one node; for MIG a GPU index appears once per slice held.
package struct NodeShare: Hashable, Sendable {
    package var node: String
    package var gpus: [Int]
    package init(node: String, gpus: [Int]) { self.node = node; self.gpus = gpus }
}

/// A demand that was not placed, with the binding constraint in words and as a value.
package struct Unplaced: Hashable, Sendable {
    package var demand: String
    package var reason: UnplacedReason
    package var message: String
    /// For a demand the solver left out (no static reason): the proof that no placement holds every demand.
    package var proof: DropProof? = nil
}

/// How far a model can scale out on top of the placement: `reachable` of `maxGroups` fit
/// (at least `groups`, the placed minimum).
package struct Headroom: Hashable, Sendable {
    package var demand: String
    package var groups: Int
    package var maxGroups: Int
    package var reachable: Int
    package init(demand: String, groups: Int, maxGroups: Int, reachable: Int) {
        self.demand = demand
        self.groups = groups
        self.maxGroups = maxGroups
        self.reachable = reachable
    }
}

/// The constraint that keeps a demand out.
package enum UnplacedReason: Hashable, Sendable {
    /// No pool has the GPU model (or the MIG profile) the demand asks for.
    case noPoolWithGPU
    /// The pinned cluster or pool does not exist, or has no matching GPU.
    case pinnedPoolMissing
    /// A group needs more GPUs than the largest NVLink island (or node) of every matching pool.
    case islandTooSmall(need: Int, largest: Int)
    /// A multi-node group needs `need` nodes in one zone; the largest zone of a matching pool has `largest`.
    case zoneTooSmall(need: Int, largest: Int)
    /// A gang needs an RDMA fabric and no matching pool has one.
    case noRDMAFabric
    /// The replicas cannot spread over two nodes (or zones) in any matching pool.
    case spreadImpossible
    /// The team's quota is too small: it needs `need` GPUs and has `have` left.
    case quotaExceeded(team: String, need: Double, have: Double)
    /// Capacity is taken by these demands (sorted ids), placed because they rank higher or came first.
    case capacityHeldBy([String])
    /// Even empty, the matching pools are too small: `need` GPUs against `have`.
    case insufficientCapacity(need: Int, have: Int)
}
