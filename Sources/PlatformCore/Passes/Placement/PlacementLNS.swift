/// Large-neighbourhood search for fleets beyond the MILP's whole-fleet size (issue 18). From the
/// current placement, a few pools at a time are re-solved exactly by the placement MILP (COIN-OR
/// Cbc) while every other pool keeps its groups; a result is kept only when it is strictly better
/// on the lexicographic objective: fewer drops per priority level, or the same drops at a lower cost.
///
/// Neighbourhoods, in a fixed order: each component of pools that share a demand, whole, when it
/// has at most `lnsNodeLimit` nodes; in larger components, first a neighbourhood around each
/// dropped demand, highest priority first (`PlacementLNSDrops.swift`: parts of its pools and of the
/// pools their work may move to, `lnsDropHoodNodes` nodes; then, for a demand pinned to one pool,
/// `PlacementLNSRoom.swift`: that pool's movable work and empty rows elsewhere), then the partly used
/// nodes of all its pools together (`PlacementLNSFragments.swift`), then the pools one by one, then pairs
/// of pools that share a demand. A neighbourhood frees the demands placed on its nodes and the
/// dropped demands it could take; the others' groups stay. Rounds repeat each list (whole
/// components excepted: nothing around them changes) until a round improves nothing; a
/// neighbourhood whose sub-problem is unchanged since its last solve is skipped (Cbc would answer
/// the same). `lnsNodeBudget` caps the work: the nodes of every neighbourhood solved count against
/// it, and the search stops when it is spent, so `check` of a 1,000-node fleet stays a CI step.
/// Deterministic: the order, the budget, the round limit and Cbc's branch-node limit are counts,
/// never a clock.
enum PlacementLNS {
    struct Outcome {
        var state: FleetState
        var out: [Int]
        /// Components solved whole whose drops Cbc proved minimal and whose final state has those
        /// drops: their pools and Cbc's bound on their cost for those drops (empty when these do
        /// not bound the whole: see the end of `improve`).
        var bounds: [(pools: [Int], micros: Int64)]
        /// Every component was solved whole and proved, and no team quota links two of them.
        var proved: Bool
        /// The same for the drops alone: no placement drops fewer demands per priority level.
        var dropsProved: Bool
        var solves: Int
    }

    static func improve(_ problem: CanonicalProblem, state start: FleetState, options: PlacementOptions) -> Outcome {
        var state = start
        var out = PlacementSolver.searchableOut(problem, state)
        let components = problem.poolComponents()
        var bounds: [(pools: [Int], micros: Int64)] = []
        var allProved = !problem.quotaLinks(components)
        var dropsProved = allProved
        var solves = 0
        var budget = options.lnsNodeBudget
        var pending: [[Int]] = []
        /// Pools of the components too large to solve whole (any size of pool: a drop's neighbourhood takes part of one).
        var searched = Set<Int>()
        var large: [[Int]] = []
        for component in components {
            if !problem.demands.indices.contains(where: { problem.staticReason[$0] == nil && problem.demands[$0].groups > 0
                && component.contains(problem.eligible[$0][0]) }) {
                // Nothing may use it: only the nodes that run anyway, which is optimal.
                bounds.append((component, component.reduce(0) { $0 + state.pools[$1].cost }))
                continue
            }
            let nodes = component.reduce(0) { $0 + problem.pools[$1].nodeCount }
            if nodes <= options.lnsNodeLimit {
                guard nodes <= budget else { allProved = false; dropsProved = false; continue }
                budget -= nodes
                solves += 1
                let result = solveNeighbourhood(problem, state, parts: component.map { Part.whole(problem, $0) },
                                                branchNodes: options.lnsBranchNodes)
                if let better = result.better { state = better }
                if let bound = result.bound { bounds.append((component, bound.micros)) } else { dropsProved = false }
                if result.bound?.proved != true { allProved = false }
                continue
            }
            allProved = false
            dropsProved = false
            searched.formUnion(component)
            large.append(component)
            for p in component where problem.pools[p].nodeCount <= options.lnsNodeLimit { pending.append([p]) }
            for (i, p) in component.enumerated() {
                for q in component[(i + 1)...] where problem.sharesDemand(p, q)
                    && problem.pools[p].nodeCount + problem.pools[q].nodeCount <= options.lnsNodeLimit {
                    pending.append([p, q])
                }
            }
        }
        var lastSolved: [[Part]: Signature] = [:]
        /// Solves `parts` unless its sub-problem is unchanged since last time; false when the budget is spent.
        func visit(_ parts: [Part], improved: inout Bool) -> Bool {
            let signature = Signature(problem, state, parts: parts)
            if lastSolved[parts] == signature { return true }
            let nodes = parts.reduce(0) { $0 + $1.nodes.count }
            guard nodes <= budget else { return false }
            budget -= nodes
            solves += 1
            lastSolved[parts] = signature
            if let better = solveNeighbourhood(problem, state, parts: parts, branchNodes: options.lnsBranchNodes).better {
                state = better
                improved = true
            }
            return true
        }
        // First where drops can fall: around each dropped demand, highest priority first.
        drops: for _ in 0..<options.lnsRounds where options.lnsDropHoodNodes > 0 {
            var improved = false
            for d in Self.droppedByPriority(problem, state, pools: searched) where state.groups[d].isEmpty {
                if let parts = Self.dropHood(problem, state, demand: d, nodeLimit: options.lnsDropHoodNodes) {
                    guard visit(parts, improved: &improved) else { break drops }
                }
                // Still dropped and pinned to one pool: move that pool's movable work out (`PlacementLNSRoom.swift`).
                guard options.lnsRoomHoods, state.groups[d].isEmpty,
                      let parts = Self.roomHood(problem, state, demand: d, nodeLimit: options.lnsDropHoodNodes) else { continue }
                guard visit(parts, improved: &improved) else { break drops }
            }
            if !improved { break }
        }
        rounds: for _ in 0..<options.lnsRounds where !pending.isEmpty || !large.isEmpty {
            var improved = false
            // The partly used nodes of each large component together (`PlacementLNSFragments.swift`).
            for component in large where options.lnsFragmentHoods {
                guard let parts = Self.fragmentHood(problem, state, pools: component, nodeLimit: options.lnsDropHoodNodes) else { continue }
                guard visit(parts, improved: &improved) else { break rounds }
            }
            for hood in pending {
                guard visit(hood.map { Part.whole(problem, $0) }, improved: &improved) else { break rounds }
            }
            if !improved { break }
        }
        out = PlacementSolver.searchableOut(problem, state)
        // A component's bound holds for its own drops. Another placement with the same drops in all
        // may move a drop between components unless every component's drops are proved minimal
        // (where nothing is dropped they are) and no quota ties components together.
        let solvedPools = Set(bounds.flatMap(\.pools))
        if problem.quotaLinks(components) || out.contains(where: { !solvedPools.contains(problem.eligible[$0][0]) }) { bounds = [] }
        return Outcome(state: state, out: out, bounds: bounds, proved: allProved && !components.isEmpty,
                       dropsProved: dropsProved && !components.isEmpty, solves: solves)
    }

