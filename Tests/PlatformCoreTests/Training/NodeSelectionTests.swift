import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Issue #16 finding 5: pods select the label the cloud (or Karpenter) really puts on a pool's
/// nodes, plus the pool's own `labels:`; on main every pod selected `platformc.dev/node-pool`,
/// which nothing puts on GKE or AKS nodes.
@Suite struct NodeSelectionTests {
    @Test func gkeAndAKSPodsSelectTheCloudsPoolLabels() throws {
        let out = GKEAKSFixture.compile()
        #expect(GKEAKSFixture.lines(out) == [])
        let l4 = try #require(PlatformCompile.object(out, cluster: "gke", kind: "Deployment", name: "llama-3-8b", namespace: "apps"))
        #expect(l4.value.at("spec.template.spec.nodeSelector") == ["cloud.google.com/gke-nodepool": "l4", "acme.ai/tier": "inference"])
        let h100 = try #require(PlatformCompile.object(out, cluster: "gke", kind: "Deployment", name: "llama-3-70b", namespace: "research"))
        #expect(h100.value.at("spec.template.spec.nodeSelector") == ["cloud.google.com/gke-nodepool": "h100"])
        let job = try #require(PlatformCompile.object(out, cluster: "aks", kind: "TrainJob", name: "llama-pretrain", namespace: "research"))
        #expect(job.value
            .at("spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0.template.spec.template.spec.nodeSelector")
                == ["kubernetes.azure.com/agentpool": "ndh100", "topology.kubernetes.io/zone": "1"])
        let flavor = try #require(PlatformCompile.object(out, cluster: "gke", kind: "ResourceFlavor", name: "l4"))
        #expect(flavor.value.at("spec.nodeLabels") == ["cloud.google.com/gke-nodepool": "l4", "acme.ai/tier": "inference"])
        // No Karpenter objects outside AWS.
        #expect(out.manifests?.manifests(in: "gke").contains { $0.kind == "NodePool" } == false)
    }

    @Test func awsPodsSelectKarpentersNodePoolLabel() throws {
        let out = PlatformCompile.compile()
        let model = try #require(PlatformCompile
            .object(out, cluster: "prod-usw2", kind: "Deployment", name: "qwen-coder-14b", namespace: "research"))
        #expect(model.value.at("spec.template.spec.nodeSelector") == ["karpenter.sh/nodepool": "l40s"])
        let pool = try #require(PlatformCompile.object(out, cluster: "prod-usw2", kind: "NodePool", name: "a100-mig"))
        #expect(pool.value.at("spec.template.metadata.labels") == ["nvidia.com/mig.config": "all-3g.40gb"])
    }

    @Test func aksPoolNameMustBeAnAgentPoolName() {
        let out = GKEAKSFixture.compile([("      - name: ndh100 ", "      - name: nd-h100 ")])
        #expect(GKEAKSFixture.lines(out) == [
            """
                24:15: error[E7602]: node pool `nd-h100` cannot be an AKS agent pool name: pods select `kubernetes.azure.com/agentpool: \
                nd-h100`, and AKS names agent pools with 1 to 12 lowercase letters and digits, starting with a letter
                """,
        ])
        #expect(out.diagnostics.sorted.first?.help == "name the pool as its AKS agent pool is named, e.g. `ndh100`")
        #expect(AKSPoolName.isValid("ndh100") && !AKSPoolName.isValid("nd-h100") && !AKSPoolName.isValid("a123456789012")
            && !AKSPoolName.isValid("1gpu"))
    }

    /// GKE refuses node pool names beyond 40 characters or starting with a digit (the API's
    /// `node_pool.name` regex, `GKEPoolName`): the pods' `cloud.google.com/gke-nodepool` selector
    /// would name a pool that cannot exist.
    @Test func gkePoolNameMustBeANodePoolName() {
        let long = "h100-a3-highgpu-8g-for-the-research-team-1"   // 42 characters, a valid DNS label
        let out = GKEAKSFixture.compile([("      - name: h100 ", "      - name: \(long) ")])
        #expect(GKEAKSFixture.lines(out) == [
            """
                11:15: error[E7602]: node pool `\(long)` cannot be a GKE node pool name: pods select `cloud.google.com/gke-nodepool: \
                \(long)`, and GKE names node pools with 1 to 40 lowercase letters, digits and hyphens, starting with a letter and not \
                ending with a hyphen
                """,
        ])
        #expect(out.diagnostics.sorted
            .first?.help == "name the pool as its GKE node pool is named, e.g. `h100-a3-highgpu-8g-for-the-research-team`")
        let digit = GKEAKSFixture.compile([("      - name: l4 ", "      - name: 4l ")])
        #expect(GKEAKSFixture.lines(digit).first?.hasPrefix("14:15: error[E7602]: node pool `4l` cannot be a GKE node pool name") == true)
        #expect(digit.diagnostics.sorted.first?.help == "name the pool as its GKE node pool is named, e.g. `l`")
        #expect(GKEPoolName.isValid("h100") && GKEPoolName.isValid(String(repeating: "a", count: 40)))
        #expect(!GKEPoolName.isValid(String(repeating: "a", count: 41)) && !GKEPoolName.isValid("pool-") && !GKEPoolName.isValid("Pool")
            && !GKEPoolName.isValid("a_b"))
    }
}
