import Foundation

/// `platformc explain placement`: per node its GPUs and who holds them; per pool utilisation and
/// stranded GPUs; per model where its replicas went; unplaced demands with reasons; the cost lower
/// bound and the gap; with a baseline, its figures beside ours. The JSON form is documented in
/// docs/placement-json.md and stable.
package enum PlacementExplanation {
    package static let schemaVersion = 1

    package static func json(_ placement: Placement, baseline: (PlacementBaseline, Placement)? = nil) -> String {
        func money(_ micros: Int64) -> String { Money(micros: micros).description }
        var object: [String: Any] = [
            "schemaVersion": schemaVersion,
            "costPerHour": money(placement.costPerHourMicros),
            "lowerBoundPerHour": money(placement.lowerBoundMicros),
            "gapPercent": percent(placement.gap),
            "provedOptimal": placement.provedOptimal,
            "strandedGPUs": placement.strandedGPUs,
            "pools": placement.pools.map { p -> [String: Any] in
                ["pool": p.pool, "runningNodes": p.runningNodes, "gpus": p.gpus, "usedGPUs": tenths(p.usedGPUs),
                 "utilisationPercent": percent(p.utilisation), "strandedGPUs": p.strandedGPUs, "costPerHour": money(p.costPerHourMicros)]
            },
            "nodes": placement.nodes.map { n -> [String: Any] in
                ["name": n.name, "pool": n.pool, "zone": n.zone,
                 "gpus": n.gpus.map { g -> [String: Any] in
                     var o: [String: Any] = ["index": g.index, "holder": g.holder ?? NSNull()]
                     if let profile = g.migProfile { o["migProfile"] = profile; o["slices"] = g.slices.map { ["demand": $0.demand, "count": $0.count] } }
                     return o
                 }]
            },
            "demands": placement.assignments.map { a -> [String: Any] in
                ["demand": a.demand, "pool": a.pool,
                 "groups": a.groups.map { $0.shares.map { ["node": $0.node, "gpus": $0.gpus] as [String: Any] } }]
            },
            "unplaced": placement.unplaced.map { ["demand": $0.demand, "message": $0.message] },
            "headroom": placement.headroom.map { ["demand": $0.demand, "replicas": $0.groups, "maxReplicas": $0.maxGroups, "reachable": $0.reachable] },
        ]
        if let (kind, other) = baseline {
            let figures = PlacementFigures(other)
            object["baseline"] = ["name": kind.rawValue, "costPerHour": money(figures.costPerHourMicros), "runningNodes": figures.runningNodes,
                                  "strandedGPUs": figures.strandedGPUs, "unplaced": figures.dropped] as [String: Any]
        }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    package static func text(_ placement: Placement, baseline: (PlacementBaseline, Placement)? = nil) -> String {
        var out = "placement: $\(Money(micros: placement.costPerHourMicros))/h, lower bound $\(Money(micros: placement.lowerBoundMicros))/h, "
        out += "gap \(percentText(placement.gap))\(placement.provedOptimal ? " (proved optimal)" : ""), \(placement.strandedGPUs) stranded GPUs\n\n"
        for pool in placement.pools {
            out += "pool \(pool.pool): \(pool.runningNodes) nodes running, \(formatGPUs(pool.usedGPUs)) of \(pool.gpus) GPUs held "
            out += "(\(percentText(pool.utilisation))), \(pool.strandedGPUs) stranded, $\(Money(micros: pool.costPerHourMicros))/h\n"
            for node in placement.nodes where node.pool == pool.pool {
                out += "  \(node.name) [\(node.zone)]: \(holders(node))\n"
            }
        }
        out += "\nreplicas:\n"
        for a in placement.assignments {
            let nodes = a.groups.map { $0.shares.map(\.node).joined(separator: "+") }
            out += "  \(a.demand): \(a.groups.count) on \(a.pool) (\(nodes.joined(separator: ", ")))\n"
        }
        if !placement.headroom.isEmpty {
            out += "\nautoscaling envelope:\n"
            for h in placement.headroom { out += "  \(h.demand): \(h.reachable) of max \(h.maxGroups) fit\n" }
        }
        if !placement.unplaced.isEmpty {
            out += "\nunplaced:\n"
            for u in placement.unplaced { out += "  \(u.demand): \(u.message)\n" }
        }
        if let (kind, other) = baseline { out += comparison(placement, with: other, title: kind.title) }
        return out
    }

    /// Our figures beside the baseline's, one line per figure.
    private static func comparison(_ placement: Placement, with other: Placement, title: String) -> String {
        let ours = PlacementFigures(placement), theirs = PlacementFigures(other)
        func dropped(_ f: PlacementFigures) -> String { f.dropped.isEmpty ? "0" : "\(f.dropped.count) (\(f.dropped.joined(separator: ", ")))" }
        var out = "\nbaseline, \(title):\n"
        out += "  cost: ours $\(Money(micros: ours.costPerHourMicros))/h, \(title) $\(Money(micros: theirs.costPerHourMicros))/h\n"
        out += "  running nodes: ours \(ours.runningNodes), \(title) \(theirs.runningNodes)\n"
        out += "  stranded GPUs: ours \(ours.strandedGPUs), \(title) \(theirs.strandedGPUs)\n"
        out += "  dropped demands: ours \(dropped(ours)), \(title) \(dropped(theirs))\n"
        return out
    }

    /// "0-3 model/llama, 4-7 free" style summary of one node's GPUs.
    private static func holders(_ node: PlacedNode) -> String {
        var runs: [(String, Int, Int)] = []
        for g in node.gpus {
            let who = g.migProfile.map { profile in "MIG \(profile): " + g.slices.map { "\($0.count)× \($0.demand)" }.joined(separator: ", ") } ?? (g.holder ?? "free")
            if let last = runs.last, last.0 == who, last.2 == g.index - 1 { runs[runs.count - 1].2 = g.index } else { runs.append((who, g.index, g.index)) }
        }
        return runs.map { "GPU \($0.1 == $0.2 ? "\($0.1)" : "\($0.1)-\($0.2)") \($0.0)" }.joined(separator: "; ")
    }

    /// Rounded to one decimal so the JSON never carries float noise.
    private static func tenths(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    private static func percent(_ fraction: Double) -> Double { tenths(fraction * 100) }
    private static func percentText(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
    private static func formatGPUs(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}
