/// A local search after the heuristic: move single-node groups between islands of running nodes
/// when the move strands fewer GPUs, or empties a node that can then stop. Groups placed early
/// (high priority, small) leave crumbs that later, bigger groups could not use; moving a crumb-maker
/// onto another crumb frees a run the remaining demand can use. Moves never add cost.
extension FleetState {
    mutating func repairStranded(passes: Int = 3) {
        for _ in 0..<passes {
            var moved = false
            for d in problem.order where !problem.demands[d].spansNodes && problem.demands[d].migProfile == nil {
                for j in groups[d].indices where improveGroup(d, j) { moved = true }
            }
            if !moved { return }
        }
    }

    /// Moves group `j` of demand `d` to the island that lowers stranded GPUs most, if any does.
    private mutating func improveGroup(_ d: Int, _ j: Int) -> Bool {
        let record = groups[d][j]
        let p = record.pool, share = record.shares[0]
        let pool = pools[p], table = strandedTables[p]
        let count = share.gpus.count, k = share.node
        let from = k * pool.ipn + share.island
        let freeFrom = pool.islandFree[from]
        let stops = pool.nodeUsed[k] == count && k >= pool.minNodes
        // What leaving gains: the island's run grows; or the node stops and all its strands go.
        let leave = stops ? -strandedOnNode(p, k) : table[freeFrom + count] - table[freeFrom]
        var best: (delta: Int, id: Int)?
        for f in stride(from: count, through: pool.maxIsland, by: 1) {
            while let top = pools[p].buckets[f].first, !(pools[p].running[top / pool.ipn] && pools[p].islandFree[top] == f) {
                pools[p].pop(f)
            }
            guard let to = pools[p].buckets[f].first, to / pool.ipn != k, spreadHolds(d, j, movingTo: to / pool.ipn) else { continue }
            let delta = leave + table[f - count] - table[f]
            if (stops || delta < 0) && best.map({ (delta, to) < ($0.delta, $0.id) }) ?? true { best = (delta, to) }
        }
        guard let target = best else { return false }
        pools[p].release(share)
        if stops { pools[p].close(k) }
        let moved = pools[p].takeIsland(node: target.id / pool.ipn, island: target.id % pool.ipn, count: count)
        groups[d][j] = GroupRecord(demand: d, pool: p, shares: [moved], opened: [])
        return true
    }

    private func strandedOnNode(_ p: Int, _ k: Int) -> Int {
        let pool = pools[p]
        return (0..<pool.ipn).reduce(0) { $0 + strandedTables[p][pool.islandFree[k * pool.ipn + $1]] }
    }

    /// Whether high availability still holds for `d` once group `j` sits on node `to`.
    func spreadHolds(_ d: Int, _ j: Int, movingTo to: Int) -> Bool {
        let demand = problem.demands[d]
        guard demand.needsSpread else { return true }
        var nodes = Set<Int>([to])
        for (i, g) in groups[d].enumerated() where i != j { nodes.insert(g.shares[0].node) }
        guard nodes.count >= 2 else { return false }
        let pool = pools[groups[d][j].pool]
        guard demand.spread == .zones && pool.supply.zones.count >= 2 else { return true }
        return Set(nodes.map { pool.zone($0) }).count >= 2
    }
}
