/// Branch and bound for small fleets. It walks groups in canonical order, tries every distinct spot
/// for each (islands of running nodes, the lowest stopped node per zone; identical empty nodes and
/// identical islands are tried once), or leaves the demand out, and prunes with the objective's
/// order and a cost bound (cost so far plus, per GPU kind, the cheapest price per GPU for demand
/// beyond the free GPUs of running nodes). Steps, not time, are budgeted, so the result is deterministic.
struct ExactSearch {
    var state: FleetState
    let problem: CanonicalProblem
    /// (demand, group) in placement order; `next[i]` is the first item of the following demand.
    let items: [(demand: Int, group: Int)]
    let next: [Int]
    /// Per pool: its GPU kind (model, MIG or not); demands only ever use pools of one kind.
    let kindOf: [Int]
    /// `suffixMillis[i][kind]`: milli-GPUs items `i...` ask of each kind.
    let suffixMillis: [[Int]]
    let cheapestPerMilli: [Double]
    /// Per kind whose pools all have one node size and price: that size (milli-GPUs) and price,
    /// so the bound can count whole nodes.
    let uniformNode: [(millis: Int, price: Int64)?]
    let levels: [Int]
    var drops: [Int]
    var out: [Int] = []
    var best: (objective: PlacementObjective, state: FleetState, out: [Int])
    var steps = 0
    let budget: Int
    lazy var phaseBudget = budget
    var exhausted = false

    /// Demands this search decides; the others stay as `start` holds them.
    let subset: Set<Int>

    init(_ problem: CanonicalProblem, subset: Set<Int>, start: FleetState, fixedOut: [Int],
         incumbent: FleetState, incumbentOut: [Int], budget: Int) {
        self.problem = problem
        self.subset = subset
        state = start
        var items: [(Int, Int)] = [], next: [Int] = []
        for d in problem.order where problem.staticReason[d] == nil && subset.contains(d) {
            let end = items.count + problem.demands[d].groups
            for j in 0..<problem.demands[d].groups { items.append((d, j)); next.append(end) }
        }
        self.items = items
        self.next = next
        let kinds = Array(Set(problem.pools.map { "\($0.gpuModel)|\($0.migSlicesPerGPU != nil)" })).sorted()
        let kindOf = problem.pools.map { kinds.firstIndex(of: "\($0.gpuModel)|\($0.migSlicesPerGPU != nil)") ?? 0 }
        self.kindOf = kindOf
        var cheapest = Array(repeating: Double.infinity, count: kinds.count)
        for (p, pool) in problem.pools.enumerated() {
            cheapest[kindOf[p]] = min(cheapest[kindOf[p]], Double(pool.pricePerHourMicros) / Double(max(1, pool.gpusPerNode)) / 1000)
        }
        cheapestPerMilli = cheapest
        uniformNode = kinds.indices.map { kind in
            let sizes = Set(problem.pools.indices.filter { kindOf[$0] == kind }.map {
                "\(problem.pools[$0].gpusPerNode)|\(problem.pools[$0].pricePerHourMicros)"
            })
            guard sizes.count == 1, let p = problem.pools.indices.first(where: { kindOf[$0] == kind }) else { return nil }
            return (problem.pools[p].gpusPerNode * 1000, problem.pools[p].pricePerHourMicros)
        }
        var suffix = Array(repeating: Array(repeating: 0, count: kinds.count), count: items.count + 1)
        for i in stride(from: items.count - 1, through: 0, by: -1) {
            let d = items[i].0
            suffix[i] = suffix[i + 1]
            if let p = problem.eligible[d].first { suffix[i][kindOf[p]] += problem.usageMillis[d] / max(1, problem.demands[d].groups) }
        }
        suffixMillis = suffix
        levels = problem.priorityLevels
        drops = Array(repeating: 0, count: levels.count)
        for d in fixedOut { drops[levels.firstIndex(of: problem.demands[d].priority) ?? 0] += 1 }
        out = fixedOut
        best = (problem.objective(incumbent, placedOut: incumbentOut), incumbent, incumbentOut)
        self.budget = budget
    }

    /// Phase 1 proves the drops and the cost, pruning every branch that cannot cost strictly
    /// less; phase 2, with a tenth of the budget, revisits equal-cost branches for fewer stranded
    /// GPUs and more spread. Only phase 1 decides `exhausted`.
    var strict = true
    var totalSteps = 0
    /// The integral lower bound for placing everything: a search that reaches it with nothing
    /// left out can stop proving.
    var rootBound: Int64 = -1
    var reachedBound: Bool { best.objective.drops.allSatisfy { $0 == 0 } && best.objective.cost <= rootBound }

    mutating func run() {
        // The subset's bound over its own pools, plus what the other pools cost as they stand.
        let own = Set(subset.flatMap { problem.eligible[$0] })
        let others = problem.pools.indices.filter { !own.contains($0) }
        rootBound = CostLowerBound.of(problem, placed: subset.filter { problem.staticReason[$0] == nil }.sorted())
            - others
                .reduce(Int64(0)) { $0
                    + Int64(min(problem.pools[$1].minNodes, problem.pools[$1].nodeCount)) * problem.pools[$1].pricePerHourMicros }
            + others.reduce(Int64(0)) { $0 + state.pools[$1].cost }
        if !reachedBound { search(0) }
        totalSteps = min(steps, budget)
        guard !exhausted else { return }
        strict = false
        steps = 0
        phaseBudget = budget / 10
        search(0)
        totalSteps += min(steps, phaseBudget)
        exhausted = false
    }

    /// Cost so far plus what the remaining demand must add at least. A MIG pool's running GPUs all
    /// count as free, since partitioned ones may still have slices.
    func bound(_ i: Int) -> Int64 {
        var free = Array(repeating: 0, count: cheapestPerMilli.count)
        for (p, pool) in state.pools.enumerated() {
            free[kindOf[p]] += (pool.runningCount * pool.gpn - (pool.migPerGPU.isEmpty ? pool.totalUsed : 0)) * 1000
        }
        var extra = 0.0
        for kind in free.indices where suffixMillis[i][kind] > free[kind] {
            let missing = suffixMillis[i][kind] - free[kind]
            if let node = uniformNode[kind] {
                extra += Double((missing + node.millis - 1) / node.millis) * Double(node.price)
            } else {
                extra += Double(missing) * cheapestPerMilli[kind]
            }
        }
        return state.cost + max(0, Int64(extra.rounded(.down)) - 1)
    }

    var stopProving = false

    mutating func search(_ i: Int) {
        if stopProving && strict { return }
        steps += 1
        if steps > phaseBudget { exhausted = true; return }
        if drops != best.objective.drops {
            if best.objective.drops.lexicographicallyPrecedes(drops) { return }
        } else if strict ? bound(i) >= best.objective.cost : bound(i) > best.objective.cost {
            return
        }
        guard i < items.count else {
            let objective = problem.objective(state, placedOut: out)
            if objective < best.objective { best = (objective, state, out) }
            if strict && reachedBound { exhausted = false; stopProving = true }
            return
        }
        let (d, j) = items[i]
        let pools = j == 0 ? (state.quotaAllows(d) ? state.poolPreference(d) : []) : [state.groups[d][0].pool]
        for p in pools {
            for move in moves(d, pool: p) {
                guard apply(move, d, pool: p) else { continue }
                search(i + 1)
                state.unplaceLast(d)
                if exhausted || (stopProving && strict) { return }
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
