import Testing
@testable import PlatformCore

@Suite struct LiteLLMBudgetsTests {
    @Test func teamBudgetIsWhatTheMonthlyBudgetLeavesAfterGPUs() throws {
        let plan = try #require(PlatformCompile.compile().plan)
        // research: $220,000 − $94,206.39 of GPUs; search: $150,000 − $60,268.80; support: $60,000 − $6,334.36.
        #expect(LiteLLMBudgets.teams(plan) == [
            ["team_id": "platform", "max_budget": 40000.0, "budget_duration": "30d"],
            ["team_id": "research", "max_budget": 125793.61, "budget_duration": "30d"],
            ["team_id": "search", "max_budget": 89731.2, "budget_duration": "30d"],
            ["team_id": "support", "max_budget": 53665.64, "budget_duration": "30d"],
        ])
        #expect(LiteLLMBudgets.total(plan) == .double(309190.45))
    }
}
