/// How the heuristic picks an island for a single-node group among those it fits in.
enum FitRule {
    /// Least stranding first (free GPUs left that no remaining shape of the pool can use), then the
    /// least growth of expected fragmentation under the workload's shapes (the FGD score of
    /// "Beware of Fragmentation", ATC'23), then least left over (best fit), then lowest node.
    case fragmentationAware
    /// Lowest node and island that fits: the first-fit-decreasing baseline.
    case firstFit
}

extension PoolState {
    /// GPUs of a free run of `free` GPUs in one island that no island shape can use.
    func stranded(free: Int, shapes: [Int]) -> Int {
        guard free > 0 else { return 0 }
        var best = Array(repeating: 0, count: free + 1)
        for x in 1...free {
            for s in shapes where s <= x { best[x] = max(best[x], best[x - s] + s) }
        }
        return free - best[free]
    }

    /// The island of a running node where a group of `count` GPUs goes, or nil when none fits.
    /// `avoidNode` and `inZone` carry the high-availability rule for a demand's last group.
    mutating func chooseIsland(count: Int, rule: FitRule, strandedTable: [Int], fragmentTable: [Int],
                               avoidNode: Int? = nil, avoidZone: Int? = nil) -> (node: Int, island: Int)? {
        func score(_ id: Int) -> (Int, Int, Int, Int) {
            let f = islandFree[id]
            switch rule {
            case .firstFit: return (0, 0, 0, id)
            case .fragmentationAware:
                return (strandedTable[f - count] - strandedTable[f], fragmentTable[f - count] - fragmentTable[f], f - count, id)
            }
        }
        var best: Int?
        if indexed && avoidZone == nil {
            for f in stride(from: count, through: maxIsland, by: 1) {
                // Islands of the avoided node are lifted off the heap and put back after.
                var lifted: [Int] = []
                while let top = buckets[f].first, !(running[top / ipn] && islandFree[top] == f) || top / ipn == avoidNode {
                    if top / ipn == avoidNode && running[top / ipn] && islandFree[top] == f { lifted.append(top) }
                    pop(f)
                }
                if let top = buckets[f].first, best.map({ score(top) < score($0) }) ?? true { best = top }
                for id in lifted { push(id) }
            }
        } else {
            for k in 0..<supply.nodeCount where running[k] && k != avoidNode && zone(k) != avoidZone {
                for i in 0..<ipn where islandFree[k * ipn + i] >= count {
                    let id = k * ipn + i
                    if best.map({ score(id) < score($0) }) ?? true { best = id }
                }
            }
        }
        return best.map { ($0 / ipn, $0 % ipn) }
    }

    /// Per free count 0...maxIsland: Σ over shapes s of weight(s) × (s > f ? f : 0), the GPUs a
    /// random group drawn from the workload could not use, scaled by the total weight.
    func fragmentTable(weights: [Int]) -> [Int] {
        (0...maxIsland).map { f in weights.indices.reduce(0) { $0 + ($1 > f ? weights[$1] * f : 0) } }
    }

    /// Per free count 0...maxIsland, the GPUs stranded by the pool's island shapes.
    func strandedTable(shapes: [Int]) -> [Int] {
        (0...maxIsland).map { stranded(free: $0, shapes: shapes) }
    }

    mutating func push(_ id: Int) {
        let f = islandFree[id]
        buckets[f].append(id)
        var c = buckets[f].count - 1
        while c > 0 {
            let p = (c - 1) / 2
            if buckets[f][p] <= buckets[f][c] { break }
            buckets[f].swapAt(p, c)
            c = p
        }
    }

    mutating func pop(_ f: Int) {
        let last = buckets[f].removeLast()
        guard !buckets[f].isEmpty else { return }
        buckets[f][0] = last
        var p = 0
        let n = buckets[f].count
        while true {
            let l = 2 * p + 1, r = l + 1
            var m = p
            if l < n && buckets[f][l] < buckets[f][m] { m = l }
            if r < n && buckets[f][r] < buckets[f][m] { m = r }
            if m == p { break }
            buckets[f].swapAt(p, m)
            p = m
        }
    }
}
