/// The problem in canonical form: pools and demands sorted by id, teams by name, every index
/// derived from those orders. Whatever the order of the input lists, the solver sees the same value,
/// which is what makes the placement independent of list order.
struct CanonicalProblem {
    let pools: [PoolSupply]
    let demands: [Demand]
    /// Per demand: the pools it may use, sorted by index; empty when a static reason keeps it out.
    let eligible: [[Int]]
    /// Per demand: why no pool can ever take it, before any capacity is spent.
    let staticReason: [UnplacedReason?]
    /// Per demand: index into `quotaMillis`, or nil when its team has no quota.
    let teamIndex: [Int?]
    let teamNames: [String]
    /// Team quotas in milli-GPUs (a neighbourhood of the large-neighbourhood search sets what is left).
    var quotaMillis: [Int]
    /// Per demand: milli-GPUs it counts against its team's quota.
    var usageMillis: [Int]
    /// Demands in the order they are placed: priority first, then big shapes first, then id.
    let order: [Int]
    /// Big shapes first whatever the priority: packs tighter when everything fits, when priority
    /// decides nothing.
    let sizeOrder: [Int]
    /// Per pool: sorted MIG profile names; a GPU's partition is an index into this list.
    let profiles: [[String]]
    /// The shapes of remaining demand, which decide what is stranded: demand that may still ask
    /// for room is the headroom of replicas (`maxGroups > groups`). Per pool: the whole-GPU group
    /// sizes of such single-node demands it may serve,
    let islandShapes: [[Int]]
    /// whether such a whole-node demand may use it,
    let wholeNodeShape: [Bool]
    /// and the MIG profile indices such demands may use.
    let migShapes: [Set<Int>]
    /// Per pool: groups (up to `maxGroups`) of each single-node whole-GPU size it may serve, the
    /// workload distribution the heuristic's fragmentation score weighs free runs against.
    let shapeWeights: [[Int]]

    init(_ problem: PlacementProblem) {
        pools = problem.pools.sorted { $0.id < $1.id }
        demands = problem.demands.sorted { $0.id < $1.id }
        let teams = problem.teams.sorted { $0.name < $1.name }
        teamNames = teams.map(\.name)
        quotaMillis = teams.map { ($0.gpuQuota ?? Int.max / 4000) * 1000 }
        let pools = self.pools
        profiles = pools.map { ($0.migSlicesPerGPU ?? [:]).keys.sorted() }
        var eligible: [[Int]] = []
        var reasons: [UnplacedReason?] = []
        var usage: [Int] = []
        for d in demands {
            let (e, r) = Self.eligibility(d, pools)
            eligible.append(r == nil ? e : [])
            reasons.append(r)
            var perGroupMillis = d.gpusPerGroup * d.nodesPerGroup * 1000
            if let profile = d.migProfile, let p = e.first, let per = pools[p].migSlicesPerGPU?[profile], per > 0 {
                perGroupMillis = (d.gpusPerGroup * 1000 + per - 1) / per
            }
            usage.append(perGroupMillis * d.groups)
        }
        self.eligible = eligible
        staticReason = reasons
        usageMillis = usage
        teamIndex = demands.map { d in
            teams.firstIndex { $0.name == d.team && $0.gpuQuota != nil }
        }
        let demands = self.demands
        func bySize(_ a: Int, _ b: Int) -> Bool {
            let x = demands[a], y = demands[b]
            if x.spansNodes != y.spansNodes { return x.spansNodes }
            let sx = x.gpusPerGroup * x.nodesPerGroup, sy = y.gpusPerGroup * y.nodesPerGroup
            if sx != sy { return sx > sy }
            if x.groups != y.groups { return x.groups > y.groups }
            return x.id < y.id
        }
        sizeOrder = demands.indices.sorted(by: bySize)
        order = demands.indices.sorted { a, b in
            let x = demands[a], y = demands[b]
            if x.priority != y.priority { return x.priority > y.priority }
            if x.spansNodes != y.spansNodes { return x.spansNodes }
            let sx = x.gpusPerGroup * x.nodesPerGroup, sy = y.gpusPerGroup * y.nodesPerGroup
            if sx != sy { return sx > sy }
            if x.groups != y.groups { return x.groups > y.groups }
            return x.id < y.id
        }
        var islandShapes = Array(repeating: Set<Int>(), count: pools.count)
        var wholeNode = Array(repeating: false, count: pools.count)
        var mig = Array(repeating: Set<Int>(), count: pools.count)
        var weights = pools.map { Array(repeating: 0, count: ($0.islands.max() ?? 0) + 1) }
        for (i, d) in demands.enumerated() {
            for p in eligible[i] where d.migProfile == nil && !d.spansNodes && d.gpusPerGroup < weights[p].count {
                weights[p][d.gpusPerGroup] += d.maxGroups
            }
            guard d.kind == .replicas && d.maxGroups > d.groups else { continue }
            for p in eligible[i] {
                if let profile = d.migProfile, let k = profiles[p].firstIndex(of: profile) {
                    mig[p].insert(k)
                } else if d.spansNodes {
                    wholeNode[p] = true
                } else {
                    islandShapes[p].insert(d.gpusPerGroup)
                }
            }
        }
        self.islandShapes = islandShapes.map { $0.sorted() }
        wholeNodeShape = wholeNode
        migShapes = mig
        shapeWeights = weights
    }

