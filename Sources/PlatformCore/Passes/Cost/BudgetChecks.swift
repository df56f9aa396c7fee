import PlatformDiagnostics

/// Money against budgets: each team's monthly cost (its GPUs plus its external traffic) against
/// its `budget` (an error or a warning per `enforcement`), the autoscaling maximum against it (a
/// warning), the platform's total against the platform `budget`, and prices that are missing.
enum BudgetChecks {
    static func check(_ plan: PlannedPlatform, _ report: CostReport, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        for team in report.teams {
            guard let budget = team.budget else { continue }
            let own = report.workloads.filter { $0.team == team.name && $0.monthly > .zero }
            var notes = own.map { w in
                DiagnosticNote("\(w.kind == .model ? "model" : "training job") `\(w.name)`: \(w.gpus) \(w.gpu) GPUs in `\(w.pool)`, $\(w.monthly)/month")
            }
            for e in report.external { for s in e.shares where s.team == team.name && s.monthly > .zero {
                notes.append(DiagnosticNote("route `\(e.route)` fallback to `\(e.provider)/\(e.model)`: $\(s.monthly)/month (\(e.price.source))"))
            } }
            if team.monthly > budget.monthly {
                let message = "team `\(team.name)` costs $\(team.monthly) a month, over its budget of $\(budget.monthly) by $\(team.monthly - budget.monthly)"
                let help = "raise `budget.monthly` of team `\(team.name)`, or lower the replicas or traffic it pays for"
                if budget.enforcement == .error {
                    diagnostics.error(CostCodes.teamOverBudget, message, at: budget.location, notes: notes, help: help)
                } else {
                    diagnostics.warning(CostCodes.teamOverBudgetWarning, message, at: budget.location, notes: notes, help: help)
                }
            } else if team.monthlyAtMax > budget.monthly {
                diagnostics.warning(CostCodes.teamBudgetAtMax,
                                    "team `\(team.name)` costs $\(team.monthly) a month now but $\(team.monthlyAtMax) with every model at `replicas.max`, over its budget of $\(budget.monthly)",
                                    at: budget.location, notes: notes,
                                    help: "raise `budget.monthly` of team `\(team.name)` or lower `replicas.max` of its models")
            }
        }
        if let budget = report.budget, report.monthly > budget.monthly {
            let notes = report.clusters.map { DiagnosticNote("cluster `\($0.name)`: $\($0.monthly)/month (idle GPUs $\($0.idle))") }
                + [DiagnosticNote("external providers: $\(report.external.reduce(Money.zero) { $0 + $1.monthly })/month")]
            let message = "the platform costs $\(report.monthly) a month, over its budget of $\(budget.monthly) by $\(report.monthly - budget.monthly)"
            let help = "raise the platform's `budget.monthly`, or run fewer nodes"
            if budget.enforcement == .error {
                diagnostics.error(CostCodes.platformOverBudget, message, at: budget.location, notes: notes, help: help)
            } else {
                diagnostics.warning(CostCodes.platformOverBudgetWarning, message, at: budget.location, notes: notes, help: help)
            }
        }
        for (route, fallback) in ExternalTraffic.unpriced(p) {
            diagnostics.warning(CostCodes.unpricedModel,
                                "route `\(route.name)` sends \(route.fallbackPercent)% of its traffic to `\(fallback.provider)/\(fallback.model)`, which has no known price; it counts as free",
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
