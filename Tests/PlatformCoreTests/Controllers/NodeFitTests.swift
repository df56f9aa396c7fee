import Foundation
@testable import PlatformCore
import PlatformDiagnostics
import Testing

/// CPU and memory of a pod against what one node of its pool offers after the provider's
/// reservations (`NodeAllocatable`, E7110).
@Suite struct NodeFitTests {
    /// Karpenter's own figures: the `cpu` and `memory` resources of each type in
    /// aws/karpenter-provider-aws `website/content/en/docs/reference/instance-types.md` at
    /// 1d927085 (the v1.14.1 docs), which Karpenter computes from the EC2 size with its overhead,
    /// kube-reserved and eviction defaults. Our computation must give the same numbers.
    @Test func karpenterAllocatableMatchesItsPublishedTable() throws {
        let published: [String: (cpu: Int64, memoryMiB: Int64)] = [
            "p4d.24xlarge": (95690, 1082712), "p4de.24xlarge": (95690, 1082712),
            "p5.48xlarge": (191450, 1938410), "p5e.48xlarge": (191450, 1938410), "p5en.48xlarge": (191450, 1937332),
            "g5.xlarge": (3920, 14162), "g5.12xlarge": (47810, 173400), "g5.48xlarge": (191450, 723299),
            "g6.xlarge": (3920, 14162), "g6.48xlarge": (191450, 718987),
            "g6e.xlarge": (3920, 29317), "g6e.12xlarge": (47810, 360157), "g6e.48xlarge": (191450, 1449132),
        ]
        let aws = InstanceCatalog.builtIn.types.values.filter { $0.provider == "aws" }
        #expect(Set(aws.map(\.name)) == Set(published.keys))
        for instance in aws {
            let offer = try #require(NodeAllocatable.of(instance, provisioning: .karpenter, kubernetesMinor: 34))
            #expect(offer.cpuMillis == published[instance.name]?.cpu, "\(instance.name)")
            #expect(offer.memoryMiB == published[instance.name]?.memoryMiB, "\(instance.name)")
        }
    }

    /// AKS's table of kube-reserved CPU (node-resource-reservations.md): 1, 2, 4, 8, 16, 32 and 64 cores.
    @Test func aksReservedCPUMatchesItsTable() {
        let table: [(Double, Double)] = [(1, 60), (2, 100), (4, 140), (8, 180), (16, 260), (32, 420), (64, 740)]
        for (cores, millis) in table {
            #expect((1000 * NodeAllocatable.brackets(cores, [(1, 0.06), (2, 0.04), (4, 0.02), (.infinity, 0.01)])).rounded() == millis)
        }
    }

    /// The GKE/AKS fixture's machines, worked by hand from the cited rules:
    /// - a3-highgpu-8g (208 vCPU, 1872 GiB): CPU 60+10+10+510 = 590m reserved; kernel 1872 GiB/64 +
    ///   16 + 64 + 248 MiB; kube-reserved 1000+800+800+6720+(1916928−128000)×2 % MiB; eviction 100 MiB.
    /// - Standard_ND96isr_H100_v5 (96 vCPU, 1900 GiB): CPU 60+40+40+920 = 1060m; 7.5 % VM overhead,
    ///   then min(20 × 250 + 50, 25 %) = 5050 MiB and 100 MiB.
    @Test func gkeAndAKSNodesOfTheFixture() throws {
        let a3 = try Self.offer("a3-highgpu-8g", .gkeNodePool)
        #expect((a3.cpuMillis, a3.memoryMiB) == (207_410, 1_841_450))
        let g2 = try Self.offer("g2-standard-24", .gkeNodePool)
        #expect((g2.cpuMillis, g2.memoryMiB) == (23_870, 88_877))
        let nd = try Self.offer("Standard_ND96isr_H100_v5", .aksAgentPool)
        #expect((nd.cpuMillis, nd.memoryMiB) == (94_940, 1_794_530))
        // Before 1.29 AKS reserved by brackets and evicted at 750Mi: 44.76 GiB + 750 MiB.
        let old = try Self.offer("Standard_ND96isr_H100_v5", .aksAgentPool, minor: 28)
        #expect(old.memoryMiB == 1_799_680 - 45_834 - 750)
    }

    static func offer(_ type: String, _ provisioning: NodeProvisioning, minor: Int = 34) throws -> NodeAllocatable {
        let instance = try #require(InstanceCatalog.builtIn.instance(named: type))
        return try #require(NodeAllocatable.of(instance, provisioning: provisioning, kubernetesMinor: minor))
    }