    /// The pools a demand may use, or the first static constraint that leaves it none.
    static func eligibility(_ d: Demand, _ pools: [PoolSupply]) -> ([Int], UnplacedReason?) {
        var candidates = pools.indices.filter { p in
            let pool = pools[p]
            guard pool.gpuModel == d.gpuModel, pool.nodeCount > 0, pool.gpusPerNode > 0 else { return false }
            if let profile = d.migProfile { return (pool.migSlicesPerGPU?[profile] ?? 0) > 0 }
            return pool.migSlicesPerGPU == nil
        }
        if candidates.isEmpty { return ([], .noPoolWithGPU) }
        candidates = candidates.filter { p in
            (d.cluster.map { pools[p].cluster == $0 } ?? true) && (d.pool.map { pools[p].id == $0 } ?? true)
        }
        if candidates.isEmpty { return ([], .pinnedPoolMissing) }
        if d.kind == .gang {
            candidates = candidates.filter { pools[$0].rdma }
            if candidates.isEmpty { return ([], .noRDMAFabric) }
        }
        func capacity(_ pool: PoolSupply) -> Int {
            if let profile = d.migProfile { return (pool.migSlicesPerGPU?[profile] ?? 0) * pool.gpusPerNode }
            if d.spansNodes { return pool.gpusPerNode }
            // A node merged into one group for PCIe tensor parallelism keeps NVLink groups out.
            if pool.pcieNode, !d.allowPCIe { return 1 }   // the node's real islands are single GPUs
            return pool.islands.max() ?? 0
        }
        let largest = candidates.map { capacity(pools[$0]) }.max() ?? 0
        candidates = candidates.filter { d.gpusPerGroup <= capacity(pools[$0]) }
        if candidates.isEmpty { return ([], .islandTooSmall(need: d.gpusPerGroup, largest: largest)) }
        if d.spansNodes {
            // A group's nodes share a zone; node k sits in zone k % zones, so the first zone holds the
            // most. A pool of one zone is left to the capacity check, which names its size.
            func largestZone(_ pool: PoolSupply) -> Int { (pool.nodeCount + max(1, pool.zones.count) - 1) / max(1, pool.zones.count) }
            let fitting = candidates.filter { pools[$0].zones.count < 2 || largestZone(pools[$0]) >= d.nodesPerGroup }
            if fitting.isEmpty {
                return ([], .zoneTooSmall(need: d.nodesPerGroup, largest: candidates.map { largestZone(pools[$0]) }.max() ?? 0))
            }
            candidates = fitting
        }
        if d.needsSpread {
            candidates = candidates.filter { pools[$0].nodeCount >= 2 }
            if candidates.isEmpty { return ([], .spreadImpossible) }
        }
        return (candidates, nil)
    }
}
