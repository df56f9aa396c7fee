/// The objective, compared lexicographically: first what is left out (per priority level, highest
/// level first, the number of demands dropped), then cost, then stranded GPUs, then spread (more is better).
struct PlacementObjective: Comparable {
    var drops: [Int]
    var cost: Int64
    var stranded: Int
    var spread: Int

    static func < (a: PlacementObjective, b: PlacementObjective) -> Bool {
        if a.drops != b.drops { return a.drops.lexicographicallyPrecedes(b.drops) }
        return (a.cost, a.stranded, -a.spread) < (b.cost, b.stranded, -b.spread)
    }
}

extension CanonicalProblem {
    /// Distinct priorities, highest first: the levels of `PlacementObjective.drops`.
    var priorityLevels: [Int] { Array(Set(demands.map(\.priority))).sorted(by: >) }

    /// The objective of a final state, given which searchable demands are out.
    func objective(_ state: FleetState, placedOut: [Int]) -> PlacementObjective {
        let levels = priorityLevels
        var drops = Array(repeating: 0, count: levels.count)
        for d in placedOut { drops[levels.firstIndex(of: demands[d].priority) ?? 0] += 1 }
        return PlacementObjective(drops: drops, cost: state.cost, stranded: state.stranded, spread: state.spread)
    }
}
