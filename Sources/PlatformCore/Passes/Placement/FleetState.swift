/// One placed group: its demand, its pool, its share of each node, and the nodes it started.
struct GroupRecord: Hashable {
    var demand: Int
    var pool: Int
    var shares: [ShareRecord]
    var opened: [Int]
}

/// Every pool's state plus what each demand holds and each team has used. Both the heuristic and
/// the exact search place and unplace groups through it.
struct FleetState {
    let problem: CanonicalProblem
    var pools: [PoolState]
    /// Per pool: GPUs stranded by a free run of each size (see `PoolState.stranded`).
    let strandedTables: [[Int]]
    /// Per pool: expected unusable GPUs of a free run of each size under the workload's shapes.
    let fragmentTables: [[Int]]
    var groups: [[GroupRecord]]
    var teamUsed: [Int]
    /// Per pool: milli-GPUs of demands pinned to it alone that the heuristic has not reached yet.
    var reservedMillis: [Int]

    init(_ problem: CanonicalProblem, indexed: Bool) {
        self.problem = problem
        let pools = problem.pools.indices.map { PoolState(problem.pools[$0], profiles: problem.profiles[$0], indexed: indexed) }
        self.pools = pools
        strandedTables = pools.indices.map { pools[$0].strandedTable(shapes: problem.islandShapes[$0]) }
        fragmentTables = pools.indices.map { pools[$0].fragmentTable(weights: problem.shapeWeights[$0]) }
        groups = Array(repeating: [], count: problem.demands.count)
        teamUsed = Array(repeating: 0, count: problem.teamNames.count)
        reservedMillis = Array(repeating: 0, count: problem.pools.count)
    }

    var cost: Int64 { pools.reduce(0) { $0 + $1.cost } }

    /// Whether the team of demand `d` can still afford it.
    func quotaAllows(_ d: Int) -> Bool {
        guard let t = problem.teamIndex[d] else { return true }
        return teamUsed[t] + problem.usageMillis[d] <= problem.quotaMillis[t]
    }

    /// What high availability forbids for the next group of `d` in pool `p`: the one node (and
    /// zone) every earlier group used, when the next group is the last chance to spread.
    func spreadRule(_ d: Int, pool p: Int) -> (node: Int?, zone: Int?) {
        let demand = problem.demands[d]
        let placed = groups[d]
        guard demand.needsSpread, placed.count == demand.groups - 1, let first = placed.first?.shares.first else {
            return (nil, nil)
        }
        let pool = pools[p]
        let nodes = Set(placed.flatMap { $0.shares.map(\.node) })
        let zones = Set(nodes.map { pool.zone($0) })
        let avoidNode = nodes.count == 1 ? first.node : nil
        let zoned = demand.spread == .zones && pool.supply.zones.count >= 2
        let avoidZone = zoned && zones.count == 1 ? pool.zone(first.node) : nil
        return (avoidNode, avoidZone)
    }

    mutating func record(_ g: GroupRecord) {
        if groups[g.demand].isEmpty, let t = problem.teamIndex[g.demand] { teamUsed[t] += problem.usageMillis[g.demand] }
        groups[g.demand].append(g)
    }

    /// Takes the last group of `d` back out, stopping the nodes it started.
    mutating func unplaceLast(_ d: Int) {
        let g = groups[d].removeLast()
        for share in g.shares.reversed() { pools[g.pool].release(share) }
        for k in g.opened.reversed() { pools[g.pool].close(k) }
        if groups[d].isEmpty, let t = problem.teamIndex[d] { teamUsed[t] -= problem.usageMillis[d] }
    }

    /// Distinct nodes over each demand's groups, summed: the spread objective.
    var spread: Int {
        groups.reduce(0) { $0 + Set($1.flatMap { $0.shares.map(\.node) }).count }
    }

    /// Free GPUs on running nodes that no demand shape of their pool can use.
    func stranded(pool p: Int) -> Int {
        let pool = pools[p]
        var total = 0
        for k in 0..<pool.supply.nodeCount where pool.running[k] {
            if pool.nodeUsed[k] == 0 && problem.wholeNodeShape[p] { continue }
            if pool.nodeExclusive[k] {
                total += pool.gpn - pool.exclusiveHeld[k]
                continue
            }
            if !pool.migPerGPU.isEmpty {
                if problem.migShapes[p].isEmpty { total += pool.gpn - pool.nodeUsed[k] }
                continue
            }
            for i in 0..<pool.ipn { total += strandedTables[p][pool.islandFree[k * pool.ipn + i]] }
        }
        return total
    }

    var stranded: Int { pools.indices.reduce(0) { $0 + stranded(pool: $1) } }
}
