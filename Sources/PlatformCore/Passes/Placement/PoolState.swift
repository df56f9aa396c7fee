/// One GPU group's hold on one node: GPU indices (for MIG, one entry per slice), and whether the
/// node is held whole (multi-node groups own their nodes).
struct ShareRecord: Hashable {
    var node: Int
    var gpus: [Int]
    var island: Int
    var exclusive: Bool
}

/// The mutable state of one pool's nodes during a search: free GPUs per NVLink island, MIG
/// partitions, which nodes run. Every change can be undone (`release`, `close`), so the exact search
/// walks one state instead of copying it. With `indexed`, islands on running nodes are also kept in
/// min-heaps by free count, which makes best-fit O(log n) on large fleets.
struct PoolState {
    let supply: PoolSupply
    let gpn: Int
    let ipn: Int
    let zoneCount: Int
    let islandSize: [Int]
    let islandOffset: [Int]
    let maxIsland: Int
    /// Slices per GPU for each MIG profile index.
    let migPerGPU: [Int]
    var islandFree: [Int]
    var gpuFree: [Bool]
    var gpuProfile: [Int]
    var gpuSlicesUsed: [Int]
    var nodeUsed: [Int]
    var nodeExclusive: [Bool]
    /// GPUs a multi-node group uses on a node it holds whole.
    var exclusiveHeld: [Int]
    var running: [Bool]
    var runningCount = 0
    /// Σ nodeUsed: only running nodes hold GPUs.
    var totalUsed = 0
    /// Per zone: no node below this index in the zone is a stopped candidate.
    var nextStopped: [Int]
    let indexed: Bool
    /// `buckets[f]`: a min-heap of island ids (node × ipn + island) that may have `f` free GPUs.
    var buckets: [[Int]]

    init(_ supply: PoolSupply, profiles: [String], indexed: Bool) {
        self.supply = supply
        gpn = supply.gpusPerNode
        ipn = supply.islands.count
        zoneCount = max(1, supply.zones.count)
        islandSize = supply.islands
        var offset = 0
        islandOffset = supply.islands.map { size in defer { offset += size }; return offset }
        maxIsland = supply.islands.max() ?? 0
        migPerGPU = profiles.map { supply.migSlicesPerGPU?[$0] ?? 0 }
        let n = supply.nodeCount
        islandFree = (0..<n).flatMap { _ in supply.islands }
        gpuFree = Array(repeating: true, count: n * gpn)
        gpuProfile = Array(repeating: -1, count: n * gpn)
        gpuSlicesUsed = Array(repeating: 0, count: n * gpn)
        nodeUsed = Array(repeating: 0, count: n)
        nodeExclusive = Array(repeating: false, count: n)
        exclusiveHeld = Array(repeating: 0, count: n)
        running = Array(repeating: false, count: n)
        let minNodes = min(max(0, supply.minNodes), n)
        let zones = max(1, supply.zones.count)
        nextStopped = (0..<zones).map { z in
            var k = minNodes
            while k % zones != z { k += 1 }
            return k
        }
        self.indexed = indexed
        buckets = Array(repeating: [], count: maxIsland + 1)
        for k in 0..<minNodes { open(k) }
    }

    func zone(_ k: Int) -> Int { k % zoneCount }
    var minNodes: Int { min(max(0, supply.minNodes), supply.nodeCount) }
    var cost: Int64 { Int64(runningCount) * supply.pricePerHourMicros }

    /// The lowest stopped node, in `zone` when given.
    func stoppedNode(zone z: Int? = nil) -> Int? {
        let zones = z.map { [$0] } ?? Array(0..<zoneCount)
        let best = zones.map { nextStopped[$0] }.min() ?? Int.max
        return best < supply.nodeCount ? best : nil
    }

    mutating func open(_ k: Int) {
        running[k] = true
        runningCount += 1
        let z = zone(k)
        while nextStopped[z] < supply.nodeCount && running[nextStopped[z]] { nextStopped[z] += zoneCount }
        if indexed { for i in 0..<ipn where islandFree[k * ipn + i] > 0 { push(k * ipn + i) } }
    }

