import PlatformDiagnostics

/// Money against budgets: the autoscaling maximum against each team's `budget` (a warning; the team
/// over budget now is `TeamBudgetRule`), the platform's total against the platform `budget`, and
/// prices that are missing.
enum BudgetChecks {
    static func check(_ plan: PlannedPlatform, _ report: CostReport, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        // Over budget now is the `team-budget` policy rule (P7005, one home, `policy:` can tune it);
        // here only the warning that the autoscaling maximum would break it, which the same switch turns off.
        for team in report.teams {
            guard let budget = team.budget, team.monthly <= budget.monthly, team.monthlyAtMax > budget.monthly,
                  p.policyConfiguration
                      .severity(of: PolicyRuleCatalog.teamBudget, cluster: nil, team: team.name)?.severity != .off else { continue }
            diagnostics.warning(CostCodes.teamBudgetAtMax,
                                "team `\(team.name)` costs $\(team.monthly) a month now but $\(team.monthlyAtMax) with every model at "
                                    + "`replicas.max`, over its budget of $\(budget.monthly)",
                                at: budget.location, notes: report.breakdown(ofTeam: team.name),
                                help: "raise `budget.monthly` of team `\(team.name)` or lower `replicas.max` of its models")
        }
        if let budget = report.budget, report.monthly > budget.monthly {
            let notes = report.clusters.map { DiagnosticNote("cluster `\($0.name)`: $\($0.monthly)/month (idle GPUs $\($0.idle))") }
                + [DiagnosticNote("external providers: $\(report.external.reduce(Money.zero) { $0 + $1.monthly })/month")]
            let message = "the platform costs $\(report.monthly) a month, over its budget of $\(budget.monthly) by "
                + "$\(report.monthly - budget.monthly)"
            let help = "raise the platform's `budget.monthly`, or run fewer nodes"
            if budget.enforcement == .error {
                diagnostics.error(CostCodes.platformOverBudget, message, at: budget.location, notes: notes, help: help)
            } else {
                diagnostics.warning(CostCodes.platformOverBudgetWarning, message, at: budget.location, notes: notes, help: help)
            }
        }
        for (route, fallback) in ExternalTraffic.unpriced(p) {
            diagnostics.warning(CostCodes.unpricedModel,
                                "route `\(route.name)` sends \(route.fallbackPercent)% of its traffic to "
                                    + "`\(fallback.provider)/\(fallback.model)`, which has no known price; it counts as free",
                                at: fallback.location, help: "add `prices` for `\(fallback.model)` to provider `\(fallback.provider)`")
        }
        for pool in report.pools where pool.runningNodes > 0 && pool.pricePerHour == .zero {
            let location = p.cluster(pool.cluster)?.pool(pool.pool)?.location
            diagnostics.warning(CostCodes.unpricedPool,
                                "pool `\(pool.id)` runs \(pool.runningNodes) nodes and has no price; they count as free",
                                at: location, help: "set `pricePerHour` of the pool")
        }
    }
}
