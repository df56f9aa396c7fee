/// Placing one group of a demand in one pool by the heuristic rule: running nodes first (they are
/// paid for), then the lowest stopped node. Returns nil, changing nothing, when the group does not fit.
extension FleetState {
    mutating func placeGroup(_ d: Int, pool p: Int, rule: FitRule, ignoreSpread: Bool = false) -> GroupRecord? {
        let demand = problem.demands[d]
        let avoid = ignoreSpread ? (node: nil, zone: nil) : spreadRule(d, pool: p)
        if demand.spansNodes { return placeWholeNodes(d, pool: p, avoidZone: avoid.zone) }
        var opened: [Int] = []
        var share: ShareRecord
        if let profile = demand.migProfile {
            let prof = problem.profiles[p].firstIndex(of: profile) ?? 0
            var best: (free: Int, node: Int)?
            for k in 0..<pools[p].supply.nodeCount where pools[p].running[k] && k != avoid.node && pools[p].zone(k) != avoid.zone {
                let free = pools[p].freeSlices(node: k, profile: prof)
                if free >= demand.gpusPerGroup && (rule == .firstFit ? best == nil : best.map { free < $0.free } ?? true) {
                    best = (free, k)
                }
            }
            if best == nil, let k = stoppedNode(p, avoidZone: avoid.zone) {
                pools[p].open(k)
                opened.append(k)
                best = (0, k)
            }
            guard let k = best?.node else { return nil }
            share = pools[p].takeSlices(node: k, profile: prof, count: demand.gpusPerGroup)
        } else {
            var spot = pools[p]
                .chooseIsland(count: demand.gpusPerGroup, rule: rule, strandedTable: strandedTables[p], fragmentTable: fragmentTables[p],
                                             avoidNode: avoid.node, avoidZone: avoid.zone)
            if spot == nil, let k = stoppedNode(p, avoidZone: avoid.zone) {
                pools[p].open(k)
                opened.append(k)
                spot = freshIsland(pool: p, node: k, count: demand.gpusPerGroup).map { (k, $0) }
            }
            guard let (k, i) = spot else { return nil }
            share = pools[p].takeIsland(node: k, island: i, count: demand.gpusPerGroup)
        }
        let record = GroupRecord(demand: d, pool: p, shares: [share], opened: opened)
        self.record(record)
        return record
    }

    /// The smallest island of an empty node that holds `count` GPUs (lowest index on ties).
    func freshIsland(pool p: Int, node k: Int, count: Int) -> Int? {
        let pool = pools[p]
        return (0..<pool.ipn).filter { pool.islandFree[k * pool.ipn + $0] >= count }
            .min { (pool.islandFree[k * pool.ipn + $0], $0) < (pool.islandFree[k * pool.ipn + $1], $1) }
    }

    /// The lowest stopped node of pool `p`, outside `avoidZone` when given.
    func stoppedNode(_ p: Int, avoidZone: Int?) -> Int? {
        guard let z = avoidZone else { return pools[p].stoppedNode() }
        return (0..<pools[p].zoneCount).filter { $0 != z }.compactMap { pools[p].stoppedNode(zone: $0) }.min()
    }

    /// A multi-node group takes whole nodes of one zone: its nodes exchange NCCL traffic every step,
    /// and the emitted pods pin one zone per group (the LeaderWorkerSet's zone affinity, the
    /// TrainJob's zone selector), so a group across zones is one no pod could run as. The zone that
    /// starts the fewest nodes wins (lowest zone on ties), never `avoidZone`; in it, empty running
    /// nodes first, then stopped ones, lowest index first. `onlyZone`: the exact search's choice of zone.
    mutating func placeWholeNodes(_ d: Int, pool p: Int, avoidZone: Int?, onlyZone: Int? = nil) -> GroupRecord? {
        let demand = problem.demands[d]
        let need = max(1, demand.nodesPerGroup)
        let pool = pools[p]
        var best: (running: [Int], stopped: [Int])?
        for z in 0..<pool.zoneCount where z != avoidZone && (onlyZone == nil || z == onlyZone) {
            let nodes = stride(from: z, to: pool.supply.nodeCount, by: pool.zoneCount).lazy
            let running = Array(nodes.filter { pool.running[$0] && pool.nodeUsed[$0] == 0 }.prefix(need))
            let stopped = Array(nodes.filter { !pool.running[$0] }.prefix(need - running.count))
            guard running.count + stopped.count == need else { continue }
            if best.map({ stopped.count < $0.stopped.count }) ?? true { best = (running, stopped) }
        }
        guard let (running, opened) = best else { return nil }
        for k in opened { pools[p].open(k) }
        let chosen = running + opened
        let shares = chosen.map { pools[p].takeNode($0, count: demand.gpusPerGroup) }
        let record = GroupRecord(demand: d, pool: p, shares: shares, opened: opened)
        self.record(record)
        return record
    }
}
