// Release CPU per platform (issue 18): PlacementReferenceHarness's "ours" solve, compiled -O with the
// test target's PlacementProblemJSON.swift (the problems' reader, the placements' writer) against the
// objects of a `swift build -c release` (build.sh links them), so no release *test* build is needed.
//     .build/placement-release/harness PROBLEMS.json OUT.json   (PROBLEMS.json from generate.py; OUT: one row per problem)
// Each row: the solve's thread CPU (the solver is single-threaded) and the placement, which
// release_check.py compares with the debug harness's (the same placement, or a finding).
import Foundation
import PlatformCore

let path = CommandLine.arguments[1]
let problems = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
var results: [[String: Any]] = []
for j in problems {
    let p = PlacementProblemJSON.problem(j)
    let c = PlacementProblemJSON.threadCPU()
    let ours = PlacementSolver.solve(p)
    let cpu = PlacementProblemJSON.threadCPU() - c
    results.append(["name": j["name"] as! String, "cpuMs": 1000 * cpu, "cost": ours.costPerHourMicros, "bound": ours.lowerBoundMicros,
                    "proved": ours.provedOptimal, "unplaced": ours.unplaced.map { $0.demand },
                    "assignments": PlacementProblemJSON.assignments(ours)])
    let out = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    try out.write(to: URL(fileURLWithPath: CommandLine.arguments[2]))
}
