import PlatformDiagnostics

/// The passes between validation and emission, in order: placement, then quota and cost.
package enum Passes {
    /// `previous`: the last compile's placement, kept where it still holds (see `StickyPlacement`).
    package static func run(_ platform: Platform, previous: LockPlacement? = nil,
        into diagnostics: inout DiagnosticBag) -> PlannedPlatform {
        var plan = PlacementPass.run(platform, previous: previous, into: &diagnostics)
        CanaryPlacementCheck.check(plan, into: &diagnostics)
        RouteClusterCheck.check(plan, into: &diagnostics)
        AgentModelClusterCheck.check(plan, into: &diagnostics)
        RouteHostnameCheck.run(plan, into: &diagnostics)
        ModelCacheCheck.run(plan, into: &diagnostics)
        plan.cost = CostPass.run(plan, into: &diagnostics)
        return plan
    }
}
