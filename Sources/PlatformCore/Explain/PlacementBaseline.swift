/// `platformc explain placement --baseline ffd`: the same placement problem solved by a simple
/// reference heuristic, so the claims made for the solver ("fewer stranded GPUs than first-fit
/// decreasing") can be checked on any spec from the command line.
package enum PlacementBaseline: String, CaseIterable, Sendable {
    /// First-fit decreasing: demands biggest first, each in the first pool and node that takes it,
    /// never refined (`PlacementHeuristic.firstFitDecreasing`).
    case ffd

    package var title: String {
        switch self {
        case .ffd: return "first-fit decreasing"
        }
    }

    /// The baseline's placement of the platform's demands.
    package func place(_ platform: Platform) -> Placement {
        switch self {
        case .ffd: return PlacementSolver.solve(PlacementPass.problem(platform), options: PlacementOptions(heuristic: .firstFitDecreasing))
        }
    }
}

/// The figures `--baseline` puts side by side.
struct PlacementFigures {
    let costPerHourMicros: Int64
    let runningNodes: Int
    let strandedGPUs: Int
    let dropped: [String]

    init(_ placement: Placement) {
        costPerHourMicros = placement.costPerHourMicros
        runningNodes = placement.pools.reduce(0) { $0 + $1.runningNodes }
        strandedGPUs = placement.strandedGPUs
        dropped = placement.unplaced.map(\.demand)
    }
}
