/// The exact search splits the problem into parts that cannot affect each other: demands that share
/// no pool and no team quota. The objective adds up over parts (drops per level, cost, stranded,
/// spread), so the best of each part together is the best of the whole, and the search space is a
/// sum of the parts' instead of their product.
extension ExactSearch {
    /// Searches each part in turn from `incumbent`, keeping a part's result only when it improves
    /// the whole. Proved when every part finished within its budget.
    static func solve(_ problem: CanonicalProblem, incumbent: FleetState, incumbentOut: [Int],
                      budget: Int) -> (FleetState, [Int], Bool, Int) {
        var current = incumbent, currentOut = incumbentOut
        var proved = true, steps = 0
        for part in problem.searchParts() {
            let subset = Set(part)
            let start = current.replaying(except: subset)
            var search = ExactSearch(problem, subset: subset, start: start, fixedOut: currentOut.filter { !subset.contains($0) },
                                     incumbent: current, incumbentOut: currentOut, budget: budget)
            search.run()
            steps += search.totalSteps
            proved = proved && !search.exhausted
            if search.best.objective < problem.objective(current, placedOut: currentOut) {
                current = search.best.state
                currentOut = search.best.out.sorted()
            }
        }
        return (current, currentOut, proved, steps)
    }
}

extension CanonicalProblem {
    /// Searchable demands grouped into independent parts, each sorted, parts by their first demand.
    func searchParts() -> [[Int]] {
        var parent = Array(pools.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        func join(_ a: Int, _ b: Int) { parent[find(a)] = find(b) }
        let searchable = demands.indices.filter { staticReason[$0] == nil && !eligible[$0].isEmpty }
        var teamPool: [Int: Int] = [:]
        for d in searchable {
            let e = eligible[d]
            for p in e.dropFirst() { join(p, e[0]) }
            if let t = teamIndex[d] {
                if let q = teamPool[t] { join(e[0], q) } else { teamPool[t] = e[0] }
            }
        }
        var parts: [Int: [Int]] = [:]
        for d in searchable { parts[find(eligible[d][0]), default: []].append(d) }
        return parts.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

extension FleetState {
    /// A fresh state (no heaps) holding every group of the demands outside `except`, on the same
    /// nodes and islands: the fixed surroundings of one part's search.
    func replaying(except: Set<Int>) -> FleetState {
        var fresh = FleetState(problem, indexed: false)
        for d in problem.demands.indices where !except.contains(d) {
            for g in groups[d] {
                var opened: [Int] = []
                let shares = g.shares.map { share -> ShareRecord in
                    if !fresh.pools[g.pool].running[share.node] {
                        fresh.pools[g.pool].open(share.node)
                        opened.append(share.node)
                    }
                    if share.exclusive { return fresh.pools[g.pool].takeNode(share.node, count: share.gpus.count) }
                    if share.island >= 0 {
                        return fresh.pools[g.pool].takeIsland(node: share.node, island: share.island, count: share.gpus.count)
                    }
                    let profile = problem.profiles[g.pool].firstIndex(of: problem.demands[d].migProfile ?? "") ?? 0
                    return fresh.pools[g.pool].takeSlices(node: share.node, profile: profile, count: share.gpus.count)
                }
                fresh.record(GroupRecord(demand: d, pool: g.pool, shares: shares, opened: opened))
            }
        }
        return fresh
    }
}
