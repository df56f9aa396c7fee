import PlatformCore

/// Generated fleets for the benchmark: clusters of H100 (NVSwitch, RDMA), A100 ([4, 4] islands),
/// L40S ([2, 2, 2, 2]) and MIG-partitioned A100 pools, loaded to about 80% of their GPUs with
/// replicas of 1, 2, 4 and 8 GPUs, MIG slices, multi-node replicas and training gangs.
/// `fragmented` swaps the shapes for ones that leave odd runs (3 and 6 GPUs, no single GPUs on
/// NVLink pools) and lets only the big models (4 GPUs and more) scale out, so free runs smaller than
/// 4 GPUs are stranded: the mix where fragmentation-aware packing should strand fewer GPUs.
enum PlacementLargeFleet {
    static func make(seed: UInt64, nodes: Int, groups targetGroups: Int, fragmented: Bool) -> PlacementProblem {
        var rng = SeededGenerator(seed: seed)
        let clusters = max(1, min(8, nodes / 50))
        let kinds: [(name: String, gpu: String, islands: [Int], price: Int64, rdma: Bool, mig: [String: Int]?, share: Double)] = [
            ("h100", "H100", [8], 98_000_000, true, nil, 0.4),
            ("a100", "A100", [4, 4], 40_000_000, false, nil, 0.3),
            ("l40s", "L40S", [2, 2, 2, 2], 15_000_000, false, nil, 0.2),
            ("a100-mig", "A100-MIG", [8], 40_000_000, false, ["1g.10gb": 7, "3g.40gb": 2], 0.1),
        ]
        var pools: [PoolSupply] = []
        for c in 0..<clusters {
            for kind in kinds {
                let count = max(1, Int(Double(nodes) * kind.share / Double(clusters)))
                pools.append(PoolSupply(id: "c\(c)/\(kind.name)", cluster: "c\(c)", gpuModel: kind.gpu, nodeCount: count,
                                        minNodes: count / 10, islands: kind.islands, migSlicesPerGPU: kind.mig,
                                        zones: ["c\(c)-a", "c\(c)-b", "c\(c)-c"].prefix(1 + c % 3).map { $0 },
                                        pricePerHourMicros: kind.price, rdma: kind.rdma))
            }
        }
        // GPUs left to hand out per cluster and model (80% of the supply), so pins never overload a cluster.
        var budget: [String: [Int]] = [:]
        for p in pools where p.migSlicesPerGPU == nil {
            budget[p.gpuModel, default: Array(repeating: 0, count: clusters)][Int(p.cluster.dropFirst())!] += p.nodeCount * p
                .gpusPerNode * 8 / 10
        }
        var slicesLeft = pools.filter { $0.migSlicesPerGPU != nil }.map { $0.nodeCount * 8 * 7 * 7 / 10 }
        /// The cluster a demand draws from: its pin, or the one with most left.
        func draw(_ left: [Int], _ pin: Int?) -> Int { pin ?? left.indices.max { (left[$0], -$0) < (left[$1], -$1) }! }
        var demands: [Demand] = []
        var groupsMade = 0
        var i = 0
        while groupsMade < targetGroups && i < targetGroups * 4 {
            i += 1
            let roll = Int.random(in: 0..<100, using: &rng)
            let team = "team\(Int.random(in: 0..<12, using: &rng))"
            let priority = Int.random(in: 0..<3, using: &rng)
            let pin: Int? = Bool.random(using: &rng) ? Int.random(in: 0..<clusters, using: &rng) : nil
            let cluster = pin.map { "c\($0)" }
            let groups = Int.random(in: 1...6, using: &rng)
            if roll < 10 {
                let slices = fragmented ? [1, 2, 3, 5].randomElement(using: &rng)! : [1, 1, 2, 7].randomElement(using: &rng)!
                let c = draw(slicesLeft, pin)
                guard slicesLeft[c] >= slices * groups else { continue }
                slicesLeft[c] -= slices * groups
                demands.append(Demand(id: "mig-\(i)", team: team, priority: priority, gpuModel: "A100-MIG", cluster: cluster,
                                      gpusPerGroup: slices, migProfile: "1g.10gb", groups: groups, maxGroups: groups * 2))
                groupsMade += groups
                continue
            }
            if roll < 12 {
                let n = Int.random(in: 2...4, using: &rng)
                let c = draw(budget["H100"]!, pin)
                guard budget["H100"]![c] >= n * 8 * 4 else { continue }
                budget["H100"]![c] -= n * 8
                demands.append(Demand(id: "gang-\(i)", kind: .gang, team: team, priority: priority, gpuModel: "H100",
                                      cluster: cluster, gpusPerGroup: 8, groups: 1, nodesPerGroup: n))
                groupsMade += 1
                continue
            }
            if roll < 13 {
                let c = draw(budget["H100"]!, pin)
                guard budget["H100"]![c] >= 64 else { continue }
                budget["H100"]![c] -= 32
                demands.append(Demand(id: "lws-\(i)", team: team, priority: priority, gpuModel: "H100", cluster: cluster,
                                      gpusPerGroup: 8, groups: 2, maxGroups: 3, nodesPerGroup: 2))
                groupsMade += 2
                continue
            }
            let model = ["H100", "A100", "L40S"][(roll * 7) % 3]
            let shapes: [Int]
            switch (model, fragmented) {
            case ("H100", false): shapes = [1, 1, 1, 2, 2, 4, 8]
            case ("H100", true): shapes = [2, 3, 3, 4, 6, 2, 8]
            case ("A100", false): shapes = [1, 1, 2, 4]
            case ("A100", true): shapes = [2, 3, 3, 4]
            default: shapes = [1, 1, 2]
            }
            let gpus = shapes.randomElement(using: &rng)!
            let c = draw(budget[model]!, pin)
            guard budget[model]![c] >= gpus * groups * 2 else { continue }
            budget[model]![c] -= gpus * groups
            demands.append(Demand(id: "m-\(i)", team: team, priority: priority, gpuModel: model, cluster: cluster,
                                  gpusPerGroup: gpus, groups: groups,
                                  maxGroups: groups
                                      + (fragmented && gpus < 4 ? 0 : Int.random(in: fragmented ? 1...4 : 0...4, using: &rng)),
                                  spread: [.zones, .zones, .nodes, .none].randomElement(using: &rng)!))
            groupsMade += groups
        }
        return PlacementProblem(pools: pools, demands: demands, teams: [])
    }
}
