import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

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
        let teams = ["platform", "research", "search", "support"]
        let out = PlatformCompile.compile()
        let use1 = teams.map { Self.quantity(Self.flavorResources(out, cluster: "prod-use1", team: $0), "nvidia.com/gpu") }
        #expect(use1 == [4, 16, 24, 0])                 // 44 of h100's 48 GPUs at nodes.max (6 × 8); 88 on main
        let cpu = teams.map { Self.quantity(Self.flavorResources(out, cluster: "prod-use1", team: $0), "cpu") }
        #expect(cpu == [96, 384, 576, 0])               // 192 vCPU per 8 GPUs, in proportion: not 1152 for each
        // Asks beyond the pool: platform 30, research 16, search 24 = 70 > 48. Nominal quotas split
        // the 48 GPUs in proportion; each may borrow the rest of its ask from idle quota.
        let crowded = PlatformCompile
            .compile(PlatformCompile
                .edit(PlatformCompile.bundledSpec, [("quota: { gpus: 8 }", "quota: { gpus: 30, perCluster: { prod-use1: 30 } }")]))
        #expect(PlatformCompile.errors(crowded) == [])
        let nominal = teams.map { Self.quantity(Self.flavorResources(crowded, cluster: "prod-use1", team: $0), "nvidia.com/gpu") }
        let borrow = teams
            .map { Self.quantity(Self.flavorResources(crowded, cluster: "prod-use1", team: $0), "nvidia.com/gpu", "borrowingLimit") }
        #expect(nominal == [21, 11, 16, 0] && nominal.reduce(0, +) == 48)
        #expect(borrow == [9, 5, 8, 0])
    }

    @Test func aTeamsQuotaIsSplitOverClustersNotRepeated() throws {
        let out = PlatformCompile.compile()
        func gpus(_ cluster: String, _ team: String) -> ManifestValue? {
            out.manifests?.manifests(in: cluster).first { $0.kind == "ResourceQuota" && $0.namespace == team }?.value
                .at("spec.hard")?["requests.nvidia.com/gpu"]
        }
        #expect(gpus("prod-use1", "search") == "24" && gpus("prod-usw2", "search") == "0")
        #expect(gpus("prod-use1", "research") == "16" && gpus("prod-usw2", "research") == "24")
        #expect(gpus("prod-use1", "platform") == "4" && gpus("prod-usw2", "platform") == "4")
        let split = TeamQuotaSplit.perCluster(try #require(out.plan))
        for team in ["search", "research", "platform", "support"] {
            let quota = try #require(out.platform?.team(team)?.gpuQuota)
            #expect(split[team]?.values.reduce(0, +) == quota)
        }
    }

    @Test func perClusterStatesTheSplitAndMustFitTheQuota() {
        let stated = PlatformCompile
            .compile(PlatformCompile
                .edit(PlatformCompile.bundledSpec, [("quota: { gpus: 8 }", "quota: { gpus: 8, perCluster: { prod-use1: 8 } }")]))
        #expect(PlatformCompile.errors(stated) == [])
        let rq = stated.manifests?.manifests(in: "prod-usw2").first { $0.kind == "ResourceQuota" && $0.namespace == "platform" }
        #expect(rq?.value.at("spec.hard")?["requests.nvidia.com/gpu"] == "0")
        let over = PlatformCompile
            .compile(PlatformCompile
                .edit(PlatformCompile.bundledSpec,
                    [("quota: { gpus: 8 }", "quota: { gpus: 8, perCluster: { prod-use1: 8, prod-usw2: 4 } }")]))
        #expect(GKEAKSFixture.lines(over).filter { $0.contains("error") } == [
            "52:23: error[E7605]: `quota.perCluster` of team `platform` adds up to 12 GPUs, more than its `quota.gpus` of 8",
        ])
    }
}