    /// Every instance type of the catalog is sized, so every pool on a known type is checked.
    @Test func everyInstanceTypeHasCPUAndMemory() {
        #expect(InstanceCatalog.builtIn.types.values.filter { $0.vcpus == 0 || $0.memoryGiB == 0 }.map(\.name) == [])
    }

    /// `spec.template.spec.containers[vllm].resources.requests` of the model's Deployment set to
    /// `cpu`/`memory` (as a template could).
    static func requesting(cpu: String?, memory: String?) -> @Sendable (Manifest) -> Manifest {
        { manifest in
            WillItRunTests.edited(manifest, when: manifest.kind == "Deployment" && manifest.name == "llama-3-70b") { value in
                guard var containers = value[path: ["spec", "template", "spec", "containers"]]?.listValue else { return }
                for index in containers.indices where containers[index]["name"] == "vllm" {
                    var requests = containers[index]["resources"]?["requests"]?.mapValue ?? ManifestMap()
                    if let cpu { requests["cpu"] = .string(cpu) }
                    if let memory { requests["memory"] = .string(memory) }
                    var resources = containers[index]["resources"] ?? .emptyMap
                    resources["requests"] = .map(requests)
                    containers[index]["resources"] = resources
                }
                value[path: ["spec", "template", "spec", "containers"]] = .list(containers)
            }
        }
    }

    /// A p5.48xlarge node offers 191450m CPU and 1938410Mi after Karpenter's reservations: exactly
    /// that fits, one more millicore or MiB does not, and the error is at the model's line with the
    /// pool as a note and what would fit as the help.
    @Test func aPodLargerThanAnyNodeOfItsPoolIsAnErrorAtTheModel() throws {
        let fits = Self.requesting(cpu: "191450m", memory: "1938410Mi")
        #expect(!WillItRunTests.findings(Fixture.minimal, editing: fits).contains { $0.contains("E7110") })
        let tooMuch = Self.requesting(cpu: "191451m", memory: "1938411Mi")
        #expect(WillItRunTests.findings(Fixture.minimal, editing: tooMuch).filter { $0.contains("E7110") } == [
            """
                17:11: [E7110]: the pods of model `llama-3-70b` request 191451m CPU and 1938411Mi memory per pod, more than one node of \
                any pool that could run them offers: they stay pending
                """,
        ])
        let finding = try #require(WillItRunTests.pass(Fixture.minimal, editing: tooMuch).first { $0.code == NodeFitCheck.code })
        #expect(finding.notes
            .map(\.message) == ["pool `h100`: a `p5.48xlarge` node offers 191450m CPU and 1938410Mi memory after Karpenter's reservations"])
        #expect(finding.notes.first?.location?.line == 10)
        #expect(finding.help == """
            request at most 191450m CPU and 1938410Mi memory per pod (what a `p5.48xlarge` node of pool `h100` offers), or use a larger \
            instance type
            """)
        // Only memory short: only memory is named.
        let memoryOnly = Self.requesting(cpu: "8", memory: "2Ti")
        #expect(WillItRunTests.notes(Fixture.minimal, code: "E7110", editing: memoryOnly) == [
            "pool `h100`: a `p5.48xlarge` node offers 1938410Mi memory after Karpenter's reservations",
        ])
    }

    /// An init container larger than the app containers sets the pod's request (the scheduler's
    /// effective request), so it is checked too.
    @Test func theLargestInitContainerCounts() {
        let initHeavy: @Sendable (Manifest) -> Manifest = { manifest in
            WillItRunTests.edited(manifest, when: manifest.kind == "Deployment" && manifest.name == "llama-3-70b") { value in
                value[path: ["spec", "template", "spec", "initContainers"]] = [[
                    "name": "warm", "image": "busybox:1.37", "resources": ["requests": ["memory": "3000Gi"]],
                ]]
            }
        }
        #expect(WillItRunTests.findings(Fixture.minimal, editing: initHeavy).contains {
            $0.hasPrefix("17:11: [E7110]: the pods of model `llama-3-70b` request ") && $0.contains("3000Gi memory per pod")
        })
        // Containers 2 plus a sidecar 1; an ordinary init container counts only where it is larger.
        for (initCPU, effective) in [("2", 3.0), ("5", 5.0)] {
            #expect(PodResources.requested(["containers": [["resources": ["requests": ["cpu": "2"]]]],
                                            "initContainers": [["resources": ["requests": ["cpu": .string(initCPU)]]],
                                                               ["restartPolicy": "Always", "resources": ["requests": ["cpu": "1"]]]]])
                    == ["cpu": effective])
        }
    }
}
