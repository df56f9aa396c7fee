import PlatformCore
import PlatformDiagnostics
import Testing

/// Each rule with a triggering and a non-triggering example.
@Suite struct PolicyRuleTests {
    let quiet = PolicyFixture.policy(PolicyFixture.quietRoutes)

    @Test func imageDigestPinned() {
        #expect(PolicyFixture.lines([quiet,
            ("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    image: vllm/vllm-openai:latest\n"),
            ("image: nvcr.io/nvidia/nemo:25.02", "image: registry:5000/nvidia/nemo")]) == [
            """
                22:12: warning[P7001]: image `vllm/vllm-openai:latest` of model `llama-3-70b` uses the mutable tag `latest` and no digest \
                (policy `image-digest-pinned`)
                """,
            """
                47:12: warning[P7001]: image `registry:5000/nvidia/nemo` of training job `sft` has no tag (it means `latest`) and no \
                digest (policy `image-digest-pinned`)
                """,
        ])
        #expect(PolicyFixture.lines([quiet,
            ("    architecture: llama-3-70b\n",
                """
                        architecture: llama-3-70b\n    image: \
                    vllm/vllm-openai@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n
                    """)]) == [])
    }

    @Test func criticalModelsOnDemand() {
        let spot = ("        nodes: { min: 2, max: 6 }", "        nodes: { min: 2, max: 6 }\n        capacityType: spot")
        let critical = ("    replicas: { min: 2, max: 4 }", "    replicas: { min: 2, max: 4 }\n    critical: true")
        #expect(PolicyFixture.lines([quiet, spot, critical]) == [
            """
                18:11: error[P7002]: critical model `llama-3-70b` may run on spot capacity (node pool `prod/h100`) (policy \
                `critical-models-on-demand`)
                """])
        #expect(PolicyFixture.lines([quiet, spot]) == [])
        #expect(PolicyFixture.lines([quiet, critical]) == [])
    }

    @Test func productionMinReplicas() {
        let one = ("    replicas: { min: 2, max: 4 }", "    replicas: { min: 1, max: 4 }")
        #expect(PolicyFixture.lines([quiet, one]) == [
            """
                23:22: error[P7003]: model `llama-3-70b` has 1 minimum replica in production cluster `prod`; at least 2 are required \
                (policy `production-min-replicas`)
                """])
        #expect(PolicyFixture.lines([quiet, one, ("    provider: aws", "    provider: aws\n    production: false")]) == [])
        #expect(PolicyFixture.lines([quiet]) == [])
    }

    @Test func routeRateLimit() {
        #expect(PolicyFixture.lines([]) == ["25:11: warning[P7004]: route `chat` has no rate limit (policy `route-rate-limit`)"])
        #expect(PolicyFixture
            .lines([("    hostnames: [api.acme.ai]\n", "    hostnames: [api.acme.ai]\n    rateLimit: { requestsPerMinute: 60 }\n")]) == [])
    }

    @Test func teamBudget() {
        let budget = ("    quota: { gpus: 24 }", "    quota: { gpus: 24 }\n    budget: { monthly: 1000 }")
        let expensive = TeamCostClosure { $0 == "search" ? Money(micros: 1_250_500_000) : nil }
        #expect(PolicyFixture.lines([quiet, budget], cost: expensive) == [
            "16:24: error[P7005]: team `search` costs $1250.50 a month, over its budget of $1000.00 by $250.50 (policy `team-budget`)"])
        let warn = ("    quota: { gpus: 24 }", "    quota: { gpus: 24 }\n    budget: { monthly: 1000, enforcement: warn }")
        #expect(PolicyFixture.lines([quiet, warn], cost: expensive).map { $0.contains("warning[P7005]") } == [true])
        #expect(PolicyFixture.lines([quiet, budget], cost: TeamCostClosure { _ in Money(micros: 999_000_000) }) == [])
    }

    /// One home for team budgets: the rule reads the cost pass's report, and `policy:` tunes it.
    @Test func teamBudgetReadsTheCostPassAndPolicyTurnsItOff() {
        let budget = ("    quota: { gpus: 24 }", "    quota: { gpus: 24 }\n    budget: { monthly: 1000 }")
        #expect(PolicyFixture.lines([quiet, budget]) == [
            """
                16:24: error[P7005]: team `search` costs $120537.60 a month, over its budget of $1000.00 by $119537.60 (policy \
                `team-budget`)
                """])
        let off = PolicyFixture.policy(PolicyFixture.quietRoutes + "  team-budget: off\n")
        #expect(PolicyFixture.lines([off, budget]) == [])
        let warning = PolicyFixture.policy(PolicyFixture.quietRoutes + "  team-budget: warning\n")
        #expect(PolicyFixture.lines([warning, budget]).map { $0.contains("warning[P7005]") } == [true])
    }

    @Test func gpuAllowList() {
        #expect(PolicyFixture.lines([PolicyFixture.policy(PolicyFixture.quietRoutes + "  allowedGPUs: [A100-80GB, L40S]\n")]) == [
            "10:15: error[P7006]: GPU `H100-SXM-80GB` of node pool `prod/h100` is not on the allow-list (policy `gpu-allow-list`)",
            "22:19: error[P7006]: GPU `H100-SXM-80GB` of model `llama-3-70b` is not on the allow-list (policy `gpu-allow-list`)",
            "49:10: error[P7006]: GPU `H100-SXM-80GB` of training job `sft` is not on the allow-list (policy `gpu-allow-list`)",
        ])
        #expect(PolicyFixture.lines([PolicyFixture.policy(PolicyFixture.quietRoutes + "  allowedGPUs: [H100-SXM-80GB]\n")]) == [])
    }
}
