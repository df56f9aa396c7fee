/// The autoscaling envelope: how many more groups of each placed model fit on top of the placement,
/// in its own pool, up to the pool's node count (nodes.max for autoscaled pools). Each model is
/// measured alone, as if it were the one scaling out.
extension FleetState {
    func headroom() -> [Headroom] {
        var histograms: [Int: [Int]] = [:]
        var result: [Headroom] = []
        for d in problem.demands.indices where problem.demands[d].kind == .replicas {
            guard let p = groups[d].first?.pool else { continue }
            let demand = problem.demands[d]
            let room = demand.maxGroups - demand.groups
            var fits = 0
            if room > 0 {
                let pool = pools[p]
                if demand.spansNodes {
                    // Each group takes its nodes in one zone (`placeWholeNodes`).
                    for z in 0..<pool.zoneCount {
                        let empty = stride(from: z, to: pool.supply.nodeCount, by: pool.zoneCount).filter { pool.nodeUsed[$0] == 0 }.count
                        fits += empty / max(1, demand.nodesPerGroup)
                    }
                } else if let name = demand.migProfile, let prof = problem.profiles[p].firstIndex(of: name) {
                    for k in 0..<pool.supply.nodeCount where fits < room {
                        fits += pool.freeSlices(node: k, profile: prof) / max(1, demand.gpusPerGroup)
                    }
                } else {
                    let histogram = histograms[p] ?? freeIslandHistogram(p)
                    histograms[p] = histogram
                    for (free, islands) in histogram.enumerated() { fits += islands * (free / max(1, demand.gpusPerGroup)) }
                }
            }
            result.append(Headroom(demand: demand.id, groups: demand.groups, maxGroups: demand.maxGroups,
                                   reachable: demand.groups + min(room, fits)))
        }
        return result
    }

    /// Islands of pool `p` by free GPUs, over every node up to the pool's node count.
    private func freeIslandHistogram(_ p: Int) -> [Int] {
        let pool = pools[p]
        var histogram = Array(repeating: 0, count: pool.maxIsland + 1)
        for free in pool.islandFree { histogram[free] += 1 }
        return histogram
    }
}
