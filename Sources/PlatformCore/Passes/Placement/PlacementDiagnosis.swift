/// Why a demand is out: the static reason found before the search, or, for one the search left
/// out, the first of quota, spread and capacity that binds in the final state.
extension FleetState {
    mutating func diagnose(_ d: Int) -> Unplaced {
        let demand = problem.demands[d]
        let reason = problem.staticReason[d] ?? dynamicReason(d)
        return Unplaced(demand: demand.id, reason: reason, message: Self.message(reason, demand))
    }

    private mutating func dynamicReason(_ d: Int) -> UnplacedReason {
        if let t = problem.teamIndex[d], !quotaAllows(d) {
            return .quotaExceeded(team: problem.teamNames[t], need: Double(problem.usageMillis[d]) / 1000,
                                  have: Double(max(0, problem.quotaMillis[t] - teamUsed[t])) / 1000)
        }
        if problem.demands[d].needsSpread && placeDemand(d, rule: .fragmentationAware, ignoreSpread: true) {
            for _ in 0..<problem.demands[d].groups { unplaceLast(d) }
            return .spreadImpossible
        }
        let eligible = Set(problem.eligible[d])
        let holders = problem.demands.indices.filter { h in
            groups[h].contains { eligible.contains($0.pool) }
        }.map { problem.demands[$0].id }
        if holders.isEmpty {
            let have = problem.eligible[d].map { problem.pools[$0].nodeCount * problem.pools[$0].gpusPerNode }.max() ?? 0
            return .insufficientCapacity(need: (problem.usageMillis[d] + 999) / 1000, have: have)
        }
        return .capacityHeldBy(holders)
    }

    static func message(_ reason: UnplacedReason, _ d: Demand) -> String {
        switch reason {
        case .noPoolWithGPU:
            return "no pool offers `\(d.gpuModel)`" + (d.migProfile.map { " partitioned into MIG `\($0)`" } ?? "")
        case .pinnedPoolMissing:
            let pin = [d.cluster.map { "cluster `\($0)`" }, d.pool.map { "pool `\($0)`" }].compactMap { $0 }
            return "no pool with `\(d.gpuModel)` matches the pin to \(pin.joined(separator: " and "))"
        case .islandTooSmall(let need, let largest):
            return "a group needs \(need) GPUs in one NVLink island; the largest matching island has \(largest)"
        case .zoneTooSmall(let need, let largest):
            return "a group needs \(need) nodes in one zone; the largest zone of a matching pool has \(largest)"
        case .noRDMAFabric:
            return "the gang needs an RDMA fabric and no matching pool has one"
        case .spreadImpossible:
            return "\(d.groups) replicas cannot spread over two nodes\(d.spread == .zones ? " and zones" : "") in any matching pool"
        case .quotaExceeded(let team, let need, let have):
            return "team `\(team)` needs \(format(need)) GPUs and has \(format(have)) left in its quota"
        case .capacityHeldBy(let holders):
            return "matching capacity is held by \(holders.map { "`\($0)`" }.joined(separator: ", "))"
        case .insufficientCapacity(let need, let have):
            return "needs \(need) GPUs and the largest matching pool has \(have)"
        }
    }

    private static func format(_ x: Double) -> String {
        let millis = Int((x * 1000).rounded())
        guard millis % 1000 != 0 else { return String(millis / 1000) }
        var fraction = String(millis % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(millis / 1000).\(fraction)"
    }
}
