/// The heuristic: demands in canonical order (priority, then big shapes first), each placed whole
/// in the first pool that takes it, groups by best fit with fragmentation-aware ties. It is the
/// answer on large fleets and the first incumbent of the exact search on small ones.
enum GreedyPlacer {
    /// Places every demand it can, in `order`; returns the final state.
    static func run(_ problem: CanonicalProblem, rule: FitRule, order: [Int]) -> FleetState {
        var state = FleetState(problem, indexed: true)
        for d in order where problem.eligible[d].count == 1 { state.reservedMillis[problem.eligible[d][0]] += problem.usageMillis[d] }
        for d in order where problem.staticReason[d] == nil {
            if problem.eligible[d].count == 1 { state.reservedMillis[problem.eligible[d][0]] -= problem.usageMillis[d] }
            if state.quotaAllows(d) { _ = state.placeDemand(d, rule: rule) }
        }
        if rule == .fragmentationAware {
            state.repackPools(rule: rule)
            state.evacuateNodes()
            // Packing tighter may have made room for what was left out.
            for d in order where problem.staticReason[d] == nil && problem.demands[d].groups > 0
                && state.groups[d].isEmpty && state.quotaAllows(d) {
                _ = state.placeDemand(d, rule: rule)
            }
            state.repairStranded()
        }
        return state
    }
}

extension FleetState {
    /// Places all groups of `d` in one pool, trying pools by estimated extra cost; all or nothing.
    mutating func placeDemand(_ d: Int, rule: FitRule, ignoreSpread: Bool = false) -> Bool {
        for p in poolPreference(d) {
            var placed = 0
            while placed < problem.demands[d].groups,
                  placeGroup(d, pool: p, rule: rule, ignoreSpread: ignoreSpread) != nil {
                placed += 1
            }
            if placed == problem.demands[d].groups { return true }
            for _ in 0..<placed { unplaceLast(d) }
        }
        return false
    }

    /// Eligible pools, best first: pools where the demand leaves room for the demands pinned there
    /// and not yet placed; then the price of the nodes it would have to start beyond the free GPUs
    /// of running nodes; then the price per GPU; then the most room left; then id.
    func poolPreference(_ d: Int) -> [Int] {
        let demand = problem.demands[d]
        let need = problem.usageMillis[d]
        let keyed = problem.eligible[d].map { p -> (Int, Int64, Double, Int, Int) in
            let pool = pools[p]
            let free = demand.spansNodes ? 0 : pool.runningCount * pool.gpn - pool.totalUsed
            let extraNodes = (max(0, need / 1000 - free) + pool.gpn - 1) / pool.gpn
            let room = (pool.supply.nodeCount * pool.gpn - pool.totalUsed) * 1000 - reservedMillis[p] - need
            return (room < 0 ? 1 : 0, Int64(extraNodes) * pool.supply.pricePerHourMicros,
                    Double(pool.supply.pricePerHourMicros) / Double(pool.gpn), -room, p)
        }
        return keyed.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }.map(\.4)
    }
}
