/// Solving the placement MILP lexicographically, as `PlacementObjective` orders placements: first the
/// drops per priority level (weighted so a higher level always wins), then, with no level dropping
/// more than that, the price of running nodes. Cbc gets no MIP start (see `CbcRunner`): stage 2's
/// drops per level are capped by stage 1's answer, or by the incumbent's when stage 1 found none.
struct MILPOutcome {
    var state: FleetState
    var out: [Int]
    /// Stage 1 finished: no placement drops fewer demands per level (lexicographically).
    var dropsProved: Bool
    /// Stage 2 finished too: no placement with these drops costs less.
    var proved: Bool
    /// A lower bound on the cost of every placement whose drops per level are at most `state`'s.
    var lowerBoundMicros: Int64
    var nodes: Int
}

extension PlacementMILP {
    /// nil when the model found nothing at least as good as `incumbent` (its own decoding is then not used).
    static func solve(_ problem: CanonicalProblem, incumbent: FleetState, nodeLimit: Int,
                      preprocess: Bool = true) -> MILPOutcome? {
        var milp = PlacementMILP(problem)
        var start = milp.values(of: incumbent)
        var nodes = 0
        var dropsProved = true
        let incumbentDrops = milp.decided.filter { incumbent.groups[$0].isEmpty }
        if !incumbentDrops.isEmpty {
            var stage1 = milp.model
            let weights = milp.dropWeights()
            stage1.cost = Array(repeating: 0, count: stage1.columnCount)
            for d in milp.decided { stage1.cost[milp.drop[d]!] = weights[milp.level(d)] }
            let first = CbcRunner.solve(stage1, nodeLimit: nodeLimit, preprocess: preprocess)
            nodes += first.nodes
            dropsProved = first.provedOptimal
            // Cbc has no start, so a stage 1 stopped at its node limit may drop more than the
            // incumbent; stage 2 is then bounded by the incumbent's drops, never by worse ones.
            let incumbentWeight = incumbentDrops.reduce(0.0) { $0 + weights[milp.level($1)] }
            if let values = first.values, first.objective <= incumbentWeight + 1e-6 { start = values }
        }
        // Stage 2: no level drops more than the stage-1 answer (or the incumbent).
        var perLevel = Array(repeating: 0.0, count: milp.levels.count)
        for d in milp.decided where start[milp.drop[d]!] > 0.5 { perLevel[milp.level(d)] += 1 }
        for l in milp.levels.indices {
            milp.model.row(milp.decided.filter { milp.level($0) == l }.map { (milp.drop[$0]!, 1.0) }, upper: perLevel[l])
        }
        let second = CbcRunner.solve(milp.model, nodeLimit: nodeLimit, preprocess: preprocess)
        nodes += second.nodes
        guard let values = second.values, let state = milp.decode(values) else { return nil }
        let out = milp.decided.filter { state.groups[$0].isEmpty }
        let bound = max(0, Int64((second.bound - 1e-6).rounded(.up))) * milp.costUnit
        return MILPOutcome(state: state, out: out, dropsProved: dropsProved, proved: dropsProved && second.provedOptimal,
                           lowerBoundMicros: min(bound, state.cost), nodes: nodes)
    }

