/// How hard the solver tries.
package struct PlacementOptions: Hashable, Sendable {
    /// Fleets of at most this many nodes (over all pools) get the exact search.
    package var exactNodeLimit: Int
    /// … and at most this many groups.
    package var exactGroupLimit: Int
    /// Search steps before the exact search gives up proving; steps, not seconds, so runs repeat.
    package var stepBudget: Int
    package var heuristic: PlacementHeuristic
    /// Fleets of at most this many nodes get the MILP (COIN-OR Cbc) when the search did not prove its answer.
    package var milpNodeLimit: Int
    /// Branch-and-bound nodes Cbc may explore per stage: a count, not seconds, so runs repeat.
    package var milpBranchNodes: Int
    /// Larger fleets of at most this many nodes get the large-neighbourhood search (`PlacementLNS`).
    package var lnsFleetLimit: Int
    /// Nodes one neighbourhood may hold: a component of pools this small is solved whole.
    package var lnsNodeLimit: Int
    /// Branch-and-bound nodes per stage of one neighbourhood's MILP.
    package var lnsBranchNodes: Int
    /// Passes over the neighbourhoods (fewer when a pass improves nothing).
    package var lnsRounds: Int
    /// Fleet nodes the large-neighbourhood search may re-solve in all (each neighbourhood solved
    /// counts its nodes): a count, not seconds, that keeps `check` of a 1,000-node fleet a CI step.
    package var lnsNodeBudget: Int
    /// Nodes of a neighbourhood built around a dropped demand (0: none), solved before the pools
    /// (`PlacementLNSDrops.swift`).
    package var lnsDropHoodNodes: Int
    /// After it, for a demand still dropped and pinned to one pool, the same number of nodes: that
    /// pool's movable work and empty rows where it may go (`PlacementLNSRoom.swift`).
    package var lnsRoomHoods: Bool
    /// In each round, before the pools one by one, the partly used nodes of a large component's pools
    /// together, up to `lnsDropHoodNodes` nodes (`PlacementLNSFragments.swift`).
    package var lnsFragmentHoods: Bool

    package init(exactNodeLimit: Int = 30, exactGroupLimit: Int = 64, stepBudget: Int = 200_000,
                heuristic: PlacementHeuristic = .fragmentationAware, milpNodeLimit: Int = 60, milpBranchNodes: Int = 2_000,
                lnsFleetLimit: Int = 1_000, lnsNodeLimit: Int = 60, lnsBranchNodes: Int = 200, lnsRounds: Int = 2,
                lnsNodeBudget: Int = 1_000, lnsDropHoodNodes: Int = 24, lnsRoomHoods: Bool = true,
                lnsFragmentHoods: Bool = true) {
        self.exactNodeLimit = exactNodeLimit
        self.exactGroupLimit = exactGroupLimit
        self.stepBudget = stepBudget
        self.heuristic = heuristic
        self.milpNodeLimit = milpNodeLimit
        self.milpBranchNodes = milpBranchNodes
        self.lnsFleetLimit = lnsFleetLimit
        self.lnsNodeLimit = lnsNodeLimit
        self.lnsBranchNodes = lnsBranchNodes
        self.lnsRounds = lnsRounds
        self.lnsNodeBudget = lnsNodeBudget
        self.lnsDropHoodNodes = lnsDropHoodNodes
        self.lnsRoomHoods = lnsRoomHoods
        self.lnsFragmentHoods = lnsFragmentHoods
    }
}

/// The heuristic used on its own (large fleets) or as the exact search's first incumbent.
package enum PlacementHeuristic: String, Hashable, Sendable {
    /// Best fit with fragmentation-aware ties; on small fleets refined by branch and bound.
    case fragmentationAware
    /// First-fit decreasing, never refined: the baseline the benchmark compares against.
    case firstFitDecreasing
}

