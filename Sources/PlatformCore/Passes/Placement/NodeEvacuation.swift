/// A local search after the heuristic: empty lightly used nodes by moving their single-node groups
/// onto other running nodes of the same pool, then stop them. The heuristic opens a node when the
/// next group does not fit; groups placed later often leave room where the early tail could have
/// gone. All or nothing per node: a node is emptied only when every group on it finds a place.
extension FleetState {
    mutating func evacuateNodes(ejectionBudget: Int = 20_000) {
        var budget = ejectionBudget
        for p in pools.indices {
            let pool = pools[p]
            let half = pool.gpn / 2
            let candidates = (pool.minNodes..<pool.supply.nodeCount)
                .filter { pool.running[$0] && !pool.nodeExclusive[$0] && pool.nodeUsed[$0] <= half }
                .sorted { (pools[p].nodeUsed[$0], -$0) < (pools[p].nodeUsed[$1], -$1) }
            var residents = residentIndex(p)
            for k in candidates where pools[p].running[k] && pools[p].nodeUsed[k] > 0 {
                guard let moves = evacuate(pool: p, node: k, residents: residents, budget: &budget) else { continue }
                for move in moves {
                    residents[move.old.node]?.removeAll { $0 == (move.d, move.j) }
                    residents[groups[move.d][move.j].shares[0].node, default: []].append((move.d, move.j))
                }
            }
        }
    }

    /// Node → single-node groups on it, in canonical order.
    private func residentIndex(_ p: Int) -> [Int: [(d: Int, j: Int)]] {
        var residents: [Int: [(d: Int, j: Int)]] = [:]
        for d in problem.order {
            for (j, g) in groups[d].enumerated() where g.pool == p && !g.shares[0].exclusive {
                residents[g.shares[0].node, default: []].append((d, j))
            }
        }
        return residents
    }

    /// Moves every group off node `k` of pool `p` and stops it, returning the moves; restores
    /// everything (and returns nil) when one cannot move. A group that finds no room may push one group off another node to make it
    /// (an ejection chain of length one), within `budget` tries.
    private mutating func evacuate(pool p: Int, node k: Int, residents: [Int: [(d: Int, j: Int)]],
                                   budget: inout Int) -> [(d: Int, j: Int, old: ShareRecord)]? {
        let leaving = (residents[k] ?? []).sorted {
            (problem.demands[$0.d].gpusPerGroup, $1.d) > (problem.demands[$1.d].gpusPerGroup, $0.d)
        }
        // While it empties, node k looks stopped, so nothing moves onto it.
        pools[p].running[k] = false
        var done: [(d: Int, j: Int, old: ShareRecord)] = []
        for (d, j) in leaving {
            let old = groups[d][j].shares[0]
            if let moved = relocate(d, j, pool: p, avoiding: k) {
                pools[p].release(old)
                groups[d][j].shares = [moved]
                done.append((d, j, old))
            } else if !eject(for: (d, j), pool: p, residents: residents, done: &done, budget: &budget) {
                for undo in done.reversed() {
                    pools[p].release(groups[undo.d][undo.j].shares[0])
                    groups[undo.d][undo.j].shares = [retake(undo.old, d: undo.d, pool: p)]
                }
                pools[p].running[k] = true
                if pools[p].indexed {
                    for i in 0..<pools[p].ipn where pools[p].islandFree[k * pools[p].ipn + i] > 0 { pools[p].push(k * pools[p].ipn + i) }
                }
                return nil
            }
        }
        pools[p].running[k] = true
        pools[p].close(k)
        return done
    }

    /// Makes room for group `g` on some running node by moving one smaller-or-equal resident of
    /// that node elsewhere; records both moves in `done`.
    private mutating func eject(for g: (d: Int, j: Int), pool p: Int, residents: [Int: [(d: Int, j: Int)]],
                                done: inout [(d: Int, j: Int, old: ShareRecord)], budget: inout Int) -> Bool {
        let size = problem.demands[g.d].gpusPerGroup
        let mig = problem.demands[g.d].migProfile.flatMap { problem.profiles[p].firstIndex(of: $0) }
        for n in 0..<pools[p].supply.nodeCount where pools[p].running[n] {
            // Every node looked at and every resident tried spends budget, so this stays bounded.
            guard budget > 0 else { return false }
            budget -= 1
            guard spreadHolds(g.d, g.j, movingTo: n) else { continue }
            for h in residents[n] ?? [] where h.d != g.d && groups[h.d][h.j].shares[0].node == n {
                guard budget > 0 else { return false }
                budget -= 1
                let hOld = groups[h.d][h.j].shares[0]
                let freed: Bool
                if let prof = mig {
                    let same = problem.demands[h.d].migProfile == problem.demands[g.d].migProfile
                    freed = pools[p].freeSlices(node: n, profile: prof) + (same ? hOld.gpus.count : 0) >= size
                } else {
                    freed = hOld.island >= 0 && pools[p].islandFree[n * pools[p].ipn + hOld.island] + hOld.gpus.count >= size
                }
                guard freed, let hNew = relocate(h.d, h.j, pool: p, avoiding: n) else { continue }
                pools[p].release(hOld)
                groups[h.d][h.j].shares = [hNew]
                done.append((h.d, h.j, hOld))
                let gOld = groups[g.d][g.j].shares[0]
                let gNew = mig.map { pools[p].takeSlices(node: n, profile: $0, count: size) }
                    ?? pools[p].takeIsland(node: n, island: hOld.island, count: size)
                pools[p].release(gOld)
                groups[g.d][g.j].shares = [gNew]
                done.append((g.d, g.j, gOld))
                return true
            }
        }
        return false
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
