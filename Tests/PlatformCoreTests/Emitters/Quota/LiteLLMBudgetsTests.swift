import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct LiteLLMBudgetsTests {
    @Test func teamBudgetIsWhatTheMonthlyBudgetLeavesAfterGPUs() throws {
        let plan = try #require(PlatformCompile.compile().plan)
        // research: $220,000 − $94,206.39 of GPUs; search: $150,000 − $60,268.80; support: $60,000 − $6,334.36.
        #expect(LiteLLMBudgets.teams(plan) == [
            ["team_id": "platform", "team_alias": "platform", "max_budget": 40000.0, "budget_duration": "30d",
             "metadata": ["platformc_monthly_budget": 40000.0, "platformc_gpu_monthly": 0.0]],
            ["team_id": "research", "team_alias": "research", "max_budget": 125793.61, "budget_duration": "30d",
             "metadata": ["platformc_monthly_budget": 220000.0, "platformc_gpu_monthly": 94206.39]],
            ["team_id": "search", "team_alias": "search", "max_budget": 89731.2, "budget_duration": "30d",
             "metadata": ["platformc_monthly_budget": 150000.0, "platformc_gpu_monthly": 60268.8]],
            ["team_id": "support", "team_alias": "support", "max_budget": 53665.64, "budget_duration": "30d",
             "metadata": ["platformc_monthly_budget": 60000.0, "platformc_gpu_monthly": 6334.36]],
        ])
        #expect(LiteLLMBudgets.total(plan) == .double(309190.45))
    }
}
