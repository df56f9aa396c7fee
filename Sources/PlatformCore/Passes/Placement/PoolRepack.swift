/// A local search after the heuristic: once the demands of a pool are known, priority no longer
/// matters inside it (all of them are placed), so the pool is packed again from empty in size
/// order, and the new packing is kept when it costs less, or the same and strands fewer GPUs.
extension FleetState {
    mutating func repackPools(rule: FitRule) {
        // Each pool's residents in size order, found in one pass: a demand's groups all sit in one
        // pool (`placeDemand`), and repacking a pool keeps its residents in it, so no other pool's
        // residents change.
        var residentsOf = [[Int]](repeating: [], count: pools.count)
        for d in problem.sizeOrder { if let p = groups[d].first?.pool { residentsOf[p].append(d) } }
        for p in pools.indices {
            let residents = residentsOf[p]
            guard !residents.isEmpty else { continue }
            // Tried in place and put back unless kept: a copy of the whole state per pool copied
            // every pool's and every demand's arrays.
            let before = (cost: pools[p].cost, stranded: stranded(pool: p))
            let saved = (pool: pools[p], groups: residents.map { groups[$0] }, teamUsed: teamUsed)
            pools[p] = PoolState(problem.pools[p], profiles: problem.profiles[p], indexed: true)
            for d in residents {
                groups[d] = []
                if let t = problem.teamIndex[d] { teamUsed[t] -= problem.usageMillis[d] }
            }
            var complete = true
            for d in residents where complete {
                for _ in 0..<problem.demands[d].groups where complete {
                    complete = placeGroup(d, pool: p, rule: rule) != nil
                }
            }
            if complete && (pools[p].cost, stranded(pool: p)) < before { continue }
            pools[p] = saved.pool
            for (i, d) in residents.enumerated() { groups[d] = saved.groups[i] }
            teamUsed = saved.teamUsed
        }
    }
}
