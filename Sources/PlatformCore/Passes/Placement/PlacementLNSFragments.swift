/// A neighbourhood that gathers the partly used nodes of a large component's pools (issue 18,
/// frag-1-2: two 41-node H100 pools each end with two partly used nodes whose groups would fit on
/// three, but a pool re-solved alone cannot move a group to the other and the pair is past 60
/// nodes). Here: the blocks (`PlacementLNS.blocks`) holding a partly used running node, emptiest
/// first, one per pool in turn, up to `nodeLimit` nodes, when at least two pools give one. Cbc then
/// packs their groups on fewer nodes, or not. Built from the canonical problem and the state alone
/// (no clock, no hash order), so reversed input lists give the same neighbourhood.
extension PlacementLNS {
    static func fragmentHood(_ problem: CanonicalProblem, _ state: FleetState, pools: [Int], nodeLimit: Int) -> [Part]? {
        var queue = pools.map { p in
            let pool = state.pools[p]
            return blocks(problem, state, pool: p)
                .filter { $0.nodes.contains { pool.running[$0] && pool.nodeUsed[$0] > 0 && pool.nodeUsed[$0] < pool.gpn } }
                .sorted { ($0.used, $0.nodes[0]) < ($1.used, $1.nodes[0]) }
        }
        var chosen: [Int: [Int]] = [:]
        var size = 0
        var progress = true
        while progress {
            progress = false
            for (i, p) in pools.enumerated() {
                guard let k = queue[i].firstIndex(where: { size + $0.nodes.count <= nodeLimit }) else { continue }
                let block = queue[i].remove(at: k)
                chosen[p, default: []] += block.nodes
                size += block.nodes.count
                progress = true
            }
        }
        guard chosen.count > 1 else { return nil }
        return chosen.keys.sorted().map { p in
            let nodes = chosen[p]!.sorted()
            return nodes.count == problem.pools[p].nodeCount ? Part.whole(problem, p) : Part(pool: p, nodes: nodes, whole: false)
        }
    }
}
