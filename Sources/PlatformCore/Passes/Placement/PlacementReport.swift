/// Turns a final fleet state into the public `Placement` value: named nodes with their GPU holders,
/// per-pool usage, per-demand groups. Everything is emitted in canonical index order.
extension FleetState {
    func report(unplaced: [Unplaced], lowerBound: Int64, proved: Bool, steps: Int) -> Placement {
        var nodes: [PlacedNode] = []
        var usage: [PoolUsage] = []
        for p in pools.indices {
            let pool = pools[p]
            var holder = [Int: Int]()            // node × gpn + gpu → demand
            var slices = [Int: [Int: Int]]()     // node × gpn + gpu → demand → slices
            var usedMillis = 0
            var wholeBy = [Int: Int]()           // node → demand holding it whole
            for g in groups.joined() where g.pool == p {
                for share in g.shares {
                    if share.exclusive { wholeBy[share.node] = g.demand }
                    for gpu in share.gpus {
                        let at = share.node * pool.gpn + gpu
                        if share.island < 0 && !share.exclusive {
                            slices[at, default: [:]][g.demand, default: 0] += 1
                            let profile = pool.gpuProfile[at]
                            usedMillis += 1000 / max(1, profile >= 0 ? pool.migPerGPU[profile] : 1)
                        } else {
                            holder[at] = g.demand
                            usedMillis += 1000
                        }
                    }
                }
            }
            for k in 0..<pool.supply.nodeCount where pool.running[k] {
                let gpus = (0..<pool.gpn).map { g -> GPUHolding in
                    let at = k * pool.gpn + g
                    let profile = pool.gpuProfile[at]
                    let held = (slices[at] ?? [:]).map { SliceHolding(demand: problem.demands[$0.key].id, count: $0.value) }
                    return GPUHolding(index: g, holder: holder[at].map { problem.demands[$0].id },
                                      migProfile: profile >= 0 ? problem.profiles[p][profile] : nil,
                                      slices: held.sorted { $0.demand < $1.demand })
                }
                nodes.append(PlacedNode(name: nodeName(p, k), pool: pool.supply.id, zone: pool.supply.zone(ofNode: k),
                                        heldWholeBy: wholeBy[k].map { problem.demands[$0].id }, gpus: gpus))
            }
            let total = pool.runningCount * pool.gpn
            let used = Double(usedMillis) / 1000
            usage.append(PoolUsage(pool: pool.supply.id, runningNodes: pool.runningCount, gpus: total, usedGPUs: used,
                                   utilisation: total == 0 ? 0 : used / Double(total),
                                   strandedGPUs: stranded(pool: p), costPerHourMicros: pool.cost))
        }
        let assignments = problem.demands.indices.compactMap { d -> DemandPlacement? in
            guard let p = groups[d].first?.pool else { return nil }
            return DemandPlacement(demand: problem.demands[d].id, pool: problem.pools[p].id, groups: groups[d].map { g in
                GroupPlacement(shares: g.shares.map { NodeShare(node: nodeName(p, $0.node), gpus: $0.gpus.sorted()) })
            })
        }
        let cost = self.cost
        let gap = proved || cost == lowerBound ? 0 : lowerBound == 0 ? 1 : Double(cost - lowerBound) / Double(lowerBound)
        return Placement(nodes: nodes, pools: usage, assignments: assignments, unplaced: unplaced.sorted { $0.demand < $1.demand },
                         costPerHourMicros: cost, lowerBoundMicros: lowerBound, gap: gap, provedOptimal: proved,
                         strandedGPUs: usage.reduce(0) { $0 + $1.strandedGPUs }, spread: spread,
                         headroom: headroom(), searchSteps: steps)
    }

    /// `<pool id>/node-<k>`.
    func nodeName(_ p: Int, _ k: Int) -> String { "\(problem.pools[p].id)/node-\(k)" }
}
