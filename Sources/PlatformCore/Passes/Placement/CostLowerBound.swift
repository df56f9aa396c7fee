/// A lower bound on the cost of placing a given set of demands. Pools that share demands form a
/// component. A component whose pools are all alike (GPU, islands, MIG layout, price) is bounded as
/// one big pool, in whole nodes (a relaxation: it forgets pins and spread inside the component);
/// a mixed component gets a fractional bound (free GPUs on `minNodes` nodes first, then the
/// cheapest price per GPU).
enum CostLowerBound {
    /// `pools`: the pools to bound (all when nil); `placed` must use only those.
    static func of(_ problem: CanonicalProblem, placed: [Int], pools only: [Int]? = nil) -> Int64 {
        var parent = Array(problem.pools.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for d in placed {
            let e = problem.eligible[d]
            for p in e.dropFirst() { parent[find(p)] = find(e[0]) }
        }
        var members: [Int: [Int]] = [:]
        for p in only ?? Array(problem.pools.indices) { members[find(p), default: []].append(p) }
        var demandsOf: [Int: [Int]] = [:]
        for d in placed { if let p = problem.eligible[d].first { demandsOf[find(p), default: []].append(d) } }
        var total: Int64 = 0
        for root in members.keys.sorted() {
            let pools = members[root] ?? []
            let demands = demandsOf[root] ?? []
            let alike = Set(pools.map { p -> String in
                let pool = problem.pools[p]
                return """
                    \(pool.gpuModel)|\(pool.islands)|\((pool.migSlicesPerGPU ?? [:]).sorted { $0.key < $1.key })|\(pool.pricePerHourMicros)
                    """
            }).count == 1
            total += alike ? integral(problem, pools: pools, demands: demands)
                           : fractional(problem, pools: pools, demands: demands)
        }
        return total
    }

    /// Nodes alike pools need, at least: the most of (a) the component as one pool and (b) each pool
    /// with the demands pinned to it alone, plus whole nodes for what the others cannot absorb in
    /// the room (b) leaves. Never fewer than the nodes that run anyway.
    static func integral(_ problem: CanonicalProblem, pools members: [Int], demands: [Int]) -> Int64 {
        let pool = problem.pools[members[0]]
        let nodeMillis = pool.gpusPerNode * 1000
        let minNodes = members.reduce(0) { $0 + min(problem.pools[$1].minNodes, problem.pools[$1].nodeCount) }
        let merged = max(minNodes, nodesNeeded(problem, pool, demands).nodes)
        var pinnedNodes = 0, room = 0
        for p in members {
            let own = demands.filter { problem.eligible[$0] == [p] }
            let need = nodesNeeded(problem, pool, own)
            let nodes = max(min(problem.pools[p].minNodes, problem.pools[p].nodeCount), need.nodes)
            pinnedNodes += nodes
            room += nodes * nodeMillis - need.millis
        }
        let loose = nodesNeeded(problem, pool, demands.filter { problem.eligible[$0].count > 1 }).millis
        let pinned = pinnedNodes + (max(0, loose - room) + nodeMillis - 1) / nodeMillis
        return Int64(max(merged, pinned)) * pool.pricePerHourMicros
    }

    /// Nodes of `pool`'s kind that `demands` need (whole nodes of multi-node groups plus the most of
    /// a GPU-volume bound, an island bound and a MIG bound; two when replicas must spread), and the
    /// milli-GPUs they occupy.
    static func nodesNeeded(_ problem: CanonicalProblem, _ pool: PoolSupply, _ demands: [Int]) -> (nodes: Int, millis: Int) {
        let gpn = pool.gpusPerNode
        var wholeNodes = 0, volume = 0
        var slices: [String: Int] = [:]
        let island = pool.islands.max() ?? 1
        let uniform = Set(pool.islands).count == 1
        var sizes = Array(repeating: 0, count: island + 1)
        for d in demands {
            let demand = problem.demands[d]
            if let profile = demand.migProfile {
                slices[profile, default: 0] += demand.gpusPerGroup * demand.groups
            } else if demand.spansNodes {
                wholeNodes += demand.groups * max(1, demand.nodesPerGroup)
            } else {
                volume += demand.gpusPerGroup * demand.groups
                if demand.gpusPerGroup <= island { sizes[demand.gpusPerGroup] += demand.groups }
            }
        }
        var nodes = (volume + gpn - 1) / gpn
        if uniform { nodes = max(nodes, (islandsL2(sizes, capacity: island) + pool.islands.count - 1) / pool.islands.count) }
        var migGPUs = 0, migMillis = 0
        for profile in slices.keys.sorted() {
            let per = max(1, pool.migSlicesPerGPU?[profile] ?? 1)
            migGPUs += ((slices[profile] ?? 0) + per - 1) / per
            migMillis += (slices[profile] ?? 0) * 1000 / per
        }
        nodes = max(nodes, (migGPUs + gpn - 1) / gpn)
        // Replicas that must spread need two nodes, however small they are.
        let spread = demands.contains { problem.demands[$0].needsSpread } ? 2 : 0
        return (max(spread, wholeNodes + nodes), (wholeNodes * gpn + volume) * 1000 + migMillis)
    }

    /// Martello and Toth's L2: for each threshold a, items above c − a each need a bin of their own,
    /// items in (c/2, c − a] too, and items in [a, c/2] fill what those leave at best.
    /// `sizes[w]` counts items of size w.
    static func islandsL2(_ sizes: [Int], capacity c: Int) -> Int {
        var best = 0
        for a in 0...(c / 2) {
            var n1 = 0, n2 = 0, room2 = 0, w3 = 0
            for w in 1..<sizes.count where sizes[w] > 0 {
                if w > c - a { n1 += sizes[w] }
                else if w * 2 > c { n2 += sizes[w]; room2 += (c - w) * sizes[w] }
                else if w >= a { w3 += w * sizes[w] }
            }
            best = max(best, n1 + n2 + max(0, (w3 - room2 + c - 1) / c))
        }
        return best
    }

    static func fractional(_ problem: CanonicalProblem, pools: [Int], demands: [Int]) -> Int64 {
        var fixed: Int64 = 0
        var freeMillis = 0
        var cheapest = Double.infinity
        for p in pools {
            let pool = problem.pools[p]
            let minNodes = min(pool.minNodes, pool.nodeCount)
            fixed += Int64(minNodes) * pool.pricePerHourMicros
            freeMillis += minNodes * pool.gpusPerNode * 1000
            cheapest = min(cheapest, Double(pool.pricePerHourMicros) / Double(pool.gpusPerNode))
        }
        let need = demands.reduce(0) { $0 + problem.usageMillis[$1] }
        let extra = Double(max(0, need - freeMillis)) / 1000 * cheapest
        return fixed + Int64(extra.rounded(.down))
    }

    /// A bound for every placement that drops as many demands per priority level as `out` does,
    /// whichever they are. A running node costs at least its price per GPU times the GPUs placed on
    /// it, so a placement costs at least Σ over placed demands of their GPUs at the cheapest price
    /// per GPU of their pools (whole nodes at the cheapest node price for multi-node groups; MIG
    /// slices as their share of a GPU, rounded down), and at least the nodes that run anyway. At a
    /// level that drops k demands, the k dearest by that measure are left out: the least it can be.
    static func sameDrops(_ problem: CanonicalProblem, out: Set<Int>) -> Int64 {
        var dropsAt: [Int: Int] = [:]
        for d in out { dropsAt[problem.demands[d].priority, default: 0] += 1 }
        var valuesAt: [Int: [Double]] = [:]
        for d in problem.demands.indices where problem.staticReason[d] == nil && problem.demands[d].groups > 0 {
            let demand = problem.demands[d], pools = problem.eligible[d].map { problem.pools[$0] }
            let value: Double
            if demand.spansNodes {
                value = Double(demand.groups * max(1, demand.nodesPerGroup)) * Double(pools.map(\.pricePerHourMicros).min() ?? 0)
            } else {
                value = pools.map { pool -> Double in
                    let gpus = demand.migProfile
                        .map { Double(demand.groups * demand.gpusPerGroup) / Double(max(1, pool.migSlicesPerGPU?[$0] ?? 1)) }
                        ?? Double(demand.groups * demand.gpusPerGroup)
                    return gpus * Double(pool.pricePerHourMicros) / Double(max(1, pool.gpusPerNode))
                }.min() ?? 0
            }
            valuesAt[demand.priority, default: []].append(value)
        }
        var placed = 0.0
        for level in valuesAt.keys.sorted() {
            placed += (valuesAt[level] ?? []).sorted().dropLast(dropsAt[level] ?? 0).reduce(0, +)
        }
        let fixed = problem.pools.reduce(Int64(0)) { $0 + Int64(min($1.minNodes, $1.nodeCount)) * $1.pricePerHourMicros }
        // Rounded down, and a little below, so floating-point sums never lift the bound above the truth.
        return max(fixed, Int64((placed * (1 - 1e-9)).rounded(.down)))
    }
}
