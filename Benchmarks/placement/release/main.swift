// Release CPU per platform (issue 18): PlacementReferenceHarness's "ours" solve, compiled -O against the
// objects of a `swift build -c release` (build.sh links them), so no release *test* build is needed.
//     .build/placement-release/harness PROBLEMS.json OUT.json   (PROBLEMS.json from generate.py; OUT: one row per problem)
// Each row: the solve's thread CPU (the solver is single-threaded) and the placement, which
// release_check.py compares with the debug harness's (the same placement, or a finding).
import Foundation
import PlatformCore

func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func problem(_ j: [String: Any]) -> PlacementProblem {
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

let path = CommandLine.arguments[1]
let problems = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
var results: [[String: Any]] = []
for j in problems {
    let p = problem(j)
    let c = threadCPU()
    let ours = PlacementSolver.solve(p)
    let cpu = threadCPU() - c
    results.append(["name": j["name"] as! String, "cpuMs": 1000 * cpu, "cost": ours.costPerHourMicros, "bound": ours.lowerBoundMicros,
                    "proved": ours.provedOptimal, "unplaced": ours.unplaced.map { $0.demand },
                    "assignments": ours.assignments.map { a in
                        ["demand": a.demand, "pool": a.pool,
                         "groups": a.groups.map { g in g.shares.map { ["node": $0.node, "gpus": $0.gpus] } }] as [String: Any]
                    }])
    let out = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    try out.write(to: URL(fileURLWithPath: CommandLine.arguments[2]))
}
