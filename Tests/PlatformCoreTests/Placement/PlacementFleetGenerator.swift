import PlatformCore

/// Random platforms for property tests and benchmarks.
enum PlacementFleetGenerator {
    /// A small platform: up to `maxNodes` nodes over 1–3 pools, a handful of demands of mixed shapes.
    static func small(seed: UInt64, maxNodes: Int = 12, maxDemands: Int = 6, mig: Bool = true, gangs: Bool = true,
                      models: [String] = ["H100", "A100"]) -> PlacementProblem {
        var rng = SeededGenerator(seed: seed)
        var pools: [PoolSupply] = []
        var nodesLeft = maxNodes
        for i in 0..<Int.random(in: 1...3, using: &rng) where nodesLeft > 0 {
            let nodes = Int.random(in: 1...max(1, min(nodesLeft, maxNodes / 2 + 1)), using: &rng)
            nodesLeft -= nodes
            let islands = [[8], [4, 4], [2, 2, 2, 2], [4]].randomElement(using: &rng)!
            let isMIG = mig && Int.random(in: 0..<5, using: &rng) == 0
            let zones = [[], ["z1"], ["z1", "z2"], ["z1", "z2", "z3"]].randomElement(using: &rng)!
            pools.append(PoolSupply(id: "c\(i % 2)/p\(i)", cluster: "c\(i % 2)", gpuModel: models.randomElement(using: &rng)!,
                                    nodeCount: nodes, minNodes: Int.random(in: 0...1, using: &rng),
                                    islands: islands, migSlicesPerGPU: isMIG ? ["1g.10gb": 7, "3g.40gb": 2] : nil,
                                    zones: zones, pricePerHourMicros: Int64([10, 12, 25, 40].randomElement(using: &rng)!),
                                    rdma: Bool.random(using: &rng)))
        }
        var demands: [Demand] = []
        for i in 0..<Int.random(in: 1...maxDemands, using: &rng) {
            let team = ["a", "b", "c"].randomElement(using: &rng)!
            let model = models.randomElement(using: &rng)!
            let roll = Int.random(in: 0..<10, using: &rng)
            let pin: String? = Int.random(in: 0..<6, using: &rng) == 0 ? pools.randomElement(using: &rng)!.id : nil
            let spread = [SpreadPolicy.zones, .nodes, .none].randomElement(using: &rng)!
            let priority = Int.random(in: 0...2, using: &rng)
            if gangs && roll == 0 {
                demands.append(Demand(id: "g\(i)", kind: .gang, team: team, priority: priority, gpuModel: model,
                                      gpusPerGroup: 8, groups: 1, nodesPerGroup: Int.random(in: 1...2, using: &rng)))
            } else if mig && roll == 1 {
                demands.append(Demand(id: "s\(i)", team: team, priority: priority, gpuModel: model, pool: pin,
                                      gpusPerGroup: Int.random(in: 1...3, using: &rng),
                                      migProfile: ["1g.10gb", "3g.40gb"].randomElement(using: &rng)!,
                                      groups: Int.random(in: 1...3, using: &rng), spread: spread))
            } else {
                let groups = Int.random(in: 1...3, using: &rng)
                demands.append(Demand(id: "m\(i)", team: team, priority: priority, gpuModel: model, pool: pin,
                                      gpusPerGroup: [1, 2, 3, 4, 8].randomElement(using: &rng)!, groups: groups,
                                      maxGroups: groups + Int.random(in: 0...3, using: &rng), spread: spread))
            }
        }
        let teams = [TeamLimit(name: "a", gpuQuota: Int.random(in: 4...40, using: &rng)), TeamLimit(name: "b", gpuQuota: nil)]
        return PlacementProblem(pools: pools, demands: demands, teams: teams)
    }

    /// The same problem with its lists shuffled.
    static func shuffled(_ problem: PlacementProblem, seed: UInt64) -> PlacementProblem {
        var rng = SeededGenerator(seed: seed)
        return PlacementProblem(pools: problem.pools.shuffled(using: &rng), demands: problem.demands.shuffled(using: &rng),
                                teams: problem.teams.shuffled(using: &rng))
    }
}
