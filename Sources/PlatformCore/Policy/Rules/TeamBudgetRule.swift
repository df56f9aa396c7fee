import PlatformDiagnostics

/// `team-budget`: a team's expected monthly cost stays under its budget. The default severity
/// follows the budget's own `enforcement` (`error` or `warn`); the cost comes from a
/// `TeamCostSource`, so the rule is silent until a cost model is wired in.
public struct TeamBudgetRule: PolicyRule {
    public let id = "team-budget"
    public let rationale = "a team's expected monthly cost stays under its budget (default severity: the budget's `enforcement`)"
    public let defaultSeverity = PolicySeverity.error
    public let code: DiagnosticCode = "P7005"
    public init() {}

    public func check(_ input: PolicyInput) -> [PolicyViolation] {
        guard let cost = input.cost else { return [] }
        return input.platform.teams.compactMap { t in
            guard let budget = t.budget, let monthly = cost.monthlyCost(ofTeam: t.name), budget.monthly < monthly else { return nil }
            return PolicyViolation("team `\(t.name)` is expected to cost \(monthly) \(budget.currency) a month, over its budget of \(budget.monthly) \(budget.currency) by \(monthly - budget.monthly)",
                                   at: budget.location,
                                   help: "raise `budget.monthly`, or lower the team's replicas, GPUs or external traffic",
                                   team: t.name, defaultSeverity: budget.enforcement == .error ? .error : .warning)
        }
    }
}
