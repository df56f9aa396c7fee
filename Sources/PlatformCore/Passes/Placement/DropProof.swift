/// Why no placement holds every demand (issue 18): an E3001 names the proof that the demand had to
/// give way. A counting argument when one applies (anyone can check it by hand), else the exact
/// method that finished, else the plain fact that nothing proved it.
package enum DropProof: Hashable, Sendable {
    /// The team's demands together need more milli-GPUs than its quota.
    case quota(team: String, needMillis: Int, quotaMillis: Int)
    /// The demands that can use only these pools need more milli-GPUs than the pools have GPUs.
    case capacity(pools: [String], needMillis: Int, haveGPUs: Int)
    /// The exact search (branch and bound) finished: no placement drops fewer demands per priority level.
    case exactSearch
    /// COIN-OR Cbc solved the placement MILP's first stage to optimality: the same, from the solver.
    case milp
    /// Neither finished on a fleet of this many nodes: a placement of every demand may exist.
    case unproved(nodes: Int)

    package var words: String {
        switch self {
        case .quota(let team, let need, let quota):
            return "proof: the workloads of team `\(team)` need \(gpus(need)) GPUs together and its quota is \(gpus(quota))"
        case .capacity(let pools, let need, let have):
            let names = pools.map { "`\($0)`" }.joined(separator: ", ")
            return "proof: the workloads that can use only \(pools.count == 1 ? "pool" : "pools") \(names) need \(gpus(need)) GPUs "
                + "together and \(pools.count == 1 ? "it has" : "they have") \(have)"
        case .exactSearch:
            return "proved by exhaustive search: no placement drops fewer workloads at any priority level"
        case .milp:
            return "proved by the placement MILP (COIN-OR Cbc): no placement drops fewer workloads at any priority level"
        case .unproved(let nodes):
            return """
                not proved: the fleet's \(nodes) nodes are beyond the exact search and the MILP, so a placement of every workload may exist
                """
        }
    }

    private func gpus(_ millis: Int) -> String {
        guard millis % 1000 != 0 else { return String(millis / 1000) }
        var fraction = String(millis % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(millis / 1000).\(fraction)"
    }
}

extension CanonicalProblem {
    /// The proof for a demand left out of a placement; `solver` is what the solver proved of the drops.
    func dropProof(_ d: Int, reason: UnplacedReason, solver: DropProof) -> DropProof {
        let quota = quotaCount(d), capacity = capacityCount(d)
        if case .quotaExceeded = reason, let quota { return quota }
        return capacity ?? quota ?? solver
    }

    /// The team's searchable demands need more than its quota: not all of them can be placed.
    func quotaCount(_ d: Int) -> DropProof? {
        guard let t = teamIndex[d] else { return nil }
        let need = demands.indices
            .reduce(0) { teamIndex[$1] == t && staticReason[$1] == nil && demands[$1].groups > 0 ? $0 + usageMillis[$1] : $0 }
        return need > quotaMillis[t] ? .quota(team: teamNames[t], needMillis: need, quotaMillis: quotaMillis[t]) : nil
    }

    /// The demands that may use only pools of `d`'s eligible set (`d` among them) need more GPUs than
    /// those pools have. Each demand counts the fewest GPUs it can hold: whole nodes of its
    /// smallest pool for multi-node groups, its slices' share of a GPU (rounded down) for MIG.
    func capacityCount(_ d: Int) -> DropProof? {
        let set = Set(eligible[d])
        guard !set.isEmpty else { return nil }
        var need = 0
        for e in demands.indices where staticReason[e] == nil && demands[e].groups > 0 && !eligible[e].isEmpty
            && eligible[e].allSatisfy({ set.contains($0) }) {
            let demand = demands[e]
            if demand.spansNodes {
                let gpn = eligible[e].map { pools[$0].gpusPerNode }.min() ?? 0
                need += demand.groups * max(1, demand.nodesPerGroup) * gpn * 1000
            } else if let profile = demand.migProfile {
                let per = eligible[e].map { pools[$0].migSlicesPerGPU?[profile] ?? 1 }.max() ?? 1
                need += demand.groups * demand.gpusPerGroup * 1000 / max(1, per)
            } else {
                need += demand.groups * demand.gpusPerGroup * 1000
            }
        }
        let have = eligible[d].reduce(0) { $0 + pools[$1].nodeCount * pools[$1].gpusPerNode }
        return need > have * 1000 ? .capacity(pools: eligible[d].map { pools[$0].id }, needMillis: need, haveGPUs: have) : nil
    }
}
