import PlatformDiagnostics

/// Monthly cost per team, from whichever pass computes it (the cost pass, a test table…);
/// the policy rule `team-budget` reads it. Here, beside `CostReport`, which provides it.
package protocol TeamCostSource: Sendable {
    /// The team's expected monthly cost; nil when unknown.
    func monthlyCost(ofTeam team: String) -> Money?
    /// What the cost is made of, one line per workload or route (notes of the finding).
    func breakdown(ofTeam team: String) -> [DiagnosticNote]
}

extension TeamCostSource {
    package func breakdown(ofTeam team: String) -> [DiagnosticNote] { [] }
}