    /// The column values of a state built by the heuristic or the search (a warm start once; only its
    /// drop columns are read now, since Cbc gets no start).
    /// Running nodes are renumbered to the lowest indices of their zone (nodes of a zone are
    /// interchangeable), so the start meets the symmetry rows.
    func values(of state: FleetState) -> [Double] {
        var v = Array(repeating: 0.0, count: model.columnCount)
        var slot: [[Int]] = []
        for (p, pool) in state.pools.enumerated() {
            let zones = pool.zoneCount
            var map = Array(0..<pool.supply.nodeCount)
            for z in 0..<zones {
                let members = Array(stride(from: z, to: pool.supply.nodeCount, by: zones))
                let ordered = members.filter { pool.running[$0] } + members.filter { !pool.running[$0] }
                for (j, k) in ordered.enumerated() { map[k] = members[j] }
            }
            slot.append(map)
            for k in 0..<pool.supply.nodeCount where pool.running[k] {
                v[run[p][map[k]]] = 1
                for g in 0..<pool.gpn {
                    let q = pool.gpuProfile[k * pool.gpn + g]
                    if q >= 0, let m = part[p][map[k]][q] { v[m] += 1 }
                }
            }
        }
        for d in decided {
            guard let first = state.groups[d].first else { v[drop[d]!] = 1; continue }
            let p = first.pool
            v[use[d]![p]!] = 1
            for g in state.groups[d] {
                for share in g.shares {
                    let k = slot[p][share.node]
                    if share.exclusive {
                        v[whole[d]![p]![k]] = 1
                    } else if share.island >= 0 {
                        if let x = island[d]?[p]?[k][share.island] { v[x] += 1 }
                    } else {
                        v[slices[d]![p]![k]] += 1
                    }
                }
                if let k = g.shares.first?.node, g.shares.first?.exclusive == true {
                    v[zone[d]![p]![k % max(1, problem.pools[p].zones.count)]] += 1
                }
            }
        }
        return v
    }

    /// Builds the state a solution describes, group by group through the same `PoolState` moves the
    /// heuristic uses; nil when a value does not fit (which the rows forbid; kept as a guard).
    func decode(_ values: [Double]) -> FleetState? {
        func count(_ c: Int) -> Int { Int(values[c].rounded()) }
        var state = FleetState(problem, indexed: true)
        for d in problem.order where decided.contains(d) && count(drop[d]!) == 0 {
            guard let p = use[d]?.first(where: { count($0.value) == 1 })?.key else { return nil }
            let demand = problem.demands[d]
            let pool = problem.pools[p]
            func opening(_ k: Int) -> [Int] {
                guard !state.pools[p].running[k] else { return [] }
                state.pools[p].open(k)
                return [k]
            }
            var placed = 0
            if demand.spansNodes {
                let zones = max(1, pool.zones.count)
                for z in 0..<zones {
                    let held = stride(from: z, to: pool.nodeCount, by: zones).filter { count(whole[d]![p]![$0]) == 1 }
                    let size = max(1, demand.nodesPerGroup)
                    guard held.count % size == 0 else { return nil }
                    for chunk in stride(from: 0, to: held.count, by: size) {
                        let nodes = Array(held[chunk..<(chunk + size)])
                        guard nodes.allSatisfy({ state.pools[p].nodeUsed[$0] == 0 }) else { return nil }
                        let opened = nodes.flatMap { opening($0) }
                        let shares = nodes.map { state.pools[p].takeNode($0, count: demand.gpusPerGroup) }
                        state.record(GroupRecord(demand: d, pool: p, shares: shares, opened: opened))
                        placed += 1
                    }
                }
            } else if let name = demand.migProfile {
                let q = problem.profiles[p].firstIndex(of: name) ?? 0
                for k in 0..<pool.nodeCount {
                    for _ in 0..<count(slices[d]![p]![k]) {
                        guard state.pools[p].freeSlices(node: k, profile: q) >= demand.gpusPerGroup else { return nil }
                        let opened = opening(k)
                        let share = state.pools[p].takeSlices(node: k, profile: q, count: demand.gpusPerGroup)
                        state.record(GroupRecord(demand: d, pool: p, shares: [share], opened: opened))
                        placed += 1
                    }
                }
            } else {
                for k in 0..<pool.nodeCount {
                    for (i, column) in island[d]![p]![k].enumerated() {
                        guard let column else { continue }
                        for _ in 0..<count(column) {
                            guard state.pools[p].islandFree[k * state.pools[p].ipn + i] >= demand.gpusPerGroup else { return nil }
                            let opened = opening(k)
                            let share = state.pools[p].takeIsland(node: k, island: i, count: demand.gpusPerGroup)
                            state.record(GroupRecord(demand: d, pool: p, shares: [share], opened: opened))
                            placed += 1
                        }
                    }
                }
            }
            guard placed == demand.groups else { return nil }
        }
        for t in problem.teamNames.indices where state.teamUsed[t] > problem.quotaMillis[t] { return nil }
        return state
    }
}
