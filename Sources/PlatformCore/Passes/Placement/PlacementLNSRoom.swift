/// A neighbourhood that makes room for a dropped demand pinned to one pool (issue 18, frag-1-3's
/// `d078`: six 8-GPU replicas that only `c2/p6` may take, every node of it busy with work other
/// pools could run). `dropHood` takes the lowest-priority, emptiest blocks, which are often held by
/// work pinned there too, and half its room goes to the pinned pool, so it never frees enough
/// nodes at once. Here: the blocks of the pinned pool that are empty or whose every demand may use
/// another pool, emptiest first, until they can hold the demand; then empty blocks of the pools
/// where that work may go, cheapest pool first, in turn, until they hold twice the work moved.
/// Cbc then moves the work and places the demand, or not. Built from the canonical problem and the
/// state alone (no clock, no hash order), so reversed input lists give the same neighbourhood.
extension PlacementLNS {
    static func roomHood(_ problem: CanonicalProblem, _ state: FleetState, demand d: Int, nodeLimit: Int) -> [Part]? {
        guard problem.eligible[d].count == 1 else { return nil }
        let home = problem.eligible[d][0]
        let demand = problem.demands[d]
        let pool = state.pools[home]
        // Nodes the demand needs: whole nodes per group when it spans nodes, else groups per node by island.
        let perNode = demand.spansNodes ? 1 : max(1, pool.islandSize.reduce(0) { $0 + $1 / max(1, demand.gpusPerGroup) })
        let needed = demand.spansNodes ? demand.groups * demand.nodesPerGroup : (demand.groups + perNode - 1) / perNode
        let movable = blocks(problem, state, pool: home)
            .filter { $0.demands.allSatisfy { problem.eligible[$0].count > 1 } }
            .sorted { ($0.used, $0.topPriority ?? Int.min, $0.nodes[0]) < ($1.used, $1.topPriority ?? Int.min, $1.nodes[0]) }
        var homeNodes: [Int] = []
        var moved: [Int] = []
        var movedGPUs = 0
        for block in movable where homeNodes.count < needed {
            guard homeNodes.count + block.nodes.count <= nodeLimit else { continue }
            homeNodes += block.nodes
            moved += block.demands
            movedGPUs += block.used
        }
        guard homeNodes.count >= needed else { return nil }
        // Empty blocks of the pools the moved work may use, cheapest first, one block per pool in turn.
        let away = Set(moved.flatMap { problem.eligible[$0] }).subtracting([home])
            .sorted { (problem.pools[$0].pricePerHourMicros, $0) < (problem.pools[$1].pricePerHourMicros, $1) }
        var queue = Dictionary(uniqueKeysWithValues: away.map { p in (p, blocks(problem, state, pool: p).filter { $0.demands.isEmpty }) })
        var chosen: [Int: [Int]] = [home: homeNodes]
        var size = homeNodes.count
        var room = 0
        var progress = true
        while progress && room < 2 * movedGPUs {
            progress = false
            for p in away where room < 2 * movedGPUs {
                guard let i = queue[p]?.firstIndex(where: { size + $0.nodes.count <= nodeLimit }) else { continue }
                let block = queue[p]!.remove(at: i)
                chosen[p, default: []] += block.nodes
                size += block.nodes.count
                room += block.nodes.count * state.pools[p].gpn
                progress = true
            }
        }
        return chosen.keys.sorted().map { p in
            let nodes = chosen[p]!.sorted()
            return nodes.count == problem.pools[p].nodeCount ? Part.whole(problem, p) : Part(pool: p, nodes: nodes, whole: false)
        }
    }
}
