/// A lower bound on the cost of placing a given set of demands. Pools that share demands form a
/// component; a component of one pool gets an integral bound (whole nodes, island slots, MIG
/// partitions), a component of several pools a fractional one (free GPUs on `minNodes` nodes first,
/// then the cheapest price per GPU). Pins are honoured through the components.
enum CostLowerBound {
    static func of(_ problem: CanonicalProblem, placed: [Int]) -> Int64 {
        var parent = Array(problem.pools.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for d in placed {
            let e = problem.eligible[d]
            for p in e.dropFirst() { parent[find(p)] = find(e[0]) }
        }
        var members: [Int: [Int]] = [:]
        for p in problem.pools.indices { members[find(p), default: []].append(p) }
        var demandsOf: [Int: [Int]] = [:]
        for d in placed { if let p = problem.eligible[d].first { demandsOf[find(p), default: []].append(d) } }
        var total: Int64 = 0
        for root in members.keys.sorted() {
            let pools = members[root] ?? []
            let demands = demandsOf[root] ?? []
            total += pools.count == 1 ? single(problem, pool: pools[0], demands: demands)
                                      : fractional(problem, pools: pools, demands: demands)
        }
        return total
    }

    /// Nodes one pool needs: whole nodes of multi-node groups plus the most of a GPU-volume bound,
    /// an island-slot bound (groups larger than half an island never share one) and a MIG bound.
    static func single(_ problem: CanonicalProblem, pool p: Int, demands: [Int]) -> Int64 {
        let pool = problem.pools[p]
        let gpn = pool.gpusPerNode
        var wholeNodes = 0, volume = 0, bigGroups = 0
        var slices: [String: Int] = [:]
        let island = pool.islands.max() ?? 1
        let uniform = Set(pool.islands).count == 1
        for d in demands {
            let demand = problem.demands[d]
            if let profile = demand.migProfile {
                slices[profile, default: 0] += demand.gpusPerGroup * demand.groups
            } else if demand.spansNodes {
                wholeNodes += demand.groups * max(1, demand.nodesPerGroup)
            } else {
                volume += demand.gpusPerGroup * demand.groups
                if demand.gpusPerGroup * 2 > island { bigGroups += demand.groups }
            }
        }
        var nodes = (volume + gpn - 1) / gpn
        if uniform { nodes = max(nodes, (bigGroups + pool.islands.count - 1) / pool.islands.count) }
        let migGPUs = slices.keys.sorted().reduce(0) { acc, profile in
            let per = max(1, pool.migSlicesPerGPU?[profile] ?? 1)
            return acc + ((slices[profile] ?? 0) + per - 1) / per
        }
        nodes = max(nodes, (migGPUs + gpn - 1) / gpn)
        let running = max(min(pool.minNodes, pool.nodeCount), wholeNodes + nodes)
        return Int64(running) * pool.pricePerHourMicros
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
}
