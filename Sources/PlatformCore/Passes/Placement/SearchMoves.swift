/// Where the exact search may put one group.
enum SearchMove {
    case island(node: Int, island: Int)
    case slices(node: Int)
    /// Multi-node groups take whole nodes of one zone, in the canonical order of `placeWholeNodes`.
    case wholeNodes(zone: Int)
}

extension ExactSearch {
    /// The distinct spots for the next group of `d` in pool `p`, most promising first. Empty nodes
    /// of one zone (running or stopped) are interchangeable, so only the lowest is tried; so are
    /// islands of one node with the same size and free count. Groups of one demand are
    /// interchangeable too, so on used nodes a group never goes below its predecessor.
    func moves(_ d: Int, pool p: Int) -> [SearchMove] {
        let demand = problem.demands[d]
        let pool = state.pools[p]
        let avoid = state.spreadRule(d, pool: p)
        if demand.spansNodes { return wholeNodeMoves(d, pool: p, avoidZone: avoid.zone) }
        let previous = state.groups[d].last?.shares.first
        let minKey = previous.map { $0.node * pool.ipn + max(0, $0.island) } ?? 0
        let profile = demand.migProfile.flatMap { problem.profiles[p].firstIndex(of: $0) }
        var seenEmpty = Set<Int>()
        var scored: [((Int, Int, Int, Int), SearchMove)] = []
        for k in 0..<pool.supply.nodeCount {
            let z = pool.zone(k)
            if k == avoid.node || z == avoid.zone { continue }
            if !pool.running[k] && pool.stoppedNode(zone: z) != k { continue }
            let empty = !pool.running[k] || pool.nodeUsed[k] == 0
            let stopped = pool.running[k] ? 0 : 1
            if empty && !seenEmpty.insert(z * 2 + stopped).inserted { continue }
            if let prof = profile {
                let free = pool.freeSlices(node: k, profile: prof)
                guard free >= demand.gpusPerGroup, empty || k >= (previous?.node ?? 0) else { continue }
                scored.append(((stopped, free, 0, k), .slices(node: k)))
                continue
            }
            var seenIsland = Set<Int>()
            for i in 0..<pool.ipn {
                let id = k * pool.ipn + i
                let free = pool.islandFree[id]
                guard free >= demand.gpusPerGroup, empty || id >= minKey,
                      seenIsland.insert(pool.islandSize[i] * 4096 + free).inserted else { continue }
                let table = state.strandedTables[p]
                let delta = table[free - demand.gpusPerGroup] - table[free]
                let fragment = state.fragmentTables[p][free - demand.gpusPerGroup] - state.fragmentTables[p][free]
                scored.append(((stopped, delta, fragment, id), .island(node: k, island: i)))
            }
        }
        return scored.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Every zone that can hold the next multi-node group, the fewest nodes to start first (the
    /// heuristic's choice), then the lowest zone. The zone matters: a 2-node group that takes the
    /// last free nodes of a zone can leave a replica that must spread over zones nowhere to go
    /// (generate.py small 100 1, small-1-64: one zone only, and the search "proved" a drop CP-SAT
    /// avoids). Groups of one demand are interchangeable, so a group never takes a lower zone than
    /// its predecessor.
    func wholeNodeMoves(_ d: Int, pool p: Int, avoidZone: Int?) -> [SearchMove] {
        let pool = state.pools[p]
        let need = max(1, problem.demands[d].nodesPerGroup)
        let previous = state.groups[d].last.flatMap { g in g.pool == p ? g.shares.first.map { pool.zone($0.node) } : nil } ?? 0
        var scored: [(Int, Int)] = []
        for z in previous..<pool.zoneCount where z != avoidZone {
            let nodes = stride(from: z, to: pool.supply.nodeCount, by: pool.zoneCount)
            let running = nodes.filter { pool.running[$0] && pool.nodeUsed[$0] == 0 }.count
            let stopped = nodes.filter { !pool.running[$0] }.count
            if running + stopped >= need { scored.append((max(0, need - running), z)) }
        }
        return scored.sorted { $0 < $1 }.map { .wholeNodes(zone: $0.1) }
    }

    /// Places the group at `move`; false when it does not fit there.
    mutating func apply(_ move: SearchMove, _ d: Int, pool p: Int) -> Bool {
        let count = problem.demands[d].gpusPerGroup
        switch move {
        case .wholeNodes(let zone):
            return state.placeWholeNodes(d, pool: p, avoidZone: state.spreadRule(d, pool: p).zone, onlyZone: zone) != nil
        case .island(let k, let i):
            let opened = openIfStopped(k, pool: p)
            let share = state.pools[p].takeIsland(node: k, island: i, count: count)
            state.record(GroupRecord(demand: d, pool: p, shares: [share], opened: opened))
        case .slices(let k):
            let opened = openIfStopped(k, pool: p)
            let prof = problem.profiles[p].firstIndex(of: problem.demands[d].migProfile ?? "") ?? 0
            let share = state.pools[p].takeSlices(node: k, profile: prof, count: count)
            state.record(GroupRecord(demand: d, pool: p, shares: [share], opened: opened))
        }
        return true
    }

    private mutating func openIfStopped(_ k: Int, pool p: Int) -> [Int] {
        guard !state.pools[p].running[k] else { return [] }
        state.pools[p].open(k)
        return [k]
    }
}
