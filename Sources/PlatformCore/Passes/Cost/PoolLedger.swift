/// Who holds each GPU of one pool's running nodes, in exact units: a whole GPU weighs `unit`, a
/// MIG slice `unit / slicesPerGPU` (`unit` is the least common multiple of the pool's slice
/// counts), so a pool's GPUs split over holders without rounding. It is built from the placement
/// and grown by `AutoscaleEnvelope` to price `replicas.max`.
struct PoolLedger {
    /// One GPU: free, held whole, or partitioned into a MIG profile with slices held.
    struct GPU {
        var holder: String?
        var profile: String?
        var slices: [String: Int] = [:]
        var isFree: Bool { holder == nil && profile == nil }
    }

    let pool: NodePool
    let unit: Int64
    var nodes: [[GPU]]
    /// Demand id → hours a month, for training jobs that run less than the whole month
    /// (`hoursPerMonth`). A node beyond `nodes.min` held only by such jobs runs for the longest of
    /// their hours, and is priced for those; every other node runs 730 hours.
    var partTime: [String: Int] = [:]

    init(pool: NodePool, placed: [PlacedNode]) {
        self.pool = pool
        unit = pool.migProfiles.values.reduce(Int64(1)) { GPUCount.lcm($0, Int64(max($1, 1))) }
        let id = pool.id
        nodes = placed.filter { $0.pool == id }.map { node in
            node.gpus.map { g in
                GPU(holder: g.holder, profile: g.migProfile,
                    slices: Dictionary(g.slices.map { ($0.demand, $0.count) }, uniquingKeysWith: +))
            }
        }
    }

    var runningNodes: Int { nodes.count }

    /// Slice weight of `profile` in units.
    func sliceWeight(_ profile: String) -> Int64 { unit / Int64(max(pool.migProfiles[profile] ?? 1, 1)) }

    /// Demand id → units held, over every running node.
    var held: [String: Int64] {
        var out: [String: Int64] = [:]
        for gpu in nodes.joined() {
            if let h = gpu.holder { out[h, default: 0] += unit }
            if let profile = gpu.profile {
                for (demand, count) in gpu.slices { out[demand, default: 0] += sliceWeight(profile) * Int64(count) }
            }
        }
        return out
    }

    func gpus(_ units: Int64) -> GPUCount { GPUCount(units, over: unit) }

    /// The pool's monthly price split over holders by the units they hold, the rest idle: holders
    /// sorted by demand id, then idle, apportioned by `CostArithmetic.apportion`.
    func attribution() -> (total: Money, byDemand: [String: Money], idle: Money) {
        if !partTime.isEmpty { return attributionByNode() }
        let total = CostArithmetic.monthly(pool.pricePerHour ?? .zero, count: runningNodes)
        let held = self.held
        let demands = held.keys.sorted()
        let capacity = Int64(runningNodes * pool.gpusPerNode) * unit
        let used = demands.reduce(Int64(0)) { $0 + (held[$1] ?? 0) }
        let parts = CostArithmetic.apportion(total, weights: demands.map { held[$0] ?? 0 } + [max(0, capacity - used)])
        var byDemand: [String: Money] = [:]
        for (i, d) in demands.enumerated() { byDemand[d] = parts[i] }
        return (total, byDemand, parts.last ?? .zero)
    }

    /// Hours a month `node` (by index) runs.
    func hours(ofNode index: Int) -> Int64 {
        let full = CostArithmetic.hoursPerMonth
        guard index >= pool.minNodes else { return full }
        var holders: Set<String> = []
        for gpu in nodes[index] {
            if let h = gpu.holder { holders.insert(h) }
            holders.formUnion(gpu.slices.keys)
        }
        guard !holders.isEmpty, holders.allSatisfy({ partTime[$0] != nil }) else { return full }
        return Int64(holders.map { min(partTime[$0] ?? 0, Int(full)) }.max() ?? Int(full))
    }

    /// `attribution()` node by node, each node priced for the hours it runs.
    func attributionByNode() -> (total: Money, byDemand: [String: Money], idle: Money) {
        var total = Money.zero, idle = Money.zero
        var byDemand: [String: Money] = [:]
        for index in nodes.indices {
            let price = Money(micros: (pool.pricePerHour ?? .zero).micros * hours(ofNode: index))
            var held: [String: Int64] = [:]
            for gpu in nodes[index] {
                if let h = gpu.holder { held[h, default: 0] += unit }
                if let profile = gpu.profile {
                    for (demand, count) in gpu.slices { held[demand, default: 0] += sliceWeight(profile) * Int64(count) }
                }
            }
            let demands = held.keys.sorted()
            let used = demands.reduce(Int64(0)) { $0 + (held[$1] ?? 0) }
            let capacity = Int64(pool.gpusPerNode) * unit
            let parts = CostArithmetic.apportion(price, weights: demands.map { held[$0] ?? 0 } + [max(0, capacity - used)])
            for (i, d) in demands.enumerated() { byDemand[d, default: .zero] = byDemand[d, default: .zero] + parts[i] }
            idle = idle + (parts.last ?? .zero)
            total = total + price
        }
        return (total, byDemand, idle)
    }
}
