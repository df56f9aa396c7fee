/// Neighbourhoods that can take a dropped demand (issue 18: on fragmented fleets of 100–1,000 nodes
/// a pool re-solved alone can drop lower-priority work for a dropped demand, but cannot move work to
/// another pool to make room). Around dropped demand `d`: blocks (`PlacementLNS.blocks`) of the pools
/// `d` may use, then of the pools where their demands may go, lowest-priority and emptiest blocks
/// first, up to `nodeLimit` nodes. Cbc then decides what
/// moves, what is dropped for `d`, or nothing. Built from the canonical problem and the state
/// alone (no clock, no hash order), so reversed input lists give the same neighbourhoods.
extension PlacementLNS {
    /// Searchable dropped demands, highest priority first, then by index.
    static func droppedByPriority(_ problem: CanonicalProblem, _ state: FleetState, pools: Set<Int>) -> [Int] {
        PlacementSolver.searchableOut(problem, state)
            .filter { d in problem.eligible[d].contains { pools.contains($0) } }
            .sorted { (problem.demands[$0].priority, -$0) > (problem.demands[$1].priority, -$1) }
    }

    static func dropHood(_ problem: CanonicalProblem, _ state: FleetState, demand d: Int, nodeLimit: Int) -> [Part]? {
        let priority = problem.demands[d].priority
        let home = problem.eligible[d]
        // Where the work on `d`'s pools may go instead.
        var others = Set<Int>()
        for e in problem.demands.indices where problem.staticReason[e] == nil && problem.demands[e].priority <= priority {
            if let first = state.groups[e].first, home.contains(first.pool) { others.formUnion(problem.eligible[e]) }
        }
        let rest = others.subtracting(home).sorted()
        func candidates(_ p: Int) -> [Block] {
            blocks(problem, state, pool: p)
                .sorted { (($0.topPriority ?? Int.min), $0.used, $0.nodes[0]) < (($1.topPriority ?? Int.min), $1.used, $1.nodes[0]) }
        }
        var queue = Dictionary(uniqueKeysWithValues: (home + rest).map { ($0, candidates($0)) })
        var chosen: [Int: [Int]] = [:]
        var size = 0
        // Half the room for the pools `d` may use, then every pool in turn.
        for (pools, limit) in [(home, max(1, nodeLimit / 2)), (home + rest, nodeLimit)] {
            var progress = true
            while progress {
                progress = false
                for p in pools {
                    guard let i = queue[p]?.firstIndex(where: { size + $0.nodes.count <= limit }) else { continue }
                    let block = queue[p]!.remove(at: i)
                    chosen[p, default: []] += block.nodes
                    size += block.nodes.count
                    progress = true
                }
            }
        }
        guard chosen.keys.contains(where: { home.contains($0) }) else { return nil }
        return chosen.keys.sorted().map { p in
            let nodes = chosen[p]!.sorted()
            return nodes.count == problem.pools[p].nodeCount ? Part.whole(problem, p) : Part(pool: p, nodes: nodes, whole: false)
        }
    }
}
