import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Issue #16 finding 4: Karpenter provisions no node for pods with DRA claims
/// (`--ignore-dra-requests` defaults to true), so a DRA pool on Karpenter is either static or refused.
@Suite struct DRAProvisioningTests {
    static let dynamic = ("nodes: { min: 2, max: 2, static: true }", "nodes: { min: 2, max: 2 }")

    @Test func draPoolOnKarpenterIsRefusedAtItsAllocation() {
        let out = PlatformCompile.compile(PlatformCompile.edit(PlatformCompile.bundledSpec, [Self.dynamic]))
        #expect(GKEAKSFixture.lines(out).filter { $0.contains("error") } == [
            """
                35:24: error[E7601]: node pool `a100-mig` allocates GPUs through DRA, but Karpenter provisions its nodes on demand and \
                ignores pods with resource claims (`--ignore-dra-requests` defaults to true; the AWS provider models no DRA devices): its \
                pods would stay Pending
                """,
        ])
        #expect(out.manifests == nil)
    }

    @Test func staticPoolIsAKarpenterStaticNodePool() throws {
        let out = PlatformCompile.compile()
        #expect(PlatformCompile.errors(out) == [])
        let pool = try #require(PlatformCompile.object(out, cluster: "prod-usw2", kind: "NodePool", name: "a100-mig"))
        #expect(pool.value.at("spec.replicas") == 2)
        #expect(pool.value.at("spec.limits") == ["nodes": "2"])
        #expect(pool.value.at("spec.disruption") == ["consolidateAfter": "Never", "budgets": [["nodes": "0", "reasons": ["Drifted"]]]])
        #expect(pool.value.at("spec.weight") == nil)
        // The autoscaled pools stay dynamic.
        #expect(PlatformCompile.object(out, cluster: "prod-usw2", kind: "NodePool", name: "l40s")?.value.at("spec.replicas") == nil)
    }

    @Test func staticNeedsAFixedCountAndKarpenter() {
        let range = PlatformCompile
            .compile(PlatformCompile
                .edit(PlatformCompile.bundledSpec,
                    [("nodes: { min: 2, max: 2, static: true }", "nodes: { min: 2, max: 3, static: true }")]))
        #expect(GKEAKSFixture.lines(range).filter { $0.contains("error") } == [
            """
                34:42: error[E7603]: node pool `a100-mig` is static but `nodes.max` (3) is above `nodes.min` (2): a static pool runs \
                exactly `min` nodes
                """,
        ])
        let gke = GKEAKSFixture.compile([("nodes: { min: 1, max: 2 }", "nodes: { min: 1, max: 1, static: true }")])
        #expect(GKEAKSFixture.lines(gke).filter { $0.contains("error") } == [
            "13:42: error[E7604]: `nodes.static` applies to pools Karpenter provisions; a GKE node pool sizes node pool `h100`",
        ])
    }
}
