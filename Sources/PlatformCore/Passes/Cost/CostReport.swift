import PlatformDiagnostics
/// What the platform costs per month, from the placement: per pool (running nodes × price), per
/// workload and team (the GPUs they hold, OpenCost's allocation model), idle GPUs on their own
/// line, external providers by route, and every figure again with each model at `replicas.max`.
/// Every price says where it came from. All lists are sorted by name.
public struct CostReport: Hashable, Sendable {
    public var pools: [PoolCost]
    public var workloads: [WorkloadCost]
    public var external: [ExternalCost]
    public var teams: [TeamCost]
    public var clusters: [ClusterCost]
    /// Σ pools + Σ external, now and with every model at `replicas.max`.
    public var monthly: Money
    public var monthlyAtMax: Money
    /// Σ idle GPU cost of the pools, now and at max.
    public var idle: Money
    public var idleAtMax: Money
    /// The platform-wide budget, when the spec gives one.
    public var budget: Budget?

    /// The budget left (negative when over), when there is a budget.
    public var headroom: Money? { budget.map { $0.monthly - monthly } }
    public func team(_ name: String) -> TeamCost? { teams.first { $0.name == name } }
    public func pool(_ id: String) -> PoolCost? { pools.first { $0.id == id } }
}

/// One node pool: its running nodes and their price, and how the price splits over the GPUs'
/// holders; what the pool does not hand out is idle.
public struct PoolCost: Hashable, Sendable {
    public var cluster: String
    public var pool: String
    public var gpu: String
    public var gpusPerNode: Int
    /// Price of one node per hour (after discounts) and where it came from.
    public var pricePerHour: Money
    public var priceSource: String
    public var runningNodes: Int
    public var nodesAtMax: Int
    public var maxNodes: Int
    public var heldGPUs: GPUCount
    public var heldGPUsAtMax: GPUCount
    public var monthly: Money
    public var monthlyAtMax: Money
    public var idle: Money
    public var idleAtMax: Money

    public var id: String { "\(cluster)/\(pool)" }
    public var gpus: Int { runningNodes * gpusPerNode }
    public var idleGPUs: GPUCount { GPUCount(Int64(gpus)) - heldGPUs }
}

/// A model's replicas or a training job's gang: the GPUs it holds in its pool and their cost.
public struct WorkloadCost: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case model, training }
    public var kind: Kind
    public var name: String
    public var team: String
    /// `cluster/pool`.
    public var pool: String
    public var gpu: String
    public var gpus: GPUCount
    public var gpusAtMax: GPUCount
    public var monthly: Money
    public var monthlyAtMax: Money
    /// `model/<name>` or `job/<name>`, the placement's demand id.
    public var demand: String { kind == .model ? PlacementPass.modelDemandID(name) : PlacementPass.jobDemandID(name) }
}

/// Traffic a route sends to an external provider (its fallback share), priced per million tokens,
/// and the teams that pay for it (the owners of the route's backends, by backend weight).
public struct ExternalCost: Hashable, Sendable {
    public var route: String
    public var provider: String
    public var model: String
    /// Tokens per day sent to the provider: the route's traffic × its fallback percent.
    public var tokensPerDay: Int64
    public var price: TokenPrice
    public var monthly: Money
    /// Team → its share, sorted by team.
    public var shares: [TeamShare]
}

public struct TeamShare: Hashable, Sendable {
    public var team: String
    public var monthly: Money
}

/// A team's GPUs and money: attributed GPU cost plus external providers, against its quota and budget.
public struct TeamCost: Hashable, Sendable {
    public var name: String
    public var gpus: GPUCount
    public var gpusAtMax: GPUCount
    public var quota: Int?
    public var gpuMonthly: Money
    public var gpuMonthlyAtMax: Money
    public var externalMonthly: Money
    public var budget: Budget?

    public var monthly: Money { gpuMonthly + externalMonthly }
    public var monthlyAtMax: Money { gpuMonthlyAtMax + externalMonthly }
    /// The budget left (negative when over), when the team has a budget.
    public var headroom: Money? { budget.map { $0.monthly - monthly } }
}

/// A cluster's pools summed.
public struct ClusterCost: Hashable, Sendable {
    public var name: String
    public var gpus: Int
    public var heldGPUs: GPUCount
    public var monthly: Money
    public var monthlyAtMax: Money
    public var idle: Money
}

/// The cost pass's report is where `team-budget` reads a team's cost and what it is made of.
extension CostReport: TeamCostSource {
    public func monthlyCost(ofTeam team: String) -> Money? { self.team(team)?.monthly }

    public func breakdown(ofTeam team: String) -> [DiagnosticNote] {
        var notes = workloads.filter { $0.team == team && $0.monthly > .zero }.map { w in
            DiagnosticNote("\(w.kind == .model ? "model" : "training job") `\(w.name)`: \(w.gpus) \(w.gpu) GPUs in `\(w.pool)`, $\(w.monthly)/month")
        }
        for e in external { for s in e.shares where s.team == team && s.monthly > .zero {
            notes.append(DiagnosticNote("route `\(e.route)` fallback to `\(e.provider)/\(e.model)`: $\(s.monthly)/month (\(e.price.source))"))
        } }
        return notes
    }
}
