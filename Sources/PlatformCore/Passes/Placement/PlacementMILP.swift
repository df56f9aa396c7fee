/// The placement as a mixed-integer program (an assignment model over nodes and NVLink islands).
///
/// Columns: `drop[d]`, `use[d][p]` (demand d goes to pool p), `run[p][k]` (node k runs);
/// single-node whole-GPU groups: `island[d][p][k][i]`, the groups of d in island i of node k;
/// MIG groups: `slices[d][p][k]`, the groups of d on node k, and `part[p][k][q]`, the GPUs of node k
/// partitioned into profile q; multi-node groups: `whole[d][p][k]` (node k held whole by d) and
/// `zone[d][p][z]`, the groups of d in zone z. Rows: every demand placed whole in one pool or dropped;
/// island, slice and node capacity; a multi-node group's nodes in one zone; high availability (no
/// node, and with two zones no zone, holds every replica); team quotas; identical stopped nodes of a
/// zone start in index order (symmetry). The same rules as `placeGroup`, `spreadRule` and
/// `quotaAllows`, so every solution decodes to a state the heuristic could have built.
struct PlacementMILP {
    let problem: CanonicalProblem
    var model = LinearModel()
    /// Demands the model decides: searchable, with at least one group.
    let decided: [Int]
    var drop: [Int: Int] = [:]
    var use: [Int: [Int: Int]] = [:]
    var run: [[Int]] = []
    var island: [Int: [Int: [[Int?]]]] = [:]
    var slices: [Int: [Int: [Int]]] = [:]
    var part: [[[Int?]]] = []
    var whole: [Int: [Int: [Int]]] = [:]
    var zone: [Int: [Int: [Int]]] = [:]
    /// Cost of a running node in `costUnit`s (the gcd of the pools' prices), so objective values are integral.
    let costUnit: Int64
    let levels: [Int]

    init(_ problem: CanonicalProblem) {
        self.problem = problem
        decided = problem.demands.indices.filter {
            problem.staticReason[$0] == nil && problem.demands[$0].groups > 0 && !problem.eligible[$0].isEmpty
        }
        levels = problem.priorityLevels
        costUnit = max(1, problem.pools.reduce(Int64(0)) { Self.gcd($0, $1.pricePerHourMicros) })
        build()
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? abs(a) : gcd(b, a % b) }

    private mutating func build() {
        let pools = problem.pools
        run = pools.map { pool in
            (0..<pool.nodeCount).map { k in
                model.column(lower: k < min(pool.minNodes, pool.nodeCount) ? 1 : 0, upper: 1,
                             cost: Double(pool.pricePerHourMicros / costUnit))
            }
        }
        // GPUs partitioned per MIG profile a decided demand may use there.
        part = pools.indices.map { p in
            let gpn = pools[p].gpusPerNode
            let wanted = Set(decided.filter { problem.eligible[$0].contains(p) }.compactMap { problem.demands[$0].migProfile })
            return (0..<pools[p].nodeCount).map { _ in
                problem.profiles[p].map { wanted.contains($0) ? model.column(upper: Double(gpn)) : nil }
            }
        }
        for d in decided {
            let demand = problem.demands[d]
            let groups = Double(demand.groups)
            drop[d] = model.column(upper: 1)
            var choice: [(Int, Double)] = [(drop[d]!, 1)]
            for p in problem.eligible[d] {
                let pool = pools[p]
                let u = model.column(upper: 1)
                use[d, default: [:]][p] = u
                choice.append((u, 1))
                let zoned = demand.needsSpread && demand.spread == .zones && pool.zones.count >= 2
                let zones = max(1, pool.zones.count)
                let cap = demand.needsSpread ? groups - 1 : groups
                if demand.spansNodes {
                    let h = (0..<pool.nodeCount).map { _ in model.column(upper: 1) }
                    let z = (0..<zones).map { _ in model.column(upper: zoned ? cap : groups) }
                    whole[d, default: [:]][p] = h
                    zone[d, default: [:]][p] = z
                    for zi in 0..<zones {
                        var entries = stride(from: zi, to: pool.nodeCount, by: zones).map { (h[$0], 1.0) }
                        entries.append((z[zi], -Double(max(1, demand.nodesPerGroup))))
                        model.row(entries, lower: 0, upper: 0)
                    }
                    model.row(z.map { ($0, 1.0) } + [(u, -groups)], lower: 0, upper: 0)
                } else if let profile = demand.migProfile {
                    let w = (0..<pool.nodeCount).map { _ in model.column(upper: cap) }
                    slices[d, default: [:]][p] = w
                    model.row(w.map { ($0, 1.0) } + [(u, -groups)], lower: 0, upper: 0)
                    if zoned { spreadRows(pool, w.map { [$0] }, cap) }
                    _ = profile
                } else {
                    let fits = pool.islands
                        .map { size in demand.gpusPerGroup <= size && !(pool.pcieNode && !demand.allowPCIe && demand.gpusPerGroup > 1) }
                    let x = (0..<pool.nodeCount).map { _ in
                        pool.islands.indices.map { i in
                            fits[i] ? model.column(upper: min(cap, Double(pool.islands[i] / demand.gpusPerGroup))) : nil
                        }
                    }
                    island[d, default: [:]][p] = x
                    model.row(x.flatMap { $0.compactMap { $0 } }.map { ($0, 1.0) } + [(u, -groups)], lower: 0, upper: 0)
                    if demand.needsSpread {
                        for k in 0..<pool.nodeCount { model.row(x[k].compactMap { $0 }.map { ($0, 1.0) }, upper: cap) }
                        if zoned { spreadRows(pool, x.map { $0.compactMap { $0 } }, cap) }
                    }
                }
            }
            model.row(choice, lower: 1, upper: 1)
        }
        capacityRows()
        quotaRows()
        // Nodes of one zone are interchangeable: the lower index starts first.
        for (p, pool) in pools.enumerated() {
            let zones = max(1, pool.zones.count)
            for k in 0..<max(0, pool.nodeCount - zones) { model.row([(run[p][k], 1), (run[p][k + zones], -1)], lower: 0) }
        }
    }

