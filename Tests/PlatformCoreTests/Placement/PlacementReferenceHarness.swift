import Foundation
import Testing
import PlatformCore

/// Runs the solver on the problems `Benchmarks/placement/compare.py` generates, for the comparison
/// with the independent CP-SAT optimum (issue 18). Off unless PLATFORMC_PLACEMENT_COMPARE names a
/// JSON file of problems; writes `<file>.swift.json` beside it.
@Suite struct PlacementReferenceHarness {
    static let input = ProcessInfo.processInfo.environment["PLATFORMC_PLACEMENT_COMPARE"]
    static let before = ProcessInfo.processInfo.environment["PLATFORMC_PLACEMENT_BEFORE"]

    static func summary(_ placement: Placement, ms: Double, cpuMs: Double) -> [String: Any] {
        [
            "cost": placement.costPerHourMicros, "bound": placement.lowerBoundMicros, "gap": placement.gap,
            "proved": placement.provedOptimal, "ms": ms, "cpuMs": cpuMs, "stranded": placement.strandedGPUs,
            "unplaced": placement.unplaced.map { ["demand": $0.demand, "message": $0.message] },
            "assignments": PlacementProblemJSON.assignments(placement),
        ]
    }

    @Test(.enabled(if: PlacementReferenceHarness.input != nil))
    func solveProblems() throws {
        let path = Self.input!
        let problems = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
        var results: [[String: Any]] = []
        let clock = ContinuousClock()
        for j in problems {
            let problem = PlacementProblemJSON.problem(j)
            // Thread CPU as well as wall time: the solver is single-threaded and the machine is shared.
            var ours: Placement!
            let c = PlacementProblemJSON.threadCPU()
            let t = clock.measure { ours = PlacementSolver.solve(problem) }
            let cpu = PlacementProblemJSON.threadCPU() - c
            // "before": without the large-neighbourhood search (session 5's pipeline), or with
            // PLATFORMC_PLACEMENT_BEFORE=nomilp without the MILP too (session 4's; what fleets of at
            // most 60 nodes, which never reach the search, gain from Cbc).
            var before: Placement!
            let beforeOptions = Self.before == "nomilp" ? PlacementOptions(milpNodeLimit: 0, lnsFleetLimit: 0)
                : PlacementOptions(lnsFleetLimit: 0)
            let cb = PlacementProblemJSON.threadCPU()
            let tb = clock.measure { before = PlacementSolver.solve(problem, options: beforeOptions) }
            let cpuBefore = PlacementProblemJSON.threadCPU() - cb
            var ffd: Placement!
            let cf = PlacementProblemJSON.threadCPU()
            let tf = clock.measure { ffd = PlacementSolver.solve(problem, options: PlacementOptions(heuristic: .firstFitDecreasing)) }
            let cpuFFD = PlacementProblemJSON.threadCPU() - cf
            let again = PlacementSolver.solve(PlacementProblem(pools: problem.pools.reversed(), demands: problem.demands.reversed(),
                                                               teams: problem.teams.reversed()))
            results.append(["name": j["name"] as! String, "ours": Self.summary(ours, ms: PlacementBenchmark.ms(t), cpuMs: 1000 * cpu),
                            "ffd": Self.summary(ffd, ms: PlacementBenchmark.ms(tf), cpuMs: 1000 * cpuFFD),
                            "before": Self.summary(before, ms: PlacementBenchmark.ms(tb), cpuMs: 1000 * cpuBefore),
                            "deterministic": again == ours])
            // After every problem, so a long run read part-way (compare.py with PARTIAL=1) has its figures.
            let out = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
            try out.write(to: URL(fileURLWithPath: path + ".swift.json"))
        }
    }
}