    /// What a neighbourhood's sub-problem is built from: the demands it frees (`freeDemands`), their
    /// groups, and what every team holds (the quotas left). Cbc is deterministic, so an equal
    /// signature gives the same answer as last time: nothing better.
    struct Signature: Hashable {
        var free: [Int]
        var groups: [[GroupRecord]]
        var teamUsed: [Int]

        init(_ problem: CanonicalProblem, _ state: FleetState, parts: [Part]) {
            free = PlacementLNS.freeDemands(problem, state, parts: parts)
            groups = free.map { state.groups[$0] }
            teamUsed = state.teamUsed
        }
    }

    /// The demands a neighbourhood re-places: those placed on its nodes and the dropped ones it could
    /// take. A part's nodes are whole blocks (`blocks(_:_:pool:)`), so a demand placed there has every group there.
    static func freeDemands(_ problem: CanonicalProblem, _ state: FleetState, parts: [Part]) -> [Int] {
        let nodes = Dictionary(uniqueKeysWithValues: parts.map { ($0.pool, $0.whole ? nil : Set($0.nodes)) })
        return problem.demands.indices.filter { d in
            guard problem.staticReason[d] == nil, problem.demands[d].groups > 0 else { return false }
            if let first = state.groups[d].first {
                guard let inPart = nodes[first.pool] else { return false }
                return inPart.map { $0.contains(first.shares[0].node) } ?? true
            }
            return problem.eligible[d].contains { nodes[$0] != nil }
        }
    }

    /// Re-solves the nodes of `parts` with everything else fixed. `better`: the whole fleet's new
    /// state when strictly better; `bound`: Cbc's bound on the neighbourhood's cost, when it proved
    /// the neighbourhood's drops minimal and the state that results (new or kept) has those drops.
    static func solveNeighbourhood(_ problem: CanonicalProblem, _ state: FleetState, parts: [Part],
                                   branchNodes: Int) -> (better: FleetState?, bound: (micros: Int64, proved: Bool)?) {
        let free = freeDemands(problem, state, parts: parts)
        let (sub, subState) = neighbourhood(problem, state, parts: parts, free: free)
        let current = sub.objective(subState, placedOut: PlacementSolver.searchableOut(sub, subState))
        guard let milp = PlacementMILP.solve(sub, incumbent: subState, nodeLimit: branchNodes,
                                             preprocess: false) else { return (nil, nil) }
        let found = sub.objective(milp.state, placedOut: milp.out)
        let better = (found.drops, found.cost) != (current.drops, current.cost) && found < current
        let kept = better ? found : current
        // Proved: Cbc finished both stages and what is kept costs what it found.
        let bound = milp.dropsProved && kept.drops == found.drops
            ? (milp.lowerBoundMicros, milp.proved && kept.cost == found.cost) : nil
        guard better else { return (nil, bound) }
        var next = state
        if parts.allSatisfy(\.whole) {
            for (i, part) in parts.enumerated() { next.pools[part.pool] = milp.state.pools[i] }
            for (j, d) in free.enumerated() {
                next.groups[d] = milp.state.groups[j].map {
                    GroupRecord(demand: d, pool: parts[$0.pool].pool, shares: $0.shares, opened: $0.opened)
                }
            }
        } else {
            next.transplant(milp.state, parts: parts, free: free)
        }
        next.teamUsed = problem.teamNames.indices.map { t in
            problem.demands.indices.reduce(0) { problem.teamIndex[$1] == t && !next.groups[$1].isEmpty ? $0 + problem.usageMillis[$1] : $0 }
        }
        return (next, bound)
    }

