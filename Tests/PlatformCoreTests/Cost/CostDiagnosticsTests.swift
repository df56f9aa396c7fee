import PlatformCore
import Testing

/// Quota and budget diagnostics on the minimal spec (quota 32): the pool runs four nodes at
/// $40,179.20 a month; team `search` holds 24 GPUs ($120,537.60) and 32 at `replicas.max` ($160,716.80).
@Suite struct CostDiagnosticsTests {
    static func lines(_ extra: [(String, String)]) -> [String] {
        CostFixture.plan(CostFixture.roomy + extra).lines
    }

    @Test func bundledMinimalIsClean() {
        #expect(Self.lines([]) == [])
    }

    @Test func scalingBeyondQuotaNamesTheNumbers() {
        #expect(Self.lines([("quota: { gpus: 32 }", "quota: { gpus: 20 }"),
            ("replicas: { min: 2, max: 4 }", "replicas: { min: 1, max: 10 }")]) == [
            "23:15: warning[W3002]: model `llama-3-70b` can scale to 8 of its 10 maximum replicas on the fleet at `nodes.max`",
            "23:15: warning[W4002]: scaling `llama-3-70b` to 10 replicas needs 40 H100-SXM-80GB, team `search` has 20",
        ])
        // No model alone is over, the team together is: one warning at the quota, notes per workload.
        #expect(Self.lines([("quota: { gpus: 32 }", "quota: { gpus: 24 }")]) == [
            "15:20: warning[W4002]: with every model at `replicas.max`, team `search` needs 32 GPUs and has 24",
        ])
    }

    /// LiteLLM's database enforces the budgets (else W7300 says they are reported only).
    static let enforced = ("providers:", "litellm: { databaseSecret: litellm-database }\nproviders:")

    /// Over budget now is the `team-budget` policy rule (PolicyRuleTests); the cost pass warns only
    /// that scaling to `replicas.max` would break the budget.
    @Test func overBudgetIsLeftToThePolicyAtMaxIsAWarning() {
        let budget = ("quota: { gpus: 32 }", "quota: { gpus: 32 }\n    budget: { monthly: 100000 }")
        #expect(Self.lines([budget, Self.enforced]) == [])
        let atMax = ("quota: { gpus: 32 }", "quota: { gpus: 32 }\n    budget: { monthly: 130000 }")
        #expect(Self.lines([atMax, Self.enforced]) == [
            """
                16:24: warning[W4005]: team `search` costs $120537.60 a month now but $160716.80 with every model at `replicas.max`, over \
                its budget of $130000.00
                """,
        ])
    }

    /// `team-budget: off`, the one switch of team budgets, silences the warning at `replicas.max` too,
    /// for the platform or for the team; another severity, or a cluster's override (a team's budget spans
    /// clusters, as P7005 does), leaves it a warning.
    @Test func teamBudgetOffSilencesTheWarningAtMax() {
        let atMax = ("quota: { gpus: 32 }", "quota: { gpus: 32 }\n    budget: { monthly: 130000 }")
        func policy(_ text: String) -> (String, String) { ("litellm: {", "policy: \(text)\nlitellm: {") }
        #expect(Self.lines([atMax, Self.enforced, policy("{ team-budget: off }")]) == [])
        #expect(Self.lines([atMax, Self.enforced, policy("{ overrides: [{ team: search, rules: { team-budget: off } }] }")]) == [])
        #expect(Self.lines([atMax, Self.enforced, policy("{ overrides: [{ cluster: prod, rules: { team-budget: off } }] }")]) == [
            """
                16:24: warning[W4005]: team `search` costs $120537.60 a month now but $160716.80 with every model at `replicas.max`, over \
                its budget of $130000.00
                """,
        ])
        #expect(Self.lines([atMax, Self.enforced, policy("{ team-budget: warning }")]) == [
            """
                16:24: warning[W4005]: team `search` costs $120537.60 a month now but $160716.80 with every model at `replicas.max`, over \
                its budget of $130000.00
                """,
        ])
    }

    @Test func platformBudget() {
        #expect(Self.lines([("clusters:\n", "budget: { monthly: 150000 }\nclusters:\n")]) == [
            "5:20: error[E4006]: the platform costs $160716.80 a month, over its budget of $150000.00 by $10716.80",
        ])
    }

    @Test func perModelQuota() {
        #expect(Self.lines([("quota: { gpus: 32 }", "quota: { gpus: 32, perModel: { H100-SXM-80GB: 20 } }")]) == [
            "15:20: error[E4001]: team `search` holds 24 H100-SXM-80GB GPUs, its quota for H100-SXM-80GB is 20",
        ])
    }
}
