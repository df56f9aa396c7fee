import Foundation
import PlatformCore

/// An independent check of a placement against its problem: capacity, islands, gangs, pins,
/// quotas, spread, cost. Returns one line per violation, so a failing test says what broke.
enum PlacementValidity {
    static func violations(_ problem: PlacementProblem, _ placement: Placement) -> [String] {
        var out: [String] = []
        let pools = Dictionary(uniqueKeysWithValues: problem.pools.map { ($0.id, $0) })
        let demands = Dictionary(uniqueKeysWithValues: problem.demands.map { ($0.id, $0) })
        func node(_ name: String) -> (PoolSupply, Int)? {
            guard let cut = name.range(of: "/node-", options: .backwards), let k = Int(name[cut.upperBound...]) else { return nil }
            return pools[String(name[..<cut.lowerBound])].map { ($0, k) }
        }
        var wholeHolder: [String: String] = [:]           // node#gpu → demand
        var slices: [String: Int] = [:]                   // node#gpu → slices
        var exclusive: [String: String] = [:]             // node → demand holding it whole
        var used: [String: Set<String>] = [:]             // node → demands
        var teamMillis: [String: Int] = [:]
        for a in placement.assignments {
            guard let d = demands[a.demand], let pool = pools[a.pool] else { out.append("unknown \(a.demand)"); continue }
            if pool.gpuModel != d.gpuModel { out.append("\(d.id): wrong GPU model") }
            if let pin = d.pool, pin != pool.id { out.append("\(d.id): pinned to \(pin)") }
            if let pin = d.cluster, pin != pool.cluster { out.append("\(d.id): pinned to cluster \(pin)") }
            if d.kind == .gang && !pool.rdma { out.append("\(d.id): gang without RDMA") }
            if a.groups.count != d.groups { out.append("\(d.id): \(a.groups.count) of \(d.groups) groups") }
            var nodesOfDemand = Set<String>()
            for g in a.groups {
                if g.shares.count != (d.spansNodes ? max(1, d.nodesPerGroup) : 1) { out.append("\(d.id): \(g.shares.count) nodes") }
                for s in g.shares {
                    guard let (p, k) = node(s.node), p.id == pool.id, k < p.nodeCount else {
                        out.append("\(d.id): bad node \(s.node)")
                        continue
                    }
                    nodesOfDemand.insert(s.node)
                    used[s.node, default: []].insert(d.id)
                    if s.gpus.count != d.gpusPerGroup { out.append("\(d.id): \(s.gpus.count) GPUs on \(s.node)") }
                    if d.spansNodes {
                        if exclusive[s.node] != nil { out.append("\(s.node) held whole twice") }
                        exclusive[s.node] = d.id
                    }
                    if let profile = d.migProfile {
                        for gpu in s.gpus { slices["\(s.node)#\(gpu)", default: 0] += 1 }
                        _ = profile
                    } else {
                        let starts = p.islands.indices.map { p.islands[..<$0].reduce(0, +) }
                        let island = Set(s.gpus.map { gpu in starts.lastIndex { $0 <= gpu } ?? 0 })
                        if !d.spansNodes && island.count != 1 { out.append("\(d.id): group crosses islands on \(s.node)") }
                        for gpu in s.gpus {
                            if gpu < 0 || gpu >= p.gpusPerNode { out.append("\(s.node): no GPU \(gpu)") }
                            if let other = wholeHolder.updateValue(d.id, forKey: "\(s.node)#\(gpu)") {
                                out.append("\(s.node)#\(gpu) held by \(other) and \(d.id)")
                            }
                        }
                    }
                }
            }
            if d.kind == .replicas && d.groups >= 2 && d.spread != .none {
                if nodesOfDemand.count < 2 { out.append("\(d.id): replicas on one node") }
                let zones = Set(nodesOfDemand.compactMap { node($0).map { $0.0.zone(ofNode: $0.1) } })
                if d.spread == .zones && pool.zones.count >= 2 && zones.count < 2 { out.append("\(d.id): replicas in one zone") }
            }
            let per = d.migProfile.flatMap { pool.migSlicesPerGPU?[$0] }
            teamMillis[d.team, default: 0] += per.map { (d.gpusPerGroup * 1000 + $0 - 1) / $0 * d.groups }
                ?? d.gpusPerGroup * max(1, d.nodesPerGroup) * 1000 * d.groups
        }
        for (key, count) in slices {
            let (p, _) = node(String(key.split(separator: "#")[0]))!
            if count > (p.migSlicesPerGPU?.values.max() ?? 0) { out.append("\(key): \(count) slices") }
        }
        for (n, holders) in used where exclusive[n] != nil && holders.count > 1 { out.append("\(n) shared by a whole-node group") }
        for t in problem.teams { if let q = t.gpuQuota, (teamMillis[t.name] ?? 0) > q * 1000 { out.append("team \(t.name) over quota") } }
        // Cost: running nodes are those used plus those below minNodes, and nothing else.
        var running = Set(used.keys)
        for p in problem.pools { for k in 0..<min(p.minNodes, p.nodeCount) { running.insert("\(p.id)/node-\(k)") } }
        if Set(placement.nodes.map(\.name)) != running { out.append("running nodes differ") }
        let cost = running.reduce(Int64(0)) { $0 + (node($1)?.0.pricePerHourMicros ?? 0) }
        if cost != placement.costPerHourMicros { out.append("cost \(placement.costPerHourMicros), nodes say \(cost)") }
        if placement.lowerBoundMicros > placement.costPerHourMicros { out.append("lower bound above cost") }
        let placed = Set(placement.assignments.map(\.demand)), unplaced = Set(placement.unplaced.map(\.demand))
        if !placed.isDisjoint(with: unplaced) || placed.count + unplaced.count != problem.demands.filter({ $0.groups > 0 }).count {
            out.append("demands not accounted for")
        }
        return out
    }
}