    /// The neighbourhood as a problem of its own: its parts as pools of their nodes (same zones: a
    /// part is whole zone rows), the free demands (eligible only there), quotas less what the fixed
    /// demands hold; and the current placement of the free demands in it.
    static func neighbourhood(_ problem: CanonicalProblem, _ state: FleetState, parts: [Part],
                              free: [Int]) -> (CanonicalProblem, FleetState) {
        let unlimited = Int.max / 4000 * 1000
        let teams = problem.teamNames.indices.map { t in
            TeamLimit(name: problem.teamNames[t], gpuQuota: problem.quotaMillis[t] < unlimited ? 0 : nil)
        }
        var sub = CanonicalProblem(PlacementProblem(pools: parts.map { $0.supply(problem) }, demands: free.map { problem.demands[$0] },
                                                    teams: teams))
        let freeSet = Set(free)
        sub.quotaMillis = problem.teamNames.indices.map { t in
            guard problem.quotaMillis[t] < unlimited else { return unlimited }
            return problem.quotaMillis[t] - problem.demands.indices.reduce(0) {
                problem.teamIndex[$1] == t && !freeSet.contains($1) && !state.groups[$1].isEmpty ? $0 + problem.usageMillis[$1] : $0
            }
        }
        sub.usageMillis = free.map { problem.usageMillis[$0] }
        var subState = FleetState(sub, indexed: true)
        let index = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1.pool, $0) })
        let slot = parts.map { part in Dictionary(uniqueKeysWithValues: part.nodes.enumerated().map { ($1, $0) }) }
        for (j, d) in free.enumerated() {
            for g in state.groups[d] {
                guard let p = index[g.pool] else { continue }
                var moved = g
                moved.shares = g.shares.map { var s = $0; s.node = slot[p][$0.node]!; return s }
                subState.replay(moved, demand: j, pool: p)
            }
        }
        return (sub, subState)
    }
}

extension FleetState {
    /// Places a copy of group `g` (of another state) as demand `d` in pool `p`, on the same nodes and islands.
    mutating func replay(_ g: GroupRecord, demand d: Int, pool p: Int) {
        var opened: [Int] = []
        let shares = g.shares.map { share -> ShareRecord in
            if !pools[p].running[share.node] {
                pools[p].open(share.node)
                opened.append(share.node)
            }
            if share.exclusive { return pools[p].takeNode(share.node, count: share.gpus.count) }
            if share.island >= 0 { return pools[p].takeIsland(node: share.node, island: share.island, count: share.gpus.count) }
            let profile = problem.profiles[p].firstIndex(of: problem.demands[d].migProfile ?? "") ?? 0
            return pools[p].takeSlices(node: share.node, profile: profile, count: share.gpus.count)
        }
        record(GroupRecord(demand: d, pool: p, shares: shares, opened: opened))
    }
}

extension CanonicalProblem {
    /// Pools linked by a searchable demand eligible in both, or by a team whose demands do not all
    /// fit its quota (which of them gives way decides where room is left), as sorted components,
    /// by first pool.
    func poolComponents() -> [[Int]] {
        var parent = Array(pools.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        var teamPool: [Int: Int] = [:]
        for d in demands.indices where staticReason[d] == nil && demands[d].groups > 0 {
            let e = eligible[d]
            for p in e.dropFirst() { parent[find(p)] = find(e[0]) }
            guard let t = teamIndex[d], quotaCount(d) != nil else { continue }
            if let q = teamPool[t] { parent[find(e[0])] = find(q) } else { teamPool[t] = e[0] }
        }
        var parts: [Int: [Int]] = [:]
        for p in pools.indices { parts[find(p), default: []].append(p) }
        return parts.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Whether a searchable demand may use both pools.
    func sharesDemand(_ p: Int, _ q: Int) -> Bool {
        demands.indices.contains { staticReason[$0] == nil && eligible[$0].contains(p) && eligible[$0].contains(q) }
    }

    /// Whether a team whose demands do not all fit its quota has demands in two components: then the
    /// components are not independent and solving each alone proves nothing about the whole.
    func quotaLinks(_ components: [[Int]]) -> Bool {
        var componentOf = Array(repeating: 0, count: pools.count)
        for (c, part) in components.enumerated() { for p in part { componentOf[p] = c } }
        for t in teamNames.indices {
            let members = demands.indices.filter { teamIndex[$0] == t && staticReason[$0] == nil && demands[$0].groups > 0 }
            guard members.reduce(0, { $0 + usageMillis[$1] }) > quotaMillis[t] else { continue }
            if Set(members.map { componentOf[eligible[$0][0]] }).count > 1 { return true }
        }
        return false
    }
}
