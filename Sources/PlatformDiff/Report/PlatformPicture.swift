/// What the HTML report draws, as plain values: every running node's GPUs with their holders,
/// each team's money against its budget, each route's hops, and (with a base) what changed.
/// Built from a compile by `PlatformPicture.init(plan:manifests:)`; the renderer reads only this,
/// so tests can hand it any names, hostile ones included.
public struct PlatformPicture: Hashable, Sendable {
    public var name: String
    public var currency: String
    public var pools: [PoolPicture]
    public var teams: [TeamMoney]
    public var workloads: [WorkloadKey]
    public var routes: [RouteHops]
    public var monthly: Money
    public var monthlyAtMax: Money
    public var budget: Money?
    /// Demands the placement left out, as `id: reason`.
    public var unplaced: [String]

    public init(name: String, currency: String, pools: [PoolPicture], teams: [TeamMoney], workloads: [WorkloadKey],
                routes: [RouteHops], monthly: Money, monthlyAtMax: Money, budget: Money? = nil, unplaced: [String] = []) {
        self.name = name
        self.currency = currency
        self.pools = pools
        self.teams = teams
        self.workloads = workloads
        self.routes = routes
        self.monthly = monthly
        self.monthlyAtMax = monthlyAtMax
        self.budget = budget
        self.unplaced = unplaced
    }
}

/// A workload the legend names: its placement demand id (`model/x`, `job/y`), name and team.
public struct WorkloadKey: Hashable, Sendable {
    public var demand: String
    public var name: String
    public var team: String
    public init(demand: String, name: String, team: String) { (self.demand, self.name, self.team) = (demand, name, team) }
}

public struct PoolPicture: Hashable, Sendable {
    public var cluster: String
    public var pool: String
    public var gpu: String
    public var gpusPerNode: Int
    public var maxNodes: Int
    /// MIG profile → slices per GPU (empty without MIG).
    public var migSlices: [String: Int]
    /// The placement's count of stranded GPUs in this pool.
    public var strandedGPUs: Int
    public var monthly: Money
    public var nodes: [NodePicture]

    public init(cluster: String, pool: String, gpu: String, gpusPerNode: Int, maxNodes: Int, migSlices: [String: Int] = [:],
                strandedGPUs: Int = 0, monthly: Money = .zero, nodes: [NodePicture]) {
        (self.cluster, self.pool, self.gpu, self.gpusPerNode, self.maxNodes) = (cluster, pool, gpu, gpusPerNode, maxNodes)
        (self.migSlices, self.strandedGPUs, self.monthly, self.nodes) = (migSlices, strandedGPUs, monthly, nodes)
    }
}

public struct NodePicture: Hashable, Sendable {
    public var name: String
    public var zone: String
    public var gpus: [GPUPicture]
    public init(name: String, zone: String, gpus: [GPUPicture]) { (self.name, self.zone, self.gpus) = (name, zone, gpus) }
}

/// One GPU: held whole by a demand, split into MIG slices (some held), free, or stranded (free
/// and of no use to any shape that could land in its pool).
public struct GPUPicture: Hashable, Sendable {
    public var holder: String?
    /// Slices per GPU when partitioned, and the demand holding each slice in order (nil = free).
    public var slices: [String?]
    public var stranded: Bool
    public init(holder: String? = nil, slices: [String?] = [], stranded: Bool = false) {
        (self.holder, self.slices, self.stranded) = (holder, slices, stranded)
    }
}

/// A team's money per month: now, with every model at `replicas.max`, and its budget.
public struct TeamMoney: Hashable, Sendable {
    public var team: String
    public var monthly: Money
    public var monthlyAtMax: Money
    public var budget: Money?
    public var gpus: String
    public init(team: String, monthly: Money, monthlyAtMax: Money, budget: Money?, gpus: String) {
        (self.team, self.monthly, self.monthlyAtMax, self.budget, self.gpus) = (team, monthly, monthlyAtMax, budget, gpus)
    }
}
