import Testing
import PlatformCore

/// Beyond the MILP's 60 nodes, the large-neighbourhood search re-solves components and pools
/// exactly (issue 18). The fleets of `PlacementMILPTests`, padded past 60 nodes with a pool nothing
/// uses, so session 5's pipeline ran only the heuristic on them.
@Suite struct PlacementLNSTests {
    static let padding = PoolSupply(id: "c9/pad", cluster: "c9", gpuModel: "L40S", nodeCount: 70, islands: [8],
                                    pricePerHourMicros: 15_000_000)

    static func padded(_ problem: PlacementProblem) -> PlacementProblem {
        var p = problem
        p.pools = p.pools.filter { $0.id != "c9/pad" } + [padding]
        return p
    }

    @Test func everyDemandIsPlacedBeyondTheMILPsSize() {
        let problem = Self.padded(PlacementMILPTests.gangTakesTheModelsPool)
        let placement = PlacementSolver.solve(problem)
        #expect(placement.unplaced.map(\.demand) == [])
        #expect(placement.assignments.map(\.pool) == ["c2/b", "c1/e", "c1/a"])
        // Each component (the H100 pools; the idle padding) was solved whole and proved.
        #expect(placement.provedOptimal)
        #expect(placement.lowerBoundMicros == placement.costPerHourMicros)
        let before = PlacementSolver.solve(problem, options: PlacementOptions(lnsFleetLimit: 0))
        #expect(before.unplaced.map(\.demand) == ["model/m7"])
    }

    @Test func fewestDropsUnderAQuotaBeyondTheMILPsSize() {
        let problem = Self.padded(PlacementMILPTests.quotaFilledByTheBigDemand)
        let placement = PlacementSolver.solve(problem)
        #expect(placement.unplaced.map(\.demand) == ["model/big"])
        #expect(placement.provedOptimal)
        // E3001's proof: a count anyone can check.
        #expect(placement.unplaced.first?.proof == .quota(team: "t", needMillis: 16_000, quotaMillis: 8_000))
        #expect(placement.unplaced.first?.proof?.words == "proof: the workloads of team `t` need 16 GPUs together and its quota is 8")
        let before = PlacementSolver.solve(problem, options: PlacementOptions(lnsFleetLimit: 0))
        #expect(before.unplaced.count == 4)
    }

    /// One quota, two workloads pinned to two pools, room for one: the heuristic keeps the first by
    /// id, in the dear pool. Session 5 bounded the placed set only (100, its own cost: "gap 0")
    /// although dropping the other way costs 10. The pools share the quota, so the search solves
    /// them together; and the bound without it holds for every placement with the same drops.
    static let quotaAcrossPools = PlacementProblem(pools: [
        PoolSupply(id: "c1/cheap", cluster: "c1", gpuModel: "H100", nodeCount: 1, islands: [8], pricePerHourMicros: 10_000_000),
        PoolSupply(id: "c1/dear", cluster: "c1", gpuModel: "H100", nodeCount: 1, islands: [8], pricePerHourMicros: 100_000_000),
        padding,
    ], demands: [
        Demand(id: "model/a", team: "t", gpuModel: "H100", pool: "c1/dear", gpusPerGroup: 8, groups: 1),
        Demand(id: "model/b", team: "t", gpuModel: "H100", pool: "c1/cheap", gpusPerGroup: 8, groups: 1),
    ], teams: [TeamLimit(name: "t", gpuQuota: 8)])

    @Test func theBoundHoldsForTheSameDrops() {
        let placement = PlacementSolver.solve(Self.quotaAcrossPools)
        #expect(placement.unplaced.map(\.demand) == ["model/a"])
        #expect(placement.costPerHourMicros == 10_000_000)
        #expect(placement.provedOptimal)
        let before = PlacementSolver.solve(Self.quotaAcrossPools, options: PlacementOptions(lnsFleetLimit: 0))
        #expect(before.costPerHourMicros == 100_000_000)
        #expect(before.lowerBoundMicros <= 10_000_000)
    }

    /// Pools re-solved one at a time lower the cost of a generated 150-node fragmented fleet; the
    /// answer is the same for every order of the input lists.
    @Test func poolsReSolvedLowerTheCostOfAFragmentedFleet() {
        let problem = PlacementLargeFleet.make(seed: 7, nodes: 150, groups: 400, fragmented: true)
        let before = PlacementSolver.solve(problem, options: PlacementOptions(lnsFleetLimit: 0))
        let placement = PlacementSolver.solve(problem)
        #expect(placement.unplaced.count <= before.unplaced.count)
        #expect(placement.costPerHourMicros < before.costPerHourMicros)
        #expect(placement.lowerBoundMicros <= placement.costPerHourMicros)
        let reversed = PlacementProblem(pools: problem.pools.reversed(), demands: problem.demands.reversed(),
            teams: problem.teams.reversed())
        #expect(PlacementSolver.solve(reversed) == placement)
    }

    /// The search's work is a count of fleet nodes re-solved (`lnsNodeBudget`), never seconds, so
    /// `check` stays a CI step: with nothing to spend it keeps the heuristic's placement, and a
    /// budget of one pass (the fleet's 150 nodes) already lowers the cost, the same for every order.
    @Test func theNodeBudgetBoundsTheSearch() {
        let problem = PlacementLargeFleet.make(seed: 7, nodes: 150, groups: 400, fragmented: true)
        let heuristic = PlacementSolver.solve(problem, options: PlacementOptions(lnsFleetLimit: 0))
        #expect(PlacementSolver.solve(problem, options: PlacementOptions(lnsNodeBudget: 0)) == heuristic)
        let onePass = PlacementOptions(lnsNodeBudget: 150)
        let placement = PlacementSolver.solve(problem, options: onePass)
        #expect(placement.unplaced.count <= heuristic.unplaced.count)
        #expect(placement.costPerHourMicros < heuristic.costPerHourMicros)
        let reversed = PlacementProblem(pools: problem.pools.reversed(), demands: problem.demands.reversed(),
            teams: problem.teams.reversed())
        #expect(PlacementSolver.solve(reversed, options: onePass) == placement)
    }
}
