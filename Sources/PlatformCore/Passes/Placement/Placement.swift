/// The solver's answer: where every group went, what runs, what it costs, what could not be placed
/// and why, how far the cost can be from optimal, and how far each model can scale out.
/// Every list is sorted by a stable key, so equal problems give equal values.
public struct Placement: Hashable, Sendable {
    /// Running nodes only (sorted by pool id, then index): nodes with work or below `minNodes`.
    public var nodes: [PlacedNode]
    public var pools: [PoolUsage]
    /// Placed demands, sorted by id.
    public var assignments: [DemandPlacement]
    /// Demands left out, sorted by id, each with the constraint that binds.
    public var unplaced: [Unplaced]
    /// Σ running nodes × their price.
    public var costPerHourMicros: Int64
    /// A proven lower bound on the cost of placing the placed demands.
    public var lowerBoundMicros: Int64
    /// `(cost − lowerBound) / lowerBound`; 0 when proved optimal or when both are 0.
    public var gap: Double
    /// The exact search finished within its step budget: nothing places more, or costs less.
    public var provedOptimal: Bool
    /// Free GPUs on running nodes that no demand shape of their pool can use.
    public var strandedGPUs: Int
    /// Σ over placed demands of the distinct nodes their groups use.
    public var spread: Int
    /// Per model (replicas demands with a room to grow), sorted by id.
    public var headroom: [Headroom]
    /// Search steps the exact search took (0 when the instance was too large for it).
    public var searchSteps: Int
}

/// One running node and who holds each of its GPUs.
public struct PlacedNode: Hashable, Sendable {
    public var name: String
    public var pool: String
    public var zone: String
    /// The multi-node demand (LeaderWorkerSet or gang) that holds the whole node, if any; its GPUs
    /// beyond `gpusPerGroup` stay idle but nothing else may use them.
    public var heldWholeBy: String?
    public var gpus: [GPUHolding]
}

/// One GPU: a whole-GPU holder, MIG slices, or free (no holder, no slices).
public struct GPUHolding: Hashable, Sendable {
    public var index: Int
    public var holder: String?
    /// The profile the GPU is partitioned into, when it is.
    public var migProfile: String?
    /// Slices held, sorted by demand id.
    public var slices: [SliceHolding]
}

public struct SliceHolding: Hashable, Sendable {
    public var demand: String
    public var count: Int
    public init(demand: String, count: Int) { self.demand = demand; self.count = count }
}

/// A pool's running nodes, how busy they are and how many GPUs are stranded there.
public struct PoolUsage: Hashable, Sendable {
    public var pool: String
    public var runningNodes: Int
    /// GPUs on running nodes.
    public var gpus: Int
    /// GPUs in use; a MIG slice counts as slices / slices-per-GPU.
    public var usedGPUs: Double
    /// `usedGPUs / gpus` (0 when nothing runs).
    public var utilisation: Double
    public var strandedGPUs: Int
    public var costPerHourMicros: Int64
}

/// Where one demand's groups went.
public struct DemandPlacement: Hashable, Sendable {
    public var demand: String
    public var pool: String
    public var groups: [GroupPlacement]
}

/// One group (a replica or a gang): its share of each node it uses.
public struct GroupPlacement: Hashable, Sendable {
    public var shares: [NodeShare]
}

/// GPU indices a group holds on one node; for MIG a GPU index appears once per slice held.
public struct NodeShare: Hashable, Sendable {
    public var node: String
    public var gpus: [Int]
    public init(node: String, gpus: [Int]) { self.node = node; self.gpus = gpus }
}

/// A demand that was not placed, with the binding constraint in words and as a value.
public struct Unplaced: Hashable, Sendable {
    public var demand: String
    public var reason: UnplacedReason
    public var message: String
    /// For a demand the solver left out (no static reason): the proof that no placement holds every demand.
    public var proof: DropProof? = nil
}

/// How far a model can scale out on top of the placement: `reachable` of `maxGroups` fit
/// (at least `groups`, the placed minimum).
public struct Headroom: Hashable, Sendable {
    public var demand: String
    public var groups: Int
    public var maxGroups: Int
    public var reachable: Int
    public init(demand: String, groups: Int, maxGroups: Int, reachable: Int) {
        self.demand = demand
        self.groups = groups
        self.maxGroups = maxGroups
        self.reachable = reachable
    }
}

/// The constraint that keeps a demand out.
public enum UnplacedReason: Hashable, Sendable {
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
