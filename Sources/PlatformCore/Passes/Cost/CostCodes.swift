import PlatformDiagnostics

/// Codes of the quota and cost pass (E4xxx / W4xxx). A team's placed workloads beyond its total
/// quota are the placement's E3001 (the solver refuses them); these cover what it does not see.
package enum CostCodes {
    /// Placed workloads use more GPUs of one model than the team's `quota.perModel` allows.
    package static let perModelQuotaExceeded: DiagnosticCode = "E4001"
    /// Scaling to `replicas.max` needs more GPUs than the team's quota.
    package static let autoscalingBeyondQuota: DiagnosticCode = "W4002"
    // A team over its budget is the `team-budget` policy rule (P7005), not a code of this pass.
    /// A team is within its budget now but not with every model at `replicas.max`.
    package static let teamBudgetAtMax: DiagnosticCode = "W4005"
    /// The platform's monthly cost exceeds the platform budget (`enforcement: error`).
    package static let platformOverBudget: DiagnosticCode = "E4006"
    /// The platform's monthly cost exceeds the platform budget (`enforcement: warn`).
    package static let platformOverBudgetWarning: DiagnosticCode = "W4007"
    /// A route's fallback traffic goes to a model with no known price; it counts as free.
    package static let unpricedModel: DiagnosticCode = "W4008"
    /// A pool that runs nodes has no price; its nodes count as free.
    package static let unpricedPool: DiagnosticCode = "W4009"
}
