import PlatformDiagnostics

/// `team-budget`: a team's expected monthly cost (its GPUs plus its external traffic, from the cost
/// pass) stays under its budget. The one check of team budgets: its default severity follows the
/// budget's own `enforcement` (`error` or `warn`), and `policy:` can change it per team or turn it off
/// (`off` also silences the cost pass's W4005, which warns of the budget at `replicas.max`).
package struct TeamBudgetRule: PolicyRule {
    package let id = PolicyRuleCatalog.teamBudget
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        guard let cost = input.cost else { return [] }
        return input.platform.teams.compactMap { t in
            guard let budget = t.budget, let monthly = cost.monthlyCost(ofTeam: t.name), budget.monthly < monthly else { return nil }
            return PolicyViolation("""
                team `\(t.name)` costs $\(monthly) a month, over its budget of $\(budget.monthly) by $\(monthly - budget.monthly)
                """,
                                   at: budget.location,
                                   help: "raise `budget.monthly` of team `\(t.name)`, or lower the replicas or traffic it pays for",
                                   team: t.name, defaultSeverity: budget.enforcement == .error ? .error : .warning,
                                   notes: cost.breakdown(ofTeam: t.name))
        }
    }
}
