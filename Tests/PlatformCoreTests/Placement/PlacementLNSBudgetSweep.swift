import Foundation
import Testing
import PlatformCore

/// How the large-neighbourhood search's work limits trade CPU for placement quality (issue 18). Off
/// unless PLATFORMC_LNS_SWEEP names a JSON file of problems (`Benchmarks/placement/generate.py frag`);
/// prints one line per problem and setting: drops per priority level, cost, bound, proved, thread CPU
/// seconds. Thread CPU time, not wall time: the machine this runs on is shared.
@Suite struct PlacementLNSBudgetSweep {
    static let input = ProcessInfo.processInfo.environment["PLATFORMC_LNS_SWEEP"]

    @Test(.enabled(if: PlacementLNSBudgetSweep.input != nil))
    func sweep() throws {
        let problems = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.input!))) as! [[String: Any]]
        // "budget/branch nodes[/drop neighbourhood nodes[/room neighbourhoods 0 or 1[/fragment neighbourhoods 0 or 1]]]"
        let settings: [(String, PlacementOptions)] = (ProcessInfo.processInfo.environment["PLATFORMC_LNS_SETTINGS"]
            ?? "0/200,1000/200,100000/200")
            .split(separator: ",").map { item in
                let parts = item.split(separator: "/").map { Int($0)! }
                let options = parts[0] == 0 ? PlacementOptions(lnsFleetLimit: 0)
                    : PlacementOptions(lnsBranchNodes: parts[1], lnsNodeBudget: parts[0],
                                       lnsDropHoodNodes: parts.count > 2 ? parts[2] : PlacementOptions().lnsDropHoodNodes,
                                       lnsRoomHoods: parts.count > 3 ? parts[3] != 0 : true,
                                       lnsFragmentHoods: parts.count > 4 ? parts[4] != 0 : true)
                return (String(item), options)
            }
        for j in problems {
            let problem = PlacementProblemJSON.problem(j)
            let levels = Array(Set(problem.demands.map(\.priority))).sorted(by: >)
            let priority = Dictionary(uniqueKeysWithValues: problem.demands.map { ($0.id, $0.priority) })
            for (name, options) in settings {
                let start = PlacementProblemJSON.threadCPU()
                let p = PlacementSolver.solve(problem, options: options)
                let cpu = PlacementProblemJSON.threadCPU() - start
                let drops = levels.map { level in p.unplaced.filter { priority[$0.demand] == level }.count }
                print("SWEEP \(j["name"]!) \(name) drops \(drops) cost \(p.costPerHourMicros / 1_000_000) bound "
                    + "\(p.lowerBoundMicros / 1_000_000) "
                      + "proved \(p.provedOptimal) cpu \(String(format: "%.2f", cpu))")
            }
        }
    }
}
