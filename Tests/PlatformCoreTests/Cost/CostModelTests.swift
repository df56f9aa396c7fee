@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

/// Figures computed by hand from the minimal spec: p5.48xlarge at $55.04/h is $40,179.20 a node
/// a month (× 730 h), $5,022.40 a GPU.
@Suite struct CostModelTests {
    static let migPool: (String, String) = ("teams:\n", "      - name: a100-mig\n        instanceType: p4de.24xlarge\n"
        + "        nodes: { min: 2, max: 2, static: true }\n        gpuAllocation: dra\n        mig: { profiles: { \"3g.40gb\": 2 } }\n"
        + "teams:\n")
    static let migModel: [(String, String)] = [
        ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: A100-80GB, migProfile: 3g.40gb }"),
        ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b"),
        ("replicas: { min: 2, max: 4 }", "replicas: { min: 3, max: 5 }"),
    ]

    @Test func poolsWorkloadsAndIdleByHand() throws {
        let (plan, lines) = CostFixture.plan(CostFixture.roomy)
        #expect(lines == [])
        let r = try #require(plan?.cost)
        let pool = try #require(r.pool("prod/h100"))
        // The gang takes two whole nodes; the two 4-GPU replicas spread over two more.
        #expect(pool.runningNodes == 4)
        #expect(pool.monthly == Money(micros: 160_716_800_000))
        #expect(r.workloads.map(\.name) == ["llama-3-70b", "sft"])
        #expect(r.workloads.map(\.monthly) == [Money(micros: 40_179_200_000), Money(micros: 80_358_400_000)])
        #expect(pool.idle == Money(micros: 40_179_200_000))   // 8 free GPUs
        // At replicas.max the two extra replicas fill the 8 free GPUs: no new node, no idle.
        #expect(pool.nodesAtMax == 4)
        #expect(r.workloads[0].gpusAtMax == GPUCount(16))
        #expect(r.workloads[0].monthlyAtMax == Money(micros: 80_358_400_000))
        #expect(pool.idleAtMax == .zero)
        let team = try #require(r.team("search"))
        #expect(team.gpus == GPUCount(24))
        #expect(team.monthly == Money(micros: 120_537_600_000))
        #expect(r.monthly == pool.monthly)
    }

    @Test func externalFallbackTrafficIsChargedToTheBackendsTeam() throws {
        let (plan, _) = CostFixture.plan(CostFixture.roomy + [
            ("      - { model: llama-3-70b, weight: 100 }\n",
                """
                          - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: gpt-4o }\n\
                        traffic: { tokensPerDay: 50M, fallbackPercent: 5 }\n
                    """),
        ])
        let r = try #require(plan?.cost)
        let e = try #require(r.external.first)
        #expect(e.tokensPerDay == 2_500_000)
        #expect(e.monthly == Money(micros: 332_682_292))   // 2.5M × 730/24 × $4.375 per million
        #expect(e.price.source.hasPrefix("OpenAI API pricing"))
        #expect(e.shares == [TeamShare(team: "search", monthly: Money(micros: 332_682_292))])
        #expect(r.team("search")?.externalMonthly == Money(micros: 332_682_292))
        #expect(r.monthly == Money(micros: 160_716_800_000 + 332_682_292))
    }

    @Test func specPricesOverrideTheTable() throws {
        let (plan, _) = CostFixture.plan(CostFixture.roomy + [
            ("      - { model: llama-3-70b, weight: 100 }\n",
                """
                          - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: gpt-4o }\n\
                        traffic: { tokensPerDay: 24M, fallbackPercent: 10 }\n
                    """),
            ("apiKeySecret: openai-api-key",
                "apiKeySecret: openai-api-key\n    prices:\n      - { model: gpt-4o, inputPerMillion: 1, outputPerMillion: 5 }"),
        ])
        // 2.4M tokens a day at (3 × $1 + $5) / 4 = $2 per million: $4.80 a day × 730/24 = $146.00.
        #expect(plan?.cost?.external.first?.monthly == Money(micros: 146_000_000))
        #expect(plan?.cost?.external.first?.price.source.hasPrefix("platform spec") == true)
    }

    @Test func migSlicesCountByTheirFractionOfAGPU() throws {
        let (plan, lines) = CostFixture.plan(CostFixture.roomy + [Self.migPool] + Self.migModel)
        #expect(lines == [])
        let r = try #require(plan?.cost)
        let pool = try #require(r.pool("prod/a100-mig"))
        // Three replicas spread over two nodes: p4de.24xlarge $27.44705/h × 730 × 2 = $40,072.693;
        // 3 slices of a GPU split in 2 = 1.5 GPUs of 16.
        #expect(pool.runningNodes == 2)
        #expect(pool.monthly == Money(micros: 40_072_693_000))
        let model = try #require(r.workloads.first { $0.name == "llama-3-70b" })
        #expect(model.gpus == GPUCount(3, over: 2))
        // 40,072.693 × 3/32 = 3,756.81496875 and × 29/32 = 36,315.87803125: floors leave one
        // micro-dollar, which goes to the larger remainder (.75, the model).
        #expect(model.monthly == Money(micros: 3_756_814_969))
        #expect(pool.idle == Money(micros: 36_315_878_031))
        // At max: 5 slices = 2.5 GPUs, on the same two nodes.
        #expect(model.gpusAtMax == GPUCount(5, over: 2))
        #expect(pool.nodesAtMax == 2)
    }
}