    /// No zone holds every replica: Σ over the zone's nodes ≤ groups − 1.
    private mutating func spreadRows(_ pool: PoolSupply, _ perNode: [[Int]], _ cap: Double) {
        let zones = max(1, pool.zones.count)
        for z in 0..<zones {
            model.row(stride(from: z, to: pool.nodeCount, by: zones).flatMap { perNode[$0] }.map { ($0, 1.0) }, upper: cap)
        }
    }

    private mutating func capacityRows() {
        for (p, pool) in problem.pools.enumerated() {
            let users = decided.filter { problem.eligible[$0].contains(p) }
            for k in 0..<pool.nodeCount {
                let held = users.compactMap { whole[$0]?[p]?[k] }
                if let per = pool.migSlicesPerGPU {
                    let parts = part[p][k].compactMap { $0 }
                    model.row(parts.map { ($0, 1.0) } + [(run[p][k], -Double(pool.gpusPerNode))], upper: 0)
                    for (q, name) in problem.profiles[p].enumerated() {
                        guard let m = part[p][k][q] else { continue }
                        let entries = users.filter { problem.demands[$0].migProfile == name }
                            .compactMap { d in (slices[d]?[p]?[k]).map { ($0, Double(problem.demands[d].gpusPerGroup)) } }
                        model.row(entries + [(m, -Double(per[name] ?? 0))], upper: 0)
                    }
                    continue
                }
                for (i, size) in pool.islands.enumerated() {
                    var entries = users.compactMap { d in island[d]?[p]?[k][i].map { ($0, Double(problem.demands[d].gpusPerGroup)) } }
                    entries += held.map { ($0, Double(size)) }
                    model.row(entries + [(run[p][k], -Double(size))], upper: 0)
                }
                if !held.isEmpty { model.row(held.map { ($0, 1.0) } + [(run[p][k], -1)], upper: 0) }
            }
        }
    }

    private mutating func quotaRows() {
        for t in problem.teamNames.indices {
            let members = decided.filter { problem.teamIndex[$0] == t }
            guard !members.isEmpty else { continue }
            let total = members.reduce(0) { $0 + problem.usageMillis[$1] }
            guard total > problem.quotaMillis[t] else { continue }
            // Σ usage × (1 − drop) ≤ quota.
            model.row(members.map { (drop[$0]!, -Double(problem.usageMillis[$0])) }, upper: Double(problem.quotaMillis[t] - total))
        }
    }

    func level(_ d: Int) -> Int { levels.firstIndex(of: problem.demands[d].priority) ?? 0 }

    /// Weights that make "fewer drops at a higher level" outweigh any number of drops below it.
    func dropWeights() -> [Double] {
        var perLevel = Array(repeating: 0, count: levels.count)
        for d in decided { perLevel[level(d)] += 1 }
        var weights = Array(repeating: 1.0, count: levels.count)
        for l in stride(from: levels.count - 2, through: 0, by: -1) { weights[l] = weights[l + 1] * Double(perLevel[l + 1] + 1) }
        return weights
    }
}
