/// What the HTML report draws, as plain values: every running node's GPUs with their holders,
/// each team's money against its budget, each route's hops, and (with a base) what changed.
/// Built from a compile by `PlatformPicture.init(plan:manifests:)`; the renderer reads only this,
/// so tests can hand it any names, hostile ones included.
package struct PlatformPicture: Hashable, Sendable {
    package var name: String
    package var currency: String
    package var pools: [PoolPicture]
    package var teams: [TeamMoney]
    package var workloads: [WorkloadKey]
    package var routes: [RouteHops]
    package var monthly: Money
    package var monthlyAtMax: Money
    package var budget: Money?
    /// Demands the placement left out, as `id: reason`.
    package var unplaced: [String]

    package init(name: String, currency: String, pools: [PoolPicture], teams: [TeamMoney], workloads: [WorkloadKey],
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
package struct WorkloadKey: Hashable, Sendable {
    package var demand: String
    package var name: String
    package var team: String
    package init(demand: String, name: String, team: String) { (self.demand, self.name, self.team) = (demand, name, team) }
}

package struct PoolPicture: Hashable, Sendable {
    package var cluster: String
    package var pool: String
    package var gpu: String
    package var gpusPerNode: Int
    package var maxNodes: Int
    /// MIG profile → slices per GPU (empty without MIG).
    package var migSlices: [String: Int]
    /// The placement's count of stranded GPUs in this pool.
    package var strandedGPUs: Int
    package var monthly: Money
    package var nodes: [NodePicture]

    package init(cluster: String, pool: String, gpu: String, gpusPerNode: Int, maxNodes: Int, migSlices: [String: Int] = [:],
                strandedGPUs: Int = 0, monthly: Money = .zero, nodes: [NodePicture]) {
        (self.cluster, self.pool, self.gpu, self.gpusPerNode, self.maxNodes) = (cluster, pool, gpu, gpusPerNode, maxNodes)
        (self.migSlices, self.strandedGPUs, self.monthly, self.nodes) = (migSlices, strandedGPUs, monthly, nodes)
    }
}

package struct NodePicture: Hashable, Sendable {
    package var name: String
    package var zone: String
    package var gpus: [GPUPicture]
    package init(name: String, zone: String, gpus: [GPUPicture]) { (self.name, self.zone, self.gpus) = (name, zone, gpus) }
}

/// One GPU: held whole by a demand, split into MIG slices (some held), free, or stranded (free
/// and of no use to any shape that could land in its pool).
package struct GPUPicture: Hashable, Sendable {
    package var holder: String?
    /// Slices per GPU when partitioned, and the demand holding each slice in order (nil = free).
    package var slices: [String?]
    package var stranded: Bool
    package init(holder: String? = nil, slices: [String?] = [], stranded: Bool = false) {
        (self.holder, self.slices, self.stranded) = (holder, slices, stranded)
    }
}

/// A team's money per month: now, with every model at `replicas.max`, and its budget.
package struct TeamMoney: Hashable, Sendable {
    package var team: String
    package var monthly: Money
    package var monthlyAtMax: Money
    package var budget: Money?
    package var gpus: String
    package init(team: String, monthly: Money, monthlyAtMax: Money, budget: Money?, gpus: String) {
        (self.team, self.monthly, self.monthlyAtMax, self.budget, self.gpus) = (team, monthly, monthlyAtMax, budget, gpus)
    }
}
