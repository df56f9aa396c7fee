/// LiteLLM teams with their budgets, as `LiteLLMProvisioning` writes them through `/team/new` and
/// `/team/update` (fields `team_id`, `max_budget`, `budget_duration`, `metadata`). LiteLLM prices
/// only what passes through it at a known price: external providers (self-hosted models have no
/// price in LiteLLM), so a team's LiteLLM budget is what its monthly budget leaves after its GPU
/// cost (never below 0); `metadata` states both figures so the difference is never silent. One
/// team, one budget, whatever the number of clusters: every proxy shares the one database.
package enum LiteLLMBudgets {
    /// LiteLLM resets budgets every `budget_duration`; 30 days is the month the cost model prices.
    package static let budgetDuration = "30d"

    /// `[{team_id, max_budget, budget_duration}]`, sorted by team; a team without a budget is listed
    /// (with no budget) when it has a virtual key, which must belong to a team LiteLLM knows.
    package static func teams(_ plan: PlannedPlatform) -> ManifestValue {
        let report = plan.cost ?? CostModel.report(plan)
        let keyed = Set(LiteLLMKeys.teams(plan.platform).map(\.team))
        return .list(report.teams.compactMap { team -> ManifestValue? in
            guard let budget = team.budget else {
                return keyed.contains(team.name) ? ["team_id": .string(team.name), "team_alias": .string(team.name)] : nil
            }
            let left = max(Money.zero, budget.monthly - team.gpuMonthly)
            return ["team_id": .string(team.name), "team_alias": .string(team.name), "max_budget": .double(dollars(left)),
                    "budget_duration": .string(budgetDuration),
                    "metadata": ["platformc_monthly_budget": .double(dollars(budget.monthly)),
                                 "platformc_gpu_monthly": .double(dollars(team.gpuMonthly))]]
        })
    }

    /// The platform's `litellm_settings.max_budget`: the sum of the teams' LiteLLM budgets, or
    /// nil when no team has a budget.
    package static func total(_ plan: PlannedPlatform) -> ManifestValue? {
        guard case .list(let entries) = teams(plan), !entries.isEmpty else { return nil }
        let cents = entries.reduce(Int64(0)) { sum, e in
            guard case .double(let d)? = e["max_budget"] else { return sum }
            return sum + Int64((d * 100).rounded())
        }
        return .double(Double(cents) / 100)
    }

    /// Dollars rounded to the cent, as LiteLLM's float field wants them.
    static func dollars(_ m: Money) -> Double {
        Double(CostArithmetic.rounded(m.micros, times: 1, over: 10_000)) / 100
    }
}