    /// Stops a node that nothing holds; its heap entries go stale and are skipped when popped.
    mutating func close(_ k: Int) {
        running[k] = false
        runningCount -= 1
        nextStopped[zone(k)] = min(nextStopped[zone(k)], k)
    }

    /// Takes `count` GPUs in island `i` of node `k`, lowest indices first.
    mutating func takeIsland(node k: Int, island i: Int, count: Int) -> ShareRecord {
        var taken: [Int] = []
        let start = islandOffset[i]
        for g in start..<(start + islandSize[i]) where taken.count < count && gpuFree[k * gpn + g] {
            gpuFree[k * gpn + g] = false
            taken.append(g)
        }
        islandFree[k * ipn + i] -= count
        nodeUsed[k] += count
        totalUsed += count
        if indexed && islandFree[k * ipn + i] > 0 { push(k * ipn + i) }
        return ShareRecord(node: k, gpus: taken, island: i, exclusive: false)
    }

    /// Takes node `k` whole for a multi-node group that uses `count` of its GPUs.
    mutating func takeNode(_ k: Int, count: Int) -> ShareRecord {
        for g in 0..<gpn { gpuFree[k * gpn + g] = false }
        for i in 0..<ipn { islandFree[k * ipn + i] = 0 }
        totalUsed += gpn - nodeUsed[k]
        nodeUsed[k] = gpn
        nodeExclusive[k] = true
        exclusiveHeld[k] = count
        return ShareRecord(node: k, gpus: Array(0..<count), island: -1, exclusive: true)
    }

    /// Slices of `profile` node `k` can still give.
    func freeSlices(node k: Int, profile p: Int) -> Int {
        var free = 0
        for g in 0..<gpn {
            let at = k * gpn + g
            if gpuFree[at] { free += migPerGPU[p] } else if gpuProfile[at] == p { free += migPerGPU[p] - gpuSlicesUsed[at] }
        }
        return free
    }

    /// Takes `count` slices of `profile` on node `k`: partitioned GPUs first, then fresh ones.
    mutating func takeSlices(node k: Int, profile p: Int, count: Int) -> ShareRecord {
        var taken: [Int] = []
        for pass in 0..<2 {
            for g in 0..<gpn where taken.count < count {
                let at = k * gpn + g
                if pass == 1 && gpuFree[at] {
                    gpuFree[at] = false
                    gpuProfile[at] = p
                    islandFree[k * ipn + island(ofGPU: g)] -= 1
                    nodeUsed[k] += 1
                    totalUsed += 1
                }
                guard gpuProfile[at] == p else { continue }
                while gpuSlicesUsed[at] < migPerGPU[p] && taken.count < count {
                    gpuSlicesUsed[at] += 1
                    taken.append(g)
                }
            }
        }
        return ShareRecord(node: k, gpus: taken, island: -1, exclusive: false)
    }

    func island(ofGPU g: Int) -> Int { islandOffset.lastIndex { $0 <= g } ?? 0 }

    /// Gives back what `share` took.
    mutating func release(_ share: ShareRecord) {
        let k = share.node
        if share.exclusive {
            for g in 0..<gpn { gpuFree[k * gpn + g] = true }
            for i in 0..<ipn { islandFree[k * ipn + i] = islandSize[i] }
            totalUsed -= nodeUsed[k]
            nodeUsed[k] = 0
            nodeExclusive[k] = false
            exclusiveHeld[k] = 0
        } else if share.island >= 0 {
            for g in share.gpus { gpuFree[k * gpn + g] = true }
            islandFree[k * ipn + share.island] += share.gpus.count
            nodeUsed[k] -= share.gpus.count
            totalUsed -= share.gpus.count
        } else {
            for g in share.gpus {
                let at = k * gpn + g
                gpuSlicesUsed[at] -= 1
                if gpuSlicesUsed[at] == 0 {
                    gpuProfile[at] = -1
                    gpuFree[at] = true
                    islandFree[k * ipn + island(ofGPU: g)] += 1
                    nodeUsed[k] -= 1
                    totalUsed -= 1
                }
            }
        }
        if indexed && running[k] { for i in 0..<ipn where islandFree[k * ipn + i] > 0 { push(k * ipn + i) } }
    }
}
