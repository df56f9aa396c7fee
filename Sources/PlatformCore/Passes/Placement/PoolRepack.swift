/// A local search after the heuristic: once the demands of a pool are known, priority no longer
/// matters inside it (all of them are placed), so the pool is packed again from empty in size
/// order, and the new packing is kept when it costs less, or the same and strands fewer GPUs.
extension FleetState {
    mutating func repackPools(rule: FitRule) {
        for p in pools.indices {
            let residents = problem.sizeOrder.filter { groups[$0].first?.pool == p }
            guard !residents.isEmpty else { continue }
            var trial = self
            trial.pools[p] = PoolState(problem.pools[p], profiles: problem.profiles[p], indexed: true)
            for d in residents {
                trial.groups[d] = []
                if let t = problem.teamIndex[d] { trial.teamUsed[t] -= problem.usageMillis[d] }
            }
            var complete = true
            for d in residents where complete {
                for _ in 0..<problem.demands[d].groups where complete {
                    complete = trial.placeGroup(d, pool: p, rule: rule) != nil
                }
            }
            guard complete else { continue }
            if (trial.pools[p].cost, trial.stranded(pool: p)) < (pools[p].cost, stranded(pool: p)) { self = trial }
        }
    }
}
