import Testing
@testable import PlatformCore

/// Issue #16 finding 6: quotas that can hold. On main every ClusterQueue got the whole pool's CPU
/// and memory, GPU nominal quotas summed to 88 against prod-use1's 48 GPUs, and every cluster
/// repeated each team's whole quota.
@Suite struct QuotaShareTests {
    static func flavorResources(_ out: Compiler.Output, cluster: String, team: String) -> [ManifestValue] {
        PlatformCompile.object(out, cluster: cluster, kind: "ClusterQueue", name: team)?
            .value.at("spec.resourceGroups.0.flavors")?.listValue?.flatMap { $0["resources"]?.listValue ?? [] } ?? []
    }

    static func quantity(_ resources: [ManifestValue], _ name: String, _ field: String = "nominalQuota") -> Int {
        resources.filter { $0["name"]?.stringValue == name }.compactMap { $0[field]?.stringValue }
            .reduce(0) { $0 + (Int($1.replacingOccurrences(of: "Gi", with: "")) ?? 0) }
    }

    @Test func nominalGPUQuotasNeverExceedThePoolsGPUs() throws {
        let out = PlatformCompile.compile()
        let teams = ["platform", "research", "search", "support"]
        let use1 = teams.map { Self.quantity(Self.flavorResources(out, cluster: "prod-use1", team: $0), "nvidia.com/gpu") }
        #expect(use1 == [4, 25, 19, 0])                 // 48 GPUs of h100 at nodes.max (6 × 8)
        #expect(use1.reduce(0, +) <= 48)
        let borrow = teams.map { Self.quantity(Self.flavorResources(out, cluster: "prod-use1", team: $0), "nvidia.com/gpu", "borrowingLimit") }
        #expect(borrow == [0, 4, 5, 0])                 // each may borrow up to what it asked for
        let cpu = teams.map { Self.quantity(Self.flavorResources(out, cluster: "prod-use1", team: $0), "cpu") }
        #expect(cpu == [48, 300, 228, 0])               // 192 vCPU per 8 GPUs: in proportion, not the whole pool each
        #expect(cpu.reduce(0, +) <= 6 * 192)
    }

    @Test func aTeamsQuotaIsSplitOverClustersNotRepeated() throws {
        let out = PlatformCompile.compile()
        func gpus(_ cluster: String, _ team: String) -> ManifestValue? {
            out.manifests?.manifests(in: cluster).first { $0.kind == "ResourceQuota" && $0.namespace == team }?.value.at("spec.hard.requests.nvidia.com/gpu")
        }
        #expect(gpus("prod-use1", "search") == "24" && gpus("prod-usw2", "search") == "0")
        #expect(gpus("prod-use1", "research") == "25" && gpus("prod-usw2", "research") == "15")
        #expect(gpus("prod-use1", "platform") == "4" && gpus("prod-usw2", "platform") == "4")
        let split = TeamQuotaSplit.perCluster(try #require(out.plan))
        for team in ["search", "research", "platform", "support"] {
            let quota = try #require(out.platform?.team(team)?.gpuQuota)
            #expect(split[team]?.values.reduce(0, +) == quota)
        }
    }

    @Test func perClusterStatesTheSplitAndMustFitTheQuota() {
        let stated = PlatformCompile.compile(PlatformCompile.edit(PlatformCompile.bundledSpec, [("quota: { gpus: 8 }", "quota: { gpus: 8, perCluster: { prod-use1: 8 } }")]))
        #expect(PlatformCompile.errors(stated) == [])
        let rq = stated.manifests?.manifests(in: "prod-usw2").first { $0.kind == "ResourceQuota" && $0.namespace == "platform" }
        #expect(rq?.value.at("spec.hard.requests.nvidia.com/gpu") == "0")
        let over = PlatformCompile.compile(PlatformCompile.edit(PlatformCompile.bundledSpec, [("quota: { gpus: 8 }", "quota: { gpus: 8, perCluster: { prod-use1: 8, prod-usw2: 4 } }")]))
        #expect(GKEAKSFixture.lines(over).filter { $0.contains("error") } == [
            "52:29: error[E7605]: `quota.perCluster` of team `platform` adds up to 12 GPUs, more than its `quota.gpus` of 8",
        ])
    }
}
