/// Placement that prefers the previous one (issue 17, finding 7): a workload stays on the pool
/// the previous placement gave it while that pool still suits it and has room; only the rest is
/// placed afresh. Without it the solver re-optimises the whole fleet on every change, so pinning
/// one model elsewhere can move unrelated models (and the agents that follow them) across clouds.
///
/// 1. A demand whose previous pool still exists, is allowed by its pins and fits its shape is
///    held there (its pool pin is set to the previous pool); the others are released with a cause.
/// 2. Solve. A held demand left out is released (its pool has no room left). A demand left out
///    that a fresh solve would place releases one held demand of the pools it could use (the
///    lowest priority, then the largest), since holding them is what keeps it out. Repeat until
///    nothing more is released: each round releases at least one demand, so at most one round
///    per held demand.
/// Pure and deterministic: the rounds depend only on the problem and the previous pools.
enum StickyPlacement {
    struct Result {
        var placement: Placement
        /// Demand id → why it was not held on its previous pool.
        var released: [String: PlacementMove.Cause]
    }

    /// `previous`: demand id → previous pool id (`cluster/pool`). `pinLocation` locates a demand's pin.
    static func solve(_ problem: PlacementProblem, previous: [String: String], options: PlacementOptions = PlacementOptions(),
                      pinLocation: (String) -> PlacementMove.Cause) -> Result {
        guard !previous.isEmpty else { return Result(placement: PlacementSolver.solve(problem, options: options), released: [:]) }
        let poolIndex = Dictionary(problem.pools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var held: [String: String] = [:]
        var released: [String: PlacementMove.Cause] = [:]
        for d in problem.demands {
            guard let id = previous[d.id] else { continue }
            guard let p = poolIndex[id] else { released[d.id] = .removed; continue }
            let pool = problem.pools[p]
            if d.cluster.map({ $0 != pool.cluster }) ?? false || d.pool.map({ $0 != pool.id }) ?? false {
                released[d.id] = pinLocation(d.id)
                continue
            }
            let (_, reason) = CanonicalProblem.eligibility(d, [pool])
            if let reason { released[d.id] = .noLongerFits(words(reason, demand: d, pool: pool)); continue }
            held[d.id] = id
        }
        var fresh: Set<String>?
        while true {
            var restricted = problem
            restricted.demands = problem.demands.map { d in
                guard let id = held[d.id], let p = poolIndex[id] else { return d }
                var pinned = d
                pinned.pool = id
                pinned.cluster = problem.pools[p].cluster
                return pinned
            }
            let placement = PlacementSolver.solve(restricted, options: options)
            let out = placement.unplaced.map(\.demand)
            guard !out.isEmpty else { return Result(placement: placement, released: released) }
            let placedBy = Dictionary(placement.assignments.map { ($0.demand, $0.pool) }, uniquingKeysWith: { a, _ in a })
            var release: [String: [String]] = [:]
            for id in out where held[id] != nil { release[id] = [] }
            if fresh == nil { fresh = Set(PlacementSolver.solve(problem, options: options).assignments.map(\.demand)) }
            for id in out where held[id] == nil && fresh?.contains(id) == true {
                guard let d = problem.demands.first(where: { $0.id == id }) else { continue }
                let usable = Set(CanonicalProblem.eligibility(d, problem.pools).0.map { problem.pools[$0].id })
                // One held demand per round, so no more moves than needed: the lowest priority,
                // then the one freeing the most GPUs, then by id.
                let candidates = problem.demands.filter { other in
                    held[other.id].map { usable.contains($0) && placedBy[other.id] == $0 } ?? false && release[other.id] == nil
                }
                let pick = candidates.min { a, b in
                    (a.priority, -a.gpusPerGroup * a.nodesPerGroup * a.groups, a.id) < (b.priority,
                        -b.gpusPerGroup * b.nodesPerGroup * b.groups, b.id)
                }
                if let pick { release[pick.id, default: []].append(id) }
            }
            guard !release.isEmpty else { return Result(placement: placement, released: released) }
            for (id, others) in release {
                held[id] = nil
                released[id] = .noRoom(for: others.sorted().map(Self.workloadName))
            }
        }
    }

    /// `model/llama` → `llama`.
    static func workloadName(_ demand: String) -> String {
        demand.split(separator: "/", maxSplits: 1).last.map(String.init) ?? demand
    }

    /// Why a pool no longer suits a demand, in words: the placement's own message for the reason
    /// (`FleetState.message`, one wording per reason), but for a GPU model the pool no longer has.
    static func words(_ reason: UnplacedReason, demand d: Demand, pool: PoolSupply) -> String {
        guard case .noPoolWithGPU = reason else { return FleetState.message(reason, d) }
        return """
            it asks for \(d.migProfile.map { "`\($0)` slices of " } ?? "")\(d.gpuModel) GPUs and the pool has \
            \(pool.gpuModel)\(pool.migSlicesPerGPU == nil ? "" : " (MIG)")
            """
    }
}
