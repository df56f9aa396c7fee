import Foundation

/// `platformc explain placement`: per node its GPUs and who holds them; per pool utilisation and
/// stranded GPUs; per model where its replicas went; unplaced demands with reasons; the cost lower
/// bound and the gap; with a baseline, its figures beside ours. The JSON form is documented in
/// docs/placement-json.md and stable.
package enum PlacementExplanation {
    package static let schemaVersion = 1

    package static func json(_ placement: Placement, baseline: (PlacementBaseline, Placement)? = nil) -> String {
        func money(_ micros: Int64) -> ManifestValue { .string(Money(micros: micros).description) }
        func int(_ value: Int) -> ManifestValue { .int(Int64(value)) }
        var object: ManifestValue = [
            "schemaVersion": int(schemaVersion),
            "costPerHour": money(placement.costPerHourMicros),
            "lowerBoundPerHour": money(placement.lowerBoundMicros),
            "gapPercent": .double(percent(placement.gap)),
            "provedOptimal": .bool(placement.provedOptimal),
            "strandedGPUs": int(placement.strandedGPUs),
            "pools": .list(placement.pools.map { p in
                ["pool": .string(p.pool), "runningNodes": int(p.runningNodes), "gpus": int(p.gpus), "usedGPUs": .double(tenths(p.usedGPUs)),
                 "utilisationPercent": .double(percent(p.utilisation)), "strandedGPUs": int(p.strandedGPUs),
                 "costPerHour": money(p.costPerHourMicros)]
            }),
            "nodes": .list(placement.nodes.map { n in
                ["name": .string(n.name), "pool": .string(n.pool), "zone": .string(n.zone),
                 "gpus": .list(n.gpus.map { g in
                     var o: ManifestValue = ["index": int(g.index), "holder": g.holder.map(ManifestValue.string) ?? .null]
                     if let profile = g.migProfile {
                         o["migProfile"] = .string(profile)
                         o["slices"] = .list(g.slices.map { ["demand": .string($0.demand), "count": int($0.count)] })
                     }
                     return o
                 })]
            }),
            "demands": .list(placement.assignments.map { a in
                ["demand": .string(a.demand), "pool": .string(a.pool),
                 "groups": .list(a.groups.map { .list($0.shares.map { ["node": .string($0.node), "gpus": .list($0.gpus.map(int))] }) })]
            }),
            "unplaced": .list(placement.unplaced.map { ["demand": .string($0.demand), "message": .string($0.message)] }),
            "headroom": .list(placement.headroom.map {
                ["demand": .string($0.demand), "replicas": int($0.groups), "maxReplicas": int($0.maxGroups), "reachable": int($0.reachable)]
            }),
        ]
        if let (kind, other) = baseline {
            let figures = PlacementFigures(other)
            object["baseline"] = ["name": .string(kind.rawValue), "costPerHour": money(figures.costPerHourMicros),
                                  "runningNodes": int(figures.runningNodes), "strandedGPUs": int(figures.strandedGPUs),
                                  "unplaced": .list(figures.dropped.map(ManifestValue.string))]
        }
        return JSONWriter.text(object, .foundationSerialization) + "\n"
    }

    package static func text(_ placement: Placement, baseline: (PlacementBaseline, Placement)? = nil) -> String {
        var out =
            "placement: $\(Money(micros: placement.costPerHourMicros))/h, lower bound $\(Money(micros: placement.lowerBoundMicros))/h, "
        out += "gap \(percentText(placement.gap))\(placement.provedOptimal ? " (proved optimal)" : ""), \(placement.strandedGPUs) stranded "
            + "GPUs\n\n"
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
        func dropped(_ f: PlacementFigures) -> String { f.dropped.isEmpty ? "0"
            : "\(f.dropped.count) (\(f.dropped.joined(separator: ", ")))" }
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
            let who = g.migProfile
                .map { profile in "MIG \(profile): " + g.slices.map { "\($0.count)× \($0.demand)" }.joined(separator: ", ") }
                ?? (g.holder ?? "free")
            if let last = runs.last, last.0 == who, last.2 == g.index - 1 {
                runs[runs.count - 1].2 = g.index
            } else {
                runs.append((who, g.index, g.index))
            }
        }
        return runs.map { "GPU \($0.1 == $0.2 ? "\($0.1)" : "\($0.1)-\($0.2)") \($0.0)" }.joined(separator: "; ")
    }

    /// Rounded to one decimal so the JSON never carries float noise.
    private static func tenths(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    private static func percent(_ fraction: Double) -> Double { tenths(fraction * 100) }
    private static func percentText(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
    private static func formatGPUs(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}
