import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Issue #16 finding 3: a TrainJob Kueue can admit (its queue covers every resource it requests),
/// RDMA devices and `IPC_LOCK` on InfiniBand with a namespace that admits them, and training priced
/// for the hours it runs.
@Suite struct TrainingRunsTests {
    static func covered(_ out: Compiler.Output, cluster: String, team: String) -> ManifestValue? {
        PlatformCompile.object(out, cluster: cluster, kind: "ClusterQueue", name: team)?.value.at("spec.resourceGroups.0.coveredResources")
    }

    @Test func clusterQueueCoversEveryResourceTheTrainJobRequests() throws {
        let out = PlatformCompile.compile()
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research"))
        let requested = try #require(job.value.at("spec.trainer.resourcesPerNode.requests")?.mapValue?.keys.sorted())
        #expect(requested == ["nvidia.com/gpu", "vpc.amazonaws.com/efa"])
        #expect(Self.covered(out, cluster: "prod-use1", team: "research") == ["cpu", "memory", "nvidia.com/gpu", "vpc.amazonaws.com/efa"])
        // research's part of its quota in prod-use1 is the 16 GPUs its job holds there: 16 × 32 EFA / 8 GPUs per node.
        let efa = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "ClusterQueue", name: "research")?
            .value.at("spec.resourceGroups.0.flavors.0.resources.3"))
        #expect(efa == ["name": "vpc.amazonaws.com/efa", "nominalQuota": "64", "borrowingLimit": "0"])
    }

    @Test func infiniBandJobGetsRDMAAndAPrivilegedNamespace() throws {
        let out = GKEAKSFixture.compile()
        let job = try #require(PlatformCompile.object(out, cluster: "aks", kind: "TrainJob", name: "llama-pretrain", namespace: "research"))
        #expect(job.value.at("spec.trainer.resourcesPerNode.limits") == ["nvidia.com/gpu": "8", "rdma/ib": "8"])
        #expect(job.value.at("""
            spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0.template.spec.template.spec.containers.0.\
            securityContext
            """)
                == ["capabilities": ["add": ["IPC_LOCK"]]])
        #expect(Self.covered(out, cluster: "aks", team: "research") == ["cpu", "memory", "nvidia.com/gpu", "rdma/ib"])
        let namespace = try #require(PlatformCompile.object(out, cluster: "aks", kind: "Namespace", name: "research"))
        #expect(namespace.labels["pod-security.kubernetes.io/enforce"] == "privileged")
        #expect(namespace.annotations["platformc.dev/security-exception"]?.stringValue?.hasPrefix("privileged: ") == true)
        #expect(namespace.labels["pod-security.kubernetes.io/warn"] == "restricted")
        // Elsewhere the team stays `restricted`.
        #expect(PlatformCompile
            .object(out, cluster: "gke", kind: "Namespace", name: "research")?.labels["pod-security.kubernetes.io/enforce"] == "restricted")
    }

    @Test func trainingIsPricedForItsHoursPerMonth() throws {
        let out = GKEAKSFixture.compile()
        let cost = try #require(out.plan?.cost?.workloads.first { $0.name == "llama-pretrain" })
        // The pool has `nodes.min: 0`: its 2 nodes run only for the job, 200 h × $98.32/h each.
        #expect(cost.monthly == Money(micros: 2 * 98_320_000 * 200))
        // With `nodes.min: 2` both nodes always run, and the job pays the whole month of both.
        let always = GKEAKSFixture.compile([("nodes: { min: 0, max: 2 }", "nodes: { min: 2, max: 2 }")])
        let job = try #require(always.plan?.cost?.workloads.first { $0.name == "llama-pretrain" })
        #expect(job.monthly == Money(micros: 2 * 98_320_000 * 730))
        let over = GKEAKSFixture.compile([("hoursPerMonth: 200", "hoursPerMonth: 800")])
        #expect(GKEAKSFixture.lines(over) == ["80:20: error[E7606]: training job `llama-pretrain` runs 800 hours a month; a month has 730"])
    }
}