/// Places GPU demand on node pools (issue 4). Pure and deterministic: the same problem, whatever
/// the order of its lists, gives the same `Placement`.
///
/// 1. canonicalise (sort by id, derive eligible pools and static reasons);
/// 2. heuristic placement in priority order and in size order (the better one), then local
///    search: empty lightly used nodes, move groups that strand GPUs;
/// 3. on small fleets, branch and bound from that incumbent, one independent part at a time,
///    within a step budget per part;
/// 4. lower bound (the optimum when the search finished), diagnosis of what is out, headroom.
package enum PlacementSolver {
    package static func solve(_ problem: PlacementProblem, options: PlacementOptions = PlacementOptions()) -> Placement {
        let canonical = CanonicalProblem(problem)
        let rule: FitRule = options.heuristic == .firstFitDecreasing ? .firstFit : .fragmentationAware
        var state = GreedyPlacer.run(canonical, rule: rule, order: canonical.order)
        var out = searchableOut(canonical, state)
        if rule == .fragmentationAware {
            // A second start in pure size order; it wins only on the objective, so when capacity
            // is short the priority order still decides who loses.
            let sized = GreedyPlacer.run(canonical, rule: rule, order: canonical.sizeOrder)
            let sizedOut = searchableOut(canonical, sized)
            if canonical.objective(sized, placedOut: sizedOut) < canonical.objective(state, placedOut: out) {
                state = sized
                out = sizedOut
            }
        }
        var proved = false
        var steps = 0
        let nodes = canonical.pools.reduce(0) { $0 + $1.nodeCount }
        let groups = canonical.demands.indices.reduce(0) { canonical.staticReason[$1] == nil ? $0 + canonical.demands[$1].groups : $0 }
        if options.heuristic == .fragmentationAware && nodes <= options.exactNodeLimit && groups <= options.exactGroupLimit {
            (state, out, proved, steps) = ExactSearch.solve(canonical, incumbent: state, incumbentOut: out, budget: options.stepBudget)
        }
        // Whether no placement drops fewer demands per level, and who proved it.
        let exactProved = proved
        var dropsProved = proved
        var milpBound: Int64?
        if options.heuristic == .fragmentationAware && !proved && nodes <= options.milpNodeLimit,
           let milp = PlacementMILP.solve(canonical, incumbent: state, nodeLimit: options.milpBranchNodes) {
            let current = canonical.objective(state, placedOut: out)
            let found = canonical.objective(milp.state, placedOut: milp.out)
            // The MILP's answer replaces ours only when strictly better on drops or cost: equal ones keep
            // the search's tie-breaks (stranded GPUs, spread).
            if (found.drops, found.cost) != (current.drops, current.cost) && found < current {
                state = milp.state
                out = milp.out
            }
            let final = canonical.objective(state, placedOut: out)
            if final.drops == found.drops {
                dropsProved = milp.dropsProved
                proved = milp.proved && final.cost == found.cost
                milpBound = milp.lowerBoundMicros
            }
        }
        var solvedBounds: [(pools: [Int], micros: Int64)] = []
        if options.heuristic == .fragmentationAware && !proved && nodes > options.milpNodeLimit && nodes <= options.lnsFleetLimit {
            let lns = PlacementLNS.improve(canonical, state: state, options: options)
            state = lns.state
            out = lns.out
            proved = lns.proved
            dropsProved = lns.dropsProved
            solvedBounds = lns.bounds
        }
        let outSet = Set(out)
        let lowerBound = proved ? state.cost
            : min(state.cost, milpBound ?? sameDropsBound(canonical, out: outSet, solved: solvedBounds))
        var unplaced: [Unplaced] = []
        let solverProof: DropProof = dropsProved ? (exactProved ? .exactSearch : .milp) : .unproved(nodes: nodes)
        for d in canonical.demands.indices where canonical.staticReason[d] != nil || outSet.contains(d) {
            var u = state.diagnose(d)
            if canonical.staticReason[d] == nil { u.proof = canonical.dropProof(d, reason: u.reason, solver: solverProof) }
            unplaced.append(u)
        }
        return state.report(unplaced: unplaced, lowerBound: lowerBound, proved: proved, steps: steps)
    }

    /// A lower bound on the cost of every placement with the same drops per priority level: Cbc's
    /// bound for the components it solved whole, and elsewhere the bound of the demands every such
    /// placement holds (those of the levels that drop nothing; at a level that drops some, another
    /// placement may drop others, so the placed set alone would not bound it).
    static func sameDropsBound(_ problem: CanonicalProblem, out: Set<Int>, solved: [(pools: [Int], micros: Int64)]) -> Int64 {
        let droppingLevels = Set(out.map { problem.demands[$0].priority })
        let solvedPools = Set(solved.flatMap(\.pools))
        let held = problem.demands.indices.filter {
            problem.staticReason[$0] == nil && !droppingLevels.contains(problem.demands[$0].priority)
                && !problem.eligible[$0].contains { solvedPools.contains($0) }
        }
        let rest = problem.pools.indices.filter { !solvedPools.contains($0) }
        let exact = solved.reduce(0) { $0 + $1.micros } + CostLowerBound.of(problem, placed: held, pools: rest)
        return max(exact, CostLowerBound.sameDrops(problem, out: out))
    }

    /// Demands the search could have placed but did not.
    static func searchableOut(_ problem: CanonicalProblem, _ state: FleetState) -> [Int] {
        problem.demands.indices.filter { problem.staticReason[$0] == nil && problem.demands[$0].groups > 0 && state.groups[$0].isEmpty }
    }
}
