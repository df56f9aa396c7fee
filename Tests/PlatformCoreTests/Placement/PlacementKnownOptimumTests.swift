import Testing
import PlatformCore

/// Hand-made platforms whose optimum is worked out by hand.
@Suite struct PlacementKnownOptimumTests {
    static func pool(_ id: String, nodes: Int, minNodes: Int = 0, islands: [Int] = [8], zones: [String] = [],
                     price: Int64 = 10, rdma: Bool = false, gpu: String = "H100", mig: [String: Int]? = nil) -> PoolSupply {
        PoolSupply(id: id, cluster: String(id.split(separator: "/")[0]), gpuModel: gpu, nodeCount: nodes, minNodes: minNodes,
                   islands: islands, migSlicesPerGPU: mig, zones: zones, pricePerHourMicros: price, rdma: rdma)
    }

    @Test func twoReplicasSpreadOverTwoNodes() {
        let problem = PlacementProblem(pools: [Self.pool("c/a", nodes: 4)],
                                       demands: [Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 2, maxGroups: 4,
                                           spread: .nodes)])
        let placement = PlacementSolver.solve(problem)
        #expect(placement.costPerHourMicros == 20)
        #expect(placement.provedOptimal)
        #expect(placement.gap == 0)
        #expect(placement.assignments.map { $0.groups.map { $0.shares.map(\.node) } } == [[["c/a/node-0"], ["c/a/node-1"]]])
        #expect(placement.assignments[0].groups.map { $0.shares[0].gpus } == [[0, 1, 2, 3], [0, 1, 2, 3]])
        // Each node keeps 4 free GPUs, usable by the model's headroom: nothing stranded.
        #expect(placement.strandedGPUs == 0)
        #expect(placement.spread == 2)
    }

    @Test func relaxedSpreadPacksOneNode() {
        let problem = PlacementProblem(pools: [Self.pool("c/a", nodes: 4, islands: [4, 4])],
                                       demands: [Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 2, spread: .none)])
        let placement = PlacementSolver.solve(problem)
        #expect(placement.costPerHourMicros == 10)
        #expect(placement.nodes.map(\.name) == ["c/a/node-0"])
        #expect(placement.nodes[0].gpus.map(\.holder) == Array(repeating: "m", count: 8))
    }

    @Test func zonesSpreadUsesRoundRobinNodes() {
        let problem = PlacementProblem(pools: [Self.pool("c/a", nodes: 4, zones: ["z1", "z2"])],
                                       demands: [Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 1, groups: 2)])
        let placement = PlacementSolver.solve(problem)
        #expect(placement.nodes.map { "\($0.name)@\($0.zone)" } == ["c/a/node-0@z1", "c/a/node-1@z2"])
        #expect(placement.costPerHourMicros == 20)
        // No model can grow (max = min), so the 14 free GPUs of the two running nodes are stranded.
        #expect(placement.strandedGPUs == 14)
    }

    @Test func strandedCountsRunsTheHeadroomCannotUse() {
        // The 4-GPU model may scale out; 2-GPU crumbs must share an island so a 4-run stays free.
        let demands = [Demand(id: "a", team: "t", gpuModel: "H100", gpusPerGroup: 2, groups: 1),
                       Demand(id: "b", team: "t", gpuModel: "H100", gpusPerGroup: 2, groups: 1),
                       Demand(id: "c", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 1, maxGroups: 3)]
        let pool = Self.pool("c/a", nodes: 2, minNodes: 1, islands: [4, 4, 4])
        let placement = PlacementSolver.solve(PlacementProblem(pools: [pool], demands: demands))
        #expect(placement.costPerHourMicros == 10)
        #expect(placement.strandedGPUs == 0)
        // The bigger model goes first (island 0); the crumbs share island 1; island 2 stays whole.
        #expect(placement.assignments.map { $0.groups[0].shares[0].gpus } == [[4, 5], [6, 7], [0, 1, 2, 3]])
        #expect(placement.headroom.map(\.reachable) == [1, 1, 3])
    }

    @Test func binPackingFindsTwoNodes() {
        // 6+2 and 4+4 fill two 8-GPU nodes exactly.
        let demands = [("a", 6), ("b", 2), ("c", 4), ("d", 4)].map {
            Demand(id: $0.0, team: "t", gpuModel: "H100", gpusPerGroup: $0.1, groups: 1)
        }
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 4)], demands: demands))
        #expect(placement.costPerHourMicros == 20)
        #expect(placement.provedOptimal)
        #expect(placement.pools[0].utilisation == 1)
        #expect(placement.unplaced.isEmpty)
    }

    @Test func cheaperPoolWinsAndMinNodesAreUsedFirst() {
        let pools = [Self.pool("c/dear", nodes: 2, price: 30), Self.pool("c/cheap", nodes: 2, price: 20),
                     Self.pool("c/paid", nodes: 2, minNodes: 1, price: 50)]
        let demands = [Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 1),
                       Demand(id: "n", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 1)]
        let placement = PlacementSolver.solve(PlacementProblem(pools: pools, demands: demands))
        // One group rides on the node that runs anyway (50); the other takes the cheapest pool (20).
        #expect(placement.costPerHourMicros == 70)
        #expect(Set(placement.assignments.map(\.pool)) == ["c/cheap", "c/paid"])
        #expect(placement.lowerBoundMicros == 70)
    }

    @Test func gangNeedsRDMAAndWholeNodes() {
        let gang = Demand(id: "sft", kind: .gang, team: "r", gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 2)
        let without = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 4)], demands: [gang]))
        #expect(without.unplaced.map(\.reason) == [.noRDMAFabric])
        let with = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 4), Self.pool("c/ib", nodes: 4, rdma: true)],
                                                          demands: [gang]))
        #expect(with.assignments.map(\.pool) == ["c/ib"])
        #expect(with.assignments[0].groups[0].shares.map(\.node) == ["c/ib/node-0", "c/ib/node-1"])
        #expect(with.costPerHourMicros == 20)
        #expect(with.nodes.map(\.heldWholeBy) == ["sft", "sft"])
    }

    @Test func multiNodeReplicasTakeWholeNodes() {
        let lws = Demand(id: "big", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 2, nodesPerGroup: 2)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 5, zones: ["x", "y"])], demands: [lws]))
        #expect(placement.assignments[0].groups.map { $0.shares.map(\.node) } ==
                [["c/a/node-0", "c/a/node-2"], ["c/a/node-1", "c/a/node-3"]])   // each replica in one zone
        #expect(placement.costPerHourMicros == 40)
    }

    @Test func staticReasonsAreNamed() {
        let pools = [Self.pool("c/a", nodes: 2, islands: [4, 4])]
        let demands = [
            Demand(id: "a", team: "t", gpuModel: "B200", gpusPerGroup: 1, groups: 1),
            Demand(id: "b", team: "t", gpuModel: "H100", pool: "c/zzz", gpusPerGroup: 1, groups: 1),
            Demand(id: "c", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 1),
            Demand(id: "d", team: "t", gpuModel: "H100", gpusPerGroup: 1, migProfile: "1g.10gb", groups: 1),
        ]
        let placement = PlacementSolver.solve(PlacementProblem(pools: pools, demands: demands))
        #expect(placement.unplaced
            .map(\.reason) == [.noPoolWithGPU, .pinnedPoolMissing, .islandTooSmall(need: 8, largest: 4), .noPoolWithGPU])
        #expect(placement.unplaced[2].message == "a group needs 8 GPUs in one NVLink island; the largest matching island has 4")
        #expect(placement.costPerHourMicros == 0)
        #expect(placement.nodes.isEmpty)
    }

    @Test func quotaAndPriorityDecideWhoLoses() {
        let pools = [Self.pool("c/a", nodes: 1)]
        let demands = [
            Demand(id: "low", team: "b", priority: 1, gpuModel: "H100", gpusPerGroup: 8, groups: 1),
            Demand(id: "high", team: "a", priority: 9, gpuModel: "H100", gpusPerGroup: 8, groups: 1),
            Demand(id: "over", team: "q", priority: 9, gpuModel: "H100", gpusPerGroup: 4, groups: 1),
        ]
        let placement = PlacementSolver.solve(PlacementProblem(pools: pools, demands: demands,
                                                               teams: [TeamLimit(name: "q", gpuQuota: 2)]))
        #expect(placement.assignments.map(\.demand) == ["high"])
        #expect(placement.unplaced.map(\.reason) == [.capacityHeldBy(["high"]), .quotaExceeded(team: "q", need: 4, have: 2)])
        #expect(placement.unplaced[1].message == "team `q` needs 4 GPUs and has 2 left in its quota")
        #expect(placement.provedOptimal)
    }

    @Test func migSlicesFillOneGPUBeforeTheNext() {
        let pools = [Self.pool("c/mig", nodes: 1, mig: ["1g.10gb": 7])]
        let demands = [Demand(id: "small", team: "t", gpuModel: "H100", gpusPerGroup: 10, migProfile: "1g.10gb", groups: 1)]
        let placement = PlacementSolver.solve(PlacementProblem(pools: pools, demands: demands))
        #expect(placement.assignments[0].groups[0].shares[0].gpus == Array(repeating: 0, count: 7) + Array(repeating: 1, count: 3))
        #expect(placement.nodes[0].gpus[1].slices == [SliceHolding(demand: "small", count: 3)])
        #expect(placement.nodes[0].gpus[1].migProfile == "1g.10gb")
        #expect(placement.nodes[0].gpus[2].migProfile == nil)
        #expect(abs(placement.pools[0].usedGPUs - 10.0 / 7.0) < 0.01)
    }

    @Test func headroomCountsWhatFitsUpToNodesMax() {
        let problem = PlacementProblem(pools: [Self.pool("c/a", nodes: 2)],
                                       demands: [Demand(id: "m", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 2, maxGroups: 6,
                                           spread: .nodes)])
        let placement = PlacementSolver.solve(problem)
        #expect(placement.headroom == [Headroom(demand: "m", groups: 2, maxGroups: 6, reachable: 4)])
    }

    @Test func minNodesRunEvenWhenEmpty() {
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool("c/a", nodes: 3, minNodes: 2)], demands: []))
        #expect(placement.costPerHourMicros == 20)
        #expect(placement.nodes.map(\.name) == ["c/a/node-0", "c/a/node-1"])
        // No demand shape can use them.
        #expect(placement.strandedGPUs == 16)
    }
}
