/// Branch and bound for small fleets. It walks groups in canonical order, tries every distinct spot
/// for each (islands of running nodes, the lowest stopped node per zone; identical empty nodes and
/// identical islands are tried once), or leaves the demand out, and prunes with the objective's
/// order and a cost bound (cost so far plus the cheapest price per GPU for demand beyond the free
/// GPUs of running nodes). Steps, not time, are budgeted, so the result is deterministic.
struct ExactSearch {
    var state: FleetState
    let problem: CanonicalProblem
    /// (demand, group) in placement order; `next[i]` is the first item of the following demand.
    let items: [(demand: Int, group: Int)]
    let next: [Int]
    let suffixMillis: [Int]
    let cheapestPerMilli: Double
    let levels: [Int]
    var drops: [Int]
    var out: [Int] = []
    var best: (objective: PlacementObjective, state: FleetState, out: [Int])
    var steps = 0
    let budget: Int
    var exhausted = false

    init(_ problem: CanonicalProblem, incumbent: FleetState, incumbentOut: [Int], budget: Int) {
        self.problem = problem
        state = FleetState(problem, indexed: false)
        var items: [(Int, Int)] = [], next: [Int] = []
        for d in problem.order where problem.staticReason[d] == nil {
            let end = items.count + problem.demands[d].groups
            for j in 0..<problem.demands[d].groups { items.append((d, j)); next.append(end) }
        }
        self.items = items
        self.next = next
        var suffix = Array(repeating: 0, count: items.count + 1)
        for i in stride(from: items.count - 1, through: 0, by: -1) {
            let d = items[i].0
            suffix[i] = suffix[i + 1] + problem.usageMillis[d] / max(1, problem.demands[d].groups)
        }
        suffixMillis = suffix
        cheapestPerMilli = problem.pools.map { Double($0.pricePerHourMicros) / Double(max(1, $0.gpusPerNode)) / 1000 }.min() ?? 0
        levels = problem.priorityLevels
        drops = Array(repeating: 0, count: levels.count)
        best = (problem.objective(incumbent, placedOut: incumbentOut), incumbent, incumbentOut)
        self.budget = budget
    }

    mutating func run() {
        search(0)
    }

    /// Cost so far plus what the remaining demand must add at least.
    func bound(_ i: Int) -> Int64 {
        let free = state.pools.reduce(0) { $0 + ($1.runningCount * $1.gpn - $1.totalUsed) * 1000 }
        let extra = Double(max(0, suffixMillis[i] - free)) * cheapestPerMilli
        return state.cost + max(0, Int64(extra.rounded(.down)) - 1)
    }

    mutating func search(_ i: Int) {
        steps += 1
        if steps > budget { exhausted = true; return }
        if drops != best.objective.drops {
            if best.objective.drops.lexicographicallyPrecedes(drops) { return }
        } else if bound(i) > best.objective.cost {
            return
        }
        guard i < items.count else {
            let objective = problem.objective(state, placedOut: out)
            if objective < best.objective { best = (objective, state, out) }
            return
        }
        let (d, j) = items[i]
        let pools = j == 0 ? (state.quotaAllows(d) ? state.poolPreference(d) : []) : [state.groups[d][0].pool]
        for p in pools {
            for move in moves(d, pool: p) {
                guard apply(move, d, pool: p) else { continue }
                search(i + 1)
                state.unplaceLast(d)
                if exhausted { return }
            }
        }
        if j == 0 {
            let level = levels.firstIndex(of: problem.demands[d].priority) ?? 0
            drops[level] += 1
            out.append(d)
            search(next[i])
            out.removeLast()
            drops[level] -= 1
        }
    }
}
