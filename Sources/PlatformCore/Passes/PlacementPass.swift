import PlatformDiagnostics

/// Codes of the placement pass (E3xxx).
package enum PlacementCodes {
    package static let unplaced: DiagnosticCode = "E3001"
    package static let headroomShort: DiagnosticCode = "W3002"
}

/// IR → `PlacementProblem` → `PlacementSolver` → `PlannedPlatform`. Demands that cannot be placed
/// become errors at the workload's spec location, with notes at the demands that hold the capacity.
package enum PlacementPass {
    package static func modelDemandID(_ name: String) -> String { "model/\(name)" }
    package static func jobDemandID(_ name: String) -> String { "job/\(name)" }

    package static func problem(_ p: Platform) -> PlacementProblem {
        let pools = p.clusters.flatMap(\.nodePools).map { pool in
            let merged = pool.migProfiles.isEmpty && pool.gpusPerNode > 1 && pool.largestIsland == 1 && p.models.contains { m in
                m.allowPCIe && m.migProfile == nil && m.gpuModel == pool.gpu && m.nodesPerReplica == 1 && m.gpusPerReplica > 1
            }
            // `placement.allowPCIe` lets a replica take several GPUs of one PCIe-only node: the node is one group.
            return PoolSupply(id: pool.id, cluster: pool.cluster, gpuModel: pool.gpu, nodeCount: pool.maxNodes, minNodes: pool.minNodes,
                              islands: merged ? [pool.gpusPerNode] : pool.islands,
                              migSlicesPerGPU: pool.migProfiles.isEmpty ? nil : pool.migProfiles,
                              zones: pool.zones, pricePerHourMicros: pool.pricePerHour?.micros ?? 0, rdma: pool.fabric.isRDMA,
                              pcieNode: merged)
        }
        func poolID(cluster: String?, pool: String?) -> String? {
            guard let pool else { return nil }
            if let cluster { return "\(cluster)/\(pool)" }
            let matches = p.clusters.flatMap(\.nodePools).filter { $0.name == pool }
            return matches.count == 1 ? matches[0].id : nil
        }
        let priority = Dictionary(p.teams.map { ($0.name, $0.priority.value) }, uniquingKeysWith: { a, _ in a })
        var demands = p.models.filter { $0.minReplicas > 0 || $0.maxReplicas > 0 }.map { m in
            Demand(id: modelDemandID(m.name), kind: .replicas, team: m.team, priority: priority[m.team] ?? 0, gpuModel: m.gpuModel,
                   cluster: m.cluster, pool: poolID(cluster: m.cluster, pool: m.pool),
                   gpusPerGroup: m.migProfile == nil ? m.gpusPerReplica : 1, migProfile: m.migProfile,
                   groups: m.minReplicas, maxGroups: m.maxReplicas, nodesPerGroup: m.nodesPerReplica,
                   spread: SpreadPolicy(rawValue: m.spread.rawValue) ?? .zones, allowPCIe: m.allowPCIe)
        }
        demands += p.training.map { j in
            Demand(id: jobDemandID(j.name), kind: .gang, team: j.team, priority: priority[j.team] ?? 0, gpuModel: j.gpuModel,
                   cluster: j.cluster, pool: poolID(cluster: j.cluster, pool: j.pool), gpusPerGroup: j.gpusPerNode,
                   groups: 1, nodesPerGroup: j.nodes, spread: .none)
        }
        return PlacementProblem(pools: pools, demands: demands, teams: p.teams.map { TeamLimit(name: $0.name, gpuQuota: $0.gpuQuota) })
    }

    /// `previous`: the placement of the last compile (`platform.lock.json` of the GitOps head),
    /// which the solver keeps wherever it still holds (`StickyPlacement`); nil places afresh.
    package static func run(_ p: Platform, previous: LockPlacement? = nil, into diagnostics: inout DiagnosticBag) -> PlannedPlatform {
        let previousPools = previous.map(Self.previousPools) ?? [:]
        let sticky = StickyPlacement.solve(problem(p), previous: previousPools) { demand in .pinned(at: pinLocation(demand, in: p)) }
        let placement = sticky.placement
        var models: [String: [PoolAssignment]] = [:]
        var jobs: [String: PoolAssignment] = [:]
        for a in placement.assignments {
            let (cluster, pool) = split(a.pool)
            let nodes = Array(Set(a.groups.flatMap { $0.shares.map(\.node) })).sorted()
            let assignment = PoolAssignment(cluster: cluster, pool: pool, replicas: a.groups.count, nodes: nodes)
            if a.demand.hasPrefix("model/") { models[String(a.demand.dropFirst(6)), default: []].append(assignment) }
            else if a.demand.hasPrefix("job/") { jobs[String(a.demand.dropFirst(4))] = assignment }
        }
        for u in placement.unplaced {
            let (what, location) = describe(u.demand, in: p)
            var notes: [DiagnosticNote]
            if case let .capacityHeldBy(holders) = u.reason {
                notes = holders.map { h in let (w, l) = describe(h, in: p); return DiagnosticNote("\(w) holds that capacity", at: l) }
            } else { notes = [] }
            // Why no placement holds every workload: a count, the solver's proof, or that none was found.
            if let proof = u.proof { notes.append(DiagnosticNote(proof.words)) }
            diagnostics.error(PlacementCodes.unplaced, "\(what) cannot be placed: \(u.message)", at: location, notes: notes,
                              help: help(for: u.reason))
        }
        for h in placement.headroom where h.reachable < h.maxGroups {
            let (what, location) = describe(h.demand, in: p)
            diagnostics.warning(PlacementCodes.headroomShort,
                                "\(what) can scale to \(h.reachable) of its \(h.maxGroups) maximum replicas on the fleet at `nodes.max`",
                                at: location, help: "raise `nodes.max` of its pool or lower `replicas.max`")
        }
        var plan = PlannedPlatform(platform: p, modelAssignments: models, jobAssignments: jobs)
        plan.placement = placement
        let agents = AgentPlacement.place(plan, previous: previous?.agents ?? [:])
        plan.agentClusters = agents.clusters
        plan.moves = (moves(placement, previous: previousPools, released: sticky.released) + agents.moves).sorted()
        return plan
    }

    /// Demand id → the pool the previous placement used (the one holding most replicas, should a
    /// lock name several).
    static func previousPools(_ lock: LockPlacement) -> [String: String] {
        var pools: [String: String] = [:]
        for (name, list) in lock.models {
            let best = list.max { ($0.replicas, $1.poolID) < ($1.replicas, $0.poolID) }
            if let best { pools[modelDemandID(name)] = best.poolID }
        }
        for (name, a) in lock.training { pools[jobDemandID(name)] = a.poolID }
        return pools
    }

    /// Every placed demand whose pool differs from its previous one, with the cause.
    static func moves(_ placement: Placement, previous: [String: String], released: [String: PlacementMove.Cause]) -> [PlacementMove] {
        placement.assignments.compactMap { a in
            guard let from = previous[a.demand], from != a.pool else { return nil }
            let isModel = a.demand.hasPrefix("model/")
            return PlacementMove(kind: isModel ? .model : .training, name: StickyPlacement.workloadName(a.demand), from: from, to: a.pool,
                                 cause: released[a.demand] ?? .noRoom(for: []))
        }
    }

    /// Where the spec pins a demand: the `placement.pool` (or a job's `pool`) key when it has one, else the cluster key.
    static func pinLocation(_ demand: String, in p: Platform) -> SourceLocation? {
        if demand.hasPrefix("model/"), let m = p.model(String(demand.dropFirst(6))) {
            return m.pool != nil ? m.locations[.placementPool] : m.locations[.placementCluster]
        }
        if demand.hasPrefix("job/"), let j = p.training.first(where: { $0.name == String(demand.dropFirst(4)) }) {
            return j.pool != nil ? j.locations[.pool] : j.locations[.cluster]
        }
        return nil
    }

    private static func split(_ poolID: String) -> (String, String) {
        let parts = poolID.split(separator: "/", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }

    /// "model `x`" or "training job `y`", and where it is declared.
    static func describe(_ demand: String, in p: Platform) -> (String, SourceLocation?) {
        if demand.hasPrefix("model/"), let m = p.model(String(demand.dropFirst(6))) {
            return ("model `\(m.name)`", m.locations[.replicas] ?? m.location)
        }
        if demand.hasPrefix("job/"), let j = p.training.first(where: { $0.name == String(demand.dropFirst(4)) }) {
            return ("training job `\(j.name)`", j.location)
        }
        return ("`\(demand)`", nil)
    }

    private static func help(for reason: UnplacedReason) -> String? {
        switch reason {
        case .capacityHeldBy: return "raise `nodes.max` of the pool, lower the other demands, or give this team a higher priority"
        case .quotaExceeded(let team, _, _): return "raise the quota of team `\(team)` or lower `replicas.min`"
        case .spreadImpossible: return "add nodes or zones to the pool, or set `placement.spread: none`"
        case .insufficientCapacity: return "raise `nodes.max` of a matching pool"
        case .noRDMAFabric: return "use a pool with EFA, InfiniBand or RoCE"
        case .zoneTooSmall(let need,
            _): return "raise `nodes.max` of a matching pool until one of its zones holds \(need) nodes, or give it fewer `zones`"
        default: return nil
        }
    }
}
