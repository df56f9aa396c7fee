import Foundation
import PlatformCore

/// The JSON of `Benchmarks/placement/generate.py`'s problems and of the placements the harnesses
/// write for `compare.py`: one reader and writer for the test harnesses (debug) and for
/// `Benchmarks/placement/release/main.swift`, which `build.sh` compiles with this file (release).
/// No `Testing` here, so that the release harness can compile it.
enum PlacementProblemJSON {
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

    /// Which GPUs of which nodes each group of each demand got, as `compare.validate` reads it.
    static func assignments(_ placement: Placement) -> [[String: Any]] {
        placement.assignments.map { a in
            ["demand": a.demand, "pool": a.pool,
             "groups": a.groups.map { g in g.shares.map { ["node": $0.node, "gpus": $0.gpus] } }] as [String: Any]
        }
    }

    /// CPU seconds of the calling thread: the solver is single-threaded and the machine is shared.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
