/// The pieces a large-neighbourhood search neighbourhood is made of: a pool, whole or some of its
/// nodes. Part of a pool is a set of blocks: zone rows (nodes `r·Z ..< (r+1)·Z` of a pool with Z zones)
/// joined when a demand has groups on both, and the rows of `minNodes` joined together. So a part's
/// sub-pool numbers its nodes so that node j is in zone j % Z, as in the pool; its first rows are the
/// pool's nodes that run anyway or none of them; and each demand placed on a part has all its groups there.
extension PlacementLNS {
    struct Part: Hashable {
        var pool: Int
        /// The pool's nodes in the part, ascending.
        var nodes: [Int]
        var whole: Bool

        static func whole(_ problem: CanonicalProblem, _ p: Int) -> Part {
            Part(pool: p, nodes: Array(0..<problem.pools[p].nodeCount), whole: true)
        }

        /// The pool of the part's nodes: node j of it is `nodes[j]`.
        func supply(_ problem: CanonicalProblem) -> PoolSupply {
            var s = problem.pools[pool]
            guard !whole else { return s }
            let forced = min(max(0, s.minNodes), s.nodeCount)
            s.minNodes = nodes.first.map { $0 < forced } == true ? forced : 0
            s.nodeCount = nodes.count
            return s
        }
    }

    /// One block of a pool: its nodes, the demands placed on them, the highest priority among those
    /// (nil when none) and the GPUs they hold.
    struct Block {
        var nodes: [Int]
        var demands: [Int]
        var topPriority: Int?
        var used: Int
    }

    /// The blocks of pool `p` in the current state, by first node.
    static func blocks(_ problem: CanonicalProblem, _ state: FleetState, pool p: Int) -> [Block] {
        let pool = state.pools[p]
        let zones = pool.zoneCount
        let rows = (pool.supply.nodeCount + zones - 1) / zones
        var parent = Array(0..<rows)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        let forcedRows = (pool.minNodes + zones - 1) / zones
        for r in 1..<max(1, forcedRows) { parent[find(r)] = find(0) }
        var onRow = Array(repeating: [Int](), count: rows)
        for d in problem.demands.indices {
            guard let first = state.groups[d].first, first.pool == p else { continue }
            let touched = Set(state.groups[d].flatMap { $0.shares.map { $0.node / zones } }).sorted()
            for r in touched { parent[find(r)] = find(touched[0]); onRow[r].append(d) }
        }
        var members: [Int: [Int]] = [:]
        for r in 0..<rows { members[find(r), default: []].append(r) }
        return members.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }.map { rowsOfBlock in
            let nodes = rowsOfBlock.flatMap { r in Array((r * zones)..<min((r + 1) * zones, pool.supply.nodeCount)) }
            let demands = Array(Set(rowsOfBlock.flatMap { onRow[$0] })).sorted()
            return Block(nodes: nodes, demands: demands, topPriority: demands.map { problem.demands[$0].priority }.max(),
                         used: nodes.reduce(0) { $0 + pool.nodeUsed[$1] })
        }
    }
}

extension FleetState {
    /// Takes the free demands' groups out and puts in those of `solved` (the sub-problem of `parts`,
    /// whose pool i is `parts[i]`), on the same nodes and islands; the parts' nodes run as in `solved`.
    mutating func transplant(_ solved: FleetState, parts: [PlacementLNS.Part], free: [Int]) {
        for d in free {
            for g in groups[d] { for share in g.shares { pools[g.pool].release(share) } }
            groups[d] = []
        }
        for (i, part) in parts.enumerated() {
            for (j, k) in part.nodes.enumerated() where pools[part.pool].running[k] != solved.pools[i].running[j] {
                if solved.pools[i].running[j] { pools[part.pool].open(k) } else { pools[part.pool].close(k) }
            }
        }
        for (j, d) in free.enumerated() {
            for g in solved.groups[j] {
                let part = parts[g.pool]
                var moved = g
                moved.shares = g.shares.map { var s = $0; s.node = part.nodes[$0.node]; return s }
                replay(moved, demand: d, pool: part.pool)
            }
        }
    }
}
