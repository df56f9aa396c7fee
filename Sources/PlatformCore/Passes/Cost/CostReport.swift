import PlatformDiagnostics
/// What the platform costs per month, from the placement: per pool (running nodes × price), per
/// workload and team (the GPUs they hold, OpenCost's allocation model), idle GPUs on their own
/// line, external providers by route, and every figure again with each model at `replicas.max`.
/// Every price says where it came from. All lists are sorted by name.
package struct CostReport: Hashable, Sendable {
    package var pools: [PoolCost]
    package var workloads: [WorkloadCost]
    package var external: [ExternalCost]
    package var teams: [TeamCost]
    package var clusters: [ClusterCost]
    /// Σ pools + Σ external, now and with every model at `replicas.max`.
    package var monthly: Money
    package var monthlyAtMax: Money
    /// Σ idle GPU cost of the pools, now and at max.
    package var idle: Money
    package var idleAtMax: Money
    /// The platform-wide budget, when the spec gives one.
    package var budget: Budget?

    /// The budget left (negative when over), when there is a budget.
    package var headroom: Money? { budget.map { $0.monthly - monthly } }
    package func team(_ name: String) -> TeamCost? { teams.first { $0.name == name } }
    package func pool(_ id: String) -> PoolCost? { pools.first { $0.id == id } }
}

/// One node pool: its running nodes and their price, and how the price splits over the GPUs'
/// holders; what the pool does not hand out is idle.
package struct PoolCost: Hashable, Sendable {
    package var cluster: String
    package var pool: String
    package var gpu: String
    package var gpusPerNode: Int
    /// Price of one node per hour (after discounts) and where it came from.
    package var pricePerHour: Money
    package var priceSource: String
    package var runningNodes: Int
    package var nodesAtMax: Int
    package var maxNodes: Int
    package var heldGPUs: GPUCount
    package var heldGPUsAtMax: GPUCount
    package var monthly: Money
    package var monthlyAtMax: Money
    package var idle: Money
    package var idleAtMax: Money

    package var id: String { "\(cluster)/\(pool)" }
    package var gpus: Int { runningNodes * gpusPerNode }
    package var idleGPUs: GPUCount { GPUCount(Int64(gpus)) - heldGPUs }
}

/// A model's replicas or a training job's gang: the GPUs it holds in its pool and their cost.
package struct WorkloadCost: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable { case model, training }
    package var kind: Kind
    package var name: String
    package var team: String
    /// `cluster/pool`.
    package var pool: String
    package var gpu: String
    package var gpus: GPUCount
    package var gpusAtMax: GPUCount
    package var monthly: Money
    package var monthlyAtMax: Money
    /// `model/<name>` or `job/<name>`, the placement's demand id.
    package var demand: String { kind == .model ? PlacementPass.modelDemandID(name) : PlacementPass.jobDemandID(name) }
}

/// Traffic a route sends to an external provider (its fallback share), priced per million tokens,
/// and the teams that pay for it (the owners of the route's backends, by backend weight).
package struct ExternalCost: Hashable, Sendable {
    package var route: String
    package var provider: String
    package var model: String
    /// Tokens per day sent to the provider: the route's traffic × its fallback percent.
    package var tokensPerDay: Int64
    package var price: TokenPrice
    package var monthly: Money
    /// Team → its share, sorted by team.
    package var shares: [TeamShare]
}

package struct TeamShare: Hashable, Sendable {
    package var team: String
    package var monthly: Money
}

/// A team's GPUs and money: attributed GPU cost plus external providers, against its quota and budget.
package struct TeamCost: Hashable, Sendable {
    package var name: String
    package var gpus: GPUCount
    package var gpusAtMax: GPUCount
    package var quota: Int?
    package var gpuMonthly: Money
    package var gpuMonthlyAtMax: Money
    package var externalMonthly: Money
    package var budget: Budget?

    package var monthly: Money { gpuMonthly + externalMonthly }
    package var monthlyAtMax: Money { gpuMonthlyAtMax + externalMonthly }
    /// The budget left (negative when over), when the team has a budget.
    package var headroom: Money? { budget.map { $0.monthly - monthly } }
}

/// A cluster's pools summed.
package struct ClusterCost: Hashable, Sendable {
    package var name: String
    package var gpus: Int
    package var heldGPUs: GPUCount
    package var monthly: Money
    package var monthlyAtMax: Money
    package var idle: Money
}

/// The cost pass's report is where `team-budget` reads a team's cost and what it is made of.
extension CostReport: TeamCostSource {
    package func monthlyCost(ofTeam team: String) -> Money? { self.team(team)?.monthly }

    package func breakdown(ofTeam team: String) -> [DiagnosticNote] {
        var notes = workloads.filter { $0.team == team && $0.monthly > .zero }.map { w in
            DiagnosticNote("\(w.kind == .model ? "model" : "training job") `\(w.name)`: \(w.gpus) \(w.gpu) GPUs in `\(w.pool)`, "
                + "$\(w.monthly)/month")
        }
        for e in external { for s in e.shares where s.team == team && s.monthly > .zero {
            notes.append(DiagnosticNote("route `\(e.route)` fallback to `\(e.provider)/\(e.model)`: $\(s.monthly)/month "
                + "(\(e.price.source))"))
        } }
        return notes
    }
}
