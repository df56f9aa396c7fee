import Testing
import PlatformCore

/// The exact search tries every zone for a multi-node group (issue 18). It placed each such group
/// in the zone `placeWholeNodes` picks (fewest nodes to start, then the lowest): here both 2-node
/// groups of `d008` filled zone `a` of `west/p0`, leaving `d005`, which must spread over zones,
/// nowhere to go, and the search "proved" one top-priority drop where CP-SAT drops none
/// (Benchmarks/placement: `generate.py small 100 1`, problem small-1-64, 11 nodes).
@Suite struct MultiNodeZoneChoiceTests {
    static let problem = PlacementProblem(pools: [
        PoolSupply(id: "west/p0", cluster: "west", gpuModel: "A100", nodeCount: 7, islands: [4, 4], zones: ["a", "b"],
                   pricePerHourMicros: 42_000_000),
        PoolSupply(id: "east/p1", cluster: "east", gpuModel: "L40S", nodeCount: 2, islands: [8], zones: ["a"],
            pricePerHourMicros: 17_000_000),
        PoolSupply(id: "east/p2", cluster: "east", gpuModel: "H100", nodeCount: 1, islands: [2, 2, 2, 2], pricePerHourMicros: 100_000_000),
        PoolSupply(id: "east/p3", cluster: "east", gpuModel: "A100", nodeCount: 1, islands: [8], zones: ["a"],
            pricePerHourMicros: 40_000_000),
    ], demands: [
        Demand(id: "d000", team: "red", priority: 0, gpuModel: "A100", gpusPerGroup: 2, groups: 1, maxGroups: 1, spread: .none),
        Demand(id: "d001", kind: .gang, team: "green", priority: 0, gpuModel: "A100", cluster: "east", gpusPerGroup: 8, groups: 1,
               maxGroups: 1, nodesPerGroup: 2, spread: .none),
        Demand(id: "d002", team: "red", priority: 2, gpuModel: "A100", gpusPerGroup: 4, groups: 4, maxGroups: 7, spread: .nodes),
        Demand(id: "d003", team: "green", priority: 1, gpuModel: "A100", gpusPerGroup: 4, groups: 1, maxGroups: 4, spread: .zones),
        Demand(id: "d004", team: "red", priority: 0, gpuModel: "L40S", cluster: "east", gpusPerGroup: 8, groups: 4, maxGroups: 4,
            spread: .none),
        Demand(id: "d005", team: "green", priority: 2, gpuModel: "A100", gpusPerGroup: 1, groups: 2, maxGroups: 2, spread: .zones),
        Demand(id: "d006", team: "green", priority: 0, gpuModel: "H100", gpusPerGroup: 2, groups: 3, maxGroups: 5, spread: .nodes),
        Demand(id: "d007", team: "green", priority: 0, gpuModel: "A100", pool: "east/p3", gpusPerGroup: 2, groups: 2, maxGroups: 2,
               spread: .none),
        Demand(id: "d008", team: "red", priority: 2, gpuModel: "A100", gpusPerGroup: 8, groups: 2, maxGroups: 3, nodesPerGroup: 2,
               spread: .nodes),
    ], teams: [TeamLimit(name: "red", gpuQuota: nil), TeamLimit(name: "blue", gpuQuota: nil), TeamLimit(name: "green", gpuQuota: nil)])

    @Test func theSearchTriesEveryZoneForAMultiNodeGroup() {
        let placement = PlacementSolver.solve(Self.problem)
        #expect(PlacementValidity.violations(Self.problem, placement) == [])
        // CP-SAT's optimum (reference.py, proved): only the three priority-0 demands that fit nowhere are out.
        #expect(placement.unplaced.map(\.demand) == ["d001", "d004", "d006"])
        #expect(placement.costPerHourMicros == 334_000_000)
        #expect(placement.provedOptimal)
        let d008 = placement.assignments.first { $0.demand == "d008" }
        #expect(d008?.pool == "west/p0")
    }
}
