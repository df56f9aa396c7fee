import PlatformDiagnostics

/// The passes between validation and emission, in order: placement, then quota and cost.
public enum Passes {
    public static func run(_ platform: Platform, into diagnostics: inout DiagnosticBag) -> PlannedPlatform {
        var plan = PlacementPass.run(platform, into: &diagnostics)
        plan.cost = CostPass.run(plan, into: &diagnostics)
        return plan
    }
}
