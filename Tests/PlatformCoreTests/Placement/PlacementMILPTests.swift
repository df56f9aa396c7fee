import Testing
import PlatformCore

/// The MILP (COIN-OR Cbc) finds a placement whenever one exists on fleets beyond the exact search's
/// 30 nodes (issue 18). Each fleet below is padded past 30 nodes with a pool nothing uses, so on
/// main only the heuristic ran and these demands were dropped.
@Suite struct PlacementMILPTests {
    /// 25 idle L40S nodes: the fleet has more than 30 nodes, so the exact search does not run.
    static let padding = PoolSupply(id: "c9/pad", cluster: "c9", gpuModel: "L40S", nodeCount: 25, islands: [8],
                                    pricePerHourMicros: 15_000_000)

    /// A gang that fits in two pools takes the cheaper one, which the model (pinned to the cluster
    /// whose other pool is full) needs: the heuristic drops the model although the gang fits in
    /// the other pool (the "m7: 2 replicas cannot spread over two nodes").
    static let gangTakesTheModelsPool = PlacementProblem(pools: [
        PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 2, islands: [8], pricePerHourMicros: 90_000_000, rdma: true),
        PoolSupply(id: "c2/b", cluster: "c2", gpuModel: "H100", nodeCount: 2, islands: [8], pricePerHourMicros: 98_000_000, rdma: true),
        PoolSupply(id: "c1/e", cluster: "c1", gpuModel: "H100", nodeCount: 2, islands: [8], pricePerHourMicros: 90_000_000),
        padding,
    ], demands: [
        Demand(id: "model/first", team: "t", priority: 3, gpuModel: "H100", pool: "c1/e", gpusPerGroup: 8, groups: 2, spread: .nodes),
        Demand(id: "job/train", kind: .gang, team: "t", priority: 2, gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 2,
            spread: .none),
        Demand(id: "model/m7", team: "t", priority: 1, gpuModel: "H100", cluster: "c1", gpusPerGroup: 8, groups: 2, spread: .nodes),
    ])

    @Test func everyDemandIsPlacedWhenAPlacementExists() {
        let placement = PlacementSolver.solve(Self.gangTakesTheModelsPool)
        #expect(placement.unplaced.map(\.demand) == [])
        #expect(placement.assignments.map(\.pool) == ["c2/b", "c1/e", "c1/a"])
        #expect(placement.provedOptimal)
        #expect(placement.costPerHourMicros == 2 * (98_000_000 + 90_000_000 + 90_000_000))
        #expect(placement.lowerBoundMicros == placement.costPerHourMicros)
        // Without the MILP (main before issue 18) the heuristic dropped m7.
        let heuristic = PlacementSolver.solve(Self.gangTakesTheModelsPool, options: PlacementOptions(milpNodeLimit: 0, lnsFleetLimit: 0))
        #expect(heuristic.unplaced.map(\.demand) == ["model/m7"])
    }

    /// A team quota of 8 GPUs, one 8-GPU demand and four 2-GPU demands of one priority: dropping
    /// the big one drops one demand where the heuristic, big shapes first, dropped four.
    static let quotaFilledByTheBigDemand = PlacementProblem(pools: [
        PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 6, islands: [8], pricePerHourMicros: 98_000_000),
        padding,
    ], demands: [Demand(id: "model/big", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 1)]
        + (1...4).map { Demand(id: "model/s\($0)", team: "t", gpuModel: "H100", gpusPerGroup: 2, groups: 1) },
    teams: [TeamLimit(name: "t", gpuQuota: 8)])

    @Test func fewestDropsUnderAQuota() {
        let placement = PlacementSolver.solve(Self.quotaFilledByTheBigDemand)
        #expect(placement.unplaced.map(\.demand) == ["model/big"])
        #expect(placement.unplaced.first?.message == "team `t` needs 8 GPUs and has 0 left in its quota")
        #expect(placement.provedOptimal)
        #expect(placement.costPerHourMicros == 98_000_000)
        let heuristic = PlacementSolver.solve(Self.quotaFilledByTheBigDemand, options: PlacementOptions(milpNodeLimit: 0, lnsFleetLimit: 0))
        #expect(heuristic.unplaced.count == 4)
    }

    @Test func sameAnswerWhateverTheOrderOfTheLists() {
        for problem in [Self.gangTakesTheModelsPool, Self.quotaFilledByTheBigDemand] {
            let reversed = PlacementProblem(pools: problem.pools.reversed(), demands: problem.demands.reversed(),
                teams: problem.teams.reversed())
            #expect(PlacementSolver.solve(problem) == PlacementSolver.solve(reversed))
        }
    }
}
