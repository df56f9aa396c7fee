/// A local search after the heuristic: empty lightly used nodes by moving their single-node groups
/// onto other running nodes of the same pool, then stop them. The heuristic opens a node when the
/// next group does not fit; groups placed later often leave room where the early tail could have
/// gone. All or nothing per node: a node is emptied only when every group on it finds a place.
extension FleetState {
    mutating func evacuateNodes() {
        for p in pools.indices {
            let pool = pools[p]
            let half = pool.gpn / 2
            let candidates = (pool.minNodes..<pool.supply.nodeCount)
                .filter { pool.running[$0] && !pool.nodeExclusive[$0] && pool.nodeUsed[$0] <= half }
                .sorted { (pools[p].nodeUsed[$0], -$0) < (pools[p].nodeUsed[$1], -$1) }
            var residents: [Int: [(d: Int, j: Int)]] = [:]
            for d in problem.order {
                for (j, g) in groups[d].enumerated() where g.pool == p && !g.shares[0].exclusive { residents[g.shares[0].node, default: []].append((d, j)) }
            }
            for k in candidates where pools[p].running[k] && pools[p].nodeUsed[k] > 0 {
                guard evacuate(pool: p, node: k, residents: residents[k] ?? []) else { continue }
                for (d, j) in residents[k] ?? [] { residents[groups[d][j].shares[0].node, default: []].append((d, j)) }
                residents[k] = nil
            }
        }
    }

    /// Moves every group off node `k` of pool `p` and stops it; restores everything when one cannot move.
    private mutating func evacuate(pool p: Int, node k: Int, residents: [(d: Int, j: Int)]) -> Bool {
        let residents = residents.sorted { (problem.demands[$0.d].gpusPerGroup, $1.d) > (problem.demands[$1.d].gpusPerGroup, $0.d) }
        var done: [(d: Int, j: Int, old: ShareRecord)] = []
        for (d, j) in residents {
            let old = groups[d][j].shares[0]
            guard let moved = relocate(d, j, pool: p, avoiding: k) else {
                for undo in done.reversed() {
                    pools[p].release(groups[undo.d][undo.j].shares[0])
                    groups[undo.d][undo.j].shares = [retake(undo.old, d: undo.d, pool: p)]
                }
                return false
            }
            pools[p].release(old)
            groups[d][j].shares = [moved]
            done.append((d, j, old))
        }
        pools[p].close(k)
        return true
    }

    /// Takes a spot for group `j` of `d` on a running node other than `k`, keeping spread.
    private mutating func relocate(_ d: Int, _ j: Int, pool p: Int, avoiding k: Int) -> ShareRecord? {
        let demand = problem.demands[d]
        if let name = demand.migProfile, let prof = problem.profiles[p].firstIndex(of: name) {
            var best: (free: Int, node: Int)?
            for n in 0..<pools[p].supply.nodeCount where n != k && pools[p].running[n] && spreadHolds(d, j, movingTo: n) {
                let free = pools[p].freeSlices(node: n, profile: prof)
                if free >= demand.gpusPerGroup && best.map({ free < $0.free }) ?? true { best = (free, n) }
            }
            return best.map { pools[p].takeSlices(node: $0.node, profile: prof, count: demand.gpusPerGroup) }
        }
        guard let (n, i) = pools[p].chooseIsland(count: demand.gpusPerGroup, rule: .fragmentationAware,
                                                 strandedTable: strandedTables[p], fragmentTable: fragmentTables[p],
                                                 avoidNode: k),
              spreadHolds(d, j, movingTo: n) else { return nil }
        return pools[p].takeIsland(node: n, island: i, count: demand.gpusPerGroup)
    }

    private mutating func retake(_ old: ShareRecord, d: Int, pool p: Int) -> ShareRecord {
        if old.island >= 0 { return pools[p].takeIsland(node: old.node, island: old.island, count: old.gpus.count) }
        let prof = problem.profiles[p].firstIndex(of: problem.demands[d].migProfile ?? "") ?? 0
        return pools[p].takeSlices(node: old.node, profile: prof, count: old.gpus.count)
    }
}
