import PlatformCore

/// A deliberately naive search over every placement of a tiny whole-GPU platform (no MIG): each
/// demand in each pool it may use, each group on every node and island, each gang on every set of
/// empty nodes. It shares no code with the solver, so it can tell whether a platform fits.
struct ExhaustivePlacement {
    let problem: PlacementProblem
    var free: [String: [[Int]]] = [:]     // pool → node → island free GPUs
    var users: [String: [Int]] = [:]      // pool → node → groups on it
    var best: Int64?

    init(_ problem: PlacementProblem) {
        self.problem = problem
        for p in problem.pools {
            free[p.id] = Array(repeating: p.islands, count: p.nodeCount)
            users[p.id] = Array(repeating: 0, count: p.nodeCount)
        }
    }

    /// The least cost of placing every demand, or nil when they cannot all be placed.
    static func minimumCost(_ problem: PlacementProblem) -> Int64? {
        var need: [String: Int] = [:]
        for d in problem.demands { need[d.team, default: 0] += d.gpusPerGroup * max(1, d.nodesPerGroup) * d.groups }
        for t in problem.teams { if let q = t.gpuQuota, (need[t.name] ?? 0) > q { return nil } }
        var search = ExhaustivePlacement(problem)
        search.place(0)
        return search.best
    }

    var cost: Int64 {
        problem.pools.reduce(0) { acc, p in
            acc + Int64((0..<p.nodeCount).filter { $0 < p.minNodes || users[p.id]![$0] > 0 }.count) * p.pricePerHourMicros
        }
    }

    mutating func place(_ i: Int) {
        if let best, cost >= best { return }
        guard i < problem.demands.count else { best = cost; return }
        let d = problem.demands[i]
        for p in problem.pools where p.gpuModel == d.gpuModel && p.migSlicesPerGPU == nil
            && (d.pool ?? p.id) == p.id && (d.cluster ?? p.cluster) == p.cluster && (d.kind != .gang || p.rdma) {
            placeGroups(i, pool: p, group: 0, after: 0, nodes: [])
        }
    }

    mutating func placeGroups(_ i: Int, pool p: PoolSupply, group: Int, after: Int, nodes: [Int]) {
        let d = problem.demands[i]
        if group == d.groups {
            if d.kind == .replicas && d.groups >= 2 && d.spread != .none {
                if Set(nodes).count < 2 { return }
                if d.spread == .zones && p.zones.count >= 2 && Set(nodes.map { p.zone(ofNode: $0) }).count < 2 { return }
            }
            place(i + 1)
            return
        }
        if d.spansNodes {
            let empty = (0..<p.nodeCount).filter { users[p.id]![$0] == 0 }
            for set in Self.subsets(of: empty, size: max(1, d.nodesPerGroup)) where (set.first ?? 0) >= after {
                guard d.gpusPerGroup <= p.gpusPerNode else { return }
                for k in set { users[p.id]![k] += 1; free[p.id]![k] = p.islands.map { _ in 0 } }
                placeGroups(i, pool: p, group: group + 1, after: set[0], nodes: nodes + set)
                for k in set { users[p.id]![k] -= 1; free[p.id]![k] = p.islands }
            }
            return
        }
        for k in 0..<p.nodeCount {
            for island in p.islands.indices where k * 16 + island >= after && free[p.id]![k][island] >= d.gpusPerGroup {
                free[p.id]![k][island] -= d.gpusPerGroup
                users[p.id]![k] += 1
                placeGroups(i, pool: p, group: group + 1, after: k * 16 + island, nodes: nodes + [k])
                users[p.id]![k] -= 1
                free[p.id]![k][island] += d.gpusPerGroup
            }
        }
    }

    static func subsets(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var out: [[Int]] = []
        for (n, x) in items.enumerated() {
            for rest in subsets(of: Array(items[(n + 1)...]), size: size - 1) { out.append([x] + rest) }
        }
        return out
    }
}
