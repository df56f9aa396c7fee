import Foundation
import Testing
import PlatformCore

/// Runs the solver on the problems `Benchmarks/placement/compare.py` generates, for the comparison
/// with the independent CP-SAT optimum (issue 18). Off unless PLATFORMC_PLACEMENT_COMPARE names a
/// JSON file of problems; writes `<file>.swift.json` beside it.
@Suite struct PlacementReferenceHarness {
    static let input = ProcessInfo.processInfo.environment["PLATFORMC_PLACEMENT_COMPARE"]
    static let before = ProcessInfo.processInfo.environment["PLATFORMC_PLACEMENT_BEFORE"]

    static func problem(_ j: [String: Any]) -> PlacementProblem {
        let pools = (j["pools"] as! [[String: Any]]).map { p in
            PoolSupply(id: p["id"] as! String, cluster: p["cluster"] as! String, gpuModel: p["gpuModel"] as! String,
                       nodeCount: p["nodeCount"] as! Int, minNodes: p["minNodes"] as! Int, islands: p["islands"] as! [Int],
                       migSlicesPerGPU: p["mig"] as? [String: Int], zones: p["zones"] as! [String],
                       pricePerHourMicros: Int64(p["price"] as! Int), rdma: p["rdma"] as! Bool, pcieNode: p["pcieNode"] as! Bool)
        }
        let demands = (j["demands"] as! [[String: Any]]).map { d in
            Demand(id: d["id"] as! String, kind: DemandKind(rawValue: d["kind"] as! String)!, team: d["team"] as! String,
                   priority: d["priority"] as! Int, gpuModel: d["gpuModel"] as! String, cluster: d["cluster"] as? String,
                   pool: d["pool"] as? String, gpusPerGroup: d["gpusPerGroup"] as! Int, migProfile: d["migProfile"] as? String,
                   groups: d["groups"] as! Int, maxGroups: d["maxGroups"] as? Int, nodesPerGroup: d["nodesPerGroup"] as! Int,
                   spread: SpreadPolicy(rawValue: d["spread"] as! String)!, allowPCIe: d["allowPCIe"] as! Bool)
        }
        let teams = (j["teams"] as! [[String: Any]]).map { TeamLimit(name: $0["name"] as! String, gpuQuota: $0["gpuQuota"] as? Int) }
        return PlacementProblem(pools: pools, demands: demands, teams: teams)
    }

    static func summary(_ placement: Placement, ms: Double, cpuMs: Double) -> [String: Any] {
        [
            "cost": placement.costPerHourMicros, "bound": placement.lowerBoundMicros, "gap": placement.gap,
            "proved": placement.provedOptimal, "ms": ms, "cpuMs": cpuMs, "stranded": placement.strandedGPUs,
            "unplaced": placement.unplaced.map { ["demand": $0.demand, "message": $0.message] },
            "assignments": placement.assignments.map { a in
                ["demand": a.demand, "pool": a.pool,
                 "groups": a.groups.map { g in g.shares.map { ["node": $0.node, "gpus": $0.gpus] } }] as [String: Any]
            },
        ]
    }

    @Test(.enabled(if: PlacementReferenceHarness.input != nil))
    func solveProblems() throws {
        let path = Self.input!
        let problems = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
        var results: [[String: Any]] = []
        let clock = ContinuousClock()
        for j in problems {
            let problem = Self.problem(j)
            // Thread CPU as well as wall time: the solver is single-threaded and the machine is shared.
            var ours: Placement!
            let c = PlacementLNSBudgetSweep.threadCPU()
            let t = clock.measure { ours = PlacementSolver.solve(problem) }
            let cpu = PlacementLNSBudgetSweep.threadCPU() - c
            // "before": without the large-neighbourhood search (session 5's pipeline), or with
            // PLATFORMC_PLACEMENT_BEFORE=nomilp without the MILP too (session 4's; what fleets of at
            // most 60 nodes, which never reach the search, gain from Cbc).
            var before: Placement!
            let beforeOptions = Self.before == "nomilp" ? PlacementOptions(milpNodeLimit: 0, lnsFleetLimit: 0)
                : PlacementOptions(lnsFleetLimit: 0)
            let cb = PlacementLNSBudgetSweep.threadCPU()
            let tb = clock.measure { before = PlacementSolver.solve(problem, options: beforeOptions) }
            let cpuBefore = PlacementLNSBudgetSweep.threadCPU() - cb
            var ffd: Placement!
            let cf = PlacementLNSBudgetSweep.threadCPU()
            let tf = clock.measure { ffd = PlacementSolver.solve(problem, options: PlacementOptions(heuristic: .firstFitDecreasing)) }
            let cpuFFD = PlacementLNSBudgetSweep.threadCPU() - cf
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
