import Testing
import PlatformCore

/// The binding constraint reported for demands left out, and the headroom of multi-node models.
@Suite struct PlacementDiagnosisTests {
    static func pool(_ id: String, nodes: Int, rdma: Bool = false, zones: [String] = []) -> PoolSupply {
        PoolSupply(id: id, cluster: "c", gpuModel: "H100", nodeCount: nodes, islands: [8], zones: zones,
                   pricePerHourMicros: 10, rdma: rdma)
    }

    @Test func gangLargerThanThePoolIsInsufficientCapacity() {
        let gang = Demand(id: "sft", kind: .gang, team: "r", gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 3)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/ib", nodes: 2, rdma: true)], demands: [gang]))
        #expect(placement.unplaced.map(\.reason) == [.insufficientCapacity(need: 24, have: 16)])
        #expect(placement.unplaced[0].message == "needs 24 GPUs and the largest matching pool has 16")
    }

    @Test func oneNodePoolCannotSpreadReplicas() {
        let model = Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 1, groups: 2, spread: .nodes)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 1)], demands: [model]))
        #expect(placement.unplaced.map(\.reason) == [.spreadImpossible])
        let relaxed = Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 1, groups: 2, spread: .none)
        #expect(PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 1)], demands: [relaxed])).unplaced == [])
    }

    @Test func spreadBindsWhenOnlyOneNodeIsLeft() {
        let demands = [Demand(id: "big", team: "t", priority: 5, gpuModel: "H100", gpusPerGroup: 8, groups: 1),
                       Demand(id: "ha", team: "t", priority: 1, gpuModel: "H100", gpusPerGroup: 4, groups: 2, spread: .nodes)]
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 2)], demands: demands))
        #expect(placement.assignments.map(\.demand) == ["big"])
        #expect(placement.unplaced.map(\.reason) == [.spreadImpossible])
        #expect(placement.provedOptimal)
    }

    @Test func clusterPinWithoutMatchingPool() {
        let demand = Demand(id: "m", team: "t", gpuModel: "H100", cluster: "elsewhere", gpusPerGroup: 1, groups: 1)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 1)], demands: [demand]))
        #expect(placement.unplaced.map(\.reason) == [.pinnedPoolMissing])
        #expect(placement.unplaced[0].message == "no pool with `H100` matches the pin to cluster `elsewhere`")
    }

    @Test func multiNodeHeadroomCountsEmptyNodes() {
        let lws = Demand(id: "big", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 1, maxGroups: 4, nodesPerGroup: 2)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 7)], demands: [lws]))
        // Two nodes hold the replica; five stay empty, room for two more 2-node replicas.
        #expect(placement.headroom == [Headroom(demand: "big", groups: 1, maxGroups: 4, reachable: 3)])
        #expect(placement.costPerHourMicros == 20)
    }

    @Test func quotaCountsMIGSlicesAsGPUFractions() {
        let pool = PoolSupply(id: "c/mig", cluster: "c", gpuModel: "A100", nodeCount: 1, islands: [8],
                              migSlicesPerGPU: ["1g.10gb": 7], pricePerHourMicros: 10)
        let demands = [Demand(id: "a", team: "q", gpuModel: "A100", gpusPerGroup: 7, migProfile: "1g.10gb", groups: 1),
                       Demand(id: "b", team: "q", gpuModel: "A100", gpusPerGroup: 14, migProfile: "1g.10gb", groups: 1)]
        let placement = PlacementSolver.solve(PlacementProblem(pools: [pool], demands: demands, teams: [TeamLimit(name: "q", gpuQuota: 2)]))
        #expect(placement.assignments.map(\.demand) == ["b"])
        #expect(placement.unplaced.map(\.reason) == [.quotaExceeded(team: "q", need: 1, have: 0)])
    }
}
